/**
 * The office calendar the generator draws dossiers on. Working days and Tet breaks come from the
 * planner's own calendar (solver/calendar.ts), so the history and the workload module count the same
 * days; this module adds the demand of each day (the wave after Tet) and month arithmetic.
 */
import { closures, isWorkingDay as isOpen } from '../../solver/calendar.ts';

const DAY_MS = 86_400_000;

const dayNumber = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) / DAY_MS);
};

const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Whether offices are open on this day number (days since 1970-01-01, UTC). */
export const isWorkingDay = (day: number): boolean => isOpen(dateOf(day));

/** Last day of each year's Tet break, as day numbers, 2023-2027. */
const TET_BREAK_ENDS: readonly number[] = [2023, 2024, 2025, 2026, 2027].map((year) =>
  Math.max(...closures(year).filter((c) => c.name === 'Tet break').map((c) => dayNumber(c.date))),
);

/** Working days of a `YYYY-MM` month, as day numbers. */
export const workingDaysOf = (month: string): readonly number[] => {
  const known = workingDaysCache.get(month);
  if (known !== undefined) return known;
  const first = dayNumber(`${month}-01`);
  const [y, m] = month.split('-').map(Number);
  const next = Math.round(Date.UTC(y ?? 0, m ?? 1, 1) / DAY_MS);
  const days: number[] = [];
  for (let d = first; d < next; d += 1) if (isWorkingDay(d)) days.push(d);
  workingDaysCache.set(month, days);
  return days;
};

// Memo tables: the calendar is fixed, and the generator asks about the same 46 months millions of times.
const workingDaysCache = new Map<string, readonly number[]>();
const demandDaysCache = new Map<string, number>();

/** Working days counted after a Tet break during which returning citizens form a wave. */
export const POST_TET_WAVE_DAYS = 10;
/** Demand on the first working day after Tet, relative to an ordinary day; it falls linearly to 1. */
export const POST_TET_WAVE_PEAK = 2.5;

/**
 * Relative dossier demand of each working day of the month: 1 on an ordinary day, up to
 * POST_TET_WAVE_PEAK on the days right after a Tet break. Summed, it is the month's demand in
 * "ordinary working days": the Tet month dips (fewer open days) and the weeks after it swell.
 */
export const demandDaysOf = (month: string): number => {
  const known = demandDaysCache.get(month);
  if (known !== undefined) return known;
  const days = workingDaysOf(month).reduce((sum, day) => sum + dayFactor(day), 0);
  demandDaysCache.set(month, days);
  return days;
};

const dayFactor = (day: number): number => {
  for (const end of TET_BREAK_ENDS) {
    if (day <= end || day > end + 30) continue;
    let index = 0;
    for (let d = end + 1; d < day; d += 1) if (isWorkingDay(d)) index += 1;
    if (index < POST_TET_WAVE_DAYS) return 1 + (POST_TET_WAVE_PEAK - 1) * (1 - index / POST_TET_WAVE_DAYS);
  }
  return 1;
};

/** Consecutive months from `from` to `to` inclusive, both `YYYY-MM`. */
export const monthRange = (from: string, to: string): readonly string[] => {
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    months.push(month);
    if (month === to) return months;
    if (months.length > 1200) throw new Error(`monthRange: ${to} is not after ${from}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
};

/** Years from July 2025 (the reform) to the start of `month`, in twelfths; negative before it. */
export const yearsSinceReform = (month: string): number => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return y - 2025 + (m - 7) / 12;
};
