/**
 * An import problem (solver/dataset/problemCodes.ts) in the planner's language, from its code and
 * params; the file, line, column and value are shown in their own columns. Unknown codes, or
 * problems without one, show the server's English message.
 */
import type { Lang } from '../i18n.ts';
import { renderCoded, writeDate, type Catalog, type Params, type WireCoded } from './params.ts';

/** `≥ 0`, `> 0 và ≤ 1`, `between 8 and 24`: the bounds of an `import.number` problem in words. */
const bounds = (p: Params): string | undefined => {
  const vi = p.lang === 'vi';
  const min = p.num('min');
  const max = p.num('max');
  const exclusive = p.raw('minExclusive') === 1;
  if (min !== undefined && max !== undefined) {
    return exclusive ? (vi ? ` > ${min} và ≤ ${max}` : ` > ${min} and <= ${max}`) : vi ? ` từ ${min} đến ${max}` : ` between ${min} and ${max}`;
  }
  if (min !== undefined) return exclusive ? ` > ${min}` : vi ? ` ≥ ${min}` : ` >= ${min}`;
  if (max !== undefined) return vi ? ` ≤ ${max}` : ` <= ${max}`;
  return '';
};

/** What an `import.number` cell holds: by its unit, else whole or any number. */
const NUMBER_KINDS: Readonly<Record<string, { readonly vi: string; readonly en: string }>> = {
  days: { vi: 'số ngày làm việc (số nguyên)', en: 'a whole number of working days' },
  minutes: { vi: 'số phút', en: 'a number of minutes' },
  whole: { vi: 'số nguyên', en: 'a whole number' },
  number: { vi: 'một số', en: 'a number' },
};
const numberKind = (p: Params): string | undefined =>
  NUMBER_KINDS[p.text('unit') ?? (p.raw('integer') === 1 ? 'whole' : 'number')]?.[p.lang];

const DUPLICATES: Readonly<Record<string, { readonly vi: string; readonly en: string }>> = {
  center_code: { vi: 'mã trung tâm', en: 'center code' },
  field: { vi: 'mã lĩnh vực', en: 'field id' },
  history_row: { vi: 'trung tâm, tháng, lĩnh vực và kênh', en: 'center, month, field and channel' },
  staff_id: { vi: 'mã công chức', en: 'staff id' },
  dossier_id: { vi: 'mã hồ sơ', en: 'dossier id' },
};

const column = (p: Params) => ({ column: p.text('column') });
const range = (p: Params) => ({ min: p.num('min'), max: p.num('max') });

