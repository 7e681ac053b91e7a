/**
 * What a plan over several months says (issue 13): the schedule (lasting transfers with their
 * month, secondments with from and until, hires with their start, cross-trainings), each month's
 * assignment with its hours and coverage (a single-month plan's shape, so the rule checker and the
 * surfaces read it as one), and how sure the solver is. Plain data, JSON-serialisable.
 */
import type { CenterCode, FieldId, Month } from '../domain.ts';
import type { Plan, PlanStatus } from '../plan/plan.ts';
import type { Bilingual } from '../plan/planResult.ts';

/** A lasting transfer (điều động): at `toCenter` from `fromMonth` to the end of the horizon. */
export interface HorizonTransfer {
  readonly staffId: string;
  readonly fromCenter: CenterCode;
  readonly toCenter: CenterCode;
  readonly fromMonth: Month;
}

/** A secondment (biệt phái): at `toCenter` from `fromMonth` to `untilMonth` (inclusive), then back. */
export interface HorizonSecondment {
  readonly staffId: string;
  readonly fromCenter: CenterCode;
  readonly toCenter: CenterCode;
  readonly fromMonth: Month;
  readonly untilMonth: Month;
  readonly months: number;
}

/** `count` people of 1 FTE holding `field`, working at `centerCode` from `startMonth` on. */
export interface HorizonHire {
  readonly centerCode: CenterCode;
  readonly field: FieldId;
  readonly count: number;
  readonly startMonth: Month;
}

/** A cross-training: trained from `startMonth`, holding `field` from `readyMonth` on. */
export interface HorizonTraining {
  readonly staffId: string;
  readonly centerCode: CenterCode;
  readonly field: FieldId;
  readonly startMonth: Month;
  readonly readyMonth: Month;
}

/** One month of the plan: who works where with which hours, and what stays uncovered. */
export interface HorizonMonthPlan {
  readonly month: Month;
  /** Hours of 1 FTE in the month. */
  readonly hoursPerFte: number;
  /** Everyone still working that month (fromCenter: where they work today), hires active then. */
  readonly plan: Pick<Plan, 'assignments' | 'hires' | 'coverage'>;
  /** Uncovered hours in the month, priority-weighted and plain. */
  readonly weightedUncovered: number;
  readonly uncovered: number;
  /** Largest uncovered share among centers, percentage points. */
  readonly maxSharePct: number;
  /** People working away from today's center that month (transfers begun and secondments running). */
  readonly away: number;
}

/** A month's uncovered hours had demand been another quantile of the forecast, the plan unchanged. */
export interface MonthUnder {
  readonly month: Month;
  readonly weightedUncovered: number;
  readonly uncovered: number;
}

export interface HorizonPlan {
  readonly status: PlanStatus;
  readonly message: string;
  /** Objective over the horizon (horizonCost.ts), or null without a plan. */
  readonly objective: number | null;
  /** Lower bound on the objective of every plan over the horizon keeping the rules (horizonBound.ts, or the single-month plan's). */
  readonly bound: number | null;
  /** (objective - bound) / max(1, |objective|). */
  readonly gap: number | null;
  readonly seconds: number;
  readonly months: readonly HorizonMonthPlan[];
  readonly transfers: readonly HorizonTransfer[];
  readonly secondments: readonly HorizonSecondment[];
  readonly hires: readonly HorizonHire[];
  readonly trainings: readonly HorizonTraining[];
  /** The plan under other demand, per quantile (e.g. 0.5, 0.8, 0.95), month by month; empty unless asked for. */
  readonly under: readonly { readonly quantile: number; readonly months: readonly MonthUnder[] }[];
  /** The single-month plan itself when the horizon is one month with neutral rules (the same code path), else null. */
  readonly single: Plan | null;
}

/** One field of a center in a month of the schedule, at the quantile planned for (hours in the month). */
export interface ScheduleField {
  readonly field: FieldId;
  readonly required: number;
  /** With no change (today's staff, no measure) and with the plan. */
  readonly uncoveredBefore: number;
  readonly uncoveredAfter: number;
}

/** One center in a month of the schedule: its work, what stays uncovered before and after, by field (fields with work only). */
export interface ScheduleCenter {
  readonly centerCode: CenterCode;
  readonly required: number;
  readonly uncoveredBefore: number;
  readonly uncoveredAfter: number;
  readonly fields: readonly ScheduleField[];
}

/** One month of the schedule as the plan result carries it: before (no change) and after (the plan). */
export interface ScheduleMonth {
  readonly month: Month;
  readonly hoursPerFte: number;
  /** People working away from today's center (transfers begun, secondments running). */
  readonly away: number;
  /** Priority-weighted uncovered hours at the quantile planned for, with no change and with the plan. */
  readonly weightedUncoveredBefore: number;
  readonly weightedUncoveredAfter: number;
  /** Largest uncovered share among centers with the plan, percentage points. */
  readonly maxSharePct: number;
  /** Uncovered hours under each quantile of the forecast (P50, P80, P95), before and after. */
  readonly uncovered: readonly { readonly quantile: number; readonly before: number; readonly after: number }[];
  /** Every center, in the input's order, at the quantile planned for. */
  readonly centers: readonly ScheduleCenter[];
}

/** A lasting transfer with its reason in months (scheduleReasons.ts), read off the schedule's months. */
export interface ScheduledTransfer extends HorizonTransfer {
  readonly reason: Bilingual;
}

/** A secondment with its reason in months (scheduleReasons.ts). */
export interface ScheduledSecondment extends HorizonSecondment {
  readonly reason: Bilingual;
}

/**
 * The schedule of a plan over several months (the plan result's `schedule`, version 3): the months,
 * lasting transfers with their month, secondments with from and until, hires with their start,
 * cross-trainings; the plan result's other fields describe the first month.
 */
export interface PlanSchedule {
  readonly horizon: number;
  readonly from: Month;
  readonly until: Month;
  readonly months: readonly ScheduleMonth[];
  readonly transfers: readonly ScheduledTransfer[];
  readonly secondments: readonly ScheduledSecondment[];
  readonly hires: readonly HorizonHire[];
  readonly trainings: readonly HorizonTraining[];
}
