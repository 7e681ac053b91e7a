/**
 * A lower bound for the FULL model (every center within the radius offered to everyone) from the
 * LP of a RESTRICTED model, without solving the full LP (column generation's pricing step).
 *
 * Let pi be the restricted LP's optimal row duals (HiGHS convention: reduced cost d_j = c_j - a_j.pi).
 * Rows the full model adds (capacity rows of expertise groups new at a center) get the dual
 * -max_f pi_cover(c,f) over their fields (0 if none is positive), the largest value keeping their
 * hour columns dual feasible; a new x[p,c] also meets the cell-cover rows of its fields at c (every
 * restricted model has them, cellCover.ts). The Lagrangian that dualises every row except "one center per person"
 * (kept as a simplex per person) gives, by weak duality (Lasdon's bound),
 *   full LP >= restricted LP objective + sum_p [ min_{c in all(p)} d_pc - sum_{c in offered(p)} d_pc x*_pc ],
 * a valid bound on every plan, since the full LP relaxes the full MIP. When no added column prices
 * negative the restricted LP optimum IS the full LP optimum. The most negative column per person is
 * returned so the caller can add it and re-solve.
 */
import { cellCover, cellCoverCoefficient } from './cellCover.ts';
import { expertiseKey, type PlanModel } from './buildPlanModel.ts';
import type { PlanInput } from './planInput.ts';
import { addedCommuteKm, type PlanIndex } from './planIndex.ts';

export interface PricedBound {
  readonly bound: number;
  /** Per person with a negative added column: the most negative one. */
  readonly negative: readonly { readonly p: number; readonly c: number; readonly reducedCost: number }[];
}

export interface RestrictedLp {
  readonly objective: number;
  readonly x: ArrayLike<number>;
  readonly rowDual: ArrayLike<number>;
  readonly colDual: ArrayLike<number>;
}

/**
 * The reduced cost, in the restricted LP's duals, of x[p,c] for a center c the restricted model does
 * not offer p (the column the full model adds): the move's cost less the duals of the rows it meets.
 */
export const addedColumnReducedCost = (
  input: PlanInput,
  index: PlanIndex,
  restricted: PlanModel,
  rowDual: ArrayLike<number>,
): ((p: number, c: number) => number) => {
  const w = input.rules.weights;
  const H = input.hoursPerFte;
  const dual = (row: number): number => (row >= 0 ? (rowDual[row] ?? 0) : 0);
  return (p, c) => {
    const person = input.staff[p];
    if (person === undefined) return Infinity;
    const fields = index.expertise[p] ?? [];
    const type = expertiseKey(fields);
    const moves = c !== index.current[p];
    const cost = moves ? w.transfers + w.commuteKm * addedCommuteKm(index, p, c) : 0;
    const capRow = restricted.capacityRow.get(`${c}|${type}`);
    const capDual = capRow !== undefined ? dual(capRow) : -Math.max(0, ...fields.map((f) => dual(restricted.coverRow[c]?.[f] ?? -1)));
    let cells = 0;
    for (const f of fields) {
      const cell = cellCover(index.required[c]?.[f] ?? 0, H);
      if (cell !== null) cells += cellCoverCoefficient(cell, H, person.fte) * dual(restricted.cellCoverRow[c]?.[f] ?? -1);
    }
    return cost - cells - dual(restricted.personRow[p] ?? -1) - dual(restricted.headcountRow[c] ?? -1) - (moves ? dual(restricted.budgetRow) : 0) + H * person.fte * capDual;
  };
};

export const pricedBound = (
  input: PlanInput,
  index: PlanIndex,
  restricted: PlanModel,
  offered: readonly (readonly number[])[],
  all: readonly (readonly number[])[],
  lp: RestrictedLp,
): PricedBound => {
  const reducedCost = addedColumnReducedCost(input, index, restricted, lp.rowDual);
  const negative: { p: number; c: number; reducedCost: number }[] = [];
  let bound = lp.objective;
  const bestExisting = new Float64Array(input.staff.length).fill(Infinity);
  for (const a of restricted.assign) {
    const d = lp.colDual[a.col] ?? 0;
    bound -= d * (lp.x[a.col] ?? 0);
    bestExisting[a.p] = Math.min(bestExisting[a.p] ?? Infinity, d);
  }
  input.staff.forEach((_, p) => {
    const have = new Set(offered[p] ?? []);
    let best = bestExisting[p] ?? Infinity;
    let bestNew: { p: number; c: number; reducedCost: number } | null = null;
    for (const c of all[p] ?? []) {
      if (have.has(c)) continue;
      const d = reducedCost(p, c);
      best = Math.min(best, d);
      if (d < -1e-9 && (bestNew === null || d < bestNew.reducedCost)) bestNew = { p, c, reducedCost: d };
    }
    bound += best;
    if (bestNew) negative.push(bestNew);
  });
  return { bound, negative };
};
