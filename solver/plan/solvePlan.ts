/**
 * Plans who works where, and says honestly how good the plan is.
 *
 * 1. Sound pre-checks (explainInfeasibility): a conflict found there ends the solve with its reasons.
 * 2. Greedy start (greedyPlan): best single moves priced exactly per center; its hours come from
 *    the fixed-assignment LP. This is the first incumbent, returned if nothing better is found.
 * 3. Bound by column generation on the LP of the FULL model (every center within the radius offered
 *    to everyone): restricted LPs over each person's center, the k centers with the largest deficit
 *    in their fields and the greedy's choice, plus the columns priced negative in earlier rounds.
 *    Every round gives a Lasdon bound valid for the whole problem (pricedBound); a round with no
 *    negative reduced cost proves the full LP optimum. Stops once the gap is within tolerance / 2.
 * 4. If the gap still exceeds the tolerance, a MIP over the centers the LP found useful, from the
 *    incumbent, then (while the gap stays above it and the work lasts) over wider sets, up to the
 *    full model (stages/mipStage.ts). When column generation proved the full LP, the second set also
 *    holds every center whose reduced cost could still beat the incumbent by most of the tolerance
 *    (promisingCenters), and a MIP's dual bound over a set, the rest priced out by the full LP's
 *    reduced costs, bounds the whole problem (restrictedMipBound.ts): on the national simulation 33 of
 *    34 provinces within 1% with the work of a 10 s solve, against 30 with the LP's bound alone.
 *    With k = Infinity the full MIP is solved instead and its dual bound used.
 * 5. Moves that cover nothing are undone (pruneUselessMoves) when that lowers the objective.
 * 6. Status: `optimal` within the tolerance of the whole-problem bound, else `time_limit` when time
 *    ran out, else `feasible`.
 * Each stage is a function of its own (stages/), sharing one SolveContext.
 * Every stage keeps one Deadline (deadline.ts): the greedy stops at it with its plan so far, each
 * HiGHS call gets at most what is left, and a stage with no time left is skipped. A plan whose bound
 * was not reached in time says so (bound null, gap unknown, status `time_limit`).
 */
import type { Highs } from 'highs';
import { buildPlanModel } from './buildPlanModel.ts';
import { candidateCenters } from './candidateCenters.ts';
import { deadline as deadlineOf, type Deadline } from './deadline.ts';
import { explainInfeasibility } from './explainInfeasibility.ts';
import type { Plan, PlanQuality } from './plan.ts';
import type { PlanInput } from './planInput.ts';
import { buildPlanIndex } from './planIndex.ts';
import type { LinearModel } from './linearModel.ts';
import { boundStage } from './stages/boundStage.ts';
import { mipStage, unionOf } from './stages/mipStage.ts';
import { promisingCenters } from './restrictedMipBound.ts';
import { pruneStage } from './stages/pruneStage.ts';
import { keepIfBetter, record, runModel, solveContext } from './stages/solveContext.ts';
import { startStage } from './stages/startStage.ts';
import { infeasiblePlan, LP_INFEASIBLE, secondsWords, statusStage } from './stages/statusStage.ts';
import type { SolveOutcome } from './solveWithHighs.ts';
import { workBudget } from './workBudget.ts';

export { mapSolution } from './stages/solveContext.ts';
export { withoutUselessMoves } from './stages/pruneStage.ts';

export interface SolvePlanOptions {
  /**
   * Seconds for the whole solve, every stage included (with `deadline`, only the limit its messages
   * name). Default 10.
   */
  readonly timeLimitSeconds?: number;
  /** Centers offered to each person besides their own. Default 3; Infinity = all within radius. */
  readonly candidatesPerPerson?: number;
  /** Relative gap (against the whole-problem bound) under which the plan is called optimal. Default 0.01. */
  readonly gapTolerance?: number;
  /**
   * A clock in milliseconds (e.g. `performance.now`). With it, the limit and `seconds` are wall time
   * of the whole solve (greedy start and model building included); without it (solver/ reads no
   * clock itself), both count HiGHS's own run times only.
   */
  readonly now?: () => number;
  /** The deadline to keep instead of one made from `timeLimitSeconds` and `now` (e.g. a job's share for its solve). */
  readonly deadline?: Deadline;
  /** Column-generation rounds for the bound (each a restricted LP). Default 8. */
  readonly boundRounds?: number;
  /** Receives the full model (every center within the radius offered): the exact problem, e.g. for LP export. */
  readonly onFullModel?: (model: LinearModel) => void;
  /**
   * Simplex iterations the solve may use (HiGHS's LPs and MIPs together; the greedy start and the
   * hours of fixed assignments are not limited, only counted). The work, not the clock, decides
   * where the solve stops, so the same input and options give the same plan, status and figures on
   * any machine; the time limit is a safety net, and a plan it stopped says so (`time_limit`).
   * Default WORK_PER_SECOND x the time limit in seconds.
   */
  readonly workLimit?: number;
}

/**
 * Default simplex iterations per second of the time limit (see workLimit): what the slowest
 * scenario of bench:scenarios does per second on this 2-core machine when quiet (a generated
 * 125-center city with unlimited transfers: 62,281 iterations in 8.8 s; Hai Phong's run 8,000-14,000
 * a second), so that a 10 s solve ends by its work, not its clock, on a quiet machine. Was 4,000
 * (set on a loaded machine): Hai Phong with 100 transfers then stopped its MIP at 40,535 iterations
 * 2.16% from the bound, and reaches 0.73% at 48,014.
 */
export const WORK_PER_SECOND = 6_000;
/** Share of the work the bound's column generation may use; the MIP stages get the rest. */
export const BOUND_WORK_SHARE = 0.7;

