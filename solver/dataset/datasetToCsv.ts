/**
 * The four tables back to CSV cells, column for column as the loaders read them, so that writing a
 * dataset and loading it again gives the same objects. Booleans are written `true`/`false`, the
 * expertise list joined with `;`.
 */
import { writeCsv } from '../csv.ts';
import type { Center, CivilServant, Dataset, Field, HistoryRow } from '../domain.ts';
import { CENTER_COLUMNS } from './parseCenters.ts';
import { FIELD_COLUMNS } from './parseFields.ts';
import { HISTORY_COLUMNS } from './parseHistory.ts';
import { OPTIONAL_STAFF_COLUMNS, STAFF_COLUMNS } from './parseStaff.ts';

export type Cell = string | number | boolean;

/** A header and its rows of cells, ready for writeCsv. */
export interface CsvCells {
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

export const centerCells = (c: Center): Cell[] => [
  c.code,
  c.nameVi,
  c.nameAscii,
  c.type,
  c.formerDistrict,
  c.areaKm2,
  c.population,
  c.lat,
  c.lon,
  c.desks,
  c.maxStaff,
  c.areaAdequate,
  c.meetingRooms,
];

export const fieldCells = (f: Field): Cell[] => [
  f.field,
  f.nameVi,
  f.nameEn,
  f.timeLimitDays,
  f.minDirect,
  f.minOnline,
  f.minProcessing,
  f.priority,
];

export const historyCells = (h: HistoryRow): Cell[] => [
  h.centerCode,
  h.month,
  h.field,
  h.channel,
  h.received,
  // Blank cells: the row's outcomes are not recorded (parseHistory reads them back as absent).
  h.resolvedOnTime ?? '',
  h.resolvedLate ?? '',
  h.pending ?? '',
];

export const staffCells = (s: CivilServant): Cell[] => [
  s.staffId,
  s.name,
  s.centerCode,
  s.homeCode,
  s.fields.join(';'),
  s.grade,
  s.fte,
  s.locked,
];

/** A staff table with `leaves_on` only when someone leaves, so tables without departures keep their columns. */
const staffTable = (staff: readonly CivilServant[]): CsvCells =>
  staff.some((s) => s.leavesOn !== undefined)
    ? { header: [...STAFF_COLUMNS, ...OPTIONAL_STAFF_COLUMNS], rows: staff.map((s) => [...staffCells(s), s.leavesOn ?? '']) }
    : { header: STAFF_COLUMNS, rows: staff.map(staffCells) };

/** Every table of `dataset` as header and cells. */
export const datasetToCsv = (dataset: Dataset): { readonly [K in keyof Dataset]: CsvCells } => ({
  centers: { header: CENTER_COLUMNS, rows: dataset.centers.map(centerCells) },
  fields: { header: FIELD_COLUMNS, rows: dataset.fields.map(fieldCells) },
  history: { header: HISTORY_COLUMNS, rows: dataset.history.map(historyCells) },
  staff: staffTable(dataset.staff),
});

/** The rows of one table of `dataset` as cells, made one row at a time. */
function* tableCells<K extends keyof Dataset>(dataset: Pick<Dataset, K>, table: K): Generator<Cell[]> {
  const d = dataset as Partial<Dataset>;
  if (table === 'centers') for (const c of d.centers ?? []) yield centerCells(c);
  else if (table === 'fields') for (const f of d.fields ?? []) yield fieldCells(f);
  else if (table === 'history') for (const h of d.history ?? []) yield historyCells(h);
  else {
    const staff = d.staff ?? [];
    const departures = staff.some((s) => s.leavesOn !== undefined);
    for (const s of staff) yield departures ? [...staffCells(s), s.leavesOn ?? ''] : staffCells(s);
  }
}

const headerOf = <K extends keyof Dataset>(dataset: Pick<Dataset, K>, table: K): readonly string[] =>
  table === 'centers' ? CENTER_COLUMNS
    : table === 'fields' ? FIELD_COLUMNS
    : table === 'history' ? HISTORY_COLUMNS
    : (dataset as Pick<Dataset, 'staff'>).staff.some((s) => s.leavesOn !== undefined) ? [...STAFF_COLUMNS, ...OPTIONAL_STAFF_COLUMNS] : STAFF_COLUMNS;

/**
 * The CSV text of `tables` (some or all of a dataset's), as the embedded tables are written: what
 * an import stored from a workbook keeps, so that a workbook of the embedded tables hashes as they
 * do. The same text as writeCsv over datasetToCsv's cells, written a row at a time.
 */
export const tablesToCsv = <K extends keyof Dataset>(dataset: Pick<Dataset, K>, tables: readonly K[]): { [T in K]: string } =>
  Object.fromEntries(tables.map((t) => [t, writeCsv(headerOf(dataset, t), tableCells(dataset, t))])) as { [T in K]: string };
