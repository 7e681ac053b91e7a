/**
 * Uncovered hours against the transfer budget (default 0, 5, 10, 20, 40 and unlimited), each point
 * with its own status and gap against a bound valid for the whole problem under its budget.
 *
 * Work is shared across budgets instead of solving each from scratch:
 * 1. One index and candidate list; the full model's LP relaxation for every budget in ONE HiGHS
 *    model (budgetLpBounds: only the budget row changes, each solve warm-starts from the last). Its
 *    optimum is the point's bound (exact full-model LP, not a Lagrangian estimate).
 * 2. Greedy chain in increasing budget: the greedy plan of budget b starts from that of the previous
 *    budget, so the moves are priced once, not once per budget.
 * 3. Per point a MIP over each person's current center, the greedy's choice, the previous point's
 *    choice and the centers the point's LP uses (the LP support: where a larger candidate set pays),
 *    started from the better of the greedy plan and the previous point's plan (a plan for a smaller
 *    budget keeps every rule of a larger one). The unlimited point gets `unlimitedShare` of the time.
 * 4. Moves that cover nothing are undone (withoutUselessMoves), as in solvePlan.
 * A point whose LP fails (e.g. minimum staff unreachable) falls back to solvePlan alone.
 * The whole curve keeps one deadline, the sum of its points' limits: the shared LPs get at most half
 * of it, and each point then gets its share (1, or `unlimitedShare`) of what is left.
 */
import type { Highs } from 'highs';
import { budgetLpBounds, type BudgetLp } from './budgetLpBounds.ts';
import { buildPlanModel, type PlanModel } from './buildPlanModel.ts';
import { candidateCenters } from './candidateCenters.ts';
import { deadline, type Deadline } from './deadline.ts';
import { decodePlan } from './decodePlan.ts';
import { explainInfeasibility } from './explainInfeasibility.ts';
import { greedyPlan } from './greedyPlan.ts';
import type { Plan, PlanStatus } from './plan.ts';
import type { PlanInput } from './planInput.ts';
import { buildPlanIndex, type PlanIndex } from './planIndex.ts';
import { solveHours } from './solveHours.ts';
import { mapSolution, solvePlan, withoutUselessMoves, TAIL_SHARE, type SolvePlanOptions } from './solvePlan.ts';
import { solveWithHighs } from './solveWithHighs.ts';

export const DEFAULT_BUDGETS: readonly (number | null)[] = [0, 5, 10, 20, 40, null];

export interface TradeoffPoint {
  /** null = unlimited. */
  readonly maxTransfers: number | null;
  readonly status: PlanStatus;
  readonly transfers: number;
  readonly uncoveredHours: number | null;
  readonly weightedUncoveredHours: number | null;
  readonly objective: number | null;
  readonly gap: number | null;
  /** Seconds spent on this point (wall with a clock in the options, else HiGHS's; its share of the shared LP included). */
  readonly seconds: number;
}

export interface TradeoffOptions extends SolvePlanOptions {
  /**
   * `timeLimitSeconds` is per point (default 2); the unlimited point, the hardest by far, gets this
   * many times as much. Default 3. The curve's limit is the sum over its points (with `deadline`,
   * the curve keeps that instead).
   */
  readonly unlimitedShare?: number;
}

interface Incumbent {
  readonly pm: PlanModel;
  readonly x: Float64Array;
  readonly objective: number;
  readonly at: readonly number[];
}

const pointOf = (input: PlanInput, maxTransfers: number | null, plan: Pick<Plan, 'status' | 'objective' | 'gap' | 'assignments' | 'coverage'>, seconds: number): TradeoffPoint => {
  const priority = new Map(input.fields.map((f) => [f.field, f.priority]));
  const has = plan.objective !== null;
  return {
    maxTransfers,
    status: plan.status,
    transfers: plan.assignments.filter((a) => a.toCenter !== a.fromCenter).length,
    uncoveredHours: has ? plan.coverage.reduce((s, r) => s + r.uncovered, 0) : null,
    weightedUncoveredHours: has ? plan.coverage.reduce((s, r) => s + r.uncovered * (priority.get(r.field) ?? 1), 0) : null,
    objective: plan.objective,
    gap: plan.gap,
    seconds,
  };
};

const ascending = (a: number | null, b: number | null): number => (a === null ? 1 : b === null ? -1 : a - b);

/** Center position per person in a solution of `pm`. */
const assignmentOf = (index: PlanIndex, pm: PlanModel, x: ArrayLike<number>): number[] => {
  const at = index.current.slice();
  for (const a of pm.assign) if ((x[a.col] ?? 0) > 0.5) at[a.p] = a.c;
  return at;
};

