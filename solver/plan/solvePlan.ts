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
 */
import type { Highs } from 'highs';
import { buildPlanModel, type PlanModel } from './buildPlanModel.ts';
import { candidateCenters } from './candidateCenters.ts';
import { decodePlan } from './decodePlan.ts';
import { explainInfeasibility } from './explainInfeasibility.ts';
import { greedyPlan } from './greedyPlan.ts';
import { pricedBound } from './pricedBound.ts';
import { pruneUselessMoves } from './pruneUselessMoves.ts';
import type { Plan, PlanQuality } from './plan.ts';
import type { PlanInput } from './planInput.ts';
import { buildPlanIndex, type PlanIndex } from './planIndex.ts';
import { solveWithHighs, type SolveOutcome } from './solveWithHighs.ts';
import type { LinearModel } from './linearModel.ts';

export interface SolvePlanOptions {
  /** Seconds for all solves together (approximate; the LP bound is not interrupted). Default 10. */
  readonly timeLimitSeconds?: number;
  /** Centers offered to each person besides their own. Default 3; Infinity = all within radius. */
  readonly candidatesPerPerson?: number;
  /** Relative gap (against the whole-problem bound) under which the plan is called optimal. Default 0.01. */
  readonly gapTolerance?: number;
  /**
   * A clock in milliseconds (e.g. `performance.now`). With it, `seconds` is the wall time of the whole
   * solve (greedy start included) and the MIP gets what is left of the time limit; without it
   * (solver/ reads no clock itself), `seconds` sums HiGHS's own run times.
   */
  readonly now?: () => number;
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
 * Hours and coverage of a FIXED assignment (center position per person, e.g. today's): the hour
 * LP of buildPlanModel with one candidate per person, headcount rules relaxed to the assignment's
 * own headcounts. The "before" of every explanation.
 */
export const solveFixedAssignment = (highs: Highs, given: PlanInput, at?: readonly number[]): Plan => {
  // Today's state is measured, not judged: headcount rules are relaxed to what the assignment has.
  const headcount = new Map<string, number>();
  given.staff.forEach((p, i) => {
    const code = at ? given.centers[at[i] ?? 0]?.code ?? p.centerCode : p.centerCode;
    headcount.set(code, (headcount.get(code) ?? 0) + 1);
  });
  const input: PlanInput = {
    ...given,
    centers: given.centers.map((c) => ({ ...c, maxStaff: Math.max(c.maxStaff, headcount.get(c.code) ?? 0) })),
    rules: { ...given.rules, minStaffPerCenter: 0, minStaffByCenter: {}, maxTransfers: null },
  };
  const index = buildPlanIndex(input);
  const where = at ?? index.current;
  const pm = buildPlanModel(input, index, where.map((c) => [c]));
  const out = solveWithHighs(highs, pm.model, { timeLimitSeconds: 60 });
  const decoded = out.x ? decodePlan(input, index, pm, out.x) : { assignments: [], hires: [], coverage: [] };
  return {
    ...decoded,
    status: out.x ? 'optimal' : out.status === 'infeasible' ? 'infeasible' : 'error',
    message: out.x ? 'Hours of the given assignment, allocated optimally.' : `The given assignment breaks a rule (${out.status}).`,
    objective: out.objective,
    bound: out.objective,
    boundKind: 'none',
    gap: out.x ? 0 : null,
    seconds: out.seconds,
    modelSize: modelSize(pm),
    conflicts: [],
  };
};

/**
 * The solution `found` with its moves that cover nothing undone (pruneUselessMoves) and its hours
 * re-solved; `better` is null when nothing was undone or the objective did not fall.
 */
export const withoutUselessMoves = (
  highs: Highs,
  input: PlanInput,
  index: PlanIndex,
  found: { readonly pm: PlanModel; readonly x: Float64Array; readonly objective: number },
): { better: { pm: PlanModel; x: Float64Array; objective: number; at: number[] } | null; seconds: number } => {
  const at = index.current.slice();
  for (const a of found.pm.assign) if ((found.x[a.col] ?? 0) > 0.5) at[a.p] = a.c;
  const pruned = pruneUselessMoves(input, index, at);
  if (pruned.every((c, p) => c === at[p])) return { better: null, seconds: 0 };
  const pm = buildPlanModel(input, index, pruned.map((c) => [c]));
  const out = solveWithHighs(highs, pm.model, { timeLimitSeconds: 10 });
  const better =
    out.x !== null && out.objective !== null && out.objective < found.objective - 1e-9 ? { pm, x: out.x, objective: out.objective, at: pruned } : null;
  return { better, seconds: out.seconds };
};

export const solvePlan = (highs: Highs, input: PlanInput, options: SolvePlanOptions = {}): Plan => {
  const timeLimit = options.timeLimitSeconds ?? 10;
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
      seconds: 0,
      modelSize: { columns: 0, rows: 0, binaries: 0 },
      conflicts,
    };
  }
  const t0 = options.now?.() ?? 0;
  let seconds = 0;
  const elapsed = (): number => (options.now ? (options.now() - t0) / 1000 : seconds);
  const all = candidateCenters(input, index, Infinity);
  const greedy = greedyPlan(input, index, all);
  let start: readonly number[] = greedy ?? index.current;
  // The incumbent as a complete solution of some model: complete starts need no completion by HiGHS.
  let incumbent: { pm: PlanModel; x: Float64Array; objective: number } | null = null;
  const run = (pm: PlanModel, limit: number, relax = false): SolveOutcome => {
    const out = solveWithHighs(highs, pm.model, {
      timeLimitSeconds: Math.max(0.5, limit),
      relativeGap: tolerance / 4,
      relax,
      start: relax ? undefined : incumbent ? mapSolution(incumbent.pm, incumbent.x, pm) : startFrom(pm, start),
    });
    seconds += out.seconds;
    return out;
  };
  // Hours of the greedy assignment: the first incumbent, and the plan returned if nothing beats it in time.
  const fixedPm = buildPlanModel(input, index, start.map((c) => [c]));
  const fixed = run(fixedPm, timeLimit);
  if (fixed.x !== null && fixed.objective !== null) incumbent = { pm: fixedPm, x: fixed.x, objective: fixed.objective };
  const tStart = elapsed();
  const isFull = k === Infinity;
  const withStart = (lists: readonly (readonly number[])[]): number[][] =>
    lists.map((list, p) => [...new Set([...list, start[p] ?? 0])].sort((a, b) => a - b));
  const offered = isFull ? all.map((l) => [...l]) : withStart(candidateCenters(input, index, k));
  // The full model (everyone offered every center in range) is built only when needed: export, or fallback.
  let fullCache: PlanModel | null = null;
  const fullModel = (): PlanModel => (fullCache ??= buildPlanModel(input, index, all));

