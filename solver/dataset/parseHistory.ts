/**
 * Reads `history.csv`: dossiers received per center, month, field and channel, and what became of
 * them. Checks every count, the balance `resolved_on_time + resolved_late + pending = received`, the
 * references to centers and fields, and that each (center, month, field, channel) appears once.
 */
import type { CsvRow } from '../csv.ts';
import { CHANNELS, type HistoryRow } from '../domain.ts';
import type { CellReader } from './cells.ts';
import { checkReference } from './crossCheck.ts';
import { duplicateChecker, readTable } from './readTable.ts';
import type { KnownCodes, NamedText, TableResult } from './types.ts';

export const HISTORY_COLUMNS = [
  'center_code',
  'month',
  'field',
  'channel',
  'received',
  'resolved_on_time',
  'resolved_late',
  'pending',
] as const;

const COUNT = { min: 0, integer: true, message: 'must be a whole number >= 0' } as const;

/** Checks the balance of one row's counts; the problem names the column a user most likely got wrong. */
const checkBalance = (cells: CellReader, row: CsvRow, received: number, onTime: number, late: number, pending: number): void => {
  const resolved = onTime + late;
  if (resolved > received) {
    cells.problem(row, 'received', String(received), `resolved more than received: resolved_on_time + resolved_late = ${resolved}`, 'import.resolved_over_received', {
      resolved,
    });
  } else if (resolved + pending !== received) {
    cells.problem(
      row,
      'pending',
      String(pending),
      `resolved_on_time + resolved_late + pending = ${resolved + pending}, must equal received ${received}`,
      'import.counts_unbalanced',
      { sum: resolved + pending, received },
    );
  }
};

export const parseHistory = (file: NamedText, known: KnownCodes = {}): TableResult<HistoryRow> => {
  const table = readTable(file, HISTORY_COLUMNS);
  if (!table.ok) return { rows: [], problems: table.problems, warnings: [] };
  const { cells, problems } = table;
  const duplicate = duplicateChecker(cells, 'center, month, field and channel', 'history_row');
  const rows: HistoryRow[] = [];
  for (const row of table.rows) {
    const before = problems.length;
    const centerCode = cells.unitCode(row, 'center_code');
    checkReference(cells, row, 'center_code', centerCode, known.centers, 'center');
    const month = cells.month(row, 'month');
    const field = cells.fieldId(row, 'field');
    checkReference(cells, row, 'field', field, known.fields, 'field');
    const channel = cells.oneOf(row, 'channel', CHANNELS);
    const received = cells.number(row, 'received', COUNT);
    const resolvedOnTime = cells.number(row, 'resolved_on_time', COUNT);
    const resolvedLate = cells.number(row, 'resolved_late', COUNT);
    const pending = cells.number(row, 'pending', COUNT);
    if (received !== undefined && resolvedOnTime !== undefined && resolvedLate !== undefined && pending !== undefined) {
      checkBalance(cells, row, received, resolvedOnTime, resolvedLate, pending);
    }
    const keyCells = [centerCode, month, field, channel];
    duplicate(row, keyCells.includes(undefined) ? undefined : keyCells.join(' '));
    if (problems.length === before) {
      rows.push({ centerCode, month, field, channel, received, resolvedOnTime, resolvedLate, pending } as HistoryRow);
    }
  }
  return { rows, problems, warnings: table.warnings };
};
