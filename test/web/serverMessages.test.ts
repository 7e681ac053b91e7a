import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../solver/dataset/loadDataset.ts';
import { checkScenario, scenarioFacts } from '../../solver/checkScenario.ts';
import type { Dataset } from '../../solver/domain.ts';
import { validateScenario } from '../../solver/scenario.ts';
import { IMPORT_PROBLEM_TEXTS, importProblemText } from '../../web/src/messages/importProblemText.ts';
import { SCENARIO_PROBLEM_TEXTS, scenarioProblemText } from '../../web/src/messages/scenarioProblemText.ts';
import { serverMessageText } from '../../web/src/messages/serverMessageText.ts';
import { fixture, fixtureDataset } from '../solver/dataset/fixtures.ts';

const badCases = [
  ['history', 'history-negative-count.csv'],
  ['history', 'history-counts-do-not-add-up.csv'],
  ['history', 'history-duplicate-row.csv'],
  ['history', 'history-wrong-cell-count.csv'],
  ['centers', 'centers-lat-lon-swapped.csv'],
  ['staff', 'staff-fte-out-of-range.csv'],
  ['fields', 'fields-zero-priority.csv'],
] as const;
const problemsOf = (table: string, file: string) => {
  const r = loadDataset({ ...fixtureDataset('good'), [table]: fixture(`bad/${file}`) });
  return r.ok ? [] : r.problems;
};

describe('import problems in both languages', () => {
  it('a negative count reads in Vietnamese from its code, with the bound', () => {
    const [p] = problemsOf('history', 'history-negative-count.csv');
    expect(importProblemText('vi', p!)).toBe('phải là số nguyên ≥ 0');
    expect(importProblemText('en', p!)).toBe('must be a whole number >= 0');
  });

  it('counts that do not add up name both numbers, with Vietnamese thousands separators', () => {
    const p = { file: 'h.csv', message: 'x', code: 'import.counts_unbalanced', params: { sum: 1690, received: 1700 } };
    expect(importProblemText('vi', p)).toBe('đúng hạn + trễ hạn + đang giải quyết = 1.690, phải bằng số tiếp nhận 1.700');
    expect(importProblemText('en', p)).toBe('resolved_on_time + resolved_late + pending = 1,690, must equal received 1,700');
  });

  it('coordinates outside Vietnam and an fte out of range say their bounds', () => {
    const [lat, lon] = problemsOf('centers', 'centers-lat-lon-swapped.csv');
    expect(importProblemText('vi', lat!)).toBe('phải là vĩ độ trong lãnh thổ Việt Nam, từ 8 đến 24');
    expect(importProblemText('vi', lon!)).toBe('phải là kinh độ trong lãnh thổ Việt Nam, từ 102 đến 118');
    const [fte] = problemsOf('staff', 'staff-fte-out-of-range.csv');
    expect(importProblemText('vi', fte!)).toBe('phải là một số > 0 và ≤ 1');
  });

  it('the English rendered from the code is the server\'s own sentence for every named bad case here', () => {
    for (const [table, file] of badCases) for (const p of problemsOf(table, file)) expect(importProblemText('en', p)).toBe(p.message);
  });

  it('an unknown code, or none, shows the server\'s English, never nothing', () => {
    expect(importProblemText('vi', { file: 'a.csv', message: 'a brand new check', code: 'import.brand_new', params: {} })).toBe('a brand new check');
    expect(importProblemText('vi', { file: 'a.csv', message: 'no code at all' })).toBe('no code at all');
    expect(importProblemText('vi', { file: 'a.csv', message: 'the file does not exist' })).toBe('không có tệp này');
  });

  it('a missing param falls back to the English instead of a sentence with a hole', () => {
    expect(importProblemText('vi', { file: 'a.csv', message: 'missing column "x"', code: 'import.missing_column', params: {} })).toBe('missing column "x"');
  });

  it('every import code has a sentence in both languages', () => {
    const codes = [
      'file_empty', 'not_csv', 'column_twice', 'missing_column', 'cell_count', 'no_rows', 'unknown_column', 'empty', 'number', 'latitude',
      'longitude', 'boolean', 'one_of', 'unit_code', 'field_id', 'month', 'date', 'duplicate', 'unknown_center', 'unknown_field',
      'resolved_over_received', 'counts_unbalanced', 'no_outcomes', 'outcomes_blank', 'no_fields', 'field_twice', 'before_received', 'after_export', 'before_history', 'more_problems',
      'workbook_unreadable', 'workbook_encrypted', 'workbook_macros', 'sheet_empty', 'sheet_missing', 'merged_header', 'formula', 'formula_no_value',
    ].map((c) => `import.${c}`);
    expect(Object.keys(IMPORT_PROBLEM_TEXTS).sort()).toEqual([...codes].sort());
  });
});

