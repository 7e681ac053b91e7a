/**
 * Stage 2 of a solve: a bound valid for the FULL model (every center within the radius offered to
 * everyone) by column generation on its LP. Restricted LPs over each person's offered centers plus
 * the columns priced negative in earlier rounds; every round gives a Lasdon bound valid for the whole
 * problem (pricedBound.ts); a round with no negative reduced cost proves the full LP optimum. Each
 * round after the first starts from the last one's optimal basis (mapBasis.ts). Stops
 * once the incumbent is within tolerance / 2 of the bound. The rounds share `work` (simplex
 * iterations, the bound's own share): a round started from the last one's basis starts while any
 * work is left, since it costs a small part of a cold one (the generated 400-center city: 22,266
 * iterations cold, then 1,015 and 413, proving the full LP; when a round had to wait for the cold
 * one's count, the city stopped after one round with a Lagrangian bound 23.2% below its plan); a
 * round without a basis starts only with the iterations of the last one left, since a round cut
 * short gives no bound. A round the clock leaves no time for is not started and
 * marks the solve cut short (the safety net).
 */
import type { Basis } from 'highs';
import { buildPlanModel, type PlanModel } from '../buildPlanModel.ts';
import { mapBasis } from '../mapBasis.ts';
import type { Deadline } from '../deadline.ts';
import type { LpTiming } from '../mipFits.ts';
import { pricedBound } from '../pricedBound.ts';
import type { FullLp } from '../restrictedMipBound.ts';
import type { WorkBudget } from '../workBudget.ts';
import { gapOf, runModel, type SolveContext } from './solveContext.ts';

/** A share of a person below this in an LP solution is solver noise. */
const SUPPORT_EPS = 1e-6;

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
  /**
   * Per person, today's center and those where the last restricted LP placed some of them (x > 0):
   * where the relaxation says the person is worth something; null without an LP solution.
   */
  readonly support: readonly (readonly number[])[] | null;
  /** The full LP's optimum with its model and duals, when a round proved it (exact): the MIP stage prices what its sets leave out with it. */
  readonly fullLp: FullLp | null;
  /** Restricted LPs solved (column-generation rounds). */
  readonly rounds: number;
}

export const boundStage = (ctx: SolveContext, offered: readonly (readonly number[])[], boundTime: Deadline, work: WorkBudget, rounds: number): BoundOutcome => {
  const { time, input, index, all, tolerance } = ctx;
  let lpTiming: LpTiming | null = null;
  let lastIterations = 0;
  let lpOffered = offered;
  let bound = -Infinity;
  let exact = false;
  let lpInfeasible = false;
  let support: number[][] | null = null;
  let fullLp: FullLp | null = null;
  let roundsRun = 0;
  // The last round's model and optimal basis: the next round starts from it (mapBasis.ts).
  let last: { readonly pm: PlanModel; readonly basis: Basis } | null = null;
  const timeFits = (): boolean => !boundTime.passed() && (lpTiming === null || boundTime.left() > lpTiming.seconds);
  for (let round = 0; round < rounds && (round === 0 || work.left() > (last === null ? lastIterations : 0)); round += 1) {
    if (!timeFits()) {
      ctx.outOfTime = true;
      break;
    }
    const pm = buildPlanModel(input, index, lpOffered);
    const tLp = time.elapsed();
    const lp = runModel(ctx, pm, boundTime, true, work, last === null ? undefined : mapBasis(last.pm.model, last.basis, pm.model));
    roundsRun += 1;
    if (lp.basis !== undefined) last = { pm, basis: lp.basis };
    const lpSeconds = time.elapsed() - tLp;
    lastIterations = lp.iterations;
    if (lpTiming === null || lpSeconds > lpTiming.seconds) lpTiming = { seconds: lpSeconds, columns: pm.model.columns.length };
    if (lp.status === 'infeasible') {
      // A restricted LP can be infeasible where the full one is not: only the full LP decides.
      const full = runModel(ctx, ctx.fullModel(), boundTime, true, ctx.work);
      lpInfeasible = full.status === 'infeasible';
      if (full.status === 'optimal' && full.objective !== null) {
        bound = full.objective;
        exact = true;
        if (full.x && full.rowDual && full.colDual) fullLp = { pm: ctx.fullModel(), offered: all, objective: full.objective, x: full.x, rowDual: full.rowDual, colDual: full.colDual };
      }
      break;
    }
    if (lp.status !== 'optimal' || lp.objective === null || !lp.x || !lp.rowDual || !lp.colDual) break;
    const x = lp.x;
    support = index.current.map((c) => [c]);
    for (const a of pm.assign) if (a.c !== index.current[a.p] && (x[a.col] ?? 0) > SUPPORT_EPS) support[a.p]?.push(a.c);
    const priced = pricedBound(input, index, pm, lpOffered, all, { objective: lp.objective, x: lp.x, rowDual: lp.rowDual, colDual: lp.colDual });
    bound = Math.max(bound, priced.bound);
    if (priced.negative.length === 0) {
      bound = lp.objective;
      exact = true;
      fullLp = { pm, offered: lpOffered, objective: lp.objective, x, rowDual: lp.rowDual, colDual: lp.colDual };
      break;
    }
    lpOffered = lpOffered.map((list) => [...list]);
    for (const n of priced.negative) (lpOffered as number[][])[n.p] = [...new Set([...(lpOffered[n.p] ?? []), n.c])].sort((a, b) => a - b);
    const g = gapOf(ctx.incumbent?.objective ?? null, bound);
    if (g !== null && g <= tolerance / 2) break;
  }
  return { bound, exact, lpInfeasible, offered: lpOffered, lpTiming, support, fullLp, rounds: roundsRun };
};
