/**
 * Reads the embedded dataset's CSV files as plain rows for the data tests. Deliberately independent of
 * the planner's loaders, so the published figures are checked on the files as written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv } from '../../solver/csv.ts';

export const DATA_DIR = join(import.meta.dirname, '..', '..', 'data', 'haiphong');

export type Row = Readonly<Record<string, string>>;

const cache = new Map<string, readonly Row[]>();

/** Rows of `data/haiphong/<file>`, cells by column name; throws if the file does not parse. */
export const table = (file: string): readonly Row[] => {
  const known = cache.get(file);
  if (known !== undefined) return known;
  const result = readCsv(file, readFileSync(join(DATA_DIR, file), 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${result.problems.map((p) => p.message).join('; ')}`);
  const rows = result.table.rows.map((r) => r.cells);
  cache.set(file, rows);
  return rows;
};

export const num = (row: Row, column: string): number => Number(row[column]);

/** Sum of `column` over history rows that pass `where`. */
export const sumHistory = (column: string, where: (row: Row) => boolean): number =>
  table('history.csv').reduce((sum, row) => (where(row) ? sum + num(row, column) : sum), 0);

export const resolved = (row: Row): number => num(row, 'resolved_on_time') + num(row, 'resolved_late');
