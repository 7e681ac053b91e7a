/**
 * Plans over several months, and says honestly how good the plan is (issue 13).
 *
 * A horizon of one month with every horizon rule neutral IS today's single-month plan: solvePlan on
 * that month's input, by the same code path (its formulation changes carry over), wrapped as a plan
 * of one month. Otherwise:
 * 1. Search (horizonSearch.ts): greedy measures priced exactly per center and month (lasting
 *    transfers from a month, secondments for a run of months, hires from a month, cross-training),
 *    over every center within each person's commute radius, then tidy-and-rebuild rounds.
 * 2. Bound (horizonBound.ts): each month's LP relaxation solved apart and priced for every center
 *    within reach, the months tied by the transfer budget and the secondment person-months; valid
 *    for the whole multi-period problem.
 * 3. Status: `optimal` when the gap to that bound is within the tolerance, `time_limit` when the
 *    bound was cut short, else `feasible`; `infeasible` when some month has no plan even relaxed.
 * Why not twelve copies of the month model: measured at 182 s and intractable with secondment
 * binaries (/work/shared/DESIGN.md, "Over time").
 */
import type { Highs } from 'highs';
import { candidateCenters } from '../plan/candidateCenters.ts';
import { deadline as deadlineOf, type Deadline } from '../plan/deadline.ts';
import type { Plan } from '../plan/plan.ts';
import { solvePlan } from '../plan/solvePlan.ts';
import { decodeHorizon, encodeSchedule, type HorizonSchedule } from './decodeHorizon.ts';
import { stateCost } from './horizonCost.ts';
import { horizonBound } from './horizonBound.ts';
import { buildHorizonIndex } from './horizonIndex.ts';
import { monthInput, type HorizonInput, type HorizonMonth } from './horizonInput.ts';
import type { HorizonMonthPlan, HorizonPlan, MonthUnder } from './horizonPlan.ts';
import { isNeutral } from './horizonRules.ts';
import { searchHorizon } from './horizonSearch.ts';
import { horizonState } from './horizonState.ts';

export interface SolveHorizonOptions {
  /** Seconds for the whole solve. Default 20. */
  readonly timeLimitSeconds?: number;
  /** Relative gap under which the plan is called optimal. Default 0.01. */
  readonly gapTolerance?: number;
  /** A clock in ms (e.g. performance.now): then the limit and `seconds` are wall time (see solvePlan). */
  readonly now?: () => number;
  readonly deadline?: Deadline;
  /** Share of the time the search may use before the bound starts. Default 0.5. */
  readonly searchShare?: number;
  /**
   * Each month's required hours under other quantiles of the forecast (same months, same order):
   * the plan is reckoned under each, unchanged, and reported in `under`.
   */
  readonly demandAt?: readonly { readonly quantile: number; readonly months: readonly HorizonMonth[] }[];
  /** Hears each stage as it starts: 'search', 'bound', 'decode' (a progress bar's steps). */
  readonly onStage?: (stage: 'search' | 'bound' | 'decode') => void;
}

const gapOf = (objective: number, bound: number): number => Math.max(0, (objective - bound) / Math.max(1, Math.abs(objective)));

/** One month's figures of a single-month plan, as a plan over one month reports them. */
const singleMonth = (h: HorizonInput, plan: Plan): HorizonMonthPlan => {
  const m = h.months[0];
  if (m === undefined) throw new Error('solveHorizon: a horizon needs at least one month');
  const priority = new Map(h.fields.map((f) => [f.field, f.priority]));
  const required = new Map<string, number>();
  for (const r of m.requiredHours) required.set(r.centerCode, (required.get(r.centerCode) ?? 0) + r.hours);
  const short = new Map<string, number>();
  let weightedUncovered = 0;
  let uncovered = 0;
  for (const row of plan.coverage) {
    weightedUncovered += row.uncovered * (priority.get(row.field) ?? 1);
    uncovered += row.uncovered;
    short.set(row.centerCode, (short.get(row.centerCode) ?? 0) + row.uncovered);
  }
  let maxSharePct = 0;
  for (const [c, u] of short) if ((required.get(c) ?? 0) > 0) maxSharePct = Math.max(maxSharePct, (100 * u) / (required.get(c) ?? 1));
  return {
    month: m.month,
    hoursPerFte: m.hoursPerFte,
    plan: { assignments: plan.assignments, hires: plan.hires, coverage: plan.coverage },
    weightedUncovered,
    uncovered,
    maxSharePct,
    away: plan.assignments.filter((a) => a.toCenter !== a.fromCenter).length,
  };
};

