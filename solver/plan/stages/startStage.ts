/**
 * Stage 1 of a solve: the greedy start (greedyPlan.ts: best single moves priced exactly per center,
 * within GREEDY_SHARE of the limit) and its hours (solveHours.ts). This is the first incumbent, the
 * plan returned if nothing better is found in time. Returns how long the hours took (the prune stage
 * re-solves hours of the same size).
 */
import { buildPlanModel } from '../buildPlanModel.ts';
import { greedyPlan } from '../greedyPlan.ts';
import { solveHours } from '../solveHours.ts';
import { startFrom, type SolveContext } from './solveContext.ts';

/** Most of the limit the greedy start may take: its hours (an LP) and the bound need the rest. */
export const GREEDY_SHARE = 0.5;

export const startStage = (ctx: SolveContext): { readonly hoursSeconds: number } => {
  const { time, input, index } = ctx;
  const greedyTime = time.within(time.left() * GREEDY_SHARE);
  const greedy = greedyPlan(input, index, ctx.all, { deadline: greedyTime });
  if (greedyTime.passed()) ctx.outOfTime = true;
  ctx.start = greedy ?? index.current;
  const pm = buildPlanModel(input, index, ctx.start.map((c) => [c]));
  const t = time.elapsed();
  // Not limited by work: the plan returned if nothing better is found needs its hours.
  const fixed = solveHours(ctx.highs, pm, { deadline: time, relativeGap: ctx.tolerance / 4, start: startFrom(pm, ctx.start) });
  ctx.work.charge(fixed.iterations);
  if (fixed.status === 'time_limit') ctx.outOfTime = true;
  if (fixed.x !== null && fixed.objective !== null) ctx.incumbent = { pm, x: fixed.x, objective: fixed.objective };
  return { hoursSeconds: time.elapsed() - t };
};
