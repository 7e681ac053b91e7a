/**
 * The plan result: the one object every surface renders (the planner's screens, the memo, the
 * workbook, the CSV, the command line, the API's /api/plans/:id/result). Versioned: `version` grows
 * when a field's meaning changes. Every figure in it comes from one accounting (planLedger.ts), so
 * the same figure is the same number everywhere, and a plan that does not exist (infeasible, failed)
 * has no figures at all: `outcome` is null and `infeasibility` says why.
 *
 * Units: hours are hours of work in the period; FTE are full-time civil servants (hours / hoursPerFte);
 * utilization is required over available hours (1 = 100%); km are great-circle km between unit
 * centroids. Sentences come in both languages (`{ vi, en }`), built once by the solver.
 */
import type { Scenario } from '../scenario.ts';
import type { NormsUsed } from '../workload/calibrationTypes.ts';
import type { Assignment, Hire, PlanQuality, PlanStatus } from './plan.ts';
import type { RuleId } from './planRules.ts';
import type { CenterLedger, LedgerStep } from './planLedger.ts';
import type { PlanSchedule } from '../horizon/horizonPlan.ts';

// 3: `schedule`, the plan over several months (issue 13).
export const PLAN_RESULT_VERSION = 3;

/** A sentence in both languages. */
export interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

/** City-wide figures of one side of the plan (before = today's staff, no hire; after = the plan). */
export interface CityFigures {
  readonly requiredHours: number;
  readonly uncoveredHours: number;
  /** Uncovered hours weighted by field priority (what the plan minimises first). */
  readonly weightedUncoveredHours: number;
  readonly overloadedCenters: number;
  readonly maxUtilization: number;
  /** Standard deviation of utilization across centers with staff. */
  readonly utilizationSpread: number;
  /** People working (after: with hires). */
  readonly staff: number;
  /** FTE the required hours need (required / hours per FTE). */
  readonly fteNeeded: number;
  /** FTE the uncovered hours would need: the people short, given who holds which expertise. */
  readonly fteShort: number;
  readonly fteShortByField: Readonly<Record<string, number>>;
  readonly transfers: number;
  readonly hires: number;
  readonly addedCommuteKm: number;
}

/** One field of a center, before and after. */
export interface FieldFigures {
  readonly field: string;
  readonly requiredHours: number;
  readonly coveredBefore: number;
  readonly coveredAfter: number;
  readonly uncoveredBefore: number;
  readonly uncoveredAfter: number;
  /** FTE the field needs, has (covered hours / hours per FTE) and lacks, before and after. */
  readonly fteNeeded: number;
  readonly fteBefore: number;
  readonly fteAfter: number;
  readonly fteShortBefore: number;
  readonly fteShortAfter: number;
}

/** One center: its figures before and after and its ledger (the steps that add up to the change). */
export interface CenterResult {
  readonly centerCode: string;
  readonly name: string;
  readonly requiredHours: number;
  readonly staffBefore: number;
  readonly staffAfter: number;
  readonly availableBefore: number;
  readonly availableAfter: number;
  readonly utilizationBefore: number | null;
  readonly utilizationAfter: number | null;
  readonly uncoveredBefore: number;
  readonly uncoveredAfter: number;
  readonly fteNeeded: number;
  /** FTE of the people there (their FTE summed; after: with hires). */
  readonly fteBefore: number;
  readonly fteAfter: number;
  /** FTE the center's uncovered hours would need. */
  readonly fteShortBefore: number;
  readonly fteShortAfter: number;
  readonly fields: readonly FieldFigures[];
  readonly steps: readonly LedgerStep[];
  /** e.g. "Phù Liễn cần thêm 21 người, trong đó 8 đất đai" (before the plan); null when it lacks nobody. */
  readonly shortSentence: Bilingual | null;
}

/** One side of a move: the center's step for this person (arrival or departure). */
export interface MoveSide {
  readonly centerCode: string;
  /** The step's change in covered hours in all fields (arrival >= 0, departure <= 0). */
  readonly change: number;
  readonly fields: LedgerStep['fields'];
  /** The center over the whole plan. */
  readonly uncoveredBefore: number;
  readonly uncoveredAfter: number;
  readonly utilizationBefore: number | null;
  readonly utilizationAfter: number | null;
}

/** A civil servant whose center changes, and why, from the ledger. */
export interface MoveReason {
  readonly staffId: string;
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly expertise: readonly string[];
  /** Commute from the home unit to the new center, and the increase over today's (>= 0; 0 when shorter). */
  readonly homeKm: number;
  readonly addedCommuteKm: number;
  /** Hours at the new center by field, in the plan. */
  readonly hours: Readonly<Record<string, number>>;
  /** Their own hours in the arrival step, by field (what they do themselves when they arrive). */
  readonly ownHours: Readonly<Record<string, number>>;
  readonly atDestination: MoveSide;
  readonly atOrigin: MoveSide;
  /** The destination's minimum headcount, when the move covers nothing and is needed to keep it. */
  readonly keepsMinimum: number | null;
  readonly sentence: Bilingual;
}

