/**
 * Problems with a scenario's levers in the planner's language: from the codes of solver/scenario.ts
 * (`scenario.*`), and from the sentences the server writes without a code (its wire schema's
 * `must be <= 500`, and validateScenario's English relayed in a 400 as `body/scenario/LEVER SENTENCE`).
 * What it cannot read stays in the server's English.
 */
import type { Lang, MessageKey } from '../i18n.ts';
import { translate } from '../i18n.ts';
import { renderCoded, writeNumber, type Catalog, type Params, type WireCoded } from './params.ts';

const known = (p: Params) => ({ known: p.text('known') });

/** What `scenario.unknown_names` names, by its `kind`. */
const UNKNOWN_NAME_WORDS: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  staff: { vi: 'mã công chức', en: 'staff ids' },
  field: { vi: 'mã lĩnh vực', en: 'field codes' },
  center: { vi: 'mã trung tâm', en: 'center codes' },
};

/** `3 months` / `3 tháng`, as the solver writes a horizon (`1 month` in English). */
const monthsWords = (lang: Lang, n: string | undefined): string | undefined =>
  n === undefined ? undefined : lang === 'vi' ? `${n} tháng` : `${n} month${n === '1' ? '' : 's'}`;

/** Sentences by code (exported for the test that every solver code has one). */
export const SCENARIO_PROBLEM_TEXTS: Catalog = {
  'scenario.not_object': { vi: 'phương án phải là một đối tượng JSON', en: 'a scenario must be a JSON object' },
  'scenario.unknown_lever': { vi: 'không có tham số này; các tham số có: {known}', en: 'unknown lever; known: {known}', slots: known },
  'scenario.unknown_weight': { vi: 'không có trọng số này; các trọng số có: {known}', en: 'unknown weight; known: {known}', slots: known },
  'scenario.number': { vi: 'phải là một số', en: 'must be a number' },
  'scenario.whole_number': { vi: 'phải là số nguyên', en: 'must be a whole number' },
  'scenario.range': { vi: 'phải nằm trong khoảng từ {min} đến {max}', en: 'must be between {min} and {max}', slots: (p) => ({ min: p.num('min'), max: p.num('max') }) },
  'scenario.above_zero': { vi: 'phải lớn hơn 0', en: 'must be above 0' },
  'scenario.month': { vi: 'phải là tháng dạng YYYY-MM', en: 'must be a month YYYY-MM' },
  'scenario.quantile': { vi: 'phải là 0,5, 0,8 hoặc 0,95', en: 'must be 0.5, 0.8 or 0.95' },
  'scenario.boolean': { vi: 'phải là có hoặc không', en: 'must be true or false' },
  'scenario.staff_ids': { vi: 'phải là danh sách mã công chức', en: 'must be a list of staff ids' },
  'scenario.object': { vi: 'phải là bảng giá trị theo tên', en: 'must be an object' },
  'scenario.period_unplannable': {
    vi: 'phải là một tháng từ {first} đến {last} (lịch sử và {horizon} tháng dự báo tiếp theo, trong lịch làm việc {calendarFrom}-{calendarTo}){left}',
    en: "must be a month from {first} to {last} (the history and the {horizon} months forecast after it, within the calendar's {calendarFrom}-{calendarTo}){left}",
    slots: (p) => {
      const d = p.text('defaultPeriod');
      const left = d === undefined ? '' : p.lang === 'vi' ? `; bỏ trống thì lấy mặc định ${d}` : `; left out, it is the default ${d}`;
      return { first: p.text('first'), last: p.text('last'), horizon: p.num('horizon'), calendarFrom: p.text('calendarFrom'), calendarTo: p.text('calendarTo'), left };
    },
  },
  'scenario.secondment_range': {
    vi: 'không được lớn hơn thời gian biệt phái dài nhất ({max} tháng)',
    en: 'must be at most secondmentMaxMonths ({max})',
    slots: (p) => ({ max: p.num('max') }),
  },
  'scenario.secondment_too_long': {
    vi: 'phải nằm gọn trong thời gian kế hoạch {months}: không thể biệt phái ai',
    en: 'must fit in the horizon of {months}: no secondment could be made',
    slots: (p) => ({ months: monthsWords(p.lang, p.num('horizon')) }),
  },
  'scenario.lead_time': {
    vi: 'phải ngắn hơn thời gian kế hoạch {months}: không người tuyển mới nào kịp bắt đầu làm việc',
    en: 'must be shorter than the horizon of {months}: no hire could start within it',
    slots: (p) => ({ months: monthsWords(p.lang, p.num('horizon')) }),
  },
  'scenario.training_time': {
    vi: 'phải ngắn hơn thời gian kế hoạch {months}: không khóa đào tạo nào kết thúc kịp',
    en: 'must be shorter than the horizon of {months}: no training could end within it',
    slots: (p) => ({ months: monthsWords(p.lang, p.num('horizon')) }),
  },
  'scenario.horizon_past_forecast': {
    vi: 'kéo đến {last}, quá tháng cuối cùng có thể lập kế hoạch là {lastMonth} (hết dự báo): từ {from} được nhiều nhất {most} tháng',
    en: "reaches {last}, past the last month that can be planned, {lastMonth} (the forecast's end): at most {most} from {from}",
    slots: (p) => ({ last: p.text('last'), lastMonth: p.text('lastMonth'), most: p.num('most'), from: p.text('from') }),
  },
  'scenario.above_staff': {
    vi: 'không được quá {max}, số công chức trong bộ dữ liệu đang dùng',
    en: 'must be at most {max}, the civil servants in the active dataset',
    slots: (p) => ({ max: p.lang === 'en' ? p.text('max') : p.num('max') }),
  },
  'scenario.unknown_names': {
    vi: 'có {what} không có trong bộ dữ liệu đang dùng: {values}',
    en: 'names {what} not in the active dataset: {values}',
    slots: (p) => {
      const kind = p.text('kind');
      const words = kind === undefined ? undefined : UNKNOWN_NAME_WORDS[kind];
      return { what: words === undefined ? undefined : words[p.lang], values: p.text('values') };
    },
  },
  'scenario.one_of': { vi: 'phải là một trong: {allowed}', en: 'must be one of {allowed}', slots: (p) => ({ allowed: p.text('allowed') }) },
};

