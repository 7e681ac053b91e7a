/**
 * An import problem (solver/dataset/problemCodes.ts) in the planner's language, from its code and
 * params; the file, line, column and value are shown in their own columns. Unknown codes, or
 * problems without one, show the server's English message.
 */
import type { Lang } from '../i18n.ts';
import { fill, renderCoded, writeDate, type Params, type Render, type WireCoded } from './params.ts';

/** `>= 0`, `> 0 and <= 1`, `between 8 and 24` in words, for the number codes. */
const bounds = (p: Params, vi: boolean): string | undefined => {
  const min = p.num('min');
  const max = p.num('max');
  const exclusive = p.raw('minExclusive') === 1;
  if (min !== undefined && max !== undefined) {
    return exclusive ? (vi ? `> ${min} và ≤ ${max}` : `> ${min} and <= ${max}`) : vi ? `từ ${min} đến ${max}` : `between ${min} and ${max}`;
  }
  if (min !== undefined) return exclusive ? `> ${min}` : vi ? `≥ ${min}` : `>= ${min}`;
  if (max !== undefined) return vi ? `≤ ${max}` : `<= ${max}`;
  return '';
};

const numberVi: Render = (p) => {
  const whole = p.raw('integer') === 1;
  const unit = p.text('unit');
  const what =
    unit === 'days' ? 'số ngày làm việc' + (whole ? ' (số nguyên)' : '') : unit === 'minutes' ? 'số phút' : whole ? 'số nguyên' : 'một số';
  const b = bounds(p, true);
  return b === undefined ? undefined : `phải là ${what}${b ? ` ${b}` : ''}`;
};

const numberEn: Render = (p) => {
  const whole = p.raw('integer') === 1;
  const unit = p.text('unit');
  const what = unit === 'days' ? 'a whole number of working days' : unit === 'minutes' ? 'a number of minutes' : whole ? 'a whole number' : 'a number';
  const b = bounds(p, false);
  return b === undefined ? undefined : `must be ${what}${b ? ` ${b}` : ''}`;
};

const DUPLICATE_VI: Readonly<Record<string, string>> = {
  center_code: 'mã trung tâm',
  field: 'mã lĩnh vực',
  history_row: 'trung tâm, tháng, lĩnh vực và kênh',
  staff_id: 'mã công chức',
  dossier_id: 'mã hồ sơ',
};
const DUPLICATE_EN: Readonly<Record<string, string>> = {
  center_code: 'center code',
  field: 'field id',
  history_row: 'center, month, field and channel',
  staff_id: 'staff id',
  dossier_id: 'dossier id',
};

const vi: Readonly<Record<string, Render>> = {
  'import.file_empty': () => 'tệp trống',
  'import.not_csv': (p) => fill('không đọc được dạng CSV: {detail}', { detail: p.text('detail') }),
  'import.column_twice': (p) => fill('cột "{column}" xuất hiện hai lần ở dòng tiêu đề', { column: p.text('column') }),
  'import.missing_column': (p) => fill('thiếu cột "{column}"', { column: p.text('column') }),
  'import.cell_count': (p) => fill('cần {expected} ô, có {found} ô', { expected: p.num('expected'), found: p.num('found') }),
  'import.no_rows': () => 'tệp có dòng tiêu đề nhưng không có dòng dữ liệu nào',
  'import.unknown_column': (p) => fill('cột lạ "{column}" được bỏ qua', { column: p.text('column') }),
  'import.empty': () => 'không được để trống',
  'import.number': numberVi,
  'import.latitude': (p) => fill('phải là vĩ độ trong lãnh thổ Việt Nam, từ {min} đến {max}', { min: p.num('min'), max: p.num('max') }),
  'import.longitude': (p) => fill('phải là kinh độ trong lãnh thổ Việt Nam, từ {min} đến {max}', { min: p.num('min'), max: p.num('max') }),
  'import.boolean': () => 'phải là có hoặc không (true/false, 1/0, yes/no, có/không)',
  'import.one_of': (p) => fill('phải là một trong các giá trị: {allowed}', { allowed: p.text('allowed') }),
  'import.unit_code': (p) =>
    p.raw('short') === 1 ? 'phải là mã đơn vị hành chính 5 chữ số (bảng tính đã làm mất số 0 ở đầu?)' : 'phải là mã đơn vị hành chính 5 chữ số',
  'import.field_id': () => 'phải là mã lĩnh vực viết thường, nối bằng dấu gạch dưới, ví dụ civil_status',
  'import.month': () => 'phải là tháng dạng YYYY-MM, ví dụ 2025-07',
  'import.date': () => 'phải là ngày có thật, dạng YYYY-MM-DD hoặc DD/MM/YYYY',
  'import.duplicate': (p) =>
    fill('trùng {what}: đã có ở dòng {line}', { what: DUPLICATE_VI[p.text('what') ?? ''], line: p.num('firstLine') }),
  'import.unknown_center': () => 'mã trung tâm không có trong bảng trung tâm',
  'import.unknown_field': () => 'mã lĩnh vực không có trong bảng lĩnh vực',
  'import.resolved_over_received': (p) =>
    fill('số đã giải quyết (đúng hạn + trễ hạn = {resolved}) lớn hơn số tiếp nhận', { resolved: p.num('resolved') }),
  'import.counts_unbalanced': (p) =>
    fill('đúng hạn + trễ hạn + đang giải quyết = {sum}, phải bằng số tiếp nhận {received}', { sum: p.num('sum'), received: p.num('received') }),
  'import.no_fields': () => 'phải có ít nhất một mã lĩnh vực, cách nhau bằng dấu ;',
  'import.field_twice': () => 'lĩnh vực bị liệt kê hai lần',
  'import.before_received': (p) => fill('sớm hơn ngày tiếp nhận {date}', { date: writeDate('vi', p.text('received')) }),
  'import.after_export': (p) => fill('muộn hơn ngày xuất dữ liệu {date}', { date: writeDate('vi', p.text('asOf')) }),
  'import.more_problems': (p) => fill('và {count} lỗi khác không liệt kê', { count: p.num('count') }),
};

