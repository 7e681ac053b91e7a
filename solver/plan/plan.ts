/**
 * What a plan says: where each civil servant works, how their hours split across their fields,
 * what stays uncovered, and how sure the solver is. Plain data: JSON-serialisable as is.
 */
import type { CenterCode, FieldId } from '../domain.ts';
import type { MessageParams } from '../messageCode.ts';
import type { RuleId } from './planRules.ts';

/**
 * - `optimal`: proven within the gap tolerance of a bound valid for the whole problem;
 * - `feasible`: every rule holds, but the gap to the whole-problem bound exceeds the tolerance
 *   (the candidate restriction may have cut off better plans);
 * - `time_limit`: stopped by the time limit; the best plan found, every rule holding;
 * - `infeasible`: no plan keeps every rule; see `infeasibility`;
 * - `error`: the solver failed; `message` says how.
 */
export type PlanStatus = 'optimal' | 'feasible' | 'time_limit' | 'infeasible' | 'error';

export interface Assignment {
  readonly staffId: string;
  readonly fromCenter: CenterCode;
  readonly toCenter: CenterCode;
  /** Hours in the period by field (only fields with hours > 0). */
  readonly hours: Readonly<Record<FieldId, number>>;
}

export interface Hire {
  readonly centerCode: CenterCode;
  readonly field: FieldId;
  readonly count: number;
  readonly hours: number;
}

export interface CenterFieldCoverage {
  readonly centerCode: CenterCode;
  readonly field: FieldId;
  readonly required: number;
  /** Hours assigned to this field at this center (staff and hires). */
  readonly assigned: number;
  /** max(0, required - assigned). */
  readonly uncovered: number;
}

/**
 * Rules that cannot all hold, with the centers and values that show it: `code` and `params` make
 * its sentence in either language (conflictSentence.ts); `message` is the English one.
 */
export interface Conflict {
  readonly rules: readonly RuleId[];
  readonly centers: readonly CenterCode[];
  readonly message: string;
  readonly code: string;
  readonly params: MessageParams;
}

export interface PlanQuality {
  readonly status: PlanStatus;
  readonly message: string;
  /** Objective of the returned plan (weighted, see PlanWeights), or null without a plan. */
  readonly objective: number | null;
  /**
   * Lower bound on the objective of every plan keeping the rules; `boundKind` says where it comes from:
   * the full model's LP relaxation (proved by column generation), a Lagrangian (Lasdon) bound of it
   * when column generation stopped early, or a MIP's dual bound valid for the full model: the full
   * model's own, or a restricted one's with every left-out column priced out (restrictedMipBound.ts).
   */
  readonly bound: number | null;
  readonly boundKind: 'lp_relaxation_full_model' | 'lagrangian_full_model' | 'mip_bound_full_model' | 'horizon_months_apart' | 'none';
  /** (objective - bound) / max(1, |objective|). */
  readonly gap: number | null;
  /** Seconds the solve took: wall time of every stage with a clock given to solvePlan, else HiGHS run time of every solve it needed. */
  readonly seconds: number;
  readonly modelSize: { readonly columns: number; readonly rows: number; readonly binaries: number };
  /**
   * Simplex iterations the solve used (solvePlan's workLimit): the same for the same input on any
   * machine unless the time limit, a safety net, stopped the solve (status `time_limit`).
   */
  readonly work?: number;
  /** Seconds per phase (wall with a clock given to solvePlan, else HiGHS run time; greedy then 0). */
  readonly timings?: { readonly start: number; readonly bound: number; readonly mip: number };
  /** What the bound and the MIPs did (solvePlan), for saying why a plan is not within the tolerance (whyNotCertified.ts). */
  readonly trace?: SolveTrace;
}

/** One HiGHS MIP of a solve: the candidate set it ran over and how it ended. */
export interface MipRun {
  /** Assignment columns (person x center) of its model; `full` when every center within the radius was offered. */
  readonly columns: number;
  readonly full: boolean;
  readonly status: string;
  readonly iterations: number;
  /** Its best plan's objective and its own dual bound (valid for its set only unless `full`). */
  readonly objective: number | null;
  readonly bound: number | null;
}

export interface SolveTrace {
  /** Column-generation rounds run. */
  readonly boundRounds: number;
  /** The full LP's optimum when a round proved it (no column priced negative), else null. */
  readonly lpObjective: number | null;
  readonly mips: readonly MipRun[];
  /** Simplex iterations the solve could use, and used. */
  readonly workLimit: number;
  readonly workUsed: number;
  /** A stage was cut short or skipped by the clock (the safety net). */
  readonly outOfTime: boolean;
}

export interface Plan extends PlanQuality {
  readonly assignments: readonly Assignment[];
  readonly hires: readonly Hire[];
  readonly coverage: readonly CenterFieldCoverage[];
  readonly conflicts: readonly Conflict[];
}
