/**
 * A solved plan as files: CSV (one row per civil servant and field), XLSX (summary, moves,
 * assignments, coverage sheets) and a printable HTML memo for a council meeting.
 */
import type { NormsUsed } from '../../solver/workload/calibrationTypes.ts';
import { normsSentence } from '../../solver/workload/normsSentence.ts';
import ExcelJS from 'exceljs';
import { writeCsv } from '../../solver/csv.ts';
import type { Center, Field } from '../../solver/domain.ts';
import type { PlanExplanation } from '../../solver/plan/explainPlan.ts';
import type { Plan } from '../../solver/plan/plan.ts';
import { moveSentence } from '../../solver/plan/moveReason.ts';
import type { Move, PlanSummary } from '../jobs/planSummary.ts';
import type { PlanRecord } from '../storage/planStore.ts';

/** What a plan job stores as its result. */
export interface StoredResult {
  readonly summary: PlanSummary;
  readonly moves: readonly Move[];
  readonly plan: Plan;
  /** Before/after, moves in words, shadow prices; null when there is no plan. */
  readonly explanation: PlanExplanation | null;
}

const staffNames = (result: StoredResult, names: ReadonlyMap<string, string>) => (id: string) => names.get(id) ?? result.moves.find((m) => m.staffId === id)?.name ?? '';

export const ASSIGNMENT_COLUMNS = ['staff_id', 'name', 'from_center', 'to_center', 'moved', 'field', 'hours'] as const;

/** The CSV's columns: the assignment columns (tools rely on them, in this order), then the field's Vietnamese name. */
export const CSV_COLUMNS = [...ASSIGNMENT_COLUMNS, 'field_name'] as const;

/** Byte order mark: Excel in a Vietnamese locale reads a CSV as UTF-8 (diacritics intact) only with it. */
export const UTF8_BOM = '\uFEFF';

/** One row per civil servant and field, UTF-8 with BOM; `fieldNames` maps a field code to its Vietnamese name. */
export const planCsv = (result: StoredResult, names: ReadonlyMap<string, string>, fieldNames: ReadonlyMap<string, string> = new Map()): string => {
  const name = staffNames(result, names);
  const rows = result.plan.assignments.flatMap((a) => {
    const fields = Object.entries(a.hours);
    const base = [a.staffId, name(a.staffId), a.fromCenter, a.toCenter, a.fromCenter !== a.toCenter];
    return fields.length === 0 ? [[...base, '', 0, '']] : fields.map(([field, hours]) => [...base, field, Math.round(hours * 100) / 100, fieldNames.get(field) ?? '']);
  });
  return UTF8_BOM + writeCsv(CSV_COLUMNS, rows);
};

/** Vietnamese names of centers and fields, shown beside their codes in the workbook. */
export interface ExportLabels {
  readonly centers: ReadonlyMap<string, string>;
  readonly fields: ReadonlyMap<string, string>;
}

const NO_LABELS: ExportLabels = { centers: new Map(), fields: new Map() };

/**
 * The plan as a workbook: Summary, Moves, Assignments (the CSV's columns) and Coverage. Codes stay
 * in their columns (tools join on them); each code is followed by its Vietnamese name.
 */
export const planXlsx = async (result: StoredResult, record: PlanRecord, names: ReadonlyMap<string, string>, labels: ExportLabels = NO_LABELS): Promise<Buffer> => {
  const center = (code: string) => labels.centers.get(code) ?? '';
  const field = (code: string) => labels.fields.get(code) ?? '';
  const book = new ExcelJS.Workbook();
  book.creator = 'Commune staffing planner';
  const summary = book.addWorksheet('Summary');
  summary.addRow(['plan', record.id]);
  summary.addRow(['dataset version', record.datasetVersion]);
  summary.addRow(['dataset hash', record.datasetHash]);
  for (const [key, value] of Object.entries(result.summary)) summary.addRow([key, value ?? '']);
  const moves = book.addWorksheet('Moves');
  moves.addRow(['staff_id', 'name', 'from_center', 'from_center_name', 'to_center', 'to_center_name', 'commute_km', 'added_km', 'hours_by_field']);
  for (const m of result.moves) {
    const hours = Object.entries(m.hours).map(([f, h]) => `${field(f) || f}: ${h.toFixed(1)}`).join('; ');
    moves.addRow([m.staffId, m.name, m.fromCenter, center(m.fromCenter), m.toCenter, center(m.toCenter), m.commuteKm, m.addedKm, hours]);
  }
  const assignments = book.addWorksheet('Assignments');
  assignments.addRow([...ASSIGNMENT_COLUMNS, 'field_name']);
  const name = staffNames(result, names);
  for (const a of result.plan.assignments) {
    for (const [f, hours] of Object.entries(a.hours)) assignments.addRow([a.staffId, name(a.staffId), a.fromCenter, a.toCenter, a.fromCenter !== a.toCenter, f, Math.round(hours * 100) / 100, field(f)]);
  }
  const coverage = book.addWorksheet('Coverage');
  coverage.addRow(['center', 'center_name', 'field', 'field_name', 'required_hours', 'assigned_hours', 'uncovered_hours']);
  for (const c of result.plan.coverage) coverage.addRow([c.centerCode, center(c.centerCode), c.field, field(c.field), c.required, c.assigned, c.uncovered]);
  for (const sheet of [summary, moves, assignments, coverage]) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
};

