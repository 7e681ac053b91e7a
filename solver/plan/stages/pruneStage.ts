/**
 * Stage 4 of a solve: moves that cover nothing are undone (pruneUselessMoves.ts: a MIP stopped
 * within its gap may keep some); the pruned assignment's hours are re-solved and kept only when the
 * objective falls. Runs only when a re-solve of that size (`hoursSeconds`, measured in the start
 * stage) still fits the time left.
 */
import type { Highs } from 'highs';
import { buildPlanModel, type PlanModel } from '../buildPlanModel.ts';
import type { Deadline } from '../deadline.ts';
import type { PlanInput } from '../planInput.ts';
import type { PlanIndex } from '../planIndex.ts';
import { pruneUselessMoves } from '../pruneUselessMoves.ts';
import { solveHours } from '../solveHours.ts';
import type { Incumbent, SolveContext } from './solveContext.ts';

/**
 * The solution `found` with its moves that cover nothing undone and its hours re-solved; `better`
 * is null when nothing was undone, the objective did not fall or the deadline left no time (the
 * re-solve gets at most what is left; without a deadline, 10 s of HiGHS time).
 */
export const withoutUselessMoves = (
  highs: Highs,
  input: PlanInput,
  index: PlanIndex,
  found: Incumbent,
  deadline?: Deadline,
): { better: { pm: PlanModel; x: Float64Array; objective: number; at: number[] } | null; seconds: number; iterations: number } => {
  if (deadline?.passed()) return { better: null, seconds: 0, iterations: 0 };
  const at = index.current.slice();
  for (const a of found.pm.assign) if ((found.x[a.col] ?? 0) > 0.5) at[a.p] = a.c;
  const pruned = pruneUselessMoves(input, index, at);
  if (pruned.every((c, p) => c === at[p])) return { better: null, seconds: 0, iterations: 0 };
  const pm = buildPlanModel(input, index, pruned.map((c) => [c]));
  const out = solveHours(highs, pm, { timeLimitSeconds: 10, deadline });
  const better =
    out.x !== null && out.objective !== null && out.objective < found.objective - 1e-9 ? { pm, x: out.x, objective: out.objective, at: pruned } : null;
  return { better, seconds: out.seconds, iterations: out.iterations };
};

export const pruneStage = (ctx: SolveContext, hoursSeconds: number): void => {
  if (ctx.incumbent === null) return;
  if (!(ctx.time.left() > hoursSeconds)) {
    ctx.outOfTime = true;
    return;
  }
  const pruned = withoutUselessMoves(ctx.highs, ctx.input, ctx.index, ctx.incumbent, ctx.time);
  ctx.work.charge(pruned.iterations);
  if (pruned.better !== null) ctx.incumbent = pruned.better;
};