/**
 * The second MIP set takes the centers whose reduced cost is below the incumbent less this share of
 * the tolerance, less the full LP's optimum (promisingCenters): a bound it proves is then at most
 * 0.8 x the tolerance below the incumbent from the left-out ones.
 */
export const PROMISING_SHARE = 0.8;

/** Share of the limit kept after the bound and the MIP for undoing useless moves and decoding the plan. */
export const TAIL_SHARE = 0.1;

export const solvePlan = (highs: Highs, input: PlanInput, options: SolvePlanOptions = {}): Plan => {
  const time = options.deadline ?? deadlineOf(options.timeLimitSeconds ?? 10, options.now);
  const limitWords = secondsWords(options.timeLimitSeconds ?? time.limitSeconds);
  const k = options.candidatesPerPerson ?? 3;
  const index = buildPlanIndex(input);
  // 0. Sound pre-checks: a conflict found there ends the solve with its reasons.
  const conflicts = explainInfeasibility(input, index);
  if (conflicts.length > 0) return infeasiblePlan(`No plan keeps every rule: ${conflicts.map((c) => c.message).join(' ')}`, conflicts, time.elapsed(), null);
  const all = candidateCenters(input, index, Infinity);
  const work = workBudget(options.workLimit ?? WORK_PER_SECOND * (options.timeLimitSeconds ?? time.limitSeconds));
  const ctx = solveContext(highs, input, index, time, work, options.gapTolerance ?? 0.01, all);
  // 1. The greedy start and its hours: the first incumbent.
  const { hoursSeconds } = startStage(ctx);
  const tStart = time.elapsed();
  const isFull = k === Infinity;
  const withStart = (lists: readonly (readonly number[])[]): number[][] =>
    lists.map((list, p) => [...new Set([...list, ctx.start[p] ?? 0])].sort((a, b) => a - b));
  const offered = isFull ? all.map((l) => [...l]) : withStart(candidateCenters(input, index, k));
  // What the bound and the MIP may use: all that is left but the share kept for the stages after them.
  const beforeTail = (): Deadline => time.within(time.left() - TAIL_SHARE * time.limitSeconds);
  if (options.onFullModel) options.onFullModel(ctx.fullModel().model);
  let bound: number | null;
  let boundKind: PlanQuality['boundKind'];
  let mip: SolveOutcome | null = null;
  let model = ctx.incumbent?.pm ?? buildPlanModel(input, index, ctx.start.map((c) => [c]));
  let tMip = tStart;
  let tBound = tStart;
  let boundInfo = { rounds: 0, lpObjective: null as number | null };
  if (isFull) {
    // k = Infinity: the full MIP is solved at once and its dual bound used.
    model = ctx.fullModel();
    mip = runModel(ctx, model, beforeTail());
    keepIfBetter(ctx, model, mip);
    record(ctx, model, true, mip);
    tMip = time.elapsed();
    tBound = tMip;
    bound = mip.bound;
    boundKind = bound === null ? 'none' : 'mip_bound_full_model';
  } else {
    // 2. The bound, valid for the whole problem.
    const b = boundStage(ctx, offered, beforeTail(), work.within(BOUND_WORK_SHARE * work.limit), options.boundRounds ?? 8);
    boundInfo = { rounds: b.rounds, lpObjective: b.exact ? b.bound : null };
    tBound = time.elapsed();
    if (b.lpInfeasible) return infeasiblePlan(`No plan keeps every rule: ${LP_INFEASIBLE.message}`, [LP_INFEASIBLE], time.elapsed(), ctx.fullModel());
    bound = Number.isFinite(b.bound) ? b.bound : null;
    boundKind = bound === null ? 'none' : b.exact ? 'lp_relaxation_full_model' : 'lagrangian_full_model';
    // 3. The MIP over the candidates, unless the incumbent is already within the tolerance.
    // Where the LP put people (with today's and the start's centers): a few centers per person, the
    // ones the relaxation found worth anything; measured on Hai Phong with 100 transfers a plan 1.0%
    // better than over the offered centers (21,035 against 21,243), with unlimited transfers 7.7%.
    // Then, while the gap stays above the tolerance and the work lasts, over wider sets (mipStage.ts).
    const supported = withStart(b.support ?? b.offered);
    const offeredSet = unionOf(supported, withStart(b.offered));
    // With the full LP proved, the second set also holds every center whose reduced cost keeps it
    // below the incumbent less most of the tolerance: the MIP over it then bounds the full model.
    const fullLp = b.fullLp;
    const secondSet =
      fullLp === null
        ? offeredSet
        : () => {
            const threshold = (1 - PROMISING_SHARE * ctx.tolerance) * (ctx.incumbent?.objective ?? Infinity) - fullLp.objective;
            return Number.isFinite(threshold) && threshold > 0 ? unionOf(offeredSet, promisingCenters(input, index, fullLp, all, threshold)) : offeredSet;
          };
    const m = mipStage(ctx, [supported, secondSet, all], b.bound, b.lpTiming, beforeTail, fullLp);
    mip = m.mip;
    if (m.model !== null) model = m.model;
    if (m.mipBound) {
      bound = m.bound;
      boundKind = 'mip_bound_full_model';
    }
  }
  // 4. Moves that cover nothing are undone.
  pruneStage(ctx, hoursSeconds);
  // 5. What the solve says of itself.
  return statusStage(ctx, {
    mip,
    model,
    bound,
    boundKind,
    limitWords,
    timings: { start: tStart, bound: tBound - tMip, mip: time.elapsed() - tBound + (tMip - tStart) },
    boundStage: boundInfo,
  });
};