/** A person with (nearly) no work in the plan: where they are, what they could do. */
export interface IdlePerson {
  readonly staffId: string;
  readonly name: string;
  readonly centerCode: string;
  readonly expertise: readonly string[];
  readonly availableHours: number;
  readonly idleHours: number;
  /** Centers within the commute radius short in one of their fields after the plan (most short first, at most 3). */
  readonly couldHelp: readonly { readonly centerCode: string; readonly field: string; readonly uncoveredHours: number }[];
}

export interface ShadowPrice {
  readonly centerCode: string;
  readonly field: string;
  /** Extra hours covered by one more person (1 FTE) with only this expertise at this center. */
  readonly hoursCovered: number;
}

export interface CrossTraining {
  readonly staffId: string;
  readonly centerCode: string;
  readonly field: string;
  /** Extra hours the center covers if this person also handled `field`. */
  readonly hoursCovered: number;
}

/** What the scenario's demand levers add to the workload, against the same period without them. */
export interface DemandChange {
  readonly requiredHours: number;
  readonly baselineRequiredHours: number;
  /** (required - baseline) / hours per FTE. */
  readonly addedFte: number;
}

/** How much of the shortage a plan with every transfer allowed could close, and what only hiring or training can. */
export interface ShortageSplit {
  /** FTE short before any move. */
  readonly fteShort: number;
  /** FTE that moving people within the commute radius can close at most (a valid bound) and with the plan found. */
  readonly transfersCanCloseAtMost: number;
  readonly transfersCloseFound: number;
  /** FTE short even after the unlimited-transfer plan, by field: only hires or cross-training close these. */
  readonly remainingByField: Readonly<Record<string, number>>;
  readonly sentence: Bilingual;
}

/** Everything a plan that exists says. */
export interface PlanOutcome {
  readonly before: CityFigures;
  readonly after: CityFigures;
  readonly centers: readonly CenterResult[];
  readonly moves: readonly MoveReason[];
  readonly hires: readonly Hire[];
  readonly assignments: readonly Assignment[];
  readonly idle: readonly IdlePerson[];
  readonly shadowPrices: readonly ShadowPrice[];
  readonly crossTraining: readonly CrossTraining[];
  readonly demand: DemandChange | null;
  readonly shortage: ShortageSplit | null;
  /** The headline in words: "Giờ thiếu giảm từ 33.873 xuống 29.841 (−11,9%) với 30 lượt điều động". */
  readonly headline: Bilingual;
}

/** One conflict between rules, in words. */
export interface ConflictResult {
  readonly code: string;
  readonly rules: readonly RuleId[];
  readonly centers: readonly string[];
  readonly text: Bilingual;
}

/** Why no plan exists: the key conflict first, then the others grouped by the rules they involve. */
export interface Infeasibility {
  readonly lead: ConflictResult;
  readonly groups: readonly { readonly rules: readonly RuleId[]; readonly title: Bilingual; readonly conflicts: readonly ConflictResult[] }[];
}

export interface PlanResult {
  readonly version: typeof PLAN_RESULT_VERSION;
  readonly status: PlanStatus;
  /** The solver's verdict in words. */
  readonly verdict: Bilingual;
  readonly quality: Pick<PlanQuality, 'objective' | 'bound' | 'boundKind' | 'gap' | 'seconds' | 'modelSize'> & { readonly message: string };
  /** The scenario solved, every lever with its value (defaults filled in). */
  readonly scenario: Scenario;
  readonly period: string;
  readonly quantile: number;
  readonly hoursPerFte: number;
  /** Where the period's demand comes from: `forecast` (P50/P80/P95 of the forecasts) or `history` (the month's counts). */
  readonly demandSource: string;
  /** The norms the workload was computed with, and the line that says so on every surface. */
  readonly norms: NormsUsed;
  readonly normsSentence: Bilingual;
  /** Null exactly when no plan exists (status infeasible or error, or no plan found in time). */
  readonly outcome: PlanOutcome | null;
  readonly infeasibility: Infeasibility | null;
  /** A plan over several months (scenario.horizon > 1): its schedule; the fields above describe its first month. Null for one month. */
  readonly schedule: PlanSchedule | null;
}

/** The ledger type, re-exported for surfaces that walk the steps. */
export type { CenterLedger, LedgerStep };
