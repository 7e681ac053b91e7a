/**
 * A lower bound on month t's relaxation over EVERY center within reach (monthRelaxation.ts), from
 * its optimum over the offered centers only: column generation's pricing step, as for the
 * single-month plan (solver/plan/pricedBound.ts), with this model's rows (people who have left,
 * the leaving caps, trained hours).
 *
 * With y the restricted optimum's row duals (d_j = c_j - a_j . y), Lasdon's bound
 *   R_t >= LP + sum_p [ min_{c in reach(p)} d_pc - sum_{c offered} d_pc x*_pc ]
 * over the people who still work in month t (one center each, kept as a simplex) is valid for the
 * full relaxation. A column not offered has
 *   d_pc = cost(p,c) - y_person(p) - y_headcount(c) - [moves] (y_budget + y_leaving(p's center)) + H_t fte_p y_cap(c, T_p),
 * where y_cap of a capacity row the model lacks (an expertise set new at c) is -max(0, max over
 * the set's fields of y_cover(c,f)): the largest value keeping its hour columns dual feasible. No
 * trained hours hang on such a row (they come only from a center's own staff, whose rows are all
 * there). The most negative column per person is returned to be offered next.
 */
import { expertiseKey } from '../plan/buildPlanModel.ts';
import type { HorizonIndex } from './horizonIndex.ts';
import type { RelaxationModel } from './monthRelaxation.ts';

export interface MonthLp {
  readonly objective: number;
  readonly x: ArrayLike<number>;
  readonly rowDual: ArrayLike<number>;
  readonly colDual: ArrayLike<number>;
}

export interface PricedMonth {
  readonly bound: number;
  /** Per person with a negative column not offered: the most negative one. */
  readonly negative: readonly { readonly p: number; readonly c: number; readonly reducedCost: number }[];
}

export const priceMonth = (
  hi: HorizonIndex,
  t: number,
  rm: RelaxationModel,
  offered: readonly (readonly number[])[],
  reach: readonly (readonly number[])[],
  fte: readonly number[],
  lp: MonthLp,
): PricedMonth => {
  const base = hi.month[0] as HorizonIndex['month'][number];
  const H = hi.H[t] ?? 0;
  const dual = (row: number): number => (row >= 0 ? (lp.rowDual[row] ?? 0) : 0);
  let bound = lp.objective;
  const bestOffered = new Float64Array(fte.length).fill(Infinity);
  for (const a of rm.assign) {
    if (!hi.present[a.p]?.[t]) continue;
    const d = lp.colDual[a.col] ?? 0;
    bound -= d * (lp.x[a.col] ?? 0);
    bestOffered[a.p] = Math.min(bestOffered[a.p] ?? Infinity, d);
  }
  const negative: { p: number; c: number; reducedCost: number }[] = [];
  for (let p = 0; p < fte.length; p += 1) {
    if (!hi.present[p]?.[t]) continue;
    const cur = base.current[p] ?? 0;
    const have = new Set(offered[p] ?? []);
    const fields = base.expertise[p] ?? [];
    const type = expertiseKey(fields);
    let best = bestOffered[p] ?? Infinity;
    let bestNew: { p: number; c: number; reducedCost: number } | null = null;
    for (const c of reach[p] ?? []) {
      if (have.has(c)) continue;
      const moves = c !== cur;
      const capRow = rm.capacityRow.get(`${c}|${type}`);
      const capDual = capRow !== undefined ? dual(capRow) : -Math.max(0, ...fields.map((f) => dual(rm.coverRow[c]?.[f] ?? -1)));
      const d =
        (moves ? rm.moveCost(p, c) : 0) -
        dual(rm.personRow[p] ?? -1) -
        dual(rm.headcountRow[c] ?? -1) -
        (moves ? dual(rm.budgetRow) + dual(rm.leavingRow[cur] ?? -1) : 0) +
        H * (fte[p] ?? 0) * capDual;
      best = Math.min(best, d);
      if (d < -1e-9 && (bestNew === null || d < bestNew.reducedCost)) bestNew = { p, c, reducedCost: d };
    }
    bound += best;
    if (bestNew) negative.push(bestNew);
  }
  return { bound, negative };
};
