/**
 * Stage 2 of a solve: a bound valid for the FULL model (every center within the radius offered to
 * everyone) by column generation on its LP. Restricted LPs over each person's offered centers plus
 * the columns priced negative in earlier rounds; every round gives a Lasdon bound valid for the whole
 * problem (pricedBound.ts); a round with no negative reduced cost proves the full LP optimum. Stops
 * once the incumbent is within tolerance / 2 of the bound. Rounds after the second start only while
 * 40% of the time is left (for the MIP); a round cut short gives no bound, so after the first a round
 * starts only with the time of the longest so far left.
 */
import { buildPlanModel } from '../buildPlanModel.ts';
import type { Deadline } from '../deadline.ts';
import type { LpTiming } from '../mipFits.ts';
import { pricedBound } from '../pricedBound.ts';
import { gapOf, runModel, type SolveContext } from './solveContext.ts';

export interface BoundOutcome {
  /** The best bound found; -Infinity when none. */
  readonly bound: number;
  /** The bound is the full LP's optimum (proved), not only a Lagrangian one. */
  readonly exact: boolean;
  /** The full LP is infeasible: no plan keeps every rule. */
  readonly lpInfeasible: boolean;
  /** The candidates after the rounds: the offered ones plus those the LP found useful. */
  readonly offered: readonly (readonly number[])[];
  /** The longest LP so far (for mipFits). */
  readonly lpTiming: LpTiming | null;
}

export const boundStage = (ctx: SolveContext, offered: readonly (readonly number[])[], boundTime: Deadline, rounds: number): BoundOutcome => {
  const { time, input, index, all, tolerance } = ctx;
  let lpTiming: LpTiming | null = null;
  let lpOffered = offered;
  let bound = -Infinity;
  let exact = false;
  let lpInfeasible = false;
  const roundFits = (round: number): boolean =>
    !boundTime.passed() && (round < 2 || time.left() > 0.4 * time.limitSeconds) && (lpTiming === null || boundTime.left() > lpTiming.seconds);
  for (let round = 0; round < rounds && roundFits(round); round += 1) {
    const pm = buildPlanModel(input, index, lpOffered);
    const tLp = time.elapsed();
    const lp = runModel(ctx, pm, boundTime, true);
    const lpSeconds = time.elapsed() - tLp;
    if (lpTiming === null || lpSeconds > lpTiming.seconds) lpTiming = { seconds: lpSeconds, columns: pm.model.columns.length };
    if (lp.status === 'infeasible') {
      // A restricted LP can be infeasible where the full one is not: only the full LP decides.
      const fullLp = runModel(ctx, ctx.fullModel(), boundTime, true);
      lpInfeasible = fullLp.status === 'infeasible';
      if (fullLp.status === 'optimal' && fullLp.objective !== null) {
        bound = fullLp.objective;
        exact = true;
      }
      break;
    }
    if (lp.status !== 'optimal' || lp.objective === null || !lp.x || !lp.rowDual || !lp.colDual) break;
    const priced = pricedBound(input, index, pm, lpOffered, all, { objective: lp.objective, x: lp.x, rowDual: lp.rowDual, colDual: lp.colDual });
    bound = Math.max(bound, priced.bound);
    if (priced.negative.length === 0) {
      bound = lp.objective;
      exact = true;
      break;
    }
    lpOffered = lpOffered.map((list) => [...list]);
    for (const n of priced.negative) (lpOffered as number[][])[n.p] = [...new Set([...(lpOffered[n.p] ?? []), n.c])].sort((a, b) => a - b);
    const g = gapOf(ctx.incumbent?.objective ?? null, bound);
    if (g !== null && g <= tolerance / 2) break;
  }
  return { bound, exact, lpInfeasible, offered: lpOffered, lpTiming };
};
