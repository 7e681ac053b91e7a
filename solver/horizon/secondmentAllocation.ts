/**
 * Where the bound lets the secondments fall: min over s of sum_t max(0, lines of month t at B + s_t),
 * s_t people on secondment in month t, sum_t s_t <= S person-months, 0 <= s_t <= cap; and, when the
 * shortest secondment is 2 months or more, s_t <= s_{t-1} + s_{t+1} (everyone seconded in month t
 * is seconded in a month next to it too). Solved as an LP (s continuous: a relaxation, so still a
 * lower bound on every plan); each month's bound is the epigraph v_t >= each of its lines, v_t >= 0.
 * `perMonth`: what each person-month of secondment surely costs beyond what the month's
 * relaxation charged it as a move (moveCost.ts, monthlyMoveCharge), added per unit of s_t.
 * Null when HiGHS does not reach an optimum (the caller then drops the contiguity).
 */
import type { Highs } from 'highs';

export interface BoundLine {
  readonly value: number;
  readonly slope: number;
  readonly at: number;
}

export const allocateSecondments = (
  highs: Highs,
  lines: readonly (readonly BoundLine[])[],
  B: number,
  S: number,
  cap: number,
  contiguous: boolean,
  perMonth = 0,
): { total: number; s: number[] } | null => {
  const T = lines.length;
  // Columns: s_0..s_{T-1}, then v_0..v_{T-1}.
  const rows: { lo: number; up: number; terms: [number, number][] }[] = [];
  lines.forEach((ls, t) => {
    for (const l of ls) rows.push({ lo: l.value + l.slope * (B - l.at), up: Infinity, terms: [[T + t, 1], [t, -l.slope]] });
  });
  rows.push({ lo: -Infinity, up: S, terms: Array.from({ length: T }, (_, t): [number, number] => [t, 1]) });
  if (contiguous && T > 1) {
    for (let t = 0; t < T; t += 1) {
      const terms: [number, number][] = [[t, 1]];
      if (t > 0) terms.push([t - 1, -1]);
      if (t < T - 1) terms.push([t + 1, -1]);
      rows.push({ lo: -Infinity, up: 0, terms });
    }
  }
  const inf = highs.infinity;
  const b = (v: number): number => (v === Infinity ? inf : v === -Infinity ? -inf : v);
  const starts = new Int32Array(rows.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  rows.forEach((r, i) => {
    for (const [col, val] of [...r.terms].sort((x, y) => x[0] - y[0])) {
      indices.push(col);
      values.push(val);
    }
    starts[i + 1] = indices.length;
  });
  const m = highs.createModel({
    numCols: 2 * T,
    numRows: rows.length,
    sense: highs.constants.objectiveSense.minimize,
    colCost: Float64Array.from({ length: 2 * T }, (_, j) => (j < T ? perMonth : 1)),
    colLower: new Float64Array(2 * T),
    colUpper: Float64Array.from({ length: 2 * T }, (_, j) => (j < T ? cap : inf)),
    rowLower: Float64Array.from(rows.map((r) => b(r.lo))),
    rowUpper: Float64Array.from(rows.map((r) => b(r.up))),
    matrix: { format: 'csr', numRows: rows.length, numCols: 2 * T, starts, indices: Int32Array.from(indices), values: Float64Array.from(values) },
  });
  try {
    m.options.set({ output_flag: false, random_seed: 0 });
    m.run();
    if (m.getModelStatus() !== highs.constants.modelStatus.optimal) return null;
    const x = m.getSolution().colValue;
    return { total: m.getObjectiveValue(), s: Array.from({ length: T }, (_, t) => x[t] ?? 0) };
  } finally {
    m.dispose();
  }
};