const en: Readonly<Record<string, Render>> = {
  'import.file_empty': () => 'the file is empty',
  'import.not_csv': (p) => fill('not readable as CSV: {detail}', { detail: p.text('detail') }),
  'import.column_twice': (p) => fill('column "{column}" appears twice in the header', { column: p.text('column') }),
  'import.missing_column': (p) => fill('missing column "{column}"', { column: p.text('column') }),
  'import.cell_count': (p) => fill('expected {expected} cells, found {found}', { expected: p.num('expected'), found: p.num('found') }),
  'import.no_rows': () => 'the file has a header but no data rows',
  'import.unknown_column': (p) => fill('unknown column "{column}" is ignored', { column: p.text('column') }),
  'import.empty': () => 'must not be empty',
  'import.number': numberEn,
  'import.latitude': (p) => fill('must be a latitude in Vietnam, between {min} and {max}', { min: p.num('min'), max: p.num('max') }),
  'import.longitude': (p) => fill('must be a longitude in Vietnam, between {min} and {max}', { min: p.num('min'), max: p.num('max') }),
  'import.boolean': () => 'must be true or false (also 1/0, yes/no, có/không)',
  'import.one_of': (p) => fill('must be one of {allowed}', { allowed: p.text('allowed') }),
  'import.unit_code': (p) =>
    p.raw('short') === 1 ? 'must be a 5-digit unit code (were leading zeros lost by a spreadsheet?)' : 'must be a 5-digit unit code',
  'import.field_id': () => 'must be a field id in lower snake case, e.g. civil_status',
  'import.month': () => 'must be a month as YYYY-MM, e.g. 2025-07',
  'import.date': () => 'must be a real date as YYYY-MM-DD or DD/MM/YYYY',
  'import.duplicate': (p) => fill('duplicate {what}: first on line {line}', { what: DUPLICATE_EN[p.text('what') ?? ''], line: p.num('firstLine') }),
  'import.unknown_center': () => 'unknown center code (not in the centers table)',
  'import.unknown_field': () => 'unknown field id (not in the fields table)',
  'import.resolved_over_received': (p) =>
    fill('resolved more than received: resolved_on_time + resolved_late = {resolved}', { resolved: p.num('resolved') }),
  'import.counts_unbalanced': (p) =>
    fill('resolved_on_time + resolved_late + pending = {sum}, must equal received {received}', { sum: p.num('sum'), received: p.num('received') }),
  'import.no_fields': () => 'must list at least one field id, separated by ;',
  'import.field_twice': () => 'field listed twice',
  'import.before_received': (p) => fill('is before the received_date {date}', { date: p.text('received') }),
  'import.after_export': (p) => fill('is after the export date {date}', { date: p.text('asOf') }),
  'import.more_problems': (p) => fill('and {count} more problems not listed', { count: p.num('count') }),
};

/** Sentences by code, per language (exported for the test that every solver code has both). */
export const IMPORT_PROBLEM_TEXTS: Readonly<Record<Lang, Readonly<Record<string, Render>>>> = { vi, en };

/** Words the server writes without a code (api/dataset-files.ts), in Vietnamese. */
const UNCODED_VI: readonly [RegExp, string][] = [
  [/^the file does not exist$/, 'không có tệp này'],
  [/^the file is not UTF-8 text \(save it as "CSV UTF-8"\)$/, 'tệp không phải văn bản UTF-8 (hãy lưu dạng "CSV UTF-8")'],
];

/** An import problem as the server sends it (solver/domain.ts InputProblem, with its code when it has one). */
export interface WireProblem extends WireCoded {
  readonly file: string;
  readonly line?: number;
  readonly column?: string;
  readonly value?: string;
}

/** The problem's sentence in `lang`; the server's English when its code is unknown or absent. */
export const importProblemText = (lang: Lang, p: WireProblem): string => {
  if (p.code === undefined && lang === 'vi') {
    const hit = UNCODED_VI.find(([re]) => re.test(p.message));
    if (hit) return hit[1];
  }
  return renderCoded(IMPORT_PROBLEM_TEXTS, lang, p);
};
