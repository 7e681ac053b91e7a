/**
 * The office calendar the generator draws dossiers on: Monday to Friday, minus public closures.
 * Closure dates follow /work notes shared with the workload module: Tet breaks (2023 from the
 * government's announced schedule [K]; 2024, 2025 and 2026 14-22 Feb [C]), 1 January, Hung Kings day,
 * 30 April and 1 May (with the swapped bridge days of 2023 and 2025 [K]), 2 September with an adjacent day.
 */

/** `YYYY-MM-DD` dates on which offices are closed although they are weekdays or not. */
const CLOSED_RANGES: readonly (readonly [string, string])[] = [
  ['2023-01-02', '2023-01-02'],
  ['2023-01-20', '2023-01-26'],
  ['2023-04-29', '2023-05-03'],
  ['2023-09-01', '2023-09-04'],
  ['2024-01-01', '2024-01-01'],
  ['2024-02-08', '2024-02-14'],
  ['2024-04-18', '2024-04-18'],
  ['2024-04-29', '2024-05-01'],
  ['2024-09-02', '2024-09-03'],
  ['2025-01-01', '2025-01-01'],
  ['2025-01-25', '2025-02-02'],
  ['2025-04-07', '2025-04-07'],
  ['2025-04-30', '2025-05-02'],
  ['2025-09-01', '2025-09-02'],
  ['2026-01-01', '2026-01-01'],
  ['2026-02-14', '2026-02-22'],
  ['2026-04-27', '2026-04-27'],
  ['2026-04-30', '2026-05-01'],
  ['2026-09-01', '2026-09-02'],
  ['2027-01-01', '2027-01-01'],
  ['2027-02-03', '2027-02-11'],
];

/** Tet breaks, the subset of closures after which dossiers come back in a wave. */
const TET_BREAKS: readonly (readonly [string, string])[] = CLOSED_RANGES.filter(([from, to]) => from !== to && /-0[12]-/.test(from) && dayNumber(to) - dayNumber(from) >= 5);

function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) / 86_400_000);
}

const closedDays: ReadonlySet<number> = new Set(
  CLOSED_RANGES.flatMap(([from, to]) => {
    const days: number[] = [];
    for (let d = dayNumber(from); d <= dayNumber(to); d += 1) days.push(d);
    return days;
  }),
);

const isWeekday = (day: number): boolean => {
  const weekday = new Date(day * 86_400_000).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

/** Whether offices are open on this day number (days since 1970-01-01, UTC). */
export const isWorkingDay = (day: number): boolean => isWeekday(day) && !closedDays.has(day);

/** Working days of a `YYYY-MM` month, as day numbers. */
export const workingDaysOf = (month: string): readonly number[] => {
  const known = workingDaysCache.get(month);
  if (known !== undefined) return known;
  const first = dayNumber(`${month}-01`);
  const [y, m] = month.split('-').map(Number);
  const next = Math.round(Date.UTC(y ?? 0, m ?? 1, 1) / 86_400_000);
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
  for (const [, to] of TET_BREAKS) {
    const end = dayNumber(to);
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

/** Fractional years from July 2025 (the reform) to the middle of `month`; negative before it. */
export const yearsSinceReform = (month: string): number => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return (y - 2025 + (m - 7) / 12);
};
