/**
 * Input of the plan model: who works where today, what work each center and field needs in the
 * period, and the rules every plan keeps. Built by the pipeline (dataset -> forecast -> workload)
 * or by hand in tests; the model never looks at anything else.
 */
import type { Center, CenterCode, CivilServant, Field, FieldId } from '../domain.ts';
import { ownValue } from '../ownValue.ts';

/** Hours of work one center needs in one field during the period. */
export interface RequiredHours {
  readonly centerCode: CenterCode;
  readonly field: FieldId;
  /** Hours in the period, >= 0. */
  readonly hours: number;
}

/**
 * Weights of the goals in one objective, all in "priority-weighted uncovered hours" units.
 * The defaults make the order lexicographic-ish: uncovered hours >> evenness >> disruption.
 */
export interface PlanWeights {
  /** Cost of one uncovered hour, multiplied by the field's priority. Default 1. */
  readonly uncovered: number;
  /**
   * Cost of one percentage point of the largest uncovered share among centers
   * (share = uncovered hours / required hours of the center). Default 1: a center of ~1,600
   * required hours gives 16 hours per point, so covering hours always comes first.
   */
  readonly evenness: number;
  /** Cost of one transfer (a person whose center changes). Default 4 hours. */
  readonly transfers: number;
  /** Cost of one km of added commute (new minus today's, counted only when longer). Default 0.2. */
  readonly commuteKm: number;
  /** Cost of one hire used (keeps allowed hires from being spent where they cover little). Default 2. */
  readonly hires: number;
  /** Plans over several months only (solver/horizon): cost of one person-month of secondment. Default 2. */
  readonly secondmentMonths: number;
  /** Plans over several months only: cost of cross-training one person. Default 2. */
  readonly training: number;
}

export const DEFAULT_WEIGHTS: PlanWeights = {
  uncovered: 1,
  evenness: 1,
  transfers: 4,
  commuteKm: 0.2,
  hires: 2,
  secondmentMonths: 2,
  training: 2,
};

/** The rules a plan keeps and the optional decisions it may take. */
export interface PlanRules {
  /** Most people whose center changes; null = unlimited. */
  readonly maxTransfers: number | null;
  /** Largest great-circle distance (km) from a person's home unit centroid to a center they move to. */
  readonly maxCommuteKm: number;
  /** Fewest people per center: one number for all, plus optional per-center overrides. */
  readonly minStaffPerCenter: number;
  readonly minStaffByCenter: Readonly<Record<CenterCode, number>>;
  /** Staff ids that must stay, in addition to those marked `locked` in the data. */
  readonly lockedStaffIds: readonly string[];
  /** New civil servants the plan may place, per field (each brings 1 FTE in that field only). */
  readonly hiresAllowedByField: Readonly<Record<FieldId, number>>;
  /** Whether to suggest cross-training (which person, which new field, hours it would cover). */
  readonly crossTraining: boolean;
  readonly weights: PlanWeights;
}

export const DEFAULT_RULES: PlanRules = {
  maxTransfers: 30,
  maxCommuteKm: 15,
  minStaffPerCenter: 0,
  minStaffByCenter: {},
  lockedStaffIds: [],
  hiresAllowedByField: {},
  crossTraining: true,
  weights: DEFAULT_WEIGHTS,
};

export interface PlanInput {
  readonly centers: readonly Center[];
  readonly fields: readonly Field[];
  readonly staff: readonly CivilServant[];
  readonly requiredHours: readonly RequiredHours[];
  /** Available hours of 1 FTE in the period, after productivity (e.g. 22 days x 8 h x 0.8 = 140.8). */
  readonly hoursPerFte: number;
  readonly rules: PlanRules;
}

/** Minimum headcount of one center under the rules. */
export const minStaffOf = (rules: PlanRules, centerCode: CenterCode): number =>
  ownValue(rules.minStaffByCenter, centerCode) ?? rules.minStaffPerCenter;
