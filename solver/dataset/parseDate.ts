/**
 * Calendar dates as one-stop-shop software exports them: `YYYY-MM-DD` or `DD/MM/YYYY` (day first,
 * as Vietnamese documents write dates; one-digit day and month accepted), optionally followed by a
 * time of day, which is ignored. Impossible dates such as 31/02/2026 are refused.
 */

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
/** A trailing time of day: ` 08:15`, `T08:15:30`, `08:15:30.123Z`. */
const TIME = /[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Days in `month` (1-12) of `year`, Gregorian calendar. */
export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The date as `YYYY-MM-DD`, or `undefined` when `value` is not a real date in an accepted format. */
export const parseDate = (value: string): string | undefined => {
  const date = value.trim().replace(TIME, '');
  const iso = ISO.exec(date);
  const dayFirst = iso === null ? DAY_FIRST.exec(date) : null;
  const parts = iso !== null ? [iso[1], iso[2], iso[3]] : dayFirst !== null ? [dayFirst[3], dayFirst[2], dayFirst[1]] : undefined;
  if (parts === undefined) return undefined;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
};
