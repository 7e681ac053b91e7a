/**
 * Stage 3 of a solve: the MIP over the offered centers plus the columns the LP found useful, started
 * from the incumbent, unless the incumbent is already within the tolerance of the bound; without any
 * incumbent, the full model. A MIP starts only when it fits the time left (mipFits.ts); otherwise the
 * solve is marked cut short. Returns the last MIP's outcome and the model it ran on.
 */
import { buildPlanModel, type PlanModel } from '../buildPlanModel.ts';
import type { Deadline } from '../deadline.ts';
import { mipFits, type LpTiming } from '../mipFits.ts';
import type { SolveOutcome } from '../solveWithHighs.ts';
import { gapOf, keepIfBetter, runModel, type SolveContext } from './solveContext.ts';

export interface MipOutcome {
  readonly mip: SolveOutcome | null;
  readonly model: PlanModel | null;
}

export const mipStage = (ctx: SolveContext, candidates: readonly (readonly number[])[], bound: number, lpTiming: LpTiming | null, beforeTail: () => Deadline): MipOutcome => {
  const { time, input, index, tolerance } = ctx;
  let mip: SolveOutcome | null = null;
  let model: PlanModel | null = null;
  const gap0 = ctx.incumbent === null || !Number.isFinite(bound) ? null : gapOf(ctx.incumbent.objective, bound);
  if (gap0 === null || gap0 > tolerance) {
    // Built only when a MIP might fit: building a model takes time of its own.
    const pm = mipFits(beforeTail().left(), 0, null) ? buildPlanModel(input, index, candidates) : null;
    if (pm !== null && mipFits(beforeTail().left(), pm.model.columns.length, lpTiming)) {
      model = pm;
      mip = runModel(ctx, pm, beforeTail());
      keepIfBetter(ctx, pm, mip);
    } else {
      ctx.outOfTime = true;
    }
  }
  if (ctx.incumbent === null) {
    const full = mipFits(time.left(), 0, null) ? ctx.fullModel() : null;
    if (full !== null && mipFits(time.left(), full.model.columns.length, lpTiming)) {
      model = full;
      mip = runModel(ctx, full, time);
      keepIfBetter(ctx, full, mip);
    } else {
      ctx.outOfTime = true;
    }
  }
  return { mip, model };
};
