/**
 * A solver-neutral mixed-integer linear model: minimise cost . x subject to
 * rowLower <= A x <= rowUpper and colLower <= x <= colUpper, some x integer.
 * LP words (columns, rows, bounds) stay in this file and the model builders; the rest of the
 * planner speaks of people, centers and fields.
 */

export interface LinearRow {
  readonly name: string;
  readonly lower: number;
  readonly upper: number;
  readonly cols: readonly number[];
  readonly vals: readonly number[];
}

export interface LinearColumn {
  readonly name: string;
  readonly cost: number;
  readonly lower: number;
  readonly upper: number;
  readonly integer: boolean;
}

export interface LinearModel {
  readonly columns: readonly LinearColumn[];
  readonly rows: readonly LinearRow[];
}

export interface LinearModelBuilder {
  /** Adds a column and returns its index. */
  readonly addColumn: (column: LinearColumn) => number;
  /** Adds a row and returns its index; zero coefficients are dropped, repeated columns summed. */
  readonly addRow: (name: string, lower: number, upper: number, terms: readonly (readonly [number, number])[]) => number;
  readonly build: () => LinearModel;
}

/** Starts an empty model. Names must be unique and LP-format safe (letters, digits, `_`, `.`). */
export const linearModelBuilder = (): LinearModelBuilder => {
  const columns: LinearColumn[] = [];
  const rows: LinearRow[] = [];
  return {
    addColumn: (column) => {
      columns.push(column);
      return columns.length - 1;
    },
    addRow: (name, lower, upper, terms) => {
      const merged = new Map<number, number>();
      for (const [col, val] of terms) merged.set(col, (merged.get(col) ?? 0) + val);
      const cols: number[] = [];
      const vals: number[] = [];
      for (const [col, val] of [...merged].sort((a, b) => a[0] - b[0])) {
        if (val !== 0) {
          cols.push(col);
          vals.push(val);
        }
      }
      rows.push({ name, lower, upper, cols, vals });
      return rows.length - 1;
    },
    build: () => ({ columns, rows }),
  };
};

/** Objective value of `x` in `model`. */
export const objectiveOf = (model: LinearModel, x: ArrayLike<number>): number =>
  model.columns.reduce((sum, column, j) => sum + column.cost * (x[j] ?? 0), 0);

/** Largest violation of any row or bound by `x` (0 when feasible). */
export const maxViolation = (model: LinearModel, x: ArrayLike<number>): number => {
  let worst = 0;
  model.columns.forEach((column, j) => {
    const v = x[j] ?? 0;
    worst = Math.max(worst, column.lower - v, v - column.upper);
  });
  for (const row of model.rows) {
    let activity = 0;
    row.cols.forEach((col, k) => {
      activity += (row.vals[k] ?? 0) * (x[col] ?? 0);
    });
    worst = Math.max(worst, row.lower - activity, activity - row.upper);
  }
  return worst;
};