/** A coded scenario problem (validateScenario run in the browser) in `lang`. */
export const scenarioProblemText = (lang: Lang, p: WireCoded): string => renderCoded(SCENARIO_PROBLEM_TEXTS, lang, p);

/**
 * validateScenario's and checkScenario's English sentences, read back into codes (the API relays
 * them as text); params named in TEXT_PARAMS stay text, the others are numbers.
 */
const SCENARIO_SENTENCES: readonly [RegExp, string, readonly string[]][] = [
  [/^must be a month from (\d{4}-\d{2}) to (\d{4}-\d{2}) \(the history and the (\d+) months forecast after it, within the calendar's (\d{4})-(\d{4})\)(?:; left out, it is the default (\d{4}-\d{2}))?$/,
    'scenario.period_unplannable', ['first', 'last', 'horizon', 'calendarFrom', 'calendarTo', 'defaultPeriod']],
  [/^must be at most (\d+), the civil servants in the active dataset$/, 'scenario.above_staff', ['max']],
  [/^names (staff) ids not in the active dataset: (.*)$/, 'scenario.unknown_names', ['kind', 'values']],
  [/^names (field|center) codes not in the active dataset: (.*)$/, 'scenario.unknown_names', ['kind', 'values']],
  [/^must be a number$/, 'scenario.number', []],
  [/^must be a whole number$/, 'scenario.whole_number', []],
  [/^must be between (-?[\d.e+]+) and (-?[\d.e+]+)$/, 'scenario.range', ['min', 'max']],
  [/^must be above 0$/, 'scenario.above_zero', []],
  [/^must be a month YYYY-MM$/, 'scenario.month', []],
  [/^must be 0\.5, 0\.8 or 0\.95$/, 'scenario.quantile', []],
  [/^must be true or false$/, 'scenario.boolean', []],
  [/^must be a list of staff ids$/, 'scenario.staff_ids', []],
  [/^must be an object$/, 'scenario.object', []],
  [/^unknown lever; known: (.*)$/, 'scenario.unknown_lever', ['known']],
  [/^unknown weight; known: (.*)$/, 'scenario.unknown_weight', ['known']],
];

/** The wire schema's (ajv's) sentences in Vietnamese; `$1`... are the captured values, numbers rewritten. */
const SCHEMA_SENTENCES_VI: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^must be >= (-?[\d.e+]+)$/, (m) => `phải ≥ ${num(m[1])}`],
  [/^must be <= (-?[\d.e+]+)$/, (m) => `phải ≤ ${num(m[1])}`],
  [/^must be > (-?[\d.e+]+)$/, (m) => `phải > ${num(m[1])}`],
  [/^must be < (-?[\d.e+]+)$/, (m) => `phải < ${num(m[1])}`],
  [/^must be integer$/, () => 'phải là số nguyên'],
  [/^must be number$/, () => 'phải là một số'],
  [/^must be string$/, () => 'phải là chuỗi ký tự'],
  [/^must be boolean$/, () => 'phải là có hoặc không'],
  [/^must be null$/, () => 'phải để trống (không giới hạn)'],
  [/^must be object$/, () => 'phải là bảng giá trị theo tên'],
  [/^must be array$/, () => 'phải là một danh sách'],
  [/^must be equal to one of the allowed values$/, () => 'phải là một trong các giá trị cho phép'],
  [/^must be (-?[\d.]+)$/, (m) => `phải bằng ${num(m[1])}`],
  [/^must match pattern "(.*)"$/, (m) => `không đúng dạng (mẫu "${m[1]}")`],
  [/^must match format "(.*)"$/, (m) => `không đúng định dạng ${m[1]}`],
  [/^must NOT have additional property "(.*)"$/, (m) => `không được có trường "${m[1]}"`],
  [/^must have required property '(.*)'$/, (m) => `thiếu trường bắt buộc "${m[1]}"`],
  [/^must NOT have fewer than (\d+) items$/, (m) => `phải có ít nhất ${m[1]} mục`],
  [/^must NOT have more than (\d+) items$/, (m) => `không được có quá ${m[1]} mục`],
  [/^must NOT have fewer than (\d+) characters$/, (m) => `phải có ít nhất ${m[1]} ký tự`],
  [/^must NOT have more than (\d+) characters$/, (m) => `không được dài quá ${m[1]} ký tự`],
  [/^must NOT have duplicate items.*$/, () => 'không được có mục trùng nhau'],
  [/^is not valid$/, () => 'không hợp lệ'],
];
const TEXT_PARAMS: ReadonlySet<string> = new Set(['known', 'values', 'kind', 'first', 'last', 'calendarFrom', 'calendarTo', 'defaultPeriod']);

