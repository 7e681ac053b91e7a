/**
 * References between tables: a center code or field id used in one table must be defined in
 * centers.csv or fields.csv. A set that is absent (its file unreadable) is not checked.
 */
import type { CsvRow } from '../csv.ts';
import type { CellReader } from './cells.ts';

/** Records a problem when `value` is not in `known`; returns whether it is acceptable. */
export const checkReference = (
  cells: CellReader,
  row: CsvRow,
  column: string,
  value: string | undefined,
  known: ReadonlySet<string> | undefined,
  what: 'center' | 'field',
): boolean => {
  if (value === undefined || known === undefined || known.has(value)) return true;
  if (what === 'center') cells.problem(row, column, value, 'unknown center code (not in the centers table)', 'import.unknown_center');
  else cells.problem(row, column, value, 'unknown field id (not in the fields table)', 'import.unknown_field');
  return false;
};
