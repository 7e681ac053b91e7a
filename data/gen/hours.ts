/**
 * Hours of work in the generated history, by the planner's own workload formula
 * (solver/workload: dossiers x (channel minutes + processing minutes) / 60, plus the 10% allowance for
 * requests outside the procedure list; one FTE gives working days x 8 h x 0.80). The generator uses
 * it only to size staff and facilities, so the embedded staff are sized by the rule that judges them.
 */
import type { HistoryRow } from '../../solver/domain.ts';
import { availableHoursPerFte } from '../../solver/workload/availableHours.ts';
import { dossierHours, withUnlistedAllowance } from '../../solver/workload/dossierHours.ts';
import { FIELD_SPECS } from './fieldSpecs.ts';

const specs = new Map(FIELD_SPECS.map((s) => [s.field, s]));

/** The columns of a history row the hours depend on. */
export type ReceivedRow = Pick<HistoryRow, 'centerCode' | 'month' | 'field' | 'channel' | 'received'>;

/** Hours one history row asks for, allowance included. */
export const rowHours = (row: ReceivedRow): number => {
  const spec = specs.get(row.field);
  if (spec === undefined) throw new Error(`rowHours: unknown field "${row.field}"`);
  const direct = row.channel === 'direct' ? row.received : 0;
  return withUnlistedAllowance(dossierHours(spec, direct, row.received - direct));
};

/** Mean monthly hours per center and field over `months`, and the mean hours per FTE over them. */
export const meanHours = (
  rows: readonly ReceivedRow[],
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
  const perFte = months.reduce((s, m) => s + availableHoursPerFte(m), 0) / months.length;
  return { byCenter, perFte };
};