  let used = isFull ? buildPlanModel(input, index, offered) : (incumbent as { pm: PlanModel } | null)?.pm ?? fixedPm;
  if (options.onFullModel) options.onFullModel(isFull ? used.model : fullModel().model);
  let mip: SolveOutcome = { status: 'time_limit', x: null, rowDual: null, colDual: null, objective: null, bound: null, seconds: 0 };
  const keepBest = (): void => {
    if (mip.x !== null && mip.objective !== null && (incumbent === null || mip.objective < incumbent.objective - 1e-9)) {
      incumbent = { pm: used, x: mip.x, objective: mip.objective };
    }
  };
  if (isFull) {
    // HiGHS counts only its own run time; model building and loading come on top (about 10%).
    mip = run(used, timeLimit * 0.9 - elapsed());
    keepBest();
  }
  const tMip = elapsed();
  const gapOf = (objective: number | null, bound: number): number | null =>
    objective === null ? null : Math.max(0, objective - bound) / Math.max(1, Math.abs(objective));

  // 2. Bound by column generation on the LP: each round's Lasdon bound is valid for the full model; a
  //    round with no negative reduced cost proves the restricted LP optimum equals the full LP's.
  let lpOffered = offered;
  let bestBound = isFull && mip.bound !== null ? mip.bound : -Infinity;
  let exact = isFull;
  let lpInfeasible = false;
  // Rounds 0 and 1 run even past the time limit: a plan without a bound could not say how good it is,
  // and round 0's Lasdon bound alone is usually loose.
  for (let round = 0; !isFull && round < (options.boundRounds ?? 8) && (round < 2 || elapsed() < timeLimit * 0.6); round += 1) {
    const pm = buildPlanModel(input, index, lpOffered);
    // The first two rounds may overrun the time limit (by their LP time): a bound is worth it.
    const lp = run(pm, round < 2 ? Math.max(timeLimit - elapsed(), 60) : timeLimit - elapsed(), true);
    if (lp.status === 'infeasible') {
      // A restricted LP can be infeasible where the full one is not: only the full LP decides.
      const fullLp = run(isFull ? pm : fullModel(), timeLimit - elapsed(), true);
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
  const tBound = elapsed();
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
      seconds: elapsed(),
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
  if (!isFull && (gap0 === null || gap0 > tolerance) && elapsed() < timeLimit - 0.5) {
    used = buildPlanModel(input, index, withStart(lpOffered));
    // HiGHS counts only its own run time; model building and loading come on top (about 10%).
    mip = run(used, timeLimit * 0.9 - elapsed());
    keepBest();
  }
  if (incumbent === null && !isFull) {
    used = fullModel();
    mip = run(used, Math.max(1, timeLimit - elapsed()));
    keepBest();
  }
  // 4. Undo moves that cover nothing (a MIP stopped within its gap may keep some): the pruned
  //    assignment's hours are re-solved and kept only when the objective falls.
  const found = incumbent as { pm: PlanModel; x: Float64Array; objective: number } | null;
  if (found !== null) {
    const pruned = withoutUselessMoves(highs, input, index, found);
    seconds += pruned.seconds;
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
      status: infeasible ? 'infeasible' : mip.status === 'time_limit' ? 'time_limit' : 'error',
      message: infeasible
        ? 'No plan keeps every rule (proved by the solver on the full model).'
        : `No plan found within ${timeLimit} s (solver status ${mip.status}).`,
      objective: null,
      bound,
      boundKind,
      gap: null,
      seconds: elapsed(),
      modelSize: modelSize(used),
      conflicts: infeasible
        ? [{ rules: ['min_staff', 'max_staff', 'transfer_budget'], centers: [], message: 'The solver proved that no plan keeps the minimum staff, the seats and the transfer budget together.', code: 'conflict.mip_infeasible', params: {} }]
        : [],
    };
  }
  const objective = mip.objective;
  const gap = bound === null ? null : gapOf(objective, bound);
  const withinTolerance = gap !== null && gap <= tolerance;
  const status = withinTolerance ? 'optimal' : mip.status === 'time_limit' || elapsed() >= timeLimit ? 'time_limit' : 'feasible';
  const boundWords = boundKind.replaceAll('_', ' ');
  const message =
    status === 'optimal'
      ? `Optimal within ${(tolerance * 100).toFixed(1)}% of the ${boundWords} (gap ${((gap ?? 0) * 100).toFixed(2)}%).`
      : status === 'feasible'
        ? `Every rule holds; gap ${gap === null ? 'unknown' : `${(gap * 100).toFixed(2)}%`} to the ${boundWords} exceeds ${(tolerance * 100).toFixed(1)}%.`
        : `Stopped at the time limit of ${timeLimit} s; best plan found, gap ${gap === null ? 'unknown' : `${(gap * 100).toFixed(2)}%`}.`;
  return {
    ...decodePlan(input, index, used, mip.x),
    status,
    message,
    objective,
    bound,
    boundKind,
    gap,
    seconds: elapsed(),
    modelSize: modelSize(used),
    timings: { start: tStart, bound: tBound - tMip, mip: elapsed() - tBound + (tMip - tStart) },
    conflicts: [],
  };
};
