/**
 * The second import path: one row per dossier, as one-stop-shop software exports them, summed up
 * into the monthly history table. Columns:
 * `dossier_id,center_code,field,channel,received_date,due_date,finished_date`
 * (dates `YYYY-MM-DD` or `DD/MM/YYYY`; an empty `finished_date` means not finished yet).
 *
 * A dossier counts in the month of its `received_date`. Finished on or before its `due_date`: resolved
 * on time; finished after it: resolved late; not finished (or, with `asOf`, finished after `asOf`):
 * pending. All or nothing, like the tables: any problem and no rows are returned.
 */
import type { CsvRow } from '../csv.ts';
import { CHANNELS, type Channel, type HistoryRow, type LoadResult } from '../domain.ts';
import type { CellReader } from './cells.ts';
import { checkReference } from './crossCheck.ts';
import { capProblems } from './loadDataset.ts';
import { parseDate } from './parseDate.ts';
import { duplicateChecker, readTable } from './readTable.ts';
import type { NamedText } from './types.ts';

export const DOSSIER_COLUMNS = [
  'dossier_id',
  'center_code',
  'field',
  'channel',
  'received_date',
  'due_date',
  'finished_date',
] as const;

export interface AggregateOptions {
  /** `YYYY-MM-DD`: the day the export was taken. Dossiers finished after it count as pending. Default: none. */
  readonly asOf?: string;
}

/** One dossier as read: dates as `YYYY-MM-DD`; `outcome` as of the export date. */
interface Dossier {
  readonly centerCode: string;
  readonly field: string;
  readonly channel: Channel;
  readonly receivedDate: string;
  readonly outcome: 'resolvedOnTime' | 'resolvedLate' | 'pending';
}

const DATE_MESSAGE = 'must be a real date as YYYY-MM-DD or DD/MM/YYYY';

const compareRows = (a: HistoryRow, b: HistoryRow): number =>
  a.centerCode < b.centerCode ? -1 : a.centerCode > b.centerCode ? 1
  : a.month < b.month ? -1 : a.month > b.month ? 1
  : a.field < b.field ? -1 : a.field > b.field ? 1
  : CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel);

/**
 * Reads one dossier row, recording every problem; `undefined` when the row has any.
 * Dates compare as `YYYY-MM-DD` text, which orders them like the calendar.
 */
const readDossier = (
  cells: CellReader,
  row: CsvRow,
  known: DossierReferences,
  asOf: string | undefined,
  isDuplicate: (row: CsvRow, key: string | undefined, column: string) => boolean,
): Dossier | undefined => {
  const problemsBefore = cells.problemCount();
  const date = (column: string, optional: boolean): string | undefined => {
    const value = cells.raw(row, column);
    if (optional && value === '') return undefined;
    const parsed = parseDate(value);
    if (parsed === undefined) cells.problem(row, column, value, DATE_MESSAGE, 'import.date');
    return parsed;
  };
  isDuplicate(row, cells.text(row, 'dossier_id'), 'dossier_id');
  const centerCode = cells.unitCode(row, 'center_code');
  checkReference(cells, row, 'center_code', centerCode, known.centers, 'center');
  const field = cells.fieldId(row, 'field');
  checkReference(cells, row, 'field', field, known.fields, 'field');
  const channel = cells.oneOf(row, 'channel', CHANNELS);
  const received = date('received_date', false);
  const due = date('due_date', false);
  const finished = date('finished_date', true);
  if (received !== undefined && due !== undefined && due < received) {
    cells.problem(row, 'due_date', cells.raw(row, 'due_date'), `is before the received_date ${received}`, 'import.before_received', { received });
  }
  if (received !== undefined && finished !== undefined && finished < received) {
    cells.problem(row, 'finished_date', cells.raw(row, 'finished_date'), `is before the received_date ${received}`, 'import.before_received', { received });
  }
  if (received !== undefined && asOf !== undefined && received > asOf) {
    cells.problem(row, 'received_date', cells.raw(row, 'received_date'), `is after the export date ${asOf}`, 'import.after_export', { asOf });
  }
  if (cells.problemCount() > problemsBefore) return undefined;
  if (centerCode === undefined || field === undefined || channel === undefined || received === undefined || due === undefined) return undefined;
  const outcome =
    finished === undefined || (asOf !== undefined && finished > asOf) ? 'pending' : finished <= due ? 'resolvedOnTime' : 'resolvedLate';
  return { centerCode, field, channel, receivedDate: received, outcome };
};

/** Center codes and field ids a dossier may use. */
export interface DossierReferences {
  readonly centers: ReadonlySet<string>;
  readonly fields: ReadonlySet<string>;
}

/**
 * Aggregates dossiers to one HistoryRow per (center, month of receipt, field, channel) that has at
 * least one dossier, sorted by center code, month, field, then channel (direct before online).
 * Throws when `options.asOf` is given but is not a date.
 */
export const aggregateDossiers = (file: NamedText, known: DossierReferences, options: AggregateOptions = {}): LoadResult<HistoryRow[]> => {
  const asOf = options.asOf === undefined ? undefined : parseDate(options.asOf);
  if (options.asOf !== undefined && asOf === undefined) {
    throw new Error(`aggregateDossiers: options.asOf must be a date as YYYY-MM-DD, got "${options.asOf}"`);
  }
  const table = readTable(file, DOSSIER_COLUMNS);
  if (!table.ok) return { ok: false, problems: table.problems };
  const isDuplicate = duplicateChecker(table.cells, 'dossier id', 'dossier_id');
  const groups = new Map<string, { -readonly [K in keyof HistoryRow]-?: HistoryRow[K] }>();
  for (const row of table.rows) {
    const dossier = readDossier(table.cells, row, known, asOf, isDuplicate);
    if (dossier === undefined) continue;
    const month = dossier.receivedDate.slice(0, 7);
    const key = `${dossier.centerCode} ${month} ${dossier.field} ${dossier.channel}`;
    const group = groups.get(key) ?? {
      centerCode: dossier.centerCode,
      month,
      field: dossier.field,
      channel: dossier.channel,
      received: 0,
      resolvedOnTime: 0,
      resolvedLate: 0,
      pending: 0,
    };
    groups.set(key, group);
    group.received += 1;
    group[dossier.outcome] += 1;
  }
  if (table.problems.length > 0) return { ok: false, problems: capProblems(table.problems) };
  return { ok: true, value: [...groups.values()].sort(compareRows), warnings: table.warnings };
};
