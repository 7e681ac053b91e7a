/**
 * Calendar months as `YYYY-MM` text and as a month number (years x 12 + month - 1), so month
 * arithmetic is integer arithmetic. Only years 1000-9999 are accepted.
 */

/**
 * The pattern of a month as every table, lever, route and command writes it (JSON Schema and RegExp
 * take it as is): the loaders, the scenario check and the API's schemas all use this one.
 */
export const MONTH_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';

const MONTH = new RegExp(MONTH_PATTERN);

/** Whether `text` is a month `YYYY-MM` (month 01-12). */
export const isMonth = (text: string): boolean => MONTH.test(text);

/** Month number of `YYYY-MM`; throws on anything else. Example: `monthNumber('2025-07')` = 24306. */
export const monthNumber = (month: string): number => {
  const m = MONTH.test(month) ? [month, month.slice(0, 4), month.slice(5, 7)] : null;
  if (m === null) throw new Error(`monthNumber: expected a month YYYY-MM, got "${month}"`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
};

/** Inverse of `monthNumber`. */
export const monthText = (n: number): string => {
  const year = Math.floor(n / 12);
  const month = n - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
};

/** `month` plus `k` months (k may be negative). Example: `addMonths('2025-11', 3)` = `'2026-02'`. */
export const addMonths = (month: string, k: number): string => monthText(monthNumber(month) + k);

/** Calendar month index 0 (January) to 11 (December) of `YYYY-MM`. */
export const calendarMonthIndex = (month: string): number => monthNumber(month) % 12;
