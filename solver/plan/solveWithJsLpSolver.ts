/**
 * Solves a small LinearModel with javascript-lp-solver: an independent check on HiGHS for tiny
 * models and a pure-JS path for instant what-ifs. Never for city-size models: it keeps a dense
 * tableau (DESIGN: 37 s and 4.6 GB at 25k columns). Its MIP answers `feasible: true` even when it
 * stops with fractional values, so integrality is checked here and reported as its own status.
 */
import jsLpSolver from 'javascript-lp-solver';
import type { LinearModel } from './linearModel.ts';

export interface JsLpOutcome {
  readonly status: 'optimal' | 'infeasible' | 'not_integral' | 'unbounded';
  readonly objective: number | null;
  readonly x: Float64Array | null;
}

/** Integer columns farther than this from an integer make the answer `not_integral`. */
const INTEGRALITY_TOLERANCE = 1e-6;

/** The package is CommonJS typed as a namespace; at runtime its default export is the solver. */
const solve = (jsLpSolver as unknown as { Solve: (model: object) => unknown }).Solve.bind(jsLpSolver);

export const solveWithJsLpSolver = (model: LinearModel, relax = false): JsLpOutcome => {
  const constraints: Record<string, { min?: number; max?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  const ints: Record<string, 1> = {};
  const colKey = (j: number): string => `c${j}`;
  model.columns.forEach((column, j) => {
    if (column.lower < 0) throw new Error(`solveWithJsLpSolver: column ${column.name} has lower bound ${column.lower} < 0`);
    const coefficients: Record<string, number> = { objective: column.cost };
    if (column.upper !== Infinity || column.lower > 0) {
      constraints[`b${j}`] = {
        ...(column.lower > 0 ? { min: column.lower } : {}),
        ...(column.upper !== Infinity ? { max: column.upper } : {}),
      };
      coefficients[`b${j}`] = 1;
    }
    variables[colKey(j)] = coefficients;
    if (column.integer && !relax) ints[colKey(j)] = 1;
  });
  model.rows.forEach((row, i) => {
    constraints[`r${i}`] = {
      ...(row.lower !== -Infinity ? { min: row.lower } : {}),
      ...(row.upper !== Infinity ? { max: row.upper } : {}),
    };
    row.cols.forEach((col, k) => {
      const v = variables[colKey(col)];
      if (v) v[`r${i}`] = row.vals[k] ?? 0;
    });
  });
  const result = solve({ optimize: 'objective', opType: 'min', constraints, variables, ints }) as {
    feasible: boolean;
    bounded?: boolean;
    result: number;
    [key: string]: unknown;
  };
  if (!result.feasible) return { status: 'infeasible', objective: null, x: null };
  if (result.bounded === false) return { status: 'unbounded', objective: null, x: null };
  const x = new Float64Array(model.columns.length);
  model.columns.forEach((_, j) => {
    const v = result[colKey(j)];
    x[j] = typeof v === 'number' ? v : 0;
  });
  const integral = model.columns.every(
    (column, j) => relax || !column.integer || Math.abs((x[j] ?? 0) - Math.round(x[j] ?? 0)) <= INTEGRALITY_TOLERANCE,
  );
  const objective = model.columns.reduce((s, column, j) => s + column.cost * (x[j] ?? 0), 0);
  return { status: integral ? 'optimal' : 'not_integral', objective, x };
};
