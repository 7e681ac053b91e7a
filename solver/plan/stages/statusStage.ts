/**
 * The last stage of a solve: what the solve says of itself. `optimal` within the tolerance of the
 * whole-problem bound; else `time_limit` when some stage was cut short or the deadline passed; else
 * `feasible`. A plan whose bound was not reached says so (bound null, gap unknown). Without a plan,
 * the reason: infeasible (proved) or none found in time.
 */
import type { PlanModel } from '../buildPlanModel.ts';
import { decodePlan } from '../decodePlan.ts';
import type { Conflict, Plan, PlanQuality } from '../plan.ts';
import type { SolveOutcome } from '../solveWithHighs.ts';
import { gapOf, modelSize, type SolveContext } from './solveContext.ts';

const EMPTY = { assignments: [], hires: [], coverage: [] } as const;

/** `seconds` for a message: whole seconds as such, else one decimal. */
export const secondsWords = (seconds: number): string => String(Math.round(seconds * 10) / 10);

/** No plan keeps every rule: the conflicts found before any solve, or proved by the solver. */
export const infeasiblePlan = (message: string, conflicts: readonly Conflict[], seconds: number, model: PlanModel | null): Plan => ({
  ...EMPTY,
  status: 'infeasible',
  message,
  objective: null,
  bound: null,
  boundKind: 'none',
  gap: null,
  seconds,
  modelSize: model === null ? { columns: 0, rows: 0, binaries: 0 } : modelSize(model),
  conflicts,
});

export const LP_INFEASIBLE: Conflict = {
  rules: ['min_staff', 'max_staff', 'transfer_budget', 'commute_radius'],
  centers: [],
  message: 'Even with people split fractionally between centers, the minimum staff, seats, transfer budget and commute radius cannot all hold (the solver proved it on the full model).',
  code: 'conflict.lp_infeasible',
  params: {},
};

export const MIP_INFEASIBLE: Conflict = {
  rules: ['min_staff', 'max_staff', 'transfer_budget'],
  centers: [],
  message: 'The solver proved that no plan keeps the minimum staff, the seats and the transfer budget together.',
  code: 'conflict.mip_infeasible',
  params: {},
};

export interface StatusInput {
  /** The last MIP's outcome (its status decides between infeasible and time limit when no plan exists). */
  readonly mip: SolveOutcome | null;
  /** The model the last MIP ran on (its size is reported when there is no plan). */
  readonly model: PlanModel;
  readonly bound: number | null;
  readonly boundKind: PlanQuality['boundKind'];
  readonly limitWords: string;
  readonly timings: Plan['timings'];
  /** What the bound stage did: its rounds, and the full LP's optimum when it proved it (else null). */
  readonly boundStage: { readonly rounds: number; readonly lpObjective: number | null };
}

export const statusStage = (ctx: SolveContext, s: StatusInput): Plan => {
  const best = ctx.incumbent;
  if (best === null) {
    const status = s.mip?.status ?? 'time_limit';
    if (status === 'infeasible') return infeasiblePlan('No plan keeps every rule (proved by the solver on the full model).', [MIP_INFEASIBLE], ctx.time.elapsed(), s.model);
    return {
      ...EMPTY,
      status: status === 'time_limit' || ctx.outOfTime ? 'time_limit' : 'error',
      message: `No plan found within the time limit of ${s.limitWords} s (solver status ${status}).`,
      objective: null,
      bound: s.bound,
      boundKind: s.boundKind,
      gap: null,
      seconds: ctx.time.elapsed(),
      modelSize: modelSize(s.model),
      conflicts: [],
    };
  }
  const { objective } = best;
  const gap = s.bound === null ? null : gapOf(objective, s.bound);
  const tolerance = ctx.tolerance;
  const status = gap !== null && gap <= tolerance ? 'optimal' : ctx.outOfTime || ctx.time.passed() ? 'time_limit' : 'feasible';
  const boundWords = s.boundKind.replaceAll('_', ' ');
  const gapWords = `gap ${((gap ?? 0) * 100).toFixed(2)}%`;
  const message =
    status === 'optimal'
      ? `Optimal within ${(tolerance * 100).toFixed(1)}% of the ${boundWords} (${gapWords}).`
      : status === 'feasible'
        ? s.bound === null
          ? 'Every rule holds; no bound could be computed, so the gap is unknown.'
          : `Every rule holds; ${gapWords} to the ${boundWords} exceeds ${(tolerance * 100).toFixed(1)}%.`
        : s.bound === null
          ? `Stopped at the time limit of ${s.limitWords} s before a bound was reached: the best plan found keeps every rule, its gap is unknown.`
          : `Stopped at the time limit of ${s.limitWords} s; best plan found, ${gapWords} to the ${boundWords}.`;
  return {
    ...decodePlan(ctx.input, ctx.index, best.pm, best.x),
    status,
    message,
    objective,
    bound: s.bound,
    boundKind: s.boundKind,
    gap,
    seconds: ctx.time.elapsed(),
    work: ctx.work.used(),
    modelSize: modelSize(best.pm),
    ...(s.timings === undefined ? {} : { timings: s.timings }),
    trace: {
      boundRounds: s.boundStage.rounds,
      lpObjective: s.boundStage.lpObjective,
      mips: [...ctx.mips],
      workLimit: ctx.work.limit,
      workUsed: ctx.work.used(),
      outOfTime: ctx.outOfTime,
    },
    conflicts: [],
  };
};
