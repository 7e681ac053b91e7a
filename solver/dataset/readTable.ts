/**
 * The common first step of every table loader: the CSV's shape (via readCsv) or a workbook sheet's
 * rows, the expected columns, a warning for each extra column, and at least one data row.
 */
import { headerProblems, readCsv, type CsvRow } from '../csv.ts';
import type { InputProblem } from '../domain.ts';
import { cellReader, type CellReader } from './cells.ts';
import { codeCsvProblem, type CodedInputProblem } from './problemCodes.ts';
import type { NamedRows, RowList, TableSource } from './types.ts';

export type TableRead =
  | { readonly ok: false; readonly problems: readonly InputProblem[] }
  | {
      readonly ok: true;
      readonly rows: RowList;
      readonly cells: CellReader;
      /** Filled by `cells` as rows are read. */
      readonly problems: InputProblem[];
      readonly warnings: readonly InputProblem[];
      /** The columns of the header, as written. */
      readonly header: readonly string[];
      /** Where the header is: line 1 of a CSV, its row in a sheet. */
      readonly headerLine: number;
    };

/** The shape of `source` as header and rows, or the problems that stop reading it. */
const shapeOf = (
  source: TableSource,
  columns: readonly string[],
): { ok: true; rows: NamedRows; decimalComma: boolean } | { ok: false; problems: readonly InputProblem[] } => {
  if ('rows' in source) {
    const problems = headerProblems(source.name, source.header, columns, source.headerLine).map(codeCsvProblem);
    // Excel keeps a number typed with a decimal comma as the text `1,5`: read it as the number.
    return problems.length > 0 ? { ok: false, problems } : { ok: true, rows: source, decimalComma: true };
  }
  const csv = readCsv(source.name, source.text, columns);
  if (!csv.ok) return { ok: false, problems: csv.problems.map(codeCsvProblem) };
  const { header, rows, delimiter } = csv.table;
  return { ok: true, rows: { name: source.name, header, headerLine: 1, rows }, decimalComma: delimiter === ';' };
};

/**
 * Reads `file` as a table with (at least) `columns`; `optional` columns may be there or not; any
 * other column is ignored with a warning.
 */
export const readTable = (file: TableSource, columns: readonly string[], optional: readonly string[] = []): TableRead => {
  const shape = shapeOf(file, columns);
  if (!shape.ok) return shape;
  const { header, rows, headerLine } = shape.rows;
  if (rows.length === 0) {
    const noRows: CodedInputProblem = { file: file.name, message: 'the file has a header but no data rows', code: 'import.no_rows', params: {} };
    return { ok: false, problems: [noRows] };
  }
  const expected = new Set([...columns, ...optional]);
  const warnings = header
    .filter((name) => !expected.has(name))
    .map((name): CodedInputProblem => ({
      file: file.name,
      line: headerLine,
      column: name,
      message: `unknown column "${name}" is ignored`,
      code: 'import.unknown_column',
      params: { column: name },
    }));
  const problems: InputProblem[] = [];
  return { ok: true, rows, cells: cellReader(file.name, problems, shape.decimalComma), problems, warnings, header, headerLine };
};

/**
 * Records a problem on every row whose `key` was already seen, pointing at the first occurrence.
 * `whatCode` names the key in the problem's params (solver/dataset/problemCodes.ts).
 * `key` returns `undefined` for rows whose key cells are themselves bad (already reported).
 */
export const duplicateChecker = (cells: CellReader, what: string, whatCode: 'center_code' | 'field' | 'history_row' | 'staff_id' | 'dossier_id') => {
  const firstLine = new Map<string, number>();
  return (row: CsvRow, key: string | undefined, column?: string): boolean => {
    if (key === undefined) return false;
    const first = firstLine.get(key);
    if (first === undefined) {
      firstLine.set(key, row.line);
      return false;
    }
    cells.problem(row, column, column === undefined ? key : cells.raw(row, column), `duplicate ${what}: first on line ${first}`, 'import.duplicate', {
      what: whatCode,
      firstLine: first,
    });
    return true;
  };
};
