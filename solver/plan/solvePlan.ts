/**
 * Plans who works where: restricted MIP for the plan, full-model LP relaxation for an honest bound.
 *
 * 1. Sound pre-checks (explainInfeasibility): a conflict found there ends the solve with its reasons.
 * 2. Greedy start (greedyPlan): best single moves priced exactly per center, within every rule.
 * 3. Restricted MIP: each person offered their center, the k centers with the largest deficit in
 *    their fields (candidateCenters) and the greedy's choice; started from the greedy plan.
 * 4. Bound: the LP relaxation of the FULL model (every center within the commute radius). It is a
 *    lower bound on every plan keeping the rules, so the reported gap is against the whole problem,
 *    not just the restricted one. With k = Infinity the MIP's own dual bound is used instead.
 * 5. If the restricted MIP is infeasible or finds nothing in time, the full MIP gets the rest of the
 *    time; if that finds nothing, today's assignment (when it keeps the rules) is returned, marked.
 */
import type { Highs } from 'highs';
import { buildPlanModel, type PlanModel } from './buildPlanModel.ts';
import { candidateCenters } from './candidateCenters.ts';
import { decodePlan } from './decodePlan.ts';
import { explainInfeasibility } from './explainInfeasibility.ts';
import { greedyPlan } from './greedyPlan.ts';
import type { Plan, PlanQuality } from './plan.ts';
import type { PlanInput } from './planInput.ts';
import { buildPlanIndex } from './planIndex.ts';
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
  /** Receives the full model (every center within the radius offered): the exact problem, e.g. for LP export. */
  readonly onFullModel?: (model: LinearModel) => void;
}

const modelSize = (pm: PlanModel): PlanQuality['modelSize'] => ({
  columns: pm.model.columns.length,
  rows: pm.model.rows.length,
  binaries: pm.assign.length,
});

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
 * LP of buildPlanModel with one candidate per person. The "before" of every explanation.
 */
export const solveFixedAssignment = (highs: Highs, input: PlanInput, at?: readonly number[]): Plan => {
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
  const start = greedy ?? index.current;
  const run = (pm: PlanModel, limit: number, relax = false): SolveOutcome => {
    const out = solveWithHighs(highs, pm.model, {
      timeLimitSeconds: Math.max(0.5, limit),
      relativeGap: tolerance / 4,
      relax,
      start: relax ? undefined : startFrom(pm, start),
    });
    seconds += out.seconds;
    return out;
  };

  const tStart = elapsed();
  const isFull = k === Infinity;
  const offered = isFull
    ? all
    : candidateCenters(input, index, k).map((list, p) => [...new Set([...list, start[p] ?? 0])].sort((a, b) => a - b));
  const restricted = buildPlanModel(input, index, offered);
  const full = isFull ? restricted : buildPlanModel(input, index, all);
  options.onFullModel?.(full.model);
  const lp = isFull ? null : run(full, timeLimit - elapsed(), true);
  const tBound = elapsed();
  if (lp !== null && lp.status === 'infeasible') {
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
      modelSize: modelSize(full),
      conflicts: [
        {
          rules: ['headcount at or above the minimum', 'headcount within max_staff', 'transfers within the budget', 'moves only within the commute radius'],
          centers: [],
          message: 'The LP relaxation of the full model is infeasible.',
        },
      ],
    };
  }
  let used = restricted;
  let mip = run(restricted, timeLimit - elapsed());
  if (mip.x === null && !isFull) {
    used = full;
    mip = run(full, timeLimit - elapsed());
  }
  const bound = isFull ? mip.bound : (lp?.bound ?? null);
  const boundKind: PlanQuality['boundKind'] = bound === null ? 'none' : isFull ? 'mip_bound_full_model' : 'lp_relaxation_full_model';
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
        ? [{ rules: ['headcount at or above the minimum', 'headcount within max_staff', 'transfers within the budget'], centers: [], message: 'The full MIP is infeasible.' }]
        : [],
    };
  }
  const objective = mip.objective;
  const gap = bound === null ? null : Math.max(0, objective - bound) / Math.max(1, Math.abs(objective));
  const status = mip.status === 'time_limit' ? 'time_limit' : gap !== null && gap <= tolerance ? 'optimal' : 'feasible';
  const message =
    status === 'optimal'
      ? `Optimal within ${(tolerance * 100).toFixed(1)}% of the ${boundKind.replaceAll('_', ' ')}.`
      : status === 'feasible'
        ? `Every rule holds; gap ${((gap ?? 0) * 100).toFixed(2)}% to the ${boundKind.replaceAll('_', ' ')} exceeds ${(tolerance * 100).toFixed(1)}%.`
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
    timings: { start: tStart, bound: tBound - tStart, mip: elapsed() - tBound },
    conflicts: [],
  };
};
