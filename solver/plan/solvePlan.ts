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
 * 4. If the gap still exceeds the tolerance, a MIP over the restricted candidates from the incumbent
 *    gets the remaining time. With k = Infinity the full MIP is solved instead and its dual bound used.
 * 5. Moves that cover nothing are undone (pruneUselessMoves) when that lowers the objective.
 * 6. Status: `optimal` within the tolerance of the whole-problem bound, else `time_limit` when time
 *    ran out, else `feasible`.
 * Every stage keeps one Deadline (deadline.ts): the greedy stops at it with its plan so far, each
 * HiGHS call gets at most what is left, and a stage with no time left is skipped. A plan whose bound
 * was not reached in time says so (bound null, gap unknown, status `time_limit`).
 */
import type { Highs } from 'highs';
import { buildPlanModel, type PlanModel } from './buildPlanModel.ts';
import { candidateCenters } from './candidateCenters.ts';
import { deadline as deadlineOf, type Deadline } from './deadline.ts';
import { decodePlan } from './decodePlan.ts';
import { explainInfeasibility } from './explainInfeasibility.ts';
import { mipFits, type LpTiming } from './mipFits.ts';
import { greedyPlan } from './greedyPlan.ts';
import { pricedBound } from './pricedBound.ts';
import { pruneUselessMoves } from './pruneUselessMoves.ts';
import type { Plan, PlanQuality } from './plan.ts';
import type { PlanInput } from './planInput.ts';
import { buildPlanIndex, type PlanIndex } from './planIndex.ts';
import { solveHours } from './solveHours.ts';
import { solveWithHighs, type SolveOutcome } from './solveWithHighs.ts';
import type { LinearModel } from './linearModel.ts';

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
}

const modelSize = (pm: PlanModel): PlanQuality['modelSize'] => ({
  columns: pm.model.columns.length,
  rows: pm.model.rows.length,
  binaries: pm.assign.length,
});

/**
 * A complete start for `to` from a solution `x` of model `from` (same input, other candidates):
 * columns are matched by meaning (person x center, center x expertise x field, center x field).
 */
export const mapSolution = (from: PlanModel, x: ArrayLike<number>, to: PlanModel): Float64Array => {
  const value = new Map<string, number>();
  for (const a of from.assign) value.set(`x${a.p}|${a.c}`, x[a.col] ?? 0);
  for (const y of from.typeHours) value.set(`y${y.c}|${y.type}|${y.f}`, x[y.col] ?? 0);
  const grids = (pm: PlanModel): [string, readonly (readonly number[])[]][] => [['u', pm.uncovered], ['n', pm.hires], ['h', pm.hireHours]];
  for (const [tag, grid] of grids(from)) grid.forEach((row, c) => row.forEach((col, f) => col >= 0 && value.set(`${tag}${c}|${f}`, x[col] ?? 0)));
  const out = new Float64Array(to.model.columns.length);
  for (const a of to.assign) out[a.col] = value.get(`x${a.p}|${a.c}`) ?? 0;
  for (const y of to.typeHours) out[y.col] = value.get(`y${y.c}|${y.type}|${y.f}`) ?? 0;
  for (const [tag, grid] of grids(to)) grid.forEach((row, c) => row.forEach((col, f) => col >= 0 && (out[col] = value.get(`${tag}${c}|${f}`) ?? 0)));
  out[to.evennessCol] = x[from.evennessCol] ?? 0;
  return out;
};

const startFrom = (pm: PlanModel, at: readonly number[]): { indices: number[]; values: number[] } => {
  const indices: number[] = [];
  const values: number[] = [];
  for (const a of pm.assign) {
    indices.push(a.col);
    values.push(a.c === at[a.p] ? 1 : 0);
  }
  pm.hires.forEach((row) => row.forEach((col) => col >= 0 && (indices.push(col), values.push(0))));
  return { indices, values };
};

/**
 * The solution `found` with its moves that cover nothing undone (pruneUselessMoves) and its hours
 * re-solved; `better` is null when nothing was undone, the objective did not fall or the deadline
 * left no time (the re-solve gets at most what is left; without a deadline, 10 s of HiGHS time).
 */
