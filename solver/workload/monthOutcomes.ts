/**
 * The history gathered per center and month: dossiers received, pending, late and resolved in
 * each field and channel (cell `2 x field index + 0` for direct, `+ 1` for online, fields in the
 * dataset's order), and whether every row of the month records its outcomes.
 */
import { workingDays } from '../calendar.ts';
import type { CenterCode, Dataset, Month } from '../domain.ts';

export interface MonthOutcomes {
  readonly centerCode: CenterCode;
  readonly month: Month;
  /** Working days of the month (solver/calendar.ts). */
  readonly workingDays: number;
  /** Per cell, see the module comment. Outcome cells are 0 where a row records none. */
  readonly received: readonly number[];
  readonly pending: readonly number[];
  readonly late: readonly number[];
  readonly onTime: readonly number[];
  /** Every row of this center and month has its three outcome counts. */
  readonly complete: boolean;
  readonly totalReceived: number;
  readonly totalPending: number;
  readonly totalLate: number;
  readonly totalOnTime: number;
}

/** The cell of a field index and channel. */
export const cellOf = (fieldIndex: number, channel: 'direct' | 'online'): number => 2 * fieldIndex + (channel === 'direct' ? 0 : 1);

/** Every center's months in month order, by center code. Pure; one pass over the history. */
export const monthOutcomes = (dataset: Dataset): ReadonlyMap<CenterCode, readonly MonthOutcomes[]> => {
  const fieldIndex = new Map(dataset.fields.map((f, i) => [f.field, i]));
  const cells = 2 * dataset.fields.length;
  type Acc = { received: number[]; pending: number[]; late: number[]; onTime: number[]; complete: boolean };
  const byKey = new Map<string, Acc & { centerCode: string; month: string }>();
  for (const row of dataset.history) {
    const i = fieldIndex.get(row.field);
    if (i === undefined) continue;
    const key = `${row.centerCode} ${row.month}`;
    let acc = byKey.get(key);
    if (acc === undefined) {
      const zeros = () => new Array<number>(cells).fill(0);
      acc = { centerCode: row.centerCode, month: row.month, received: zeros(), pending: zeros(), late: zeros(), onTime: zeros(), complete: true };
      byKey.set(key, acc);
    }
    const c = cellOf(i, row.channel);
    acc.received[c] = (acc.received[c] ?? 0) + row.received;
    if (row.pending === undefined || row.resolvedLate === undefined || row.resolvedOnTime === undefined) {
      acc.complete = false;
      continue;
    }
    acc.pending[c] = (acc.pending[c] ?? 0) + row.pending;
    acc.late[c] = (acc.late[c] ?? 0) + row.resolvedLate;
    acc.onTime[c] = (acc.onTime[c] ?? 0) + row.resolvedOnTime;
  }
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
  const days = new Map<Month, number>();
  const result = new Map<CenterCode, MonthOutcomes[]>();
  for (const acc of byKey.values()) {
    const list = result.get(acc.centerCode) ?? [];
    let d = days.get(acc.month);
    if (d === undefined) {
      d = workingDays(acc.month);
      days.set(acc.month, d);
    }
    list.push({
      ...acc,
      workingDays: d,
      totalReceived: sum(acc.received),
      totalPending: sum(acc.pending),
      totalLate: sum(acc.late),
      totalOnTime: sum(acc.onTime),
    });
    result.set(acc.centerCode, list);
  }
  for (const list of result.values()) list.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  return result;
};