const escape = (text: unknown): string =>
  String(text).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);

/** Languages of the memo: Vietnamese (the default: what an official prints) or English. */
export type MemoLang = 'vi' | 'en';

/** The memo's words in each language. */
const MEMO_WORDS = {
  vi: {
    title: 'Phương án bố trí công chức',
    meta: (period: string, p: number, version: number, hash: string, id: string, at: string) =>
      `Kỳ ${period}, nhu cầu theo dự báo mức P${p}. Bộ dữ liệu phiên bản ${version} (SHA-256 ${hash}…). Phương án ${id}, ${at}.`,
    changes: 'Những gì thay đổi', today: 'Hiện nay', withPlan: 'Theo phương án',
    uncovered: 'Số giờ việc chưa có người đảm nhận', overloaded: 'Số trung tâm quá tải (mức sử dụng &gt; 100%)',
    maxUtilization: 'Mức sử dụng cao nhất', transfers: 'Số người điều động', hires: 'Tuyển mới', commute: 'Quãng đường đi làm tăng thêm, km (tổng)',
    status: 'Kết quả giải', statusWords: { optimal: 'tối ưu', feasible: 'khả thi, chưa chứng minh tối ưu', time_limit: 'hết thời gian, phương án tốt nhất tìm được', infeasible: 'không có phương án thỏa mọi quy tắc', error: 'lỗi' },
    noBound: 'chưa có cận', within: (gap: string, bound: string) => `cách phương án tốt nhất có thể không quá ${gap}% (cận ${bound})`, seconds: 'giây',
    norms: (n: NormsUsed | undefined) =>
      n === undefined || n.used === 'official'
        ? n !== undefined && n.fallback !== null ? 'Khối lượng công việc tính theo định mức chính thức (chưa hiệu chỉnh được: số liệu không đủ kết quả giải quyết hồ sơ).' : 'Khối lượng công việc tính theo định mức chính thức.'
        : `Khối lượng công việc tính theo định mức đã hiệu chỉnh theo kết quả giải quyết hồ sơ các tháng ${n.fittedFrom ?? '?'}..${n.fittedTo ?? '?'}.`,
    moves: 'Điều động', nobody: 'Không ai phải chuyển.', who: 'Công chức', from: 'Từ', to: 'Đến', distance: 'Cách nhà', why: 'Lý do', hoursUnit: 'giờ',
  },
  en: {
    title: 'Staffing plan',
    meta: (period: string, p: number, version: number, hash: string, id: string, at: string) =>
      `Period ${period}, demand at the P${p} forecast. Dataset version ${version} (SHA-256 ${hash}…). Plan ${id}, ${at}.`,
    changes: 'What changes', today: 'Today', withPlan: 'With the plan',
    uncovered: 'Uncovered hours', overloaded: 'Overloaded centers (utilization &gt; 100%)',
    maxUtilization: 'Highest utilization', transfers: 'Transfers', hires: 'New hires', commute: 'Added commute, km (sum)',
    status: 'Solver status', statusWords: { optimal: 'optimal', feasible: 'feasible, not proved optimal', time_limit: 'time limit, best plan found', infeasible: 'infeasible', error: 'error' },
    noBound: 'no bound was found', within: (gap: string, bound: string) => `within ${gap}% of the best possible (bound ${bound})`, seconds: 's',
    norms: (n: NormsUsed | undefined) => `${normsSentence(n).replace(/^w/, 'W')}.`,
    moves: 'Transfers', nobody: 'No one moves.', who: 'Civil servant', from: 'From', to: 'To', distance: 'From home', why: 'Why', hoursUnit: 'h',
  },
} as const;

/** What the memo needs of the dataset: names of centers and fields. */
export interface MemoNames {
  readonly centers: readonly Pick<Center, 'code' | 'nameVi'>[];
  readonly fields: readonly Pick<Field, 'field' | 'nameVi' | 'nameEn'>[];
}