export const withoutUselessMoves = (
  highs: Highs,
  input: PlanInput,
  index: PlanIndex,
  found: { readonly pm: PlanModel; readonly x: Float64Array; readonly objective: number },
  deadline?: Deadline,
): { better: { pm: PlanModel; x: Float64Array; objective: number; at: number[] } | null; seconds: number } => {
  if (deadline?.passed()) return { better: null, seconds: 0 };
  const at = index.current.slice();
  for (const a of found.pm.assign) if ((found.x[a.col] ?? 0) > 0.5) at[a.p] = a.c;
  const pruned = pruneUselessMoves(input, index, at);
  if (pruned.every((c, p) => c === at[p])) return { better: null, seconds: 0 };
  const pm = buildPlanModel(input, index, pruned.map((c) => [c]));
  const out = solveHours(highs, pm, { timeLimitSeconds: 10, deadline });
  const better =
    out.x !== null && out.objective !== null && out.objective < found.objective - 1e-9 ? { pm, x: out.x, objective: out.objective, at: pruned } : null;
  return { better, seconds: out.seconds };
};

/** Share of the limit kept after the bound and the MIP for undoing useless moves and decoding the plan. */
export const TAIL_SHARE = 0.1;
/** Most of the limit the greedy start may take: its hours (an LP) and the bound need the rest. */
const GREEDY_SHARE = 0.5;

/** `seconds` for a message: whole seconds as such, else one decimal. */
const secondsWords = (seconds: number): string => String(Math.round(seconds * 10) / 10);

