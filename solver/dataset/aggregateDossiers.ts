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
import { CHANNELS, type Channel, type HistoryRow, type LoadResult } from '../domain.ts';
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

type Outcome = 'onTime' | 'late' | 'pending';

interface Counts {
  received: number;
  onTime: number;
  late: number;
  pending: number;
}

const DATE_MESSAGE = 'must be a real date as YYYY-MM-DD or DD/MM/YYYY';

const compareRows = (a: HistoryRow, b: HistoryRow): number =>
  a.centerCode < b.centerCode ? -1 : a.centerCode > b.centerCode ? 1
  : a.month < b.month ? -1 : a.month > b.month ? 1
  : a.field < b.field ? -1 : a.field > b.field ? 1
  : CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel);

/**
 * Aggregates dossiers to one HistoryRow per (center, month of receipt, field, channel) that has at
 * least one dossier, sorted by center code, month, field, then channel (direct before online).
 * `known` holds the center codes and field ids the rows may use.
 * Throws when `options.asOf` is given but is not a date.
 */
export const aggregateDossiers = (
  file: NamedText,
  known: { readonly centers: ReadonlySet<string>; readonly fields: ReadonlySet<string> },
  options: AggregateOptions = {},
): LoadResult<HistoryRow[]> => {
  const asOf = options.asOf === undefined ? undefined : parseDate(options.asOf);
  if (options.asOf !== undefined && asOf === undefined) {
    throw new Error(`aggregateDossiers: options.asOf must be a date as YYYY-MM-DD, got "${options.asOf}"`);
  }
  const table = readTable(file, DOSSIER_COLUMNS);
  if (!table.ok) return { ok: false, problems: table.problems };
  const { cells, problems } = table;
  const duplicate = duplicateChecker(cells, 'dossier id');
  const groups = new Map<string, { row: Omit<HistoryRow, 'received' | 'resolvedOnTime' | 'resolvedLate' | 'pending'>; counts: Counts }>();
  const date = (row: (typeof table.rows)[number], column: string, optional: boolean): string | undefined => {
    const value = cells.raw(row, column);
    if (optional && value === '') return undefined;
    const parsed = parseDate(value);
    if (parsed === undefined) cells.problem(row, column, value, DATE_MESSAGE);
    return parsed;
  };
  for (const row of table.rows) {
    const before = problems.length;
    duplicate(row, cells.text(row, 'dossier_id'), 'dossier_id');
    const centerCode = cells.unitCode(row, 'center_code');
    checkReference(cells, row, 'center_code', centerCode, known.centers, 'center');
    const field = cells.fieldId(row, 'field');
    checkReference(cells, row, 'field', field, known.fields, 'field');
    const channel = cells.oneOf(row, 'channel', CHANNELS);
    const received = date(row, 'received_date', false);
    const due = date(row, 'due_date', false);
    const finished = date(row, 'finished_date', true);
    if (received !== undefined && due !== undefined && due < received) {
      cells.problem(row, 'due_date', cells.raw(row, 'due_date'), `is before the received_date ${received}`);
    }
    if (received !== undefined && finished !== undefined && finished < received) {
      cells.problem(row, 'finished_date', cells.raw(row, 'finished_date'), `is before the received_date ${received}`);
    }
    if (received !== undefined && asOf !== undefined && received > asOf) {
      cells.problem(row, 'received_date', cells.raw(row, 'received_date'), `is after the export date ${asOf}`);
    }
    if (problems.length > before) continue;
    const outcome: Outcome =
      finished === undefined || (asOf !== undefined && finished > asOf) ? 'pending' : finished <= (due as string) ? 'onTime' : 'late';
    const month = (received as string).slice(0, 7);
    const key = `${centerCode} ${month} ${field} ${channel}`;
    const group = groups.get(key) ?? {
      row: { centerCode: centerCode as string, month, field: field as string, channel: channel as Channel },
      counts: { received: 0, onTime: 0, late: 0, pending: 0 },
    };
    groups.set(key, group);
    group.counts.received += 1;
    group.counts[outcome] += 1;
  }
  if (problems.length > 0) return { ok: false, problems: capProblems(problems) };
  const rows = [...groups.values()].map(
    ({ row, counts }): HistoryRow => ({
      ...row,
      received: counts.received,
      resolvedOnTime: counts.onTime,
      resolvedLate: counts.late,
      pending: counts.pending,
    }),
  );
  return { ok: true, value: rows.sort(compareRows), warnings: table.warnings };
};
