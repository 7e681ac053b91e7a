/**
 * The calibration of norms against outcomes: its premises (the overtime band, the bounds of every
 * calibrated value), its result, and what a planner reads from it. The norms of fields.csv are
 * the prior; the history's outcomes (on time, late, pending) say where the load they give cannot
 * be what happened; calibrateNorms.ts fits effective minutes and per-center capacity factors to
 * them, and modelCheck.ts sets the load next to the outcomes, center by center and month by month.
 */
import type { CenterCode, FieldId, Month } from '../domain.ts';

/**
 * Most load a center sustains, as a multiple of its capacity, before work carries over: 40 hours
 * of overtime a month (the cap of the Labour Code 2019, art. 107) on about 134 available hours
 * (21 working days x 8 h x 0.80 productivity) is +30%. A month with nothing late and no backlog
 * can be at most this loaded; a month that closes with a backlog is taken to have worked at it.
 */
export const SUSTAINABLE_LOAD = 1.3;

/**
 * How far above SUSTAINABLE_LOAD a calm month must be to be flagged (3 points): the fit sets a
 * center's busiest calm month at the band itself whenever its capacity factor is above 1, and a
 * month's load is no finer than its dossier counts and staff list.
 */
export const FLAG_TOLERANCE = 0.03;

/**
 * Below this load a month that shows lateness or a backlog is implausible: a month's mean hides its
 * busiest weeks, so a center near 100% can slip a little, but at 80% the cause lies elsewhere
 * (missing papers, other agencies, people on the list who are not there).
 */
export const IMPLAUSIBLE_LOW_LOAD = 0.8;

/**
 * Each calibrated component (counter, online reception, processing minutes) stays within these
 * multiples of its official value: below 0.3 the procedure is not done by these people at all (the
 * staff list, not the norm, is wrong); above 1.5 the norm would be off by more than any procedure
 * change of the reform explains. Keeps every calibrated norm above zero.
 */
export const NORM_FACTOR_BOUNDS: readonly [lower: number, upper: number] = [0.3, 1.5];

/**
 * Largest capacity factor: the work a center gets done as a multiple of its listed staff's hours
 * (before overtime), the rest coming from people not on its list (the commune's specialists at the
 * desk, contract staff). A commune has some 32-70 positions (DOMAIN.md) and a center may list only
 * its desk staff (Phù Liễn: 5): up to three times the list's hours from outside it. Beyond that the
 * list does not describe the center.
 */
export const CAPACITY_FACTOR_MAX = 4;

/** Evidence below which a field's calibrated norm is reported as resting on the prior (3% of the binding hours). */
export const WEAK_EVIDENCE = 0.03;

/** First month calibrated by default: the two-level government's units (today's staff list describes them) start on 1 July 2025. */
export const CALIBRATION_FROM: Month = '2025-07';

/**
 * What a month's outcomes say about its load (outcomeSignals.ts):
 * `backlog`: it closed with more dossiers pending than their time limits explain (the center did
 * all it could: work done = sustainable load x capacity); `late`: more dossiers late than the
 * center's usual rate in that month of the city explains, without a backlog at the close (the load
 * reached its capacity at least); `calm`: neither (the work done was within the sustainable load).
 */
export type MonthSignal = 'backlog' | 'late' | 'calm';

/** Why a center and month took no part in the calibration or the check. */
export type ExcludedReason = 'no_outcomes' | 'no_staff' | 'no_dossiers' | 'before_window';

/** Minutes of one field: at the counter (direct), to receive an online dossier, and processing (either channel). */
export interface FieldMinutes {
  readonly counter: number;
  readonly online: number;
  readonly processing: number;
}

/** One field's official and calibrated norms. */
export interface CalibratedField {
  readonly field: FieldId;
  readonly official: FieldMinutes;
  readonly calibrated: FieldMinutes;
  /** Minutes per dossier on the listed staff: counter + processing, online + processing. */
  readonly officialDirect: number;
  readonly officialOnline: number;
  readonly calibratedDirect: number;
  readonly calibratedOnline: number;
  /** Calibrated / official - 1, per dossier at the field's channel mix of the fitted months. */
  readonly deviation: number;
  /** Components that ended on a bound of NORM_FACTOR_BOUNDS (the data would push them further). */
  readonly atBound: readonly (keyof FieldMinutes)[];
  /**
   * The field's share of the dossier hours (at official norms) of the months that bind the fit
   * (backlog or late months): below WEAK_EVIDENCE the data say little of it and its value stays
   * near the official norm.
   */
  readonly evidence: number;
}

/** One center's capacity factor and what the fit saw of it. */
export interface CenterCapacity {
  readonly centerCode: CenterCode;
  /** 1 = its listed staff do all its work; 2 = as much again comes from people not on the list. */
  readonly capacityFactor: number;
  /** Months of each signal in the fitted window. */
  readonly backlogMonths: number;
  readonly lateMonths: number;
  readonly calmMonths: number;
  /** Whether the factor ended on CAPACITY_FACTOR_MAX. */
  readonly atBound: boolean;
}

/** A problem found in the history that the calibration worked around, with where it is. */
export interface CalibrationWarning {
  /** `zero_norm`: a field and channel whose official minutes per dossier are 0 (fields.csv), so its calibrated ones are 0 too. */
  readonly code: 'calibration.no_staff' | 'calibration.incomplete_outcomes' | 'calibration.zero_norm';
  readonly params: Readonly<Record<string, string | number>>;
  readonly message: string;
}

/** Calibrated norms, or why there are none (then the official norms are used). */
export type NormCalibration =
  | {
      readonly ok: true;
      /** First and last month fitted. */
      readonly from: Month;
      readonly to: Month;
      readonly fields: readonly CalibratedField[];
      readonly centers: readonly CenterCapacity[];
      /** Center-months by signal, and those left out by reason. */
      readonly months: Readonly<Record<MonthSignal, number>>;
      readonly excluded: Readonly<Record<ExcludedReason, number>>;
      /** The LP's status, objective, size and HiGHS's own seconds. */
      readonly solver: { readonly status: string; readonly objective: number | null; readonly columns: number; readonly rows: number; readonly seconds: number };
      readonly warnings: readonly CalibrationWarning[];
    }
  | {
      readonly ok: false;
      readonly reason: 'no_outcomes' | 'no_months' | 'solver_failed';
      readonly message: string;
      readonly warnings: readonly CalibrationWarning[];
    };

/** Which norms a workload uses: the lever of a scenario (solver/scenario.ts). */
export type NormsChoice = 'official' | 'calibrated';

/** What a workload (and every figure built on it) was computed with, for a line on every screen. */
export interface NormsUsed {
  /** What was asked for. */
  readonly requested: NormsChoice;
  /** What was used: official when asked, or when no calibration was possible (`fallback` says why). */
  readonly used: NormsChoice;
  /** Months the calibration was fitted on, when calibrated norms were used. */
  readonly fittedFrom: Month | null;
  readonly fittedTo: Month | null;
  /** Why official norms were used although calibrated ones were asked for. */
  readonly fallback: 'no_outcomes' | 'no_months' | 'solver_failed' | null;
}
