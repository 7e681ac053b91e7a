/**
 * Reads `staff.csv`: the civil servants who receive or process dossiers, where they work and live,
 * and their expertise (the `fields` cell: field ids separated by `;`).
 */
import type { CsvRow } from '../csv.ts';
import type { CivilServant } from '../domain.ts';
import { isFieldId, type CellReader } from './cells.ts';
import { checkReference } from './crossCheck.ts';
import { duplicateChecker, readTable } from './readTable.ts';
import type { KnownCodes, TableResult, TableSource } from './types.ts';

export const STAFF_COLUMNS = ['staff_id', 'name', 'center_code', 'home_code', 'fields', 'grade', 'fte', 'locked'] as const;

/**
 * Columns a staff table may have or not (tables made before them stay valid):
 * `leaves_on`, the first month a person no longer works (YYYY-MM; blank = no departure known).
 */
export const OPTIONAL_STAFF_COLUMNS = ['leaves_on'] as const;

/** Full-time equivalent: more than 0, at most 1. */
const FTE = { min: 0, minExclusive: true, max: 1, message: 'must be a number > 0 and <= 1' } as const;

/** Splits an expertise cell on `;` (or `,`, as some spreadsheets rewrite it); blanks are dropped. */
export const splitFields = (cell: string): string[] =>
  cell
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * The `leaves_on` cell: blank (or no column) for nobody leaving, else a month not before the
 * history's first (a departure before any recorded month is a typo, not a plan).
 */
const leavesOnOf = (cells: CellReader, row: CsvRow, firstMonth: string | undefined): string | undefined => {
  if (cells.raw(row, 'leaves_on') === '') return undefined;
  const month = cells.month(row, 'leaves_on');
  if (month !== undefined && firstMonth !== undefined && month < firstMonth) {
    cells.problem(row, 'leaves_on', month, `is before the history's first month ${firstMonth}`, 'import.before_history', { first: firstMonth });
    return undefined;
  }
  return month;
};

export const parseStaff = (file: TableSource, known: KnownCodes = {}): TableResult<CivilServant> => {
  const table = readTable(file, STAFF_COLUMNS, OPTIONAL_STAFF_COLUMNS);
  if (!table.ok) return { rows: [], problems: table.problems, warnings: [] };
  const { cells, problems } = table;
  const duplicate = duplicateChecker(cells, 'staff id', 'staff_id');
  const rows: CivilServant[] = [];
  for (const row of table.rows) {
    const before = problems.length;
    const staffId = cells.text(row, 'staff_id');
    duplicate(row, staffId, 'staff_id');
    const name = cells.text(row, 'name');
    const centerCode = cells.unitCode(row, 'center_code');
    checkReference(cells, row, 'center_code', centerCode, known.centers, 'center');
    const homeCode = cells.unitCode(row, 'home_code');
    checkReference(cells, row, 'home_code', homeCode, known.centers, 'center');
    const fields = splitFields(cells.raw(row, 'fields'));
    if (fields.length === 0) cells.problem(row, 'fields', cells.raw(row, 'fields'), 'must list at least one field id, separated by ;', 'import.no_fields');
    const seen = new Set<string>();
    for (const id of fields) {
      if (!isFieldId(id)) cells.problem(row, 'fields', id, 'must be a field id in lower snake case, e.g. civil_status', 'import.field_id');
      else if (seen.has(id)) cells.problem(row, 'fields', id, 'field listed twice', 'import.field_twice');
      else checkReference(cells, row, 'fields', id, known.fields, 'field');
      seen.add(id);
    }
    const leavesOn = leavesOnOf(cells, row, known.firstMonth);
    const servant = {
      staffId,
      name,
      centerCode,
      homeCode,
      fields,
      grade: cells.text(row, 'grade'),
      fte: cells.number(row, 'fte', FTE),
      locked: cells.boolean(row, 'locked'),
      ...(leavesOn === undefined ? {} : { leavesOn }),
    };
    if (problems.length === before) rows.push(servant as CivilServant);
  }
  return { rows, problems, warnings: table.warnings };
};