/** Sentences by code (exported for the test that every solver code has one). */
export const IMPORT_PROBLEM_TEXTS: Catalog = {
  'import.file_empty': { vi: 'tệp trống', en: 'the file is empty' },
  'import.not_csv': { vi: 'không đọc được dạng CSV: {detail}', en: 'not readable as CSV: {detail}', slots: (p) => ({ detail: p.text('detail') }) },
  'import.column_twice': { vi: 'cột "{column}" xuất hiện hai lần ở dòng tiêu đề', en: 'column "{column}" appears twice in the header', slots: column },
  'import.missing_column': { vi: 'thiếu cột "{column}"', en: 'missing column "{column}"', slots: column },
  'import.cell_count': {
    vi: 'cần {expected} ô, có {found} ô',
    en: 'expected {expected} cells, found {found}',
    slots: (p) => ({ expected: p.num('expected'), found: p.num('found') }),
  },
  'import.no_rows': { vi: 'tệp có dòng tiêu đề nhưng không có dòng dữ liệu nào', en: 'the file has a header but no data rows' },
  'import.unknown_column': { vi: 'cột lạ "{column}" được bỏ qua', en: 'unknown column "{column}" is ignored', slots: column },
  'import.empty': { vi: 'không được để trống', en: 'must not be empty' },
  'import.number': { vi: 'phải là {kind}{bounds}', en: 'must be {kind}{bounds}', slots: (p) => ({ kind: numberKind(p), bounds: bounds(p) }) },
  'import.latitude': { vi: 'phải là vĩ độ trong lãnh thổ Việt Nam, từ {min} đến {max}', en: 'must be a latitude in Vietnam, between {min} and {max}', slots: range },
  'import.longitude': { vi: 'phải là kinh độ trong lãnh thổ Việt Nam, từ {min} đến {max}', en: 'must be a longitude in Vietnam, between {min} and {max}', slots: range },
  'import.boolean': { vi: 'phải là có hoặc không (true/false, 1/0, yes/no, có/không)', en: 'must be true or false (also 1/0, yes/no, có/không)' },
  'import.one_of': { vi: 'phải là một trong các giá trị: {allowed}', en: 'must be one of {allowed}', slots: (p) => ({ allowed: p.text('allowed') }) },
  'import.unit_code': {
    vi: 'phải là mã đơn vị hành chính 5 chữ số{hint}',
    en: 'must be a 5-digit unit code{hint}',
    slots: (p) => ({ hint: p.raw('short') !== 1 ? '' : p.lang === 'vi' ? ' (bảng tính đã làm mất số 0 ở đầu?)' : ' (were leading zeros lost by a spreadsheet?)' }),
  },
  'import.field_id': { vi: 'phải là mã lĩnh vực viết thường, nối bằng dấu gạch dưới, ví dụ civil_status', en: 'must be a field id in lower snake case, e.g. civil_status' },
  'import.month': { vi: 'phải là tháng dạng YYYY-MM, ví dụ 2025-07', en: 'must be a month as YYYY-MM, e.g. 2025-07' },
  'import.date': { vi: 'phải là ngày có thật, dạng YYYY-MM-DD hoặc DD/MM/YYYY', en: 'must be a real date as YYYY-MM-DD or DD/MM/YYYY' },
  'import.duplicate': {
    vi: 'trùng {what}: đã có ở dòng {line}',
    en: 'duplicate {what}: first on line {line}',
    slots: (p) => ({ what: DUPLICATES[p.text('what') ?? '']?.[p.lang], line: p.num('firstLine') }),
  },
  'import.unknown_center': { vi: 'mã trung tâm không có trong bảng trung tâm', en: 'unknown center code (not in the centers table)' },
  'import.unknown_field': { vi: 'mã lĩnh vực không có trong bảng lĩnh vực', en: 'unknown field id (not in the fields table)' },
  'import.resolved_over_received': {
    vi: 'số đã giải quyết (đúng hạn + trễ hạn = {resolved}) lớn hơn số tiếp nhận',
    en: 'resolved more than received: resolved_on_time + resolved_late = {resolved}',
    slots: (p) => ({ resolved: p.num('resolved') }),
  },
  'import.counts_unbalanced': {
    vi: 'đúng hạn + trễ hạn + đang giải quyết = {sum}, phải bằng số tiếp nhận {received}',
    en: 'resolved_on_time + resolved_late + pending = {sum}, must equal received {received}',
    slots: (p) => ({ sum: p.num('sum'), received: p.num('received') }),
  },
  'import.no_outcomes': {
    vi: 'không có các cột kết quả giải quyết (resolved_on_time, resolved_late, pending): vẫn tính được khối lượng công việc, nhưng không kiểm tra được mô hình và không hiệu chỉnh được định mức; dùng định mức chính thức',
    en: 'no outcome columns (resolved_on_time, resolved_late, pending): the workload is computed, but the model check and the calibration of norms cannot be done, and the official norms are used',
  },
  'import.outcomes_blank': {
    vi: '{rows} dòng để trống các ô kết quả giải quyết: các tháng × trung tâm đó không dùng để kiểm tra mô hình và hiệu chỉnh định mức',
    en: 'outcome cells blank on {rows} rows: their center-months are left out of the model check and the calibration of norms',
    slots: (p) => ({ rows: p.num('rows') }),
  },
  'import.no_fields': { vi: 'phải có ít nhất một mã lĩnh vực, cách nhau bằng dấu ;', en: 'must list at least one field id, separated by ;' },
  'import.field_twice': { vi: 'lĩnh vực bị liệt kê hai lần', en: 'field listed twice' },
  'import.before_received': {
    vi: 'sớm hơn ngày tiếp nhận {date}',
    en: 'is before the received_date {date}',
    slots: (p) => ({ date: writeDate(p.lang, p.text('received')) }),
  },
  'import.after_export': { vi: 'muộn hơn ngày xuất dữ liệu {date}', en: 'is after the export date {date}', slots: (p) => ({ date: writeDate(p.lang, p.text('asOf')) }) },
  'import.before_history': {
    vi: 'sớm hơn tháng đầu tiên của dữ liệu lịch sử {first}',
    en: "is before the history's first month {first}",
    slots: (p) => ({ first: p.text('first') }),
  },
  'import.more_problems': { vi: 'và {count} lỗi khác không liệt kê', en: 'and {count} more problems not listed', slots: (p) => ({ count: p.num('count') }) },
  'import.workbook_unreadable': {
    vi: 'không đọc được dạng sổ tính .xlsx: {detail}',
    en: 'not a readable .xlsx workbook: {detail}',
    slots: (p) => ({ detail: p.text('detail') }),
  },
  'import.workbook_encrypted': {
    vi: 'sổ tính có mật khẩu: hãy gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu lại',
    en: 'the workbook is password-protected: remove the password (File > Info > Protect Workbook) and save it again',
  },
  'import.workbook_macros': {
    vi: 'sổ tính có macro (VBA): hãy lưu lại dạng "Sổ làm việc Excel (.xlsx)" không có macro',
    en: 'the workbook contains macros (VBA): save it as "Excel Workbook (.xlsx)", without macros',
  },
  'import.sheet_empty': { vi: 'trang tính trống', en: 'the sheet is empty' },
  'import.sheet_missing': {
    vi: 'không có trang tính cho bảng {table}: đặt tên trang tính là "{sheet}" hoặc "{table}"',
    en: 'no sheet for the table {table}: name a sheet "{sheet}" or "{table}"',
    slots: (p) => ({ table: p.text('table'), sheet: p.text('sheet') }),
  },
  'import.merged_header': {
    vi: 'ô tiêu đề bị gộp {range}: hãy bỏ gộp để mỗi cột có tiêu đề riêng',
    en: 'merged header cells {range}: unmerge them so that each column has its own heading',
    slots: (p) => ({ range: p.text('range') }),
  },
  'import.formula': {
    vi: '{cells} ô chứa công thức (ô đầu tiên: {formula}): dùng giá trị Excel đã tính lần cuối',
    en: '{cells} cells hold formulas (the first: {formula}): their values as last calculated by Excel are used',
    slots: (p) => ({ cells: p.num('cells'), formula: p.text('formula') }),
  },
  'import.formula_no_value': {
    vi: 'công thức {formula} chưa có giá trị tính sẵn: hãy mở và lưu lại sổ tính bằng Excel',
    en: 'formula {formula} has no calculated value: open the workbook in Excel and save it again',
    slots: (p) => ({ formula: p.text('formula') }),
  },
};

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