/** A self-contained, printable HTML memo: what the plan changes, its figures and how sure the solver is. */
export const planMemo = (result: StoredResult, record: PlanRecord, names: MemoNames, scenarioName: string, lang: MemoLang = 'vi'): string => {
  const s = result.summary;
  const w = MEMO_WORDS[lang];
  const locale = lang === 'vi' ? 'vi-VN' : 'en-US';
  const num = (x: number | null, digits = 0): string => (x === null ? '–' : x.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }));
  const pct = (x: number | null): string => (x === null ? '–' : `${num(x * 100)}%`);
  const centerName = new Map(names.centers.map((c) => [c.code, c.nameVi]));
  const fieldName = new Map(names.fields.map((f) => [f.field, lang === 'vi' ? f.nameVi : f.nameEn]));
  const words = { lang, centerName: (code: string) => centerName.get(code) ?? code, fieldName: (f: string) => fieldName.get(f) ?? f };
  const where = (code: string) => `${escape(words.centerName(code))} (${escape(code)})`;
  const kpi = (label: string, before: string, after: string) => `<tr><th>${label}</th><td>${before}</td><td>${after}</td></tr>`;
  const explained = new Map((result.explanation?.moves ?? []).map((m) => [m.staffId, m]));
  const why = (m: Move): string => {
    const e = explained.get(m.staffId);
    // Plans stored before moves carried claims keep their English sentence.
    if (e !== undefined && Array.isArray(e.claims)) return moveSentence(e, words);
    if (e !== undefined && lang === 'en') return e.sentence;
    return Object.entries(m.hours).map(([f, h]) => `${words.fieldName(f)} ${num(h)} ${w.hoursUnit}`).join(', ');
  };
  const moves = result.moves.map((m) =>
    `<tr><td>${escape(m.name)} <small>${escape(m.staffId)}</small></td><td>${where(m.fromCenter)}</td><td>${where(m.toCenter)}</td><td>${num(m.commuteKm, 1)} km</td><td>${escape(why(m))}</td></tr>`).join('\n');
  const sure = s.gap === null ? w.noBound : w.within(num(s.gap * 100, 2), num(s.bound, 1));
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${w.title}: ${escape(scenarioName)}</title>
<style>
body{font:11pt/1.4 "Noto Serif","Times New Roman",serif;max-width:180mm;margin:12mm auto;color:#111}
h1{font-size:16pt;margin:0 0 4pt}h2{font-size:12pt;margin:14pt 0 4pt}
table{border-collapse:collapse;width:100%;margin:4pt 0}th,td{border:1px solid #999;padding:2pt 5pt;text-align:left;vertical-align:top}
th{background:#eee}td:nth-child(n+2){font-variant-numeric:tabular-nums}small{color:#555}.meta{color:#444;font-size:9pt}
@media print{body{margin:0}h2{break-after:avoid}tr{break-inside:avoid}}
</style></head><body>
<h1>${w.title}: ${escape(scenarioName)}</h1>
<p class="meta">${escape(w.meta(s.period, Math.round(s.quantile * 100), record.datasetVersion, record.datasetHash.slice(0, 16), record.id, record.finishedAt ?? ''))}</p>
<p class="meta norms">${escape(w.norms(s.norms))}</p>
<h2>${w.changes}</h2>
<table><tr><th></th><th>${w.today}</th><th>${w.withPlan}</th></tr>
${kpi(w.uncovered, num(s.uncoveredHoursBefore), num(s.uncoveredHoursAfter))}
${kpi(w.overloaded, String(s.overloadedCentersBefore), s.overloadedCentersAfter === null ? '–' : String(s.overloadedCentersAfter))}
${kpi(w.maxUtilization, pct(s.maxUtilizationBefore), pct(s.maxUtilizationAfter))}
${kpi(w.transfers, '0', String(s.transfers))}
${kpi(w.hires, '0', String(s.hires))}
${kpi(w.commute, '0', num(s.addedCommuteKm, 1))}
</table>
<p>${w.status}: <b>${escape(w.statusWords[s.status])}</b>, ${escape(sure)}; ${num(s.seconds, 1)} ${w.seconds}.${lang === 'en' ? ` ${escape(s.message)}` : ''}</p>
<h2>${w.moves} (${result.moves.length})</h2>
${result.moves.length === 0 ? `<p>${w.nobody}</p>` : `<table><tr><th>${w.who}</th><th>${w.from}</th><th>${w.to}</th><th>${w.distance}</th><th>${w.why}</th></tr>\n${moves}\n</table>`}
</body></html>
`;
};