describe('scenario problems in both languages', () => {
  it('a lever out of range says its range; an unknown weight lists the known ones', () => {
    const result = validateScenario({ maxCommuteKm: 900, weights: { speed: 1 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => scenarioProblemText('vi', p))).toEqual([
      'phải nằm trong khoảng từ 0 đến 500',
      'không có trọng số này; các trọng số có: uncovered, evenness, transfers, commuteKm, hires, secondmentMonths, training',
    ]);
    expect(result.problems.map((p) => scenarioProblemText('en', p))).toEqual(result.problems.map((p) => p.message));
  });

  it('every scenario code of the solver has a sentence', () => {
    expect(Object.keys(SCENARIO_PROBLEM_TEXTS).sort()).toEqual([
      'scenario.above_zero', 'scenario.boolean', 'scenario.month', 'scenario.not_object', 'scenario.number', 'scenario.object',
      'scenario.one_of', 'scenario.quantile', 'scenario.range', 'scenario.staff_ids', 'scenario.unknown_lever', 'scenario.unknown_weight', 'scenario.whole_number',
      'scenario.period_unplannable', 'scenario.above_staff', 'scenario.unknown_names',
      'scenario.secondment_range', 'scenario.secondment_too_long', 'scenario.lead_time', 'scenario.training_time', 'scenario.horizon_past_forecast',
    ].sort());
  });

  it('the dataset check\'s problems read in Vietnamese, and in English exactly as the solver wrote them', () => {
    const facts = scenarioFacts({ centers: [{ code: '10001' }], fields: [{ field: 'land' }], history: [{ month: '2025-08' }], staff: [{ staffId: 'A' }, { staffId: 'B' }] } as unknown as Dataset, 12);
    const result = checkScenario({ maxTransfers: 3, lockedStaffIds: ['Z'], minStaffByCenter: { '99999': 1 } }, facts);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => scenarioProblemText('en', p))).toEqual(result.problems.map((p) => p.message));
    expect(result.problems.map((p) => scenarioProblemText('vi', p))).toEqual([
      'phải là một tháng từ 2025-08 đến 2026-08 (lịch sử và 12 tháng dự báo tiếp theo, trong lịch làm việc 2023-2027); bỏ trống thì lấy mặc định 2026-11',
      'không được quá 2, số công chức trong bộ dữ liệu đang dùng',
      'có mã công chức không có trong bộ dữ liệu đang dùng: Z',
      'có mã trung tâm không có trong bộ dữ liệu đang dùng: 99999',
    ]);
  });
});

