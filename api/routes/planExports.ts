/**
 * A solved plan as files: CSV (one row per civil servant and field), XLSX (summary, moves,
 * assignments, coverage sheets) and a printable HTML memo for a council meeting.
 */
import ExcelJS from 'exceljs';
import { writeCsv } from '../../solver/csv.ts';
import type { Center } from '../../solver/domain.ts';
import type { PlanExplanation } from '../../solver/plan/explainPlan.ts';
import type { Plan } from '../../solver/plan/plan.ts';
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

export const planCsv = (result: StoredResult, names: ReadonlyMap<string, string>): string => {
  const name = staffNames(result, names);
  const rows = result.plan.assignments.flatMap((a) => {
    const fields = Object.entries(a.hours);
    const base = [a.staffId, name(a.staffId), a.fromCenter, a.toCenter, a.fromCenter !== a.toCenter];
    return fields.length === 0 ? [[...base, '', 0]] : fields.map(([field, hours]) => [...base, field, Math.round(hours * 100) / 100]);
  });
  return writeCsv(ASSIGNMENT_COLUMNS, rows);
};

export const planXlsx = async (result: StoredResult, record: PlanRecord, names: ReadonlyMap<string, string>): Promise<Buffer> => {
  const book = new ExcelJS.Workbook();
  book.creator = 'Commune staffing planner';
  const summary = book.addWorksheet('Summary');
  summary.addRow(['plan', record.id]);
  summary.addRow(['dataset version', record.datasetVersion]);
  summary.addRow(['dataset hash', record.datasetHash]);
  for (const [key, value] of Object.entries(result.summary)) summary.addRow([key, value ?? '']);
  const moves = book.addWorksheet('Moves');
  moves.addRow(['staff_id', 'name', 'from_center', 'to_center', 'commute_km', 'added_km', 'hours_by_field']);
  for (const m of result.moves) moves.addRow([m.staffId, m.name, m.fromCenter, m.toCenter, m.commuteKm, m.addedKm, Object.entries(m.hours).map(([f, h]) => `${f}: ${h.toFixed(1)}`).join('; ')]);
  const assignments = book.addWorksheet('Assignments');
  assignments.addRow([...ASSIGNMENT_COLUMNS]);
  const name = staffNames(result, names);
  for (const a of result.plan.assignments) {
    for (const [field, hours] of Object.entries(a.hours)) assignments.addRow([a.staffId, name(a.staffId), a.fromCenter, a.toCenter, a.fromCenter !== a.toCenter, field, Math.round(hours * 100) / 100]);
  }
  const coverage = book.addWorksheet('Coverage');
  coverage.addRow(['center', 'field', 'required_hours', 'assigned_hours', 'uncovered_hours']);
  for (const c of result.plan.coverage) coverage.addRow([c.centerCode, c.field, c.required, c.assigned, c.uncovered]);
  for (const sheet of [summary, moves, assignments, coverage]) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
};

const escape = (text: unknown): string =>
  String(text).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);

const num = (x: number | null, digits = 0): string => (x === null ? '–' : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const pct = (x: number | null): string => (x === null ? '–' : `${(x * 100).toFixed(0)}%`);

/** A self-contained, printable HTML memo: what the plan changes, its figures and how sure the solver is. */
export const planMemo = (result: StoredResult, record: PlanRecord, centers: readonly Center[], scenarioName: string): string => {
  const s = result.summary;
  const centerName = new Map(centers.map((c) => [c.code, c.nameVi]));
  const where = (code: string) => `${escape(centerName.get(code) ?? code)} (${escape(code)})`;
  const kpi = (label: string, before: string, after: string) => `<tr><th>${label}</th><td>${before}</td><td>${after}</td></tr>`;
  const why = new Map((result.explanation?.moves ?? []).map((m) => [m.staffId, m.sentence]));
  const moves = result.moves.map((m) =>
    `<tr><td>${escape(m.name)} <small>${escape(m.staffId)}</small></td><td>${where(m.fromCenter)}</td><td>${where(m.toCenter)}</td><td>${num(m.commuteKm, 1)} km</td><td>${escape(why.get(m.staffId) ?? Object.entries(m.hours).map(([f, h]) => `${f} ${h.toFixed(0)} h`).join(', '))}</td></tr>`).join('\n');
  const sure = s.gap === null ? 'no bound was found' : `within ${(s.gap * 100).toFixed(2)}% of the best possible (bound ${num(s.bound, 1)})`;
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Staffing plan memo: ${escape(scenarioName)}</title>
<style>
body{font:11pt/1.4 "Noto Serif","Times New Roman",serif;max-width:180mm;margin:12mm auto;color:#111}
h1{font-size:16pt;margin:0 0 4pt}h2{font-size:12pt;margin:14pt 0 4pt}
table{border-collapse:collapse;width:100%;margin:4pt 0}th,td{border:1px solid #999;padding:2pt 5pt;text-align:left;vertical-align:top}
th{background:#eee}td:nth-child(n+2){font-variant-numeric:tabular-nums}small{color:#555}.meta{color:#444;font-size:9pt}
@media print{body{margin:0}h2{break-after:avoid}tr{break-inside:avoid}}
</style></head><body>
<h1>Staffing plan: ${escape(scenarioName)}</h1>
<p class="meta">Period ${escape(s.period)}, demand at the P${Math.round(s.quantile * 100)} forecast. Dataset version ${record.datasetVersion} (SHA-256 ${escape(record.datasetHash.slice(0, 16))}…). Plan ${escape(record.id)}, ${escape(record.finishedAt ?? '')}.</p>
<h2>What changes</h2>
<table><tr><th></th><th>Today</th><th>With the plan</th></tr>
${kpi('Uncovered hours', num(s.uncoveredHoursBefore), num(s.uncoveredHoursAfter))}
${kpi('Overloaded centers (utilization &gt; 100%)', String(s.overloadedCentersBefore), s.overloadedCentersAfter === null ? '–' : String(s.overloadedCentersAfter))}
${kpi('Highest utilization', pct(s.maxUtilizationBefore), pct(s.maxUtilizationAfter))}
${kpi('Transfers', '0', String(s.transfers))}
${kpi('New hires', '0', String(s.hires))}
${kpi('Added commute, km (sum)', '0', num(s.addedCommuteKm, 1))}
</table>
<p>Solver status: <b>${escape(s.status)}</b>, ${escape(sure)}; ${num(s.seconds, 1)} s. ${escape(s.message)}</p>
<h2>Transfers (${result.moves.length})</h2>
${result.moves.length === 0 ? '<p>No one moves.</p>' : `<table><tr><th>Civil servant</th><th>From</th><th>To</th><th>Commute</th><th>Why</th></tr>\n${moves}\n</table>`}
</body></html>
`;
};
