/**
 * Working-day calendar of Vietnam's public offices, 2023-2027: Monday to Friday minus the named
 * closures below. It feeds available hours (working days x 8 h x productivity) and the forecast's
 * calendar regressors (working days, Tet month).
 *
 * Sources: ../shared/DOMAIN.md and the workload formula agreed with the data generator
 * (notes/workload-formula.md). Only named closures are listed: compensation days for holidays that
 * fall on a weekend and the occasional swapped Saturdays are not modelled (a difference of at most
 * one or two days a year). Pure: no clock; dates are handled in UTC.
 */

/** A day on which offices are closed, as `YYYY-MM-DD`, with its reason in words. */
export interface Closure {
  readonly date: string;
  readonly name: string;
}

interface YearTable {
  /** First day of the lunar new year (Tet), `YYYY-MM-DD`. */
  readonly tetFirstDay: string;
  /** Civil servants' Tet break, inclusive, `YYYY-MM-DD`. */
  readonly tetBreak: readonly [string, string];
  /** Hung Kings' commemoration day off (10th day of the 3rd lunar month, as observed). */
  readonly hungKings: string;
  /** National day (2 Sep) and the adjacent day off. */
  readonly nationalDay: readonly string[];
}

const YEARS: Readonly<Record<number, YearTable>> = {
  2023: { tetFirstDay: '2023-01-22', tetBreak: ['2023-01-20', '2023-01-26'], hungKings: '2023-04-29', nationalDay: ['2023-09-01', '2023-09-02'] },
  2024: { tetFirstDay: '2024-02-10', tetBreak: ['2024-02-08', '2024-02-14'], hungKings: '2024-04-18', nationalDay: ['2024-09-02', '2024-09-03'] },
  2025: { tetFirstDay: '2025-01-29', tetBreak: ['2025-01-25', '2025-02-02'], hungKings: '2025-04-07', nationalDay: ['2025-09-01', '2025-09-02'] },
  2026: { tetFirstDay: '2026-02-17', tetBreak: ['2026-02-14', '2026-02-22'], hungKings: '2026-04-27', nationalDay: ['2026-09-01', '2026-09-02'] },
  // 2027 Tet break is APPROXIMATE (not yet decreed when written): "about 3-11 Feb" as in the
  // workload formula agreed with the data generator; the first day of Tet, 6 Feb 2027, is fact.
  // The day adjacent to 2 Sep 2027 (a Thursday) is assumed to be Friday 3 Sep.
  2027: { tetFirstDay: '2027-02-06', tetBreak: ['2027-02-03', '2027-02-11'], hungKings: '2027-04-16', nationalDay: ['2027-09-02', '2027-09-03'] },
};

/** First and last year the calendar covers. */
export const CALENDAR_YEARS: readonly [number, number] = [2023, 2027];

const DAY_MS = 86_400_000;

const toUtc = (date: string): number => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m === null) throw new Error(`calendar: date must be YYYY-MM-DD, got "${date}"`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new Error(`calendar: no such date "${date}"`);
  }
  return t;
};

const fromUtc = (t: number): string => new Date(t).toISOString().slice(0, 10);

const tableFor = (year: number, caller: string): YearTable => {
  const table = YEARS[year];
  if (table === undefined) {
    throw new Error(`${caller}: year ${year} is outside the calendar (${CALENDAR_YEARS[0]}-${CALENDAR_YEARS[1]})`);
  }
  return table;
};

const parseMonth = (month: string, caller: string): { year: number; month: number } => {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const mo = m === null ? 0 : Number(m[2]);
  if (m === null || mo < 1 || mo > 12) throw new Error(`${caller}: month must be YYYY-MM, got "${month}"`);
  return { year: Number(m[1]), month: mo };
};

/**
 * Named closures of `year`, in date order. Every day of the Tet break is listed, weekend days
 * included (they count once: a weekend day inside a break is simply a weekend day).
 * Throws for a year outside 2023-2027.
 */
export const closures = (year: number): readonly Closure[] => {
  const t = tableFor(year, 'closures');
  const list: Closure[] = [{ date: `${year}-01-01`, name: 'New Year' }];
  for (let d = toUtc(t.tetBreak[0]); d <= toUtc(t.tetBreak[1]); d += DAY_MS) {
    list.push({ date: fromUtc(d), name: 'Tet break' });
  }
  list.push({ date: t.hungKings, name: 'Hung Kings commemoration' });
  list.push({ date: `${year}-04-30`, name: 'Reunion day' });
  list.push({ date: `${year}-05-01`, name: 'Labour day' });
  for (const date of t.nationalDay) {
    list.push({ date, name: date.endsWith('09-02') ? 'National day' : 'National day (adjacent day)' });
  }
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
};

const closedDates = new Map<number, ReadonlySet<string>>();
const closedIn = (year: number): ReadonlySet<string> => {
  let set = closedDates.get(year);
  if (set === undefined) {
    set = new Set(closures(year).map((c) => c.date));
    closedDates.set(year, set);
  }
  return set;
};

/** Whether offices are open on `date` (`YYYY-MM-DD`): a Monday-Friday that is not a closure. */
export const isWorkingDay = (date: string): boolean => {
  const t = toUtc(date);
  const year = Number(date.slice(0, 4));
  tableFor(year, 'isWorkingDay');
  const weekday = new Date(t).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !closedIn(year).has(date);
};

/** Working days in `month` (`YYYY-MM`): Monday-Friday minus closures. E.g. 2026-02 = 20 - 5 = 15. */
export const workingDays = (month: string): number => {
  const { year, month: mo } = parseMonth(month, 'workingDays');
  tableFor(year, 'workingDays');
  const start = Date.UTC(year, mo - 1, 1);
  const end = Date.UTC(year, mo, 1);
  let count = 0;
  for (let d = start; d < end; d += DAY_MS) {
    if (isWorkingDay(fromUtc(d))) count += 1;
  }
  return count;
};

/** Whether `month` (`YYYY-MM`) contains the first day of Tet (e.g. 2026-02, 2025-01). */
export const isTetMonth = (month: string): boolean => {
  const { year } = parseMonth(month, 'isTetMonth');
  return tableFor(year, 'isTetMonth').tetFirstDay.startsWith(month);
};
