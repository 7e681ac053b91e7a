/**
 * A bound for the FULL model (every center within the radius offered to everyone) from a MIP solved
 * over a RESTRICTED candidate set R, with the full LP's duals deciding what R leaves out.
 *
 * Let z* be the full LP's optimum, proved by column generation (no added column prices negative), and
 * d its reduced costs (pricedBound.ts). For every plan x of the full model,
 *   c.x >= z* + sum over x[p,c] outside R of d_pc x_pc,
 * since each other term of c.x - z* is non-negative by complementary slackness (a column the LP left
 * at zero has d >= 0; a row's dual has the sign of its active side). A plan either uses only R's
 * columns, and is then a plan of the restricted MIP, at least B_R (that MIP's dual bound, also when
 * its work ran out), or sends some person p to a center c outside R, and is then at least z* + d_pc:
 *   full optimum >= min(B_R, z* + min over (p, c) outside R of d_pc).
 * Where everyone R leaves out is dear (far away, or needed at home), this is B_R itself: on a
 * generated 39-center province the restricted MIP proves 7,912 against the full LP's 7,814.
 *
 * The proof needs every column the full LP put above zero to be in R (else its plan is not one of R's
 * nor bounded by its reduced cost): returns null otherwise, and also when a left-out column's reduced
 * cost is negative beyond noise (the LP was not the full optimum) or the MIP has no dual bound.
 */
import type { PlanModel } from './buildPlanModel.ts';
import type { PlanIndex } from './planIndex.ts';
import type { PlanInput } from './planInput.ts';
import { addedColumnReducedCost } from './pricedBound.ts';

/** The full LP's optimum as column generation's last round found it: its model, that model's candidates, and its solution. */
export interface FullLp {
  readonly pm: PlanModel;
  readonly offered: readonly (readonly number[])[];
  readonly objective: number;
  readonly x: ArrayLike<number>;
  readonly rowDual: ArrayLike<number>;
  readonly colDual: ArrayLike<number>;
}

/** A share of a person below this in the LP's solution is solver noise; a reduced cost above minus this is not negative. */
const NOISE = 1e-6;

/**
 * Every x[p,c] of the full model with its value in the LP's solution and its reduced cost: the LP's
 * own columns as the LP gives them, the columns only the full model has at zero, priced in the LP's duals.
 */
function* fullModelColumns(input: PlanInput, index: PlanIndex, lp: FullLp, all: readonly (readonly number[])[]): Generator<{ p: number; c: number; x: number; d: number }> {
  for (const a of lp.pm.assign) yield { p: a.p, c: a.c, x: lp.x[a.col] ?? 0, d: lp.colDual[a.col] ?? 0 };
  const reducedCost = addedColumnReducedCost(input, index, lp.pm, lp.rowDual);
  for (const [p, list] of all.entries()) {
    const inLp = new Set(lp.offered[p] ?? []);
    for (const c of list) if (!inLp.has(c)) yield { p, c, x: 0, d: reducedCost(p, c) };
  }
}

/** The least reduced cost of x[p,c] over the (p, c) of `all` that `candidates` leaves out; null when the proof does not hold. */
export const leftOutReducedCost = (input: PlanInput, index: PlanIndex, lp: FullLp, all: readonly (readonly number[])[], candidates: readonly (readonly number[])[]): number | null => {
  const inR = candidates.map((list) => new Set(list));
  let least = Infinity;
  for (const { p, c, x, d } of fullModelColumns(input, index, lp, all)) {
    if (inR[p]?.has(c)) continue;
    if (x > NOISE || d < -NOISE) return null;
    least = Math.min(least, d);
  }
  return Math.max(0, least);
};

/** min(B_R, z* + least left-out reduced cost): a bound on every plan of the full model, or null. */
export const restrictedMipBound = (
  input: PlanInput,
  index: PlanIndex,
  lp: FullLp,
  all: readonly (readonly number[])[],
  candidates: readonly (readonly number[])[],
  mipBound: number | null,
): number | null => {
  if (mipBound === null || !Number.isFinite(mipBound)) return null;
  const least = leftOutReducedCost(input, index, lp, all, candidates);
  return least === null ? null : Math.min(mipBound, lp.objective + least);
};

/**
 * Per person, the centers of `all` whose x[p,c] has a reduced cost below `threshold` in the full LP's
 * duals: the only ones a plan better than z* + threshold can use. A MIP over a set holding them proves
 * at least min(its dual bound, z* + threshold) for the full model, so with z* + threshold near the
 * tolerance below the incumbent, its own bound, even one cut short by the work, certifies the plan.
 */
export const promisingCenters = (input: PlanInput, index: PlanIndex, lp: FullLp, all: readonly (readonly number[])[], threshold: number): number[][] => {
  const out: number[][] = all.map(() => []);
  for (const { p, c, x, d } of fullModelColumns(input, index, lp, all)) if (x > NOISE || d < threshold) out[p]?.push(c);
  return out.map((list) => [...new Set(list)].sort((a, b) => a - b));
};