export const solvePlan = (highs: Highs, input: PlanInput, options: SolvePlanOptions = {}): Plan => {
  const time = options.deadline ?? deadlineOf(options.timeLimitSeconds ?? 10, options.now);
  const limitWords = secondsWords(options.timeLimitSeconds ?? time.limitSeconds);
  const k = options.candidatesPerPerson ?? 3;
  const tolerance = options.gapTolerance ?? 0.01;
  const index = buildPlanIndex(input);
  const empty = { assignments: [], hires: [], coverage: [] };
  const conflicts = explainInfeasibility(input, index);
  if (conflicts.length > 0) {
    return {
      ...empty,
      status: 'infeasible',
      message: `No plan keeps every rule: ${conflicts.map((c) => c.message).join(' ')}`,
      objective: null,
      bound: null,
      boundKind: 'none',
      gap: null,
      seconds: time.elapsed(),
      modelSize: { columns: 0, rows: 0, binaries: 0 },
      conflicts,
    };
  }
  // Whether some stage was cut short or skipped for lack of time: then a plan outside the tolerance
  // is `time_limit`, not `feasible`.
  let outOfTime = false;
  const all = candidateCenters(input, index, Infinity);
  const greedyTime = time.within(time.left() * GREEDY_SHARE);
  const greedy = greedyPlan(input, index, all, { deadline: greedyTime });
  if (greedyTime.passed()) outOfTime = true;
  let start: readonly number[] = greedy ?? index.current;
  // The incumbent as a complete solution of some model: complete starts need no completion by HiGHS.
  let incumbent: { pm: PlanModel; x: Float64Array; objective: number } | null = null;
  const run = (pm: PlanModel, stage: Deadline, relax = false): SolveOutcome => {
    const out = solveWithHighs(highs, pm.model, {
      deadline: stage,
      relativeGap: tolerance / 4,
      relax,
      start: relax ? undefined : incumbent ? mapSolution(incumbent.pm, incumbent.x, pm) : startFrom(pm, start),
    });
    if (out.status === 'time_limit') outOfTime = true;
    return out;
  };
  // Hours of the greedy assignment: the first incumbent, and the plan returned if nothing beats it in time.
  const fixedPm = buildPlanModel(input, index, start.map((c) => [c]));
  const tHours = time.elapsed();
  const fixed = solveHours(highs, fixedPm, { deadline: time, relativeGap: tolerance / 4, start: startFrom(fixedPm, start) });
  const hoursSeconds = time.elapsed() - tHours;
  if (fixed.status === 'time_limit') outOfTime = true;
  if (fixed.x !== null && fixed.objective !== null) incumbent = { pm: fixedPm, x: fixed.x, objective: fixed.objective };
  const tStart = time.elapsed();
  const isFull = k === Infinity;
  const withStart = (lists: readonly (readonly number[])[]): number[][] =>
    lists.map((list, p) => [...new Set([...list, start[p] ?? 0])].sort((a, b) => a - b));
  const offered = isFull ? all.map((l) => [...l]) : withStart(candidateCenters(input, index, k));
  // The full model (everyone offered every center in range) is built only when needed: export, or fallback.
  let fullCache: PlanModel | null = null;
  const fullModel = (): PlanModel => (fullCache ??= buildPlanModel(input, index, all));
  // What the bound and the MIP may use: all that is left but the share kept for the stages after them.
  const beforeTail = (): Deadline => time.within(time.left() - TAIL_SHARE * time.limitSeconds);

  let used = isFull ? buildPlanModel(input, index, offered) : (incumbent as { pm: PlanModel } | null)?.pm ?? fixedPm;
  if (options.onFullModel) options.onFullModel(isFull ? used.model : fullModel().model);
  let mip: SolveOutcome = { status: 'time_limit', x: null, rowDual: null, colDual: null, objective: null, bound: null, seconds: 0 };
  const keepBest = (): void => {
    if (mip.x !== null && mip.objective !== null && (incumbent === null || mip.objective < incumbent.objective - 1e-9)) {
      incumbent = { pm: used, x: mip.x, objective: mip.objective };
    }
  };
  if (isFull) {
    mip = run(used, beforeTail());
    keepBest();
  }
  const tMip = time.elapsed();
  const gapOf = (objective: number | null, bound: number): number | null =>
    objective === null ? null : Math.max(0, objective - bound) / Math.max(1, Math.abs(objective));

  // 2. Bound by column generation on the LP: each round's Lasdon bound is valid for the full model; a
  //    round with no negative reduced cost proves the restricted LP optimum equals the full LP's.
  //    Rounds after the second start only while 40% of the time is left (for the MIP); a round cut
  //    short by the deadline gives no bound, so after the first a round starts only with the time
  //    of the longest so far left.
  const boundTime = beforeTail();
  let lpTiming: LpTiming | null = null;
  let lpOffered = offered;
  let bestBound = isFull && mip.bound !== null ? mip.bound : -Infinity;
  let exact = isFull;
  let lpInfeasible = false;
  const roundFits = (round: number): boolean =>
    !boundTime.passed() && (round < 2 || time.left() > 0.4 * time.limitSeconds) && (lpTiming === null || boundTime.left() > lpTiming.seconds);
  for (let round = 0; !isFull && round < (options.boundRounds ?? 8) && roundFits(round); round += 1) {
    const pm = buildPlanModel(input, index, lpOffered);
    const tLp = time.elapsed();
    const lp = run(pm, boundTime, true);
    const lpSeconds = time.elapsed() - tLp;
    if (lpTiming === null || lpSeconds > lpTiming.seconds) lpTiming = { seconds: lpSeconds, columns: pm.model.columns.length };
    if (lp.status === 'infeasible') {
      // A restricted LP can be infeasible where the full one is not: only the full LP decides.
      const fullLp = run(isFull ? pm : fullModel(), boundTime, true);
      lpInfeasible = fullLp.status === 'infeasible';
      if (fullLp.status === 'optimal' && fullLp.objective !== null) {
        bestBound = fullLp.objective;
        exact = true;
      }
      break;
    }
    if (lp.status !== 'optimal' || lp.objective === null || !lp.x || !lp.rowDual || !lp.colDual) break;
    const priced = pricedBound(input, index, pm, lpOffered, all, { objective: lp.objective, x: lp.x, rowDual: lp.rowDual, colDual: lp.colDual });
    bestBound = Math.max(bestBound, priced.bound);
    if (priced.negative.length === 0) {
      bestBound = lp.objective;
      exact = true;
      break;
    }
    lpOffered = lpOffered.map((list) => [...list]);
    for (const n of priced.negative) lpOffered[n.p] = [...new Set([...(lpOffered[n.p] ?? []), n.c])].sort((a, b) => a - b);
    const g = gapOf(incumbent?.objective ?? null, bestBound);
    if (g !== null && g <= tolerance / 2) break;
  }
  const tBound = time.elapsed();
  if (lpInfeasible) {
    return {
      ...empty,
      status: 'infeasible',
      message:
        'No plan keeps every rule: even with people split fractionally between centers, the minimum staff, ' +
        'max_staff, transfer budget and commute radius cannot all hold.',
      objective: null,
      bound: null,
      boundKind: 'none',
      gap: null,
      seconds: time.elapsed(),
      modelSize: modelSize(isFull ? used : fullModel()),
      conflicts: [
        {
          rules: ['min_staff', 'max_staff', 'transfer_budget', 'commute_radius'],
          centers: [],
          message: 'Even with people split fractionally between centers, the minimum staff, seats, transfer budget and commute radius cannot all hold (the solver proved it on the full model).',
          code: 'conflict.lp_infeasible',
          params: {},
        },
      ],
    };
  }

  // 3. The MIP over the offered centers plus the columns the LP found useful, from the incumbent,
  //    unless the incumbent is already within the tolerance of the bound.
  const gap0 = incumbent === null || !Number.isFinite(bestBound) ? null : gapOf(incumbent.objective, bestBound);
  if (!isFull && (gap0 === null || gap0 > tolerance)) {
    // Built only when a MIP might fit: building a model takes time of its own.
    const candidates = mipFits(beforeTail().left(), 0, null) ? buildPlanModel(input, index, withStart(lpOffered)) : null;
    if (candidates !== null && mipFits(beforeTail().left(), candidates.model.columns.length, lpTiming)) {
      used = candidates;
      mip = run(used, beforeTail());
      keepBest();
    } else {
      outOfTime = true;
    }
  }
  if (incumbent === null && !isFull) {
    const full = mipFits(time.left(), 0, null) ? fullModel() : null;
    if (full !== null && mipFits(time.left(), full.model.columns.length, lpTiming)) {
      used = full;
      mip = run(used, time);
      keepBest();
    } else {
      outOfTime = true;
    }
  }
  // 4. Undo moves that cover nothing (a MIP stopped within its gap may keep some): the pruned
  //    assignment's hours are re-solved (as long as the greedy assignment's took) and kept only
  //    when the objective falls.
  const found = incumbent as { pm: PlanModel; x: Float64Array; objective: number } | null;
  if (found !== null && time.left() > hoursSeconds) {
    const pruned = withoutUselessMoves(highs, input, index, found, time);
    if (pruned.better !== null) incumbent = pruned.better;
  }
  const best = incumbent as { pm: PlanModel; x: Float64Array; objective: number } | null;
  if (best !== null) {
    used = best.pm;
    mip = { ...mip, x: best.x, objective: best.objective };
  }
  const bound = Number.isFinite(bestBound) ? bestBound : null;
  const boundKind: PlanQuality['boundKind'] =
    bound === null ? 'none' : isFull ? 'mip_bound_full_model' : exact ? 'lp_relaxation_full_model' : 'lagrangian_full_model';
  if (mip.x === null || mip.objective === null) {
    const infeasible = mip.status === 'infeasible';
    return {
      ...empty,
      status: infeasible ? 'infeasible' : mip.status === 'time_limit' || outOfTime ? 'time_limit' : 'error',
      message: infeasible
        ? 'No plan keeps every rule (proved by the solver on the full model).'
        : `No plan found within the time limit of ${limitWords} s (solver status ${mip.status}).`,
      objective: null,
      bound,
      boundKind,
      gap: null,
      seconds: time.elapsed(),
      modelSize: modelSize(used),
      conflicts: infeasible
        ? [{ rules: ['min_staff', 'max_staff', 'transfer_budget'], centers: [], message: 'The solver proved that no plan keeps the minimum staff, the seats and the transfer budget together.', code: 'conflict.mip_infeasible', params: {} }]
        : [],
    };
  }
  const objective = mip.objective;
  const gap = bound === null ? null : gapOf(objective, bound);
  const withinTolerance = gap !== null && gap <= tolerance;
  const status = withinTolerance ? 'optimal' : outOfTime || time.passed() ? 'time_limit' : 'feasible';
  const boundWords = boundKind.replaceAll('_', ' ');
  const gapWords = `gap ${((gap ?? 0) * 100).toFixed(2)}%`;
  const message =
    status === 'optimal'
      ? `Optimal within ${(tolerance * 100).toFixed(1)}% of the ${boundWords} (${gapWords}).`
      : status === 'feasible'
        ? bound === null
          ? 'Every rule holds; no bound could be computed, so the gap is unknown.'
          : `Every rule holds; ${gapWords} to the ${boundWords} exceeds ${(tolerance * 100).toFixed(1)}%.`
        : bound === null
          ? `Stopped at the time limit of ${limitWords} s before a bound was reached: the best plan found keeps every rule, its gap is unknown.`
          : `Stopped at the time limit of ${limitWords} s; best plan found, ${gapWords} to the ${boundWords}.`;
  return {
    ...decodePlan(input, index, used, mip.x),
    status,
    message,
    objective,
    bound,
    boundKind,
    gap,
    seconds: time.elapsed(),
    modelSize: modelSize(used),
    timings: { start: tStart, bound: tBound - tMip, mip: time.elapsed() - tBound + (tMip - tStart) },
    conflicts: [],
  };
};
