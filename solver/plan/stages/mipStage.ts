/**
 * Stage 3 of a solve: MIPs over widening candidate sets, each started from the incumbent, for as long
 * as the incumbent is outside the tolerance of the bound, the work lasts, and the last MIP was solved
 * to its own optimum (a MIP cut short by work or time ends the stage). The sets, in order:
 *
 * 1. the offered centers the LP found useful (its support, with today's and the start's centers):
 *    small, and on Hai Phong with 100 transfers a plan 1.0% better than over all offered centers;
 * 2. those plus every center the bound's column generation offered;
 * 3. every center within the radius (the full model).
 *
 * A wider set can only do as well or better (the incumbent is a start of every one), so a restricted
 * optimum that is still too far from the bound, as on a generated 65-center city (16,686 over the
 * support, 1.92% from the full LP's 16,366, with 60% of the work unused), is worth the next set.
 * Without any incumbent, the full model. A MIP starts only when it fits the time left (mipFits.ts);
 * otherwise the solve is marked cut short. Returns the last MIP's outcome and the model it ran on.
 */
import { buildPlanModel, type PlanModel } from '../buildPlanModel.ts';
import type { Deadline } from '../deadline.ts';
import { mipFits, type LpTiming } from '../mipFits.ts';
import type { SolveOutcome } from '../solveWithHighs.ts';
import { restrictedMipBound, type FullLp } from '../restrictedMipBound.ts';
import { gapOf, keepIfBetter, record, runModel, type SolveContext } from './solveContext.ts';

export interface MipOutcome {
  readonly mip: SolveOutcome | null;
  readonly model: PlanModel | null;
  /** The best bound for the full model: the one given, or one a MIP proved above it (restrictedMipBound.ts). */
  readonly bound: number;
  /** `bound` is a MIP's (branch and bound over a set, the rest priced out), not the LP's. */
  readonly mipBound: boolean;
}

/** Least work (simplex iterations) worth starting a wider MIP with. */
export const WIDER_MIP_MIN_WORK = 2_000;

/** Candidate lists, per person, in centers. */
type Candidates = readonly (readonly number[])[];

const size = (candidates: Candidates): number => candidates.reduce((s, list) => s + list.length, 0);

/** Each list of `a` and `b` together, sorted. */
export const unionOf = (a: Candidates, b: Candidates): number[][] =>
  a.map((list, p) => [...new Set([...list, ...(b[p] ?? [])])].sort((x, y) => x - y));

/** Every center of `all` is in `candidates`, for every person: a MIP over them bounds the full model by itself. */
const coversAll = (candidates: Candidates, all: Candidates): boolean =>
  all.every((list, p) => {
    const have = new Set(candidates[p] ?? []);
    return list.every((c) => have.has(c));
  });

export const mipStage = (
  ctx: SolveContext,
  levels: readonly (Candidates | (() => Candidates))[],
  lpBound: number,
  lpTiming: LpTiming | null,
  beforeTail: () => Deadline,
  fullLp: FullLp | null = null,
): MipOutcome => {
  const { time, input, index, tolerance } = ctx;
  let mip: SolveOutcome | null = null;
  let model: PlanModel | null = null;
  let bound = lpBound;
  let mipBound = false;
  /** What the MIP over `candidates` proves for the full model. */
  const raise = (candidates: Candidates, full: boolean, out: SolveOutcome): void => {
    if (out.bound === null || !Number.isFinite(out.bound)) return;
    const proved = full ? out.bound : fullLp === null ? null : restrictedMipBound(input, index, fullLp, ctx.all, candidates, out.bound);
    if (proved !== null && proved > bound) {
      bound = proved;
      mipBound = true;
    }
  };
  const outside = (): boolean => {
    const gap = ctx.incumbent === null || !Number.isFinite(bound) ? null : gapOf(ctx.incumbent.objective, bound);
    return gap === null || gap > tolerance;
  };
  let lastSize = -1;
  for (const [level, set] of levels.entries()) {
    if (!outside()) break;
    // A set given as a function is made when reached: it may depend on the incumbent so far.
    const candidates = typeof set === 'function' ? set() : set;
    // A set no larger than the last one solved is the same set (each level contains the one before).
    if (size(candidates) <= lastSize) continue;
    if (level > 0 && ctx.work.left() < WIDER_MIP_MIN_WORK) break;
    // Built only when a MIP might fit: building a model takes time of its own.
    const pm = mipFits(beforeTail().left(), 0, null) ? buildPlanModel(input, index, candidates) : null;
    if (pm === null || !mipFits(beforeTail().left(), pm.model.columns.length, lpTiming)) {
      ctx.outOfTime = true;
      break;
    }
    model = pm;
    mip = runModel(ctx, pm, beforeTail());
    keepIfBetter(ctx, pm, mip);
    const full = coversAll(candidates, ctx.all);
    record(ctx, pm, full, mip);
    raise(candidates, full, mip);
    lastSize = size(candidates);
    if (mip.status !== 'optimal') break;
  }
  if (ctx.incumbent === null) {
    const full = mipFits(time.left(), 0, null) ? ctx.fullModel() : null;
    if (full !== null && mipFits(time.left(), full.model.columns.length, lpTiming)) {
      model = full;
      mip = runModel(ctx, full, time);
      keepIfBetter(ctx, full, mip);
      record(ctx, full, true, mip);
      raise(ctx.all, true, mip);
    } else {
      ctx.outOfTime = true;
    }
  }
  return { mip, model, bound, mipBound };
};
