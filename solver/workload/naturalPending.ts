/**
 * How many of a field's dossiers are normally still pending when a month closes: those received
 * in its last days and still inside their time limit. It scales with the limit over the month's
 * working days, so it is estimated as `share x working days` per field and channel: for each
 * center, its pending over its dossiers per working day, pooled over the months; then the median
 * over centers (most centers are calm most months, so a few backlogged ones do not move it).
 * Centers with fewer than MIN_DOSSIERS of a cell over the months are left out of its median.
 */
import { median } from 'simple-statistics';
import type { MonthOutcomes } from './monthOutcomes.ts';

const MIN_DOSSIERS = 30;
/** Largest natural share used: a cell whose dossiers mostly outlast the month says little about backlog. */
export const MAX_NATURAL_SHARE = 0.8;

/** Per cell, the natural pending share times the month's working days (0 for a cell nobody has enough of). */
export const naturalPendingDays = (months: readonly (readonly MonthOutcomes[])[], cells: number): readonly number[] => {
  return Array.from({ length: cells }, (_, j) => {
    const perCenter: number[] = [];
    for (const list of months) {
      let pending = 0;
      let perDay = 0;
      let dossiers = 0;
      for (const m of list) {
        const n = m.received[j] ?? 0;
        pending += m.pending[j] ?? 0;
        perDay += n / m.workingDays;
        dossiers += n;
      }
      if (dossiers >= MIN_DOSSIERS && perDay > 0) perCenter.push(pending / perDay);
    }
    return perCenter.length === 0 ? 0 : median(perCenter);
  });
};

/** The natural pending share of a cell whose estimate is `naturalDays`, in a month of `workingDaysOfMonth`. */
export const naturalShare = (naturalDays: number, workingDaysOfMonth: number): number => Math.min(MAX_NATURAL_SHARE, naturalDays / workingDaysOfMonth);
