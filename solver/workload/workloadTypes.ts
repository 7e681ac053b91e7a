/**
 * The workload module's inputs and results: what a chosen period and forecast quantile ask of each
 * center and field, what today's staff can give, and where the hours fall short.
 */
import type { CenterCode, FieldId, Month } from '../domain.ts';
import type { NormsChoice, NormsUsed } from './calibrationTypes.ts';

/** Levers of a workload computation; every optional one says its default. */
export interface WorkloadOptions {
  /** The month to staff for, `YYYY-MM`. A month with history uses the history's received counts. */
  readonly period: Month;
  /** Forecast quantile to staff to: 0.5 (P50), 0.8 (P80) or 0.95 (P95). Ignored for a history month. */
  readonly quantile: number;
  /**
   * What the quantile applies to: `center` (default) = each center's required hours, assuming
   * independent series errors; `series` = every center x field x channel series on its own (far
   * more cautious: their sum is well above the center's quantile). See periodDemand.ts.
   */
  readonly quantileScope?: 'center' | 'series';
  /** Share of paid time that goes to dossiers. Default 0.80. */
  readonly productivity?: number;
  /** Allowance for requests outside the procedure list, share of dossier hours. Default 0.10. */
  readonly unlistedAllowance?: number;
  /** Multiplier of dossier counts per field (1.6 = a +60% wave). Default 1 for every field. */
  readonly demandMultiplierByField?: Readonly<Record<FieldId, number>>;
  /** Multiplier of dossier counts per center. Default 1 for every center. */
  readonly demandMultiplierByCenter?: Readonly<Record<CenterCode, number>>;
  /**
   * Shift of the online share, in share points of all dossiers (of each center and field):
   * +0.15 moves 15% of all dossiers from direct to online (never more than the direct ones),
   * -0.10 moves 10% back from online to direct (never more than the online ones). Default 0.
   */
  readonly onlineShareShift?: number;
  /** Multiplier of every norm (counter, online reception, processing) per field. Default 1. */
  readonly normMultiplierByField?: Readonly<Record<FieldId, number>>;
  /** Share of a day's direct arrivals that come in the busiest hour. Default 0.18. */
  readonly peakHourShare?: number;
  /** Waiting-time target at the counter at the peak hour, minutes. Default 15. */
  readonly targetWaitMinutes?: number;
  /** Share of citizens who must wait at most `targetWaitMinutes`. Default 0.8. */
  readonly serviceLevel?: number;
  /**
   * `official` (default): the norms of fields.csv; `calibrated`: the minutes and capacity factors
   * fitted to the history's outcomes (calibrateNorms.ts), or the official ones when the history
   * cannot be calibrated (CityWorkload.norms says which, and why).
   */
  readonly norms?: NormsChoice;
}

/** One center and field in the period. Hours include the unlisted-request allowance. */
export interface CenterFieldWorkload {
  readonly centerCode: CenterCode;
  readonly field: FieldId;
  /** Dossiers expected at the counter and online in the period (after the levers). */
  readonly direct: number;
  readonly online: number;
  readonly requiredHours: number;
  /** Hours today's staff of the center can give to this field in the best allocation. */
  readonly coveredHours: number;
  /** requiredHours - coveredHours, >= 0: the shortfall. */
  readonly uncoveredHours: number;
  /** Today's staff of the center who hold this expertise, and their available hours. */
  readonly expertStaff: number;
  readonly expertHours: number;
  /** requiredHours / expertHours; null when nobody holds the expertise (see uncoveredHours). */
  readonly utilization: number | null;
}

/**
 * Why a field stays short: `no_expertise` = nobody at the center holds it; `too_few_experts` = its
 * required hours exceed all available hours of the people who hold it (even if they did nothing
 * else); `center_overloaded` = its experts could cover it, but the center's work as a whole exceeds
 * its people's hours, and the best allocation leaves this field short.
 */
export type ShortReason = 'no_expertise' | 'too_few_experts' | 'center_overloaded';

/** A field in which a center cannot cover its hours with today's staff. */
export interface ShortField {
  readonly field: FieldId;
  readonly requiredHours: number;
  readonly uncoveredHours: number;
  /** Today's staff who hold the field, and their available hours. */
  readonly expertStaff: number;
  readonly expertHours: number;
  readonly reason: ShortReason;
}

/** One center in the period, with today's staff. */
export interface CenterWorkload {
  readonly centerCode: CenterCode;
  /** Hours the listed staff must give: the work at the norms in use, over the capacity factor. */
  readonly requiredHours: number;
  /** Work done per hour of the listed staff (1 with official norms; calibrateNorms.ts). */
  readonly capacityFactor: number;
  /** Available hours of today's staff: sum of fte x hours per FTE. */
  readonly availableHours: number;
  /** requiredHours / availableHours (> 1 = overloaded); null when the center has no staff. */
  readonly utilization: number | null;
  readonly staffCount: number;
  /** Sum of today's staff's fte. */
  readonly staffFte: number;
  /** requiredHours / hours per FTE. */
  readonly requiredFte: number;
  readonly coveredHours: number;
  readonly uncoveredHours: number;
  /** Direct dossiers per working day, and citizens arriving in the peak hour. */
  readonly directPerDay: number;
  readonly peakArrivalsPerHour: number;
  /** Counters open at the peak hour to meet the waiting-time target (Erlang C), and desks today. */
  readonly countersNeeded: number;
  readonly desks: number;
  /** Fields with at least SHORT_FIELD_MIN_HOURS uncovered, largest priority-weighted shortfall first. */
  readonly shortFields: readonly ShortField[];
}

/** City totals over all centers. */
export interface CityTotals {
  readonly requiredHours: number;
  readonly availableHours: number;
  readonly utilization: number | null;
  readonly coveredHours: number;
  readonly uncoveredHours: number;
  readonly staffCount: number;
  readonly staffFte: number;
  readonly requiredFte: number;
  readonly direct: number;
  readonly online: number;
  /** Centers with utilization > 1, and below IDLE_UTILIZATION (0.6). */
  readonly overloadedCenters: number;
  readonly idleCenters: number;
  readonly countersNeeded: number;
  readonly desks: number;
}

/** The workload of the city in one period. */
export interface CityWorkload {
  readonly period: Month;
  readonly quantile: number;
  /** Where the dossier counts came from: the history (a past month) or the forecasts. */
  readonly source: 'history' | 'forecast';
  readonly workingDays: number;
  /** Available hours of 1 FTE in the period (the plan model's unit of capacity). */
  readonly hoursPerFte: number;
  /** The options with every default filled in. */
  readonly options: Required<WorkloadOptions>;
  /** Which norms the hours are computed with (and, for calibrated ones, the months they were fitted on). */
  readonly norms: NormsUsed;
  readonly fields: readonly CenterFieldWorkload[];
  readonly centers: readonly CenterWorkload[];
  readonly totals: CityTotals;
}
