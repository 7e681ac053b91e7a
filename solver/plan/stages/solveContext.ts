/**
 * What the stages of a solve share (solvePlan.ts): the input and its index, the one deadline, the
 * gap tolerance, the centers each person may reach, the best plan so far (a complete solution of
 * some model) and whether a stage was cut short by time. Stages read and update it; nothing else
 * outside solvePlan sees it.
 */
import type { BasisInput, Highs } from 'highs';
import { buildPlanModel, type PlanModel } from '../buildPlanModel.ts';
import type { Deadline } from '../deadline.ts';
import type { PlanInput } from '../planInput.ts';
import type { PlanIndex } from '../planIndex.ts';
import type { MipRun, PlanQuality } from '../plan.ts';
import { solveWithHighs, type SolveOutcome } from '../solveWithHighs.ts';
import type { WorkBudget } from '../workBudget.ts';

/** A complete solution of a model: what the solve returns when nothing beats it. */
export interface Incumbent {
  readonly pm: PlanModel;
  readonly x: Float64Array;
  readonly objective: number;
}

export interface SolveContext {
  readonly highs: Highs;
  readonly input: PlanInput;
  readonly index: PlanIndex;
  /** The clock's safety net: a stage it stops marks the solve `outOfTime`. */
  readonly time: Deadline;
  /** The deterministic work every HiGHS call of the solve is charged to. */
  readonly work: WorkBudget;
  readonly tolerance: number;
  /** Every center within the radius, per person (the full model's candidates). */
  readonly all: readonly (readonly number[])[];
  /** The greedy's assignment (center position per person), or today's. */
  start: readonly number[];
  incumbent: Incumbent | null;
  /**
   * Some stage was cut short or skipped for lack of TIME (the safety net, not the work budget): a
   * plan outside the tolerance is then `time_limit`, and another run may differ.
   */
  outOfTime: boolean;
  /** The full model, built once when a stage needs it. */
  readonly fullModel: () => PlanModel;
  /** The MIPs run so far, in order (the plan's trace). */
  readonly mips: MipRun[];
}

export const solveContext = (highs: Highs, input: PlanInput, index: PlanIndex, time: Deadline, work: WorkBudget, tolerance: number, all: readonly (readonly number[])[]): SolveContext => {
  let full: PlanModel | null = null;
  return {
    highs, input, index, time, work, tolerance, all,
    start: index.current,
    incumbent: null,
    outOfTime: false,
    fullModel: () => (full ??= buildPlanModel(input, index, all)),
    mips: [],
  };
};

export const modelSize = (pm: PlanModel): PlanQuality['modelSize'] => ({
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

/** A partial start: the assignment `at` (and no hires); HiGHS completes the hours. */
export const startFrom = (pm: PlanModel, at: readonly number[]): { indices: number[]; values: number[] } => {
  const indices: number[] = [];
  const values: number[] = [];
  for (const a of pm.assign) {
    indices.push(a.col);
    values.push(a.c === at[a.p] ? 1 : 0);
  }
  pm.hires.forEach((row) => row.forEach((col) => col >= 0 && (indices.push(col), values.push(0))));
  return { indices, values };
};

/** The outcome of a solve the work budget left nothing for. */
const noWorkLeft: SolveOutcome = { status: 'work_limit', x: null, rowDual: null, colDual: null, objective: null, bound: null, seconds: 0, iterations: 0 };

/**
 * Runs HiGHS on `pm` within `stage` (time) and `work` (iterations, charged), started from the
 * incumbent (or the greedy's assignment); a run stopped by time marks the solve as cut short. An LP
 * given a `basis` (the last round's, mapBasis.ts) starts from it with the primal simplex: the new
 * columns leave it primal feasible, and on Hai Phong's default scenario rounds 2-5 took 414, 146,
 * 50 and 10 iterations so (2,545, 2,128, 1,962, 1,872 with the dual simplex; ~6,300 cold).
 */
export const runModel = (ctx: SolveContext, pm: PlanModel, stage: Deadline, relax = false, work: WorkBudget = ctx.work, basis?: BasisInput): SolveOutcome => {
  if (!(work.left() > 0)) return noWorkLeft;
  const out = solveWithHighs(ctx.highs, pm.model, {
    deadline: stage,
    relativeGap: ctx.tolerance / 4,
    relax,
    iterationLimit: work.left(),
    ...(relax && basis !== undefined ? { basis, primalSimplex: true } : {}),
    start: relax ? undefined : ctx.incumbent ? mapSolution(ctx.incumbent.pm, ctx.incumbent.x, pm) : startFrom(pm, ctx.start),
  });
  work.charge(out.iterations);
  if (out.status === 'time_limit') ctx.outOfTime = true;
  return out;
};

/** Keeps `out` as the incumbent when it is a solution better than the incumbent. */
export const keepIfBetter = (ctx: SolveContext, pm: PlanModel, out: SolveOutcome): void => {
  if (out.x !== null && out.objective !== null && (ctx.incumbent === null || out.objective < ctx.incumbent.objective - 1e-9)) {
    ctx.incumbent = { pm, x: out.x, objective: out.objective };
  }
};

/** Adds a MIP's outcome to the solve's trace; `full` when its set holds every center within the radius. */
export const record = (ctx: SolveContext, pm: PlanModel, full: boolean, out: SolveOutcome): void => {
  ctx.mips.push({ columns: pm.assign.length, full, status: out.status, iterations: out.iterations, objective: out.objective, bound: out.bound });
};

/** (objective - bound) / max(1, |objective|), clamped at 0; null without an objective. */
export const gapOf = (objective: number | null, bound: number): number | null =>
  objective === null ? null : Math.max(0, objective - bound) / Math.max(1, Math.abs(objective));
