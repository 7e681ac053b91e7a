/**
 * Hours a civil servant can give to dossiers in a month (workload formula, notes/workload-formula.md):
 * fte x working days of the month x 8 h x productivity. Productivity (default 0.80) is the share of
 * paid time left after meetings, training, leave and other duties. A 22-working-day month gives
 * 22 x 8 x 0.8 = 140.8 h per FTE.
 */
import { workingDays } from '../calendar.ts';
import type { CivilServant } from '../domain.ts';

/** Paid hours of one working day. */
export const HOURS_PER_WORKING_DAY = 8;

/** Share of paid time that goes to dossiers, by default. */
export const DEFAULT_PRODUCTIVITY = 0.8;

/** Available hours of 1 FTE in `month` (`YYYY-MM`, 2023-2027). Throws for productivity outside (0, 1]. */
export const availableHoursPerFte = (month: string, productivity: number = DEFAULT_PRODUCTIVITY): number => {
  if (!(productivity > 0 && productivity <= 1)) {
    throw new Error(`availableHoursPerFte: productivity must be in (0, 1], got ${productivity}`);
  }
  return workingDays(month) * HOURS_PER_WORKING_DAY * productivity;
};

/** Available hours of `staff` together when 1 FTE gives `hoursPerFte`. */
export const staffHours = (staff: readonly CivilServant[], hoursPerFte: number): number =>
  staff.reduce((sum, person) => sum + person.fte * hoursPerFte, 0);