describe('free-text server errors', () => {
  it('validation messages name the lever in words and say the rule in Vietnamese', () => {
    expect(serverMessageText('vi', 'body/scenario/maxCommuteKm must be <= 500')).toBe('Bán kính đi lại (maxCommuteKm): phải ≤ 500');
    expect(serverMessageText('vi', 'body/scenario/maxTransfers must be null or must be >= 0')).toBe(
      'Số điều động tối đa (maxTransfers): phải để trống (không giới hạn) hoặc phải ≥ 0',
    );
    expect(serverMessageText('vi', 'body/scenario/weights/evenness must be between 0 and 1000000')).toBe(
      'Trọng số mục tiêu (weights.evenness): phải nằm trong khoảng từ 0 đến 1.000.000',
    );
    expect(serverMessageText('vi', 'body/planIds must NOT have fewer than 2 items')).toBe('planIds: phải có ít nhất 2 mục');
  });

  it('the dataset check\'s messages, as the API relays them, read in Vietnamese', () => {
    expect(serverMessageText('vi', "body/scenario/period must be a month from 2023-01 to 2027-06 (the history and the 12 months forecast after it, within the calendar's 2023-2027)")).toBe(
      'Kỳ kế hoạch (period): phải là một tháng từ 2023-01 đến 2027-06 (lịch sử và 12 tháng dự báo tiếp theo, trong lịch làm việc 2023-2027)',
    );
    expect(serverMessageText('vi', 'body/scenario/maxTransfers must be at most 1549, the civil servants in the active dataset')).toBe(
      'Số điều động tối đa (maxTransfers): không được quá 1.549, số công chức trong bộ dữ liệu đang dùng',
    );
    expect(serverMessageText('vi', 'body/scenario/demandMultiplierByField names field codes not in the active dataset: soil, constructor')).toMatch(
      /\(demandMultiplierByField\): có mã lĩnh vực không có trong bộ dữ liệu đang dùng: soil, constructor$/,
    );
  });

  it('known HTTP errors read in Vietnamese; English keeps the server\'s words; unknown ones stay as sent', () => {
    expect(serverMessageText('vi', 'no plan with id 5a1f')).toBe('không có kết quả giải với mã 5a1f');
    expect(serverMessageText('vi', 'plan 0f3c9a2e-1111 is failed: it has no result (the solver stopped unexpectedly)')).toBe(
      'kết quả giải 0f3c9a2e bị lỗi: chưa có kết quả (bộ giải dừng bất thường)',
    );
    expect(serverMessageText('vi', 'the solver queue is full; retry in 10 s')).toBe('hàng đợi giải đang đầy; hãy thử lại sau 10 giây');
    expect(serverMessageText('en', 'no plan with id 5a1f')).toBe('no plan with id 5a1f');
    expect(serverMessageText('vi', 'something nobody wrote down')).toBe('something nobody wrote down');
  });

  it('a solve that failed on its levers lists each lever in Vietnamese', () => {
    expect(serverMessageText('vi', 'invalid scenario: maxCommuteKm = 900: must be between 0 and 500; quantile = 0.7: must be 0.5, 0.8 or 0.95')).toBe(
      'phương án không hợp lệ: Bán kính đi lại (maxCommuteKm) = 900: phải nằm trong khoảng từ 0 đến 500; Mức dự báo (quantile) = 0.7: phải là 0,5, 0,8 hoặc 0,95',
    );
  });
});

describe('the horizon levers\' problems in both languages', () => {
  it('read in Vietnamese, and in English exactly as the solver wrote them', () => {
    const result = validateScenario({ horizon: 3, secondmentMinMonths: 7, secondmentMaxMonths: 6, hiresAllowedByField: { land: 1 }, trainingBudget: 1, trainingMonths: 3 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => scenarioProblemText('en', p))).toEqual(result.problems.map((p) => p.message));
    expect(result.problems.map((p) => scenarioProblemText('vi', p))).toEqual([
      'không được lớn hơn thời gian biệt phái dài nhất (6 tháng)',
      'phải nằm gọn trong thời gian kế hoạch 3 tháng: không thể biệt phái ai',
      'phải ngắn hơn thời gian kế hoạch 3 tháng: không người tuyển mới nào kịp bắt đầu làm việc',
      'phải ngắn hơn thời gian kế hoạch 3 tháng: không khóa đào tạo nào kết thúc kịp',
    ]);
  });

  it('a horizon past the forecast reads in Vietnamese with its months', () => {
    const facts = scenarioFacts({ centers: [{ code: '10001' }], fields: [{ field: 'land' }], history: [{ month: '2025-08' }], staff: [{ staffId: 'A' }] } as unknown as Dataset, 12);
    const result = checkScenario({ period: '2026-01', horizon: 12 }, facts);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => scenarioProblemText('en', p))).toEqual(result.problems.map((p) => p.message));
    expect(result.problems.map((p) => scenarioProblemText('vi', p))).toEqual([
      'kéo đến 2026-12, quá tháng cuối cùng có thể lập kế hoạch là 2026-08 (hết dự báo): từ 2026-01 được nhiều nhất 8 tháng',
    ]);
  });
});
