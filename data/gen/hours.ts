/**
 * Hours of work in the generated history, by the workload formula the workload module uses
 * (notes/workload-formula.md): dossiers x (channel minutes + processing minutes) / 60, plus an
 * allowance of 10% for requests outside the procedure list; one FTE gives working days x 8 h x 0.80.
 * The generator uses it only to size staff and facilities.
 */
import type { HistoryRow } from '../../solver/domain.ts';
import { workingDaysOf } from './calendar.ts';
import { FIELD_SPECS, minutesPerDossier } from './fieldSpecs.ts';

export const OUTSIDE_LIST_ALLOWANCE = 0.1;
export const HOURS_PER_DAY = 8;
export const PRODUCTIVITY = 0.8;

const specs = new Map(FIELD_SPECS.map((s) => [s.field, s]));

/** Hours one history row asks for, allowance included. */
export const rowHours = (row: HistoryRow): number => {
  const spec = specs.get(row.field);
  if (spec === undefined) throw new Error(`rowHours: unknown field "${row.field}"`);
  return ((row.received * minutesPerDossier(spec, row.channel)) / 60) * (1 + OUTSIDE_LIST_ALLOWANCE);
};

/** Hours one FTE is available in a month. */
export const hoursPerFte = (month: string): number => workingDaysOf(month).length * HOURS_PER_DAY * PRODUCTIVITY;

/** Mean monthly hours per center and field over `months`, and the mean hours per FTE over them. */
export const meanHours = (
  rows: readonly HistoryRow[],
  months: readonly string[],
): { readonly byCenter: ReadonlyMap<string, ReadonlyMap<string, number>>; readonly perFte: number } => {
  const wanted = new Set(months);
  const byCenter = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (!wanted.has(row.month)) continue;
    const fields = byCenter.get(row.centerCode) ?? new Map<string, number>();
    fields.set(row.field, (fields.get(row.field) ?? 0) + rowHours(row) / months.length);
    byCenter.set(row.centerCode, fields);
  }
  const perFte = months.reduce((s, m) => s + hoursPerFte(m), 0) / months.length;
  return { byCenter, perFte };
};
