/**
 * Reads `history.csv`: dossiers received per center, month, field and channel, and what became of
 * them. Checks every count, the balance `resolved_on_time + resolved_late + pending = received`, the
 * references to centers and fields, and that each (center, month, field, channel) appears once.
 *
 * The outcome columns are optional, as a group: a city that does not record outcomes leaves all
 * three out (or leaves a row's three cells blank); one or two of them is a problem naming the
 * missing ones, since a table with pending but no late count would be read as "nothing late".
 * Either way the table loads with a warning (`import.no_outcomes`, or `import.outcomes_blank` with
 * the first blank row and their number): those months cannot be checked against what happened.
 */
import type { CsvRow } from '../csv.ts';
import { CHANNELS, type HistoryRow } from '../domain.ts';
import type { CellReader } from './cells.ts';
import { checkReference } from './crossCheck.ts';
import type { CodedInputProblem } from './problemCodes.ts';
import { duplicateChecker, readTable } from './readTable.ts';
import type { KnownCodes, NamedText, TableResult } from './types.ts';

/** The columns a history table needs. */
export const RECEIVED_COLUMNS = ['center_code', 'month', 'field', 'channel', 'received'] as const;
/** What became of the dossiers: all three, or none. */
export const OUTCOME_COLUMNS = ['resolved_on_time', 'resolved_late', 'pending'] as const;
/** Every column, in the order the embedded table and exports write them. */
export const HISTORY_COLUMNS = [...RECEIVED_COLUMNS, ...OUTCOME_COLUMNS] as const;

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

type Outcomes = Pick<HistoryRow, 'resolvedOnTime' | 'resolvedLate' | 'pending'>;

/** The row's outcome counts, `{}` when its three cells are blank; undefined after a problem. */
const readOutcomes = (cells: CellReader, row: CsvRow, received: number | undefined): Outcomes | undefined => {
  const blank = OUTCOME_COLUMNS.filter((c) => cells.raw(row, c) === '');
  if (blank.length === OUTCOME_COLUMNS.length) return {};
  const before = cells.problemCount();
  const resolvedOnTime = cells.number(row, 'resolved_on_time', COUNT);
  const resolvedLate = cells.number(row, 'resolved_late', COUNT);
  const pending = cells.number(row, 'pending', COUNT);
  if (received !== undefined && resolvedOnTime !== undefined && resolvedLate !== undefined && pending !== undefined) {
    checkBalance(cells, row, received, resolvedOnTime, resolvedLate, pending);
  }
  return cells.problemCount() === before ? { resolvedOnTime, resolvedLate, pending } as Outcomes : undefined;
};

export const parseHistory = (file: NamedText, known: KnownCodes = {}): TableResult<HistoryRow> => {
  const table = readTable(file, RECEIVED_COLUMNS, OUTCOME_COLUMNS);
  if (!table.ok) return { rows: [], problems: table.problems, warnings: [] };
  const { cells, problems } = table;
  const present = OUTCOME_COLUMNS.filter((c) => table.header.includes(c));
  if (present.length > 0 && present.length < OUTCOME_COLUMNS.length) {
    const given = present.join(', ');
    for (const column of OUTCOME_COLUMNS.filter((c) => !present.includes(c))) {
      problems.push({
        file: file.name, line: 1, column,
        message: `missing column "${column}": the outcome columns resolved_on_time, resolved_late and pending come together (the header has ${given}); leave all three out if outcomes are not recorded`,
        code: 'import.missing_column', params: { column },
      } as (typeof problems)[number]);
    }
    return { rows: [], problems, warnings: table.warnings };
  }
  const duplicate = duplicateChecker(cells, 'center, month, field and channel', 'history_row');
  const rows: HistoryRow[] = [];
  const blankLines: number[] = [];
  for (const row of table.rows) {
    const before = problems.length;
    const centerCode = cells.unitCode(row, 'center_code');
    checkReference(cells, row, 'center_code', centerCode, known.centers, 'center');
    const month = cells.month(row, 'month');
    const field = cells.fieldId(row, 'field');
    checkReference(cells, row, 'field', field, known.fields, 'field');
    const channel = cells.oneOf(row, 'channel', CHANNELS);
    const received = cells.number(row, 'received', COUNT);
    const outcomes = present.length === 0 ? {} : readOutcomes(cells, row, received);
    if (present.length > 0 && outcomes !== undefined && outcomes.pending === undefined) blankLines.push(row.line);
    const keyCells = [centerCode, month, field, channel];
    duplicate(row, keyCells.includes(undefined) ? undefined : keyCells.join(' '));
    if (problems.length === before) {
      rows.push({ centerCode, month, field, channel, received, ...outcomes } as HistoryRow);
    }
  }
  return { rows, problems, warnings: [...table.warnings, ...outcomeWarnings(file.name, present.length > 0, blankLines)] };
};

/** What the outcome columns leave the model check: nothing (no columns), or all but the blank rows' center-months. */
const outcomeWarnings = (file: string, columns: boolean, blankLines: readonly number[]): CodedInputProblem[] => {
  if (!columns) {
    return [{
      file, line: 1,
      message: `no outcome columns (${OUTCOME_COLUMNS.join(', ')}): the workload is computed, but the model check and the calibration of norms cannot be done, and the official norms are used`,
      code: 'import.no_outcomes', params: {},
    }];
  }
  const [first] = blankLines;
  if (first === undefined) return [];
  const rows = blankLines.length;
  return [{
    file, line: first, value: '',
    message: `outcome cells blank on ${rows} row${rows === 1 ? '' : 's'} (first on line ${first}): ${rows === 1 ? 'its' : 'their'} center-months are left out of the model check and the calibration of norms`,
    code: 'import.outcomes_blank', params: { rows },
  }];
};