/** The schedule reckoned under each demand given (the same people, centers and fields; other required hours). */
export const reckonUnder = (
  h: HorizonInput,
  schedule: Pick<HorizonSchedule, 'transfers' | 'secondments' | 'hires' | 'trainings'>,
  demandAt: readonly { readonly quantile: number; readonly months: readonly HorizonMonth[] }[],
): HorizonPlan['under'] =>
  demandAt.map(({ quantile, months }) => {
    if (months.length !== h.months.length || months.some((m, t) => m.month !== h.months[t]?.month)) throw new Error(`reckonUnder: the months at quantile ${quantile} are not the plan's`);
    const other = { ...h, months };
    const hi = buildHorizonIndex(other);
    const figures: MonthUnder[] = decodeHorizon(other, hi, encodeSchedule(other, hi, schedule)).months.map((m) => ({ month: m.month, weightedUncovered: m.weightedUncovered, uncovered: m.uncovered }));
    return { quantile, months: figures };
  });

export const solveHorizon = (highs: Highs, h: HorizonInput, options: SolveHorizonOptions = {}): HorizonPlan => {
  const time = options.deadline ?? deadlineOf(options.timeLimitSeconds ?? 20, options.now);
  const tolerance = options.gapTolerance ?? 0.01;
  const first = h.months[0];
  if (first === undefined) throw new Error('solveHorizon: a horizon needs at least one month');
  if (h.months.length === 1 && isNeutral(h.horizon)) {
    // Today's single-month plan, by its own code path.
    const plan = solvePlan(highs, monthInput(h, 0), { deadline: time, gapTolerance: tolerance, timeLimitSeconds: time.limitSeconds, ...(options.now ? { now: options.now } : {}) });
    const month = plan.objective === null ? null : singleMonth(h, plan);
    const schedule = {
      transfers: plan.assignments.filter((a) => a.toCenter !== a.fromCenter).map((a) => ({ staffId: a.staffId, fromCenter: a.fromCenter, toCenter: a.toCenter, fromMonth: first.month })),
      secondments: [],
      hires: plan.hires.filter((x) => x.count > 0).map((x) => ({ centerCode: x.centerCode, field: x.field, count: x.count, startMonth: first.month })),
      trainings: [],
    };
    return {
      status: plan.status,
      message: plan.message,
      objective: plan.objective,
      bound: plan.bound,
      gap: plan.gap,
      seconds: plan.seconds,
      months: month === null ? [] : [month],
      ...schedule,
      under: month === null ? [] : reckonUnder(h, schedule, options.demandAt ?? []),
      single: plan,
    };
  }

  const hi = buildHorizonIndex(h);
  const base = hi.month[0] as (typeof hi.month)[number];
  const input0 = { centers: h.centers, fields: h.fields, staff: h.staff, requiredHours: first.requiredHours, hoursPerFte: first.hoursPerFte, rules: h.rules };
  // Every center within each person's commute radius (their own first; a locked person only theirs).
  const reach = candidateCenters(input0, base, Infinity);
  options.onStage?.('search');
  const searchTime = time.within(time.left() * (options.searchShare ?? 0.5));
  const decisions = searchHorizon(h, hi, { deadline: searchTime, candidates: reach });
  const cost = stateCost(horizonState(h, hi, decisions));
  // The bound's LPs start from each person's center, the 3 with the largest deficit and the search's choice.
  const offered = candidateCenters(input0, base, 3).map((list, p) => {
    const to = decisions.to[p] ?? -1;
    return to >= 0 && !list.includes(to) ? [...list, to].sort((a, b) => a - b) : list;
  });
  options.onStage?.('bound');
  const b = horizonBound(highs, h, hi, offered, reach, { deadline: time, target: cost.objective, stopWithin: tolerance });
  options.onStage?.('decode');
  const schedule = decodeHorizon(h, hi, decisions);
  const seconds = time.elapsed();
  if (b.infeasibleMonth !== null) {
    const month = h.months[b.infeasibleMonth]?.month ?? '';
    return {
      status: 'infeasible',
      message: `No plan keeps every rule in ${month}: even relaxed (fractional people, every secondment possible), that month's rules cannot all hold.`,
      objective: null, bound: null, gap: null, seconds,
      months: [], transfers: [], secondments: [], hires: [], trainings: [], under: [], single: null,
    };
  }
  const bound = b.solves > 0 ? b.bound : null;
  const gap = bound === null ? null : gapOf(cost.objective, bound);
  const status = gap !== null && gap <= tolerance ? 'optimal' : b.outOfTime || time.passed() ? 'time_limit' : 'feasible';
  const gapWords = gap === null ? 'gap unknown' : `gap ${(gap * 100).toFixed(2)}%`;
  const message =
    status === 'optimal'
      ? `Optimal within ${(tolerance * 100).toFixed(1)}% of the bound from the months solved apart (${gapWords}).`
      : status === 'feasible'
        ? `Every rule holds; ${gapWords} to the bound from the months solved apart exceeds ${(tolerance * 100).toFixed(1)}%.`
        : `Stopped at the time limit of ${time.limitSeconds} s; best plan found, ${gapWords}.`;
  return { status, message, objective: cost.objective, bound, gap, seconds, ...schedule, under: reckonUnder(h, schedule, options.demandAt ?? []), single: null };
};
