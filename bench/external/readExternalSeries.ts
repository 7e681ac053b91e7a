/**
 * Reads the committed external benchmark data (bench/external/monthly-series.csv, written by
 * standard-forecasts.R): one row per series and month, `split` train|test, and on test rows the
 * point forecasts of R's forecast package (ets, auto.arima, thetaf).
 * Returns every series whole, or every problem found (file, line, column, value); nothing half-read.
 */
import { readCsv, type CsvRow } from '../../solver/csv.ts';
import type { InputProblem } from '../../solver/domain.ts';

/** The standard packages' methods whose forecasts the CSV carries, as its column names. */
export const STANDARD_METHODS = ['ets', 'arima', 'theta'] as const;
export type StandardMethod = (typeof STANDARD_METHODS)[number];

export interface ExternalSeries {
  /** `package::object` or `package::object$column` of the R data set. */
  readonly id: string;
  /** `YYYY-MM` of the first training value. */
  readonly firstMonth: string;
  readonly train: readonly number[];
  readonly test: readonly number[];
  /** Point forecasts of the held-out months by each standard method (same length as `test`). */
  readonly standard: Readonly<Record<StandardMethod, readonly number[]>>;
}

export type ExternalSeriesResult =
  | { readonly ok: true; readonly series: readonly ExternalSeries[] }
  | { readonly ok: false; readonly problems: readonly InputProblem[] };

const COLUMNS = ['series_id', 'month', 'value', 'split', ...STANDARD_METHODS] as const;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

const monthIndex = (month: string): number => {
  const match = MONTH.exec(month);
  return match === null ? Number.NaN : Number(match[1]) * 12 + Number(match[2]) - 1;
};

interface Draft {
  readonly id: string;
  readonly rows: CsvRow[];
}

/** Checks one series' rows (consecutive months, train before test, forecasts only on test rows). */
const checkSeries = (file: string, draft: Draft, horizon: number, problems: InputProblem[]): ExternalSeries | undefined => {
  const before = problems.length;
  const bad = (row: CsvRow, column: string, message: string): void => {
    problems.push({ file, line: row.line, column, value: row.cells[column] ?? '', message: `series ${draft.id}: ${message}` });
  };
  const train: number[] = [];
  const test: number[] = [];
  const standard: Record<StandardMethod, number[]> = { ets: [], arima: [], theta: [] };
  let previous = Number.NaN;
  for (const row of draft.rows) {
    const month = monthIndex(row.cells['month'] ?? '');
    if (Number.isNaN(month)) bad(row, 'month', 'month is not YYYY-MM');
    else if (!Number.isNaN(previous) && month !== previous + 1) bad(row, 'month', 'months are not consecutive');
    previous = month;
    const valueText = row.cells['value'] ?? '';
    const value = Number(valueText);
    if (valueText === '' || !Number.isFinite(value)) bad(row, 'value', 'value is not a finite number');
    const split = row.cells['split'];
    if (split === 'train') {
      if (test.length > 0) bad(row, 'split', 'a train row after a test row');
      train.push(value);
      for (const method of STANDARD_METHODS) {
        if ((row.cells[method] ?? '') !== '') bad(row, method, 'a forecast on a train row');
      }
    } else if (split === 'test') {
      test.push(value);
      for (const method of STANDARD_METHODS) {
        const text = row.cells[method] ?? '';
        const f = Number(text);
        if (text === '' || !Number.isFinite(f)) bad(row, method, 'forecast is not a finite number');
        standard[method].push(f);
      }
    } else bad(row, 'split', 'split must be train or test');
  }
  const last = draft.rows[draft.rows.length - 1];
  if (last !== undefined && test.length !== horizon) bad(last, 'split', `${test.length} test rows, expected ${horizon}`);
  if (problems.length > before) return undefined;
  return { id: draft.id, firstMonth: draft.rows[0]?.cells['month'] ?? '', train, test, standard };
};

/** Parses `text` (the content of `file`); every series must hold exactly `horizon` test rows. */
export const readExternalSeries = (file: string, text: string, horizon = 12): ExternalSeriesResult => {
  const csv = readCsv(file, text, COLUMNS);
  if (!csv.ok) return csv;
  const drafts = new Map<string, Draft>();
  const problems: InputProblem[] = [];
  let current = '';
  for (const row of csv.table.rows) {
    const id = row.cells['series_id'] ?? '';
    if (id === '') {
      problems.push({ file, line: row.line, column: 'series_id', value: '', message: 'empty series_id' });
      continue;
    }
    const draft = drafts.get(id);
    if (draft === undefined) drafts.set(id, { id, rows: [row] });
    else if (id !== current) problems.push({ file, line: row.line, column: 'series_id', value: id, message: `series ${id}: its rows are not contiguous` });
    else draft.rows.push(row);
    current = id;
  }
  const series: ExternalSeries[] = [];
  for (const draft of drafts.values()) {
    const checked = checkSeries(file, draft, horizon, problems);
    if (checked !== undefined) series.push(checked);
  }
  if (series.length === 0 && problems.length === 0) problems.push({ file, message: 'no series' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, series };
};