const num = (s: string | undefined): string => (s === undefined || !Number.isFinite(Number(s)) ? (s ?? '') : writeNumber('vi', Number(s)));

/**
 * One validation sentence (the part after the field's path) in `lang`; undefined when unknown.
 * English: validateScenario's sentences are rewritten from their codes; the schema's stay as sent.
 */
export const validationSentence = (lang: Lang, sentence: string): string | undefined => {
  for (const [re, code, names] of SCENARIO_SENTENCES) {
    const m = re.exec(sentence);
    if (m) {
      const params = Object.fromEntries(names.flatMap((n, i) => {
        const v = m[i + 1];
        return v === undefined ? [] : [[n, TEXT_PARAMS.has(n) ? v : Number(v)]];
      }));
      const text = renderCoded(SCENARIO_PROBLEM_TEXTS, lang, { code, params, message: '' });
      return text === '' ? undefined : text;
    }
  }
  if (lang === 'en') return undefined;
  // "must be null or must be >= 0": the branches of a union, each in words.
  const parts = sentence.split(/ or (?=must )/);
  const said = parts.map((part) => {
    for (const [re, say] of SCHEMA_SENTENCES_VI) {
      const m = re.exec(part);
      if (m) return say(m);
    }
    return undefined;
  });
  return said.every((s) => s !== undefined) ? said.join(' hoặc ') : undefined;
};

/** Lever names in words (the planner's own labels); the name as written when it has none. */
const LEVER_LABELS: Readonly<Record<string, MessageKey>> = {
  period: 'period',
  quantile: 'quantile',
  onlineShareShift: 'onlineShift',
  demandMultiplierByField: 'demandMultiplier',
  demandMultiplierByCenter: 'demandMultiplier',
  normMultiplierByField: 'normChange',
  hiresAllowedByField: 'hiresPerField',
  maxTransfers: 'transferBudget',
  maxCommuteKm: 'commuteRadius',
  minStaffPerCenter: 'minStaff',
  minStaffByCenter: 'minStaff',
  lockedStaffIds: 'lockedPeople',
  crossTraining: 'crossTraining',
  weights: 'weights',
  timeLimitSeconds: 'timeLimit',
};

/** `maxCommuteKm` as "Bán kính đi lại (maxCommuteKm)"; `weights/evenness` keeps its sub-path. */
export const leverLabel = (lang: Lang, path: string): string => {
  const [lever = '', ...rest] = path.split(/[./]/);
  const key = LEVER_LABELS[lever];
  const words = key === undefined ? undefined : translate(lang, key);
  return words === undefined ? path : `${words} (${[lever, ...rest].join('.')})`;
};

/**
 * A server validation message `body/scenario/maxCommuteKm must be <= 500` in `lang`:
 * `{ lever: 'maxCommuteKm', text: 'phải ≤ 500' }`; undefined when it is not one or its sentence is unknown.
 */
export const readValidationMessage = (lang: Lang, message: string): { readonly path: string; readonly text: string } | undefined => {
  const m = /^(?:body|querystring|params)(?:\/([\w/]+))? (.+)$/.exec(message);
  if (!m) return undefined;
  const text = validationSentence(lang, m[2] ?? '');
  return text === undefined ? undefined : { path: m[1] ?? '', text };
};
