/**
 * Shapes shared by the dataset loaders: what goes in (named text) and what one table gives back.
 */
import type { InputProblem } from '../domain.ts';

/** The text of one input file and the name it is reported under (e.g. `history.csv`). */
export interface NamedText {
  readonly name: string;
  readonly text: string;
}

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
