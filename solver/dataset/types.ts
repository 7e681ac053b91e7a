/**
 * Shapes shared by the dataset loaders: what goes in (named text) and what one table gives back.
 */
import type { CsvRow } from '../csv.ts';
import type { InputProblem } from '../domain.ts';

/** The text of one input file and the name it is reported under (e.g. `history.csv`). */
export interface NamedText {
  readonly name: string;
  readonly text: string;
}

/**
 * A table whose rows are already split into cells, as a workbook's sheet gives them (api/workbook):
 * each row's `line` is its row number in the sheet, and `name` says workbook and sheet
 * (`staff.xlsx, sheet Công chức`), so every problem points where the user looks. The header holds
 * the documented column names (a Vietnamese heading is translated before). Numbers may be written
 * with a decimal comma (`1,5`), as text cells in a Vietnamese-locale Excel hold them.
 */
export interface NamedRows {
  readonly name: string;
  readonly header: readonly string[];
  /** The sheet row of the header (1 unless the sheet starts lower). */
  readonly headerLine: number;
  readonly rows: RowList;
}

/**
 * Rows a loader reads once, in order, and their number: an array, or a sheet's compact row store
 * (api/workbook/sheetRows.ts), which makes each row's cells as it is reached so that a sheet of a
 * million rows is not held as a million cell objects.
 */
export interface RowList extends Iterable<CsvRow> {
  readonly length: number;
}

/** What a table loader reads: CSV text, or rows from a workbook. */
export type TableSource = NamedText | NamedRows;

/** The four tables of a dataset to load, each as text or as rows. */
export type DatasetSources = { readonly [K in keyof DatasetFiles]: TableSource };

/** The four files of a dataset, one per table. */
export interface DatasetFiles {
  readonly centers: NamedText;
  readonly fields: NamedText;
  readonly history: NamedText;
  readonly staff: NamedText;
}

/**
 * Codes the other tables may refer to. A set that is absent is not checked (its own file was
 * unreadable, and listing every reference to it as unknown would bury the real problem).
 */
export interface KnownCodes {
  readonly centers?: ReadonlySet<string>;
  readonly fields?: ReadonlySet<string>;
  /** First month of the history (`YYYY-MM`): a departure (`leaves_on`) before it is refused. */
  readonly firstMonth?: string;
}

/** What reading one table gave: the rows that passed every check, and what was wrong or odd. */
export interface TableResult<T> {
  /** Rows without any problem, in file order. Meaningless to a caller when `problems` is non-empty. */
  readonly rows: readonly T[];
  readonly problems: readonly InputProblem[];
  /** Things worth saying that do not stop loading, e.g. an unknown extra column. */
  readonly warnings: readonly InputProblem[];
  /**
   * The well-formed values of the table's key column (center codes, field ids), including those on
   * rows with other problems; absent when the file could not be read as a table at all.
   */
  readonly keys?: ReadonlySet<string>;
}
