/**
 * The generic forecast command's logic, pure so that it can be tested without files:
 * CSV text with columns `series_id,month,value` in, CSV text with columns
 * `series_id,month,mean,lo80,hi80,lo95,hi95,method` out, plus every problem in words.
 *
 * - A series is the rows sharing a `series_id`, in any order; series are output in order of first
 *   appearance. Months need not be contiguous: a missing month (or an empty value) is a gap,
 *   reported as a note and filled by forecastSeries (linear interpolation).
 * - A row with a non-numeric value, a month not `YYYY-MM`, an empty series id, or a month already
 *   given for its series is an error; the series it belongs to is not forecast (every error of it
 *   is reported), the other series are. A series with fewer than 3 values is an error too.
 * - The input is unusable (no output at all) when it is not CSV, lacks a column, or has no rows.
 * Values use `.` as decimal mark; in a `;`-separated file (as Excel writes in a Vietnamese locale)
 * `,` is accepted too. Numbers are written with at most 3 decimals.
 */
import { formatProblem, readCsv, writeCsv } from '../csv.ts';
import type { InputProblem } from '../domain.ts';
import { forecastSeries } from './forecastSeries.ts';
import type { ForecastCalendar } from './forecastSeries.ts';
import { addMonths, isMonth, monthNumber, monthText } from './months.ts';

export const FORECAST_INPUT_COLUMNS = ['series_id', 'month', 'value'] as const;
export const FORECAST_OUTPUT_COLUMNS = ['series_id', 'month', 'mean', 'lo80', 'hi80', 'lo95', 'hi95', 'method'] as const;

export interface ForecastCsvOptions {
  readonly horizon: number;
  /** Seasonal period. Default 12. */
  readonly period?: number;
  /** Working-day calendar for the calendar regression. Default Vietnam's; null = none. */
  readonly calendar?: ForecastCalendar | null;
  readonly onProgress?: (done: number, total: number) => void;
}

export type ForecastCsvResult =
  | { readonly ok: false; readonly problems: readonly string[] }
  | {
      readonly ok: true;
      /** Output CSV text (header only when no series succeeded). */
      readonly csv: string;
      /** One line per bad row or failed series: `file:line column "value": message`. */
      readonly errors: readonly string[];
      /** Gaps found and filled, one line per series that had any. */
      readonly notes: readonly string[];
      readonly succeeded: number;
      readonly failed: number;
    };

interface SeriesRows {
  readonly id: string;
  readonly firstLine: number;
  readonly points: Map<number, { value: number | null; line: number }>;
  readonly problems: InputProblem[];
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
const round = (v: number): number => Math.round(v * 1000) / 1000;

/** Forecasts every series of `text` (the content of `file`) `options.horizon` months ahead. */
export const forecastCsv = (file: string, text: string, options: ForecastCsvOptions): ForecastCsvResult => {
  if (!Number.isInteger(options.horizon) || options.horizon < 1) {
    return { ok: false, problems: [`horizon must be an integer >= 1, got ${options.horizon}`] };
  }
  const read = readCsv(file, text, FORECAST_INPUT_COLUMNS);
  if (!read.ok) return { ok: false, problems: read.problems.map(formatProblem) };
  if (read.table.rows.length === 0) return { ok: false, problems: [formatProblem({ file, message: 'no data rows after the header' })] };
  const series = new Map<string, SeriesRows>();
  const errors: string[] = [];
  for (const { line, cells } of read.table.rows) {
    const id = cells['series_id'] ?? '';
    const month = cells['month'] ?? '';
    const raw = cells['value'] ?? '';
    if (id === '') {
      errors.push(formatProblem({ file, line, column: 'series_id', message: 'empty series id: row skipped' }));
      continue;
    }
    let s = series.get(id);
    if (s === undefined) {
      s = { id, firstLine: line, points: new Map(), problems: [] };
      series.set(id, s);
    }
    if (!isMonth(month)) {
      s.problems.push({ file, line, column: 'month', value: month, message: `series "${id}": not a month YYYY-MM` });
      continue;
    }
    // A `;`-separated file comes from a locale (Vietnamese Excel) whose decimal mark is `,`.
    const text = read.table.delimiter === ';' && DECIMAL_COMMA.test(raw) ? raw.replace(',', '.') : raw;
    const value = text === '' ? null : NUMBER.test(text) ? Number(text) : Number.NaN;
    if (value !== null && !Number.isFinite(value)) {
      s.problems.push({ file, line, column: 'value', value: raw, message: `series "${id}": not a number` });
      continue;
    }
    const k = monthNumber(month);
    const previous = s.points.get(k);
    if (previous !== undefined) {
      s.problems.push({ file, line, column: 'month', value: month, message: `series "${id}": month already given on line ${previous.line}` });
      continue;
    }
    s.points.set(k, { value, line });
  }
  const notes: string[] = [];
  const rows: (string | number)[][] = [];
  let succeeded = 0;
  let failed = 0;
  let done = 0;
  for (const s of series.values()) {
    done += 1;
    if (s.problems.length > 0) {
      failed += 1;
      for (const p of s.problems) errors.push(formatProblem(p));
      errors.push(formatProblem({ file, line: s.firstLine, message: `series "${s.id}" not forecast: ${s.problems.length} bad row(s)` }));
      options.onProgress?.(done, series.size);
      continue;
    }
    const keys = [...s.points.keys()].sort((a, b) => a - b);
    const first = keys[0] ?? 0;
    const last = keys[keys.length - 1] ?? 0;
    const values: (number | null)[] = [];
    const gaps: string[] = [];
    for (let k = first; k <= last; k += 1) {
      const v = s.points.get(k)?.value ?? null;
      if (v === null) gaps.push(monthText(k));
      values.push(v);
    }
    if (gaps.length > 0) notes.push(`${file}: series "${s.id}": ${gaps.length} missing month(s) filled by interpolation: ${gaps.join(', ')}`);
    try {
      const f = forecastSeries(values, {
        horizon: options.horizon,
        firstMonth: monthText(first),
        ...(options.period === undefined ? {} : { period: options.period }),
        ...(options.calendar === undefined ? {} : { calendar: options.calendar }),
      });
      for (let h = 0; h < options.horizon; h += 1) {
        rows.push([s.id, addMonths(monthText(last), h + 1), round(f.mean[h]), round(f.lo80[h]), round(f.hi80[h]), round(f.lo95[h]), round(f.hi95[h]), f.method]);
      }
      succeeded += 1;
    } catch (error) {
      failed += 1;
      const message = (error as Error).message.replace(/^forecastSeries: /, '');
      errors.push(formatProblem({ file, line: s.firstLine, message: `series "${s.id}" not forecast: ${message}` }));
    }
    options.onProgress?.(done, series.size);
  }
  return { ok: true, csv: writeCsv(FORECAST_OUTPUT_COLUMNS, rows), errors, notes, succeeded, failed };
};