export const tradeoffCurve = (
  highs: Highs,
  input: PlanInput,
  budgets: readonly (number | null)[] = DEFAULT_BUDGETS,
  options: TradeoffOptions = {},
): TradeoffPoint[] => {
  const perPoint = options.timeLimitSeconds ?? 2;
  const tolerance = options.gapTolerance ?? 0.01;
  const shareOf = (b: number | null): number => (b === null ? options.unlimitedShare ?? 3 : 1);
  const order = [...new Set(budgets)].sort(ascending);
  const shares = order.reduce<number>((sum, b) => sum + shareOf(b), 0);
  const total = options.deadline ?? deadline(perPoint * shares, options.now);
  // Each point's deadline: its share of what the points not yet solved have left.
  let sharesLeft = shares;
  const pointDeadline = (b: number | null): Deadline => {
    const d = total.within((total.left() * shareOf(b)) / Math.max(sharesLeft, shareOf(b)));
    sharesLeft -= shareOf(b);
    return d;
  };
  const index = buildPlanIndex(input);
  const withBudget = (b: number | null): PlanInput => ({ ...input, rules: { ...input.rules, maxTransfers: b } });
  const alone = (b: number | null, time: Deadline): TradeoffPoint => {
    const plan = solvePlan(highs, withBudget(b), { ...options, timeLimitSeconds: perPoint * shareOf(b), deadline: time });
    return pointOf(input, b, plan, time.elapsed());
  };
  const points = new Map<number | null, TradeoffPoint>();
  if (explainInfeasibility(withBudget(null), index).length > 0) {
    for (const b of order) points.set(b, alone(b, pointDeadline(b)));
    return budgets.map((b) => points.get(b) as TradeoffPoint);
  }

  const shared = total.within(total.left() / 2);
  const all = candidateCenters(input, index, Infinity);
  const { lps } = budgetLpBounds(highs, input, index, all, budgets, shared);
  const lpOf = new Map<number | null, BudgetLp>(budgets.map((b, i) => [b, lps[i] as BudgetLp]));
  const sharedSeconds = shared.elapsed();
  const topK = candidateCenters(input, index, 3);

  let previous: Incumbent | null = null;
  for (const b of order) {
    const time = pointDeadline(b);
    const lp = lpOf.get(b);
    const inputB = withBudget(b);
    if (lp === undefined || lp.status !== 'optimal' || lp.objective === null || lp.support === null) {
      points.set(b, alone(b, time));
      previous = null;
      continue;
    }
    let outOfTime = false;
    // The greedy continues from the previous point's plan: only the extra budget is priced.
    const prevAt: readonly number[] | null = previous === null ? null : (previous as Incumbent).at;
    const greedy: readonly number[] | null = greedyPlan(inputB, index, all, { ...(prevAt ? { from: prevAt } : {}), deadline: time });
    if (time.passed()) outOfTime = true;
    const wide = b === null;
    const candidates = index.current.map((c: number, p: number) => {
      const set = new Set<number>([c, ...(lp.support?.[p] ?? []), ...(greedy ? [greedy[p] ?? c] : []), ...(prevAt ? [prevAt[p] ?? c] : []), ...(wide ? topK[p] ?? [] : [])]);
      return [...set].sort((x, y) => x - y);
    });
    const pm = buildPlanModel(inputB, index, candidates);
    // Starts: the previous point's plan, and the greedy plan's hours (a fixed-assignment LP).
    let best: Incumbent | null = previous;
    if (greedy !== null) {
      const fixedPm = buildPlanModel(inputB, index, greedy.map((c) => [c]));
      const fixed = solveHours(highs, fixedPm, { deadline: time });
      if (fixed.status === 'time_limit') outOfTime = true;
      if (fixed.x !== null && fixed.objective !== null && (best === null || fixed.objective < best.objective)) {
        best = { pm: fixedPm, x: fixed.x, objective: fixed.objective, at: greedy };
      }
    }
    const mip = solveWithHighs(highs, pm.model, {
      deadline: time.within(time.left() - TAIL_SHARE * time.limitSeconds),
      relativeGap: tolerance / 4,
      ...(best ? { start: mapSolution(best.pm, best.x, pm) } : {}),
    });
    if (mip.status === 'time_limit') outOfTime = true;
    if (mip.x !== null && mip.objective !== null && (best === null || mip.objective < best.objective - 1e-9)) {
      best = { pm, x: mip.x, objective: mip.objective, at: assignmentOf(index, pm, mip.x) };
    }
    if (best !== null) {
      const pruned = withoutUselessMoves(highs, inputB, index, best, time);
      if (pruned.better !== null) best = pruned.better;
    }
    const seconds = time.elapsed() + sharedSeconds / budgets.length;
    if (best === null) {
      // Nothing found in this point's time: solvePlan alone gets what is left of it.
      points.set(b, alone(b, time));
      previous = null;
      continue;
    }
    const gap = Math.max(0, best.objective - lp.objective) / Math.max(1, Math.abs(best.objective));
    const status: PlanStatus = gap <= tolerance ? 'optimal' : outOfTime || time.passed() ? 'time_limit' : 'feasible';
    const decoded = decodePlan(inputB, index, best.pm, best.x);
    points.set(b, pointOf(input, b, { ...decoded, status, objective: best.objective, gap }, seconds));
    previous = best;
  }
  return budgets.map((b) => points.get(b) as TradeoffPoint);
};
