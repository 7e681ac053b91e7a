/**
 * The calendar regressors of a series (working days, Tet month), from a working-day calendar such
 * as Vietnam's (solver/calendar.ts), memoised per calendar and month.
 */
import { isTetMonth, workingDays } from '../calendar.ts';
import { monthNumber, monthText } from './months.ts';

/** Working-day calendar the calendar regression uses (solver/calendar.ts provides Vietnam's). */
export interface ForecastCalendar {
  /** Working days (Mon-Fri less closures) in month `YYYY-MM`. */
  readonly workingDays: (month: string) => number;
  /** Whether month `YYYY-MM` holds (most of) the Tet break. */
  readonly isTetMonth: (month: string) => boolean;
}

/** Vietnam's working-day calendar (solver/calendar.ts, 2023-2027). */
export const VIETNAM_CALENDAR: ForecastCalendar = { workingDays, isTetMonth };

/**
 * Working days and Tet indicators for `length` months from `firstMonth` + `offset`, or undefined
 * without a calendar or first month, or when the calendar does not cover every month (it throws:
 * Vietnam's covers 2023-2027), in which case the calendar regression runs without them.
 */
export const calendarRegressors = (
  calendar: ForecastCalendar | undefined,
  firstMonth: string | undefined,
  offset: number,
  length: number,
): { workingDays: Float64Array; tet: Float64Array } | undefined => {
  if (calendar === undefined || firstMonth === undefined) return undefined;
  let memo = calendarMemo.get(calendar);
  if (memo === undefined) {
    memo = new Map();
    calendarMemo.set(calendar, memo);
  }
  const workingDays = new Float64Array(length);
  const tet = new Float64Array(length);
  const start = monthNumber(firstMonth) + offset;
  for (let t = 0; t < length; t += 1) {
    let day = memo.get(start + t);
    if (day === undefined) {
      const month = monthText(start + t);
      try {
        day = { workingDays: calendar.workingDays(month), tet: calendar.isTetMonth(month) ? 1 : 0 };
      } catch {
        day = null;
      }
      memo.set(start + t, day);
    }
    if (day === null) return undefined;
    workingDays[t] = day.workingDays;
    tet[t] = day.tet;
  }
  return { workingDays, tet };
};

/**
 * Calendar answers by month number, per calendar object: computing a month's working days walks its
 * days, and every series of a dataset asks for the same months. null = the calendar threw.
 */
const calendarMemo = new WeakMap<ForecastCalendar, Map<number, { workingDays: number; tet: number } | null>>();

