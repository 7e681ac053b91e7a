/**
 * A scenario: the one plain JSON object of levers the web planner edits, the API stores and the
 * plan command reads (issue 4). Every lever is optional; `validateScenario` merges the defaults
 * below once and names every problem by its field and value. The API's wire schema
 * (api/schemas/scenarioSchemas.ts) carries the same names.
 *
 * {
 *   "period": "2026-11",                 month to plan for, YYYY-MM
 *   "quantile": 0.8,                     forecast quantile to staff to: 0.5, 0.8 or 0.95
 *   "productivity": 0.8,                 share of paid time that goes to dossiers, (0, 1]
 *   "unlistedAllowance": 0.1,            hours for requests outside the procedure list, share, [0, 1]
 *   "demandMultiplierByField": {"social_protection": 1.6},   dossier count x, per field, [0, 10]
 *   "demandMultiplierByCenter": {"11311": 1.2},              dossier count x, per center, [0, 10]
 *   "onlineShareShift": 0.15,            share points of dossiers moved from direct to online, [-1, 1]
 *   "normMultiplierByField": {"land": 0.9},                  minutes per dossier x, per field, [0, 10]
 *   "hiresAllowedByField": {"land": 10}, new civil servants the plan may place, per field
 *   "maxTransfers": 30,                  most people whose center changes; null = unlimited
 *   "maxCommuteKm": 15,                  km from home unit centroid to a new center, [0, 500]
 *   "minStaffPerCenter": 0, "minStaffByCenter": {"11311": 6},
 *   "lockedStaffIds": ["HP-000123"],     people who stay (besides those locked in the data)
 *   "crossTraining": true,               suggest cross-training
 *   "weights": {"uncovered": 1, "evenness": 1, "transfers": 4, "commuteKm": 0.2, "hires": 2},
 *   "timeLimitSeconds": 10,              solver time limit, [1, 600] s
 *   "norms": "official",                 workload by the official norms or by those calibrated on the history's outcomes
 *   "horizon": 12,                       months planned together from `period` (1 = the single month)
 *   "secondmentMonths": 60,              secondments (biệt phái) in person-months over the horizon
 *   "secondmentMinMonths": 2, "secondmentMaxMonths": 6,   length of one secondment, months
 *   "hireLeadMonths": 4,                 months before a hire can start (recruitment lead time)
 *   "staffQuota": null,                  people working plus hires in any month; null = today's + hires allowed
 *   "trainingBudget": 10, "trainingMonths": 1,            people cross-trained, months a training takes
 *   "maxLeavingPerCenter": null, "maxLeavingShare": 0.25, most people leaving one center over the horizon
 *   "overloadMarginHours": 20,           an overloaded center gives no one away for less (null = no rule)
 *   "moveHours": 140,                    what one move disrupts, h over the horizon (a secondment is two moves; null = weights.transfers)
 * }
 *
 * The levers from `secondmentMonths` on are the horizon's (solver/horizon/horizonRules.ts). Left out,
 * each gets its neutral value for a horizon of 1 (the plan is then today's single-month plan) and
 * its year default for more; moveHours, weights.secondmentMonths and weights.training price them.
 *
 * These ranges hold whatever the dataset (SCENARIO_LIMITS; the wire schema uses the same numbers).
 * What depends on the dataset (the months it can plan, at most its civil servants transferred or
 * hired per field, codes and staff ids it has) is checked by checkScenario.ts.
 */
import type { CenterCode, FieldId, Month } from './domain.ts';
import type { NormsChoice } from './workload/calibrationTypes.ts';
import type { Coded, MessageParams } from './messageCode.ts';
import { DEFAULT_RULES, DEFAULT_WEIGHTS, type PlanRules, type PlanWeights } from './plan/planInput.ts';
import { isMonth } from './forecast/months.ts';
import { HORIZON_LEVERS, NEUTRAL_HORIZON_RULES, YEAR_HORIZON_RULES, type HorizonRules } from './horizon/horizonRules.ts';

export interface Scenario extends HorizonRules {
  /** First month of the plan. */
  readonly period: Month;
  /** Months planned together, from `period` on; 1 = the single-month plan. */
  readonly horizon: number;
  readonly quantile: number;
  readonly productivity: number;
  readonly unlistedAllowance: number;
  readonly demandMultiplierByField: Readonly<Record<FieldId, number>>;
  readonly demandMultiplierByCenter: Readonly<Record<CenterCode, number>>;
  readonly onlineShareShift: number;
  readonly normMultiplierByField: Readonly<Record<FieldId, number>>;
  readonly hiresAllowedByField: Readonly<Record<FieldId, number>>;
  readonly maxTransfers: number | null;
  readonly maxCommuteKm: number;
  readonly minStaffPerCenter: number;
  readonly minStaffByCenter: Readonly<Record<CenterCode, number>>;
  readonly lockedStaffIds: readonly string[];
  readonly crossTraining: boolean;
  readonly weights: PlanWeights;
  readonly timeLimitSeconds: number;
  /** `official` (fields.csv) or `calibrated` (solver/workload/calibrateNorms.ts, official when the history has no outcomes). */
  readonly norms: NormsChoice;
}

/** Defaults: the month after the embedded history (Oct 2026), P80, the plan rules' defaults. */
export const DEFAULT_SCENARIO: Scenario = {
  period: '2026-11',
  quantile: 0.8,
  productivity: 0.8,
  unlistedAllowance: 0.1,
  demandMultiplierByField: {},
  demandMultiplierByCenter: {},
  onlineShareShift: 0,
  normMultiplierByField: {},
  hiresAllowedByField: {},
  maxTransfers: DEFAULT_RULES.maxTransfers,
  maxCommuteKm: DEFAULT_RULES.maxCommuteKm,
  minStaffPerCenter: DEFAULT_RULES.minStaffPerCenter,
  minStaffByCenter: {},
  lockedStaffIds: [],
  crossTraining: DEFAULT_RULES.crossTraining,
  weights: DEFAULT_WEIGHTS,
  timeLimitSeconds: 10,
  // Official by default: a scenario saved before this lever keeps its plan (a plan is a function of
  // the dataset and its scenario), positions are allotted by the official norms, and calibrated
  // ones are an estimate a planner chooses after reading the model check (a city without outcome
  // columns has none).
  norms: 'official',
  horizon: 1,
  ...NEUTRAL_HORIZON_RULES,
};

/**
 * Codes of scenario problems (see solver/messageCode.ts), with their params:
 * `scenario.not_object`; `scenario.unknown_lever` {known}; `scenario.unknown_weight` {known};
 * `scenario.number`; `scenario.whole_number`; `scenario.range` {min, max}; `scenario.above_zero`;
 * `scenario.month`; `scenario.quantile` {allowed}; `scenario.boolean`; `scenario.staff_ids`;
 * `scenario.object`; `scenario.one_of` {allowed}; across levers `scenario.secondment_range` {max}, `scenario.lead_time` {horizon},
 * `scenario.training_time` {horizon}, `scenario.secondment_too_long` {horizon}. `known` and `allowed` are comma-separated lists. The dataset-tied codes of
 * checkScenario.ts: `scenario.period_unplannable` {first, last, horizon, calendarFrom, calendarTo,
 * defaultPeriod when the period was left out}; `scenario.horizon_past_forecast` {last, lastMonth}; `scenario.above_staff` {max}; `scenario.unknown_names` {kind: staff, field
 * or center; values, comma-separated}.
 */
export type ScenarioProblemCode =
  | 'scenario.not_object'
  | 'scenario.unknown_lever'
  | 'scenario.unknown_weight'
  | 'scenario.number'
  | 'scenario.whole_number'
  | 'scenario.range'
  | 'scenario.above_zero'
  | 'scenario.month'
  | 'scenario.quantile'
  | 'scenario.boolean'
  | 'scenario.staff_ids'
  | 'scenario.object'
  | 'scenario.secondment_range'
  | 'scenario.lead_time'
  | 'scenario.training_time'
  | 'scenario.secondment_too_long'
  | 'scenario.period_unplannable'
  | 'scenario.horizon_past_forecast'
  | 'scenario.above_staff'
  | 'scenario.unknown_names'
  | 'scenario.one_of';

/** What is wrong with one lever's value: the English sentence, its code and params. */
export interface ScenarioVerdict extends Coded<ScenarioProblemCode> {
  readonly message: string;
}

export interface ScenarioProblem extends ScenarioVerdict {
  /** Path of the lever, e.g. `weights.evenness` or `demandMultiplierByField.land`. */
  readonly field: string;
  readonly value: unknown;
}

export type ScenarioResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly problems: readonly ScenarioProblem[] };

/**
 * Ranges of the levers whatever the dataset, shared with the wire schema
 * (api/schemas/scenarioSchemas.ts) so that the two cannot drift apart.
 */
export const SCENARIO_LIMITS = {
  /** Dossier counts or minutes per dossier times at most 10: beyond any month a city has seen. */
  multiplier: { min: 0, max: 10 },
  onlineShareShift: { min: -1, max: 1 },
  /** People; the dataset's civil servants bound it further (checkScenario). About 200,000 in the whole country. */
  maxTransfers: { min: 0, max: 1_000_000 },
  /** Km from the home unit's centroid; Hai Phong's farthest center (Bạch Long Vĩ island) is about 130 km out. */
  maxCommuteKm: { min: 0, max: 500 },
  /** People per center. */
  minStaff: { min: 0, max: 1000 },
  /** New civil servants per field; the dataset's civil servants bound it further (checkScenario). */
  hires: { min: 0, max: 100_000 },
  weight: { min: 0, max: 1e6 },
  /** Seconds: a worker still busy at 3 x this + 120 s is stopped (api/jobs/planJobs.ts). */
  timeLimitSeconds: { min: 1, max: 600 },
  /** Months planned together; the forecast's reach bounds it further (checkScenario). */
  horizon: { min: 1, max: 36 },
  /** Months: a secondment's length, a lead time, a training's length. */
  months: { min: 0, max: 36 },
  /** Person-months of secondments, people trained, the staff quota. */
  people: { min: 0, max: 1_000_000 },
  /** Hours a month. */
  marginHours: { min: 0, max: 1e6 },
} as const;

const L = SCENARIO_LIMITS;

const verdict = (code: ScenarioProblemCode, message: string, params: MessageParams = {}): ScenarioVerdict => ({ code, params, message });

type Check = (value: unknown) => ScenarioVerdict | null;
const num = (min: number, max: number, integer = false): Check => (v) =>
  typeof v !== 'number' || !Number.isFinite(v)
    ? verdict('scenario.number', 'must be a number')
    : integer && !Number.isInteger(v)
      ? verdict('scenario.whole_number', 'must be a whole number')
      : v < min || v > max
        ? verdict('scenario.range', `must be between ${min} and ${max}`, { min, max })
        : null;
/** Between 0 and `max`, and not 0. */
const positive = (max: number): Check => (v) => num(0, max)(v) ?? ((v as number) > 0 ? null : verdict('scenario.above_zero', 'must be above 0'));
const nullable = (check: Check): Check => (v) => (v === null ? null : check(v));
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// Maps, not plain objects: a lever named `constructor` or `toString` must not find Object.prototype's.
const CHECKS: ReadonlyMap<string, Check> = new Map<string, Check>([
  ['period', (v) => (typeof v === 'string' && isMonth(v) ? null : verdict('scenario.month', 'must be a month YYYY-MM'))],
  ['quantile', (v) => (v === 0.5 || v === 0.8 || v === 0.95 ? null : verdict('scenario.quantile', 'must be 0.5, 0.8 or 0.95', { allowed: '0.5, 0.8, 0.95' }))],
  ['productivity', positive(1)],
  ['unlistedAllowance', num(0, 1)],
  ['onlineShareShift', num(L.onlineShareShift.min, L.onlineShareShift.max)],
  ['maxTransfers', (v) => (v === null ? null : num(L.maxTransfers.min, L.maxTransfers.max, true)(v))],
  ['maxCommuteKm', num(L.maxCommuteKm.min, L.maxCommuteKm.max)],
  ['minStaffPerCenter', num(L.minStaff.min, L.minStaff.max, true)],
  ['crossTraining', (v) => (typeof v === 'boolean' ? null : verdict('scenario.boolean', 'must be true or false'))],
  ['timeLimitSeconds', num(L.timeLimitSeconds.min, L.timeLimitSeconds.max)],
  ['horizon', num(L.horizon.min, L.horizon.max, true)],
  ['secondmentMonths', num(L.people.min, L.people.max, true)],
  ['secondmentMinMonths', num(1, L.months.max, true)],
  ['secondmentMaxMonths', num(1, L.months.max, true)],
  ['hireLeadMonths', num(L.months.min, L.months.max, true)],
  ['staffQuota', nullable(num(L.people.min, L.people.max, true))],
  ['trainingBudget', num(L.people.min, L.people.max, true)],
  ['trainingMonths', num(1, L.months.max, true)],
  ['maxLeavingPerCenter', nullable(num(L.people.min, L.people.max, true))],
  ['maxLeavingShare', nullable(positive(1))],
  ['overloadMarginHours', nullable(num(L.marginHours.min, L.marginHours.max))],
  ['moveHours', nullable(num(L.marginHours.min, L.marginHours.max))],
  ['norms', (v) => (v === 'official' || v === 'calibrated' ? null : verdict('scenario.one_of', 'must be one of official, calibrated', { allowed: 'official, calibrated' }))],
]);
const RECORDS: ReadonlyMap<string, Check> = new Map<string, Check>([
  ['demandMultiplierByField', num(L.multiplier.min, L.multiplier.max)],
  ['demandMultiplierByCenter', num(L.multiplier.min, L.multiplier.max)],
  ['normMultiplierByField', num(L.multiplier.min, L.multiplier.max)],
  ['hiresAllowedByField', num(L.hires.min, L.hires.max, true)],
  ['minStaffByCenter', num(L.minStaff.min, L.minStaff.max, true)],
  ['weights', num(L.weight.min, L.weight.max)],
]);

/**
 * Checks a JSON value as a scenario and fills in the defaults. Unknown levers are problems (a typo
 * must not silently fall back to a default). Pure.
 */
export const validateScenario = (json: unknown): ScenarioResult => {
  if (!isRecord(json)) return { ok: false, problems: [{ field: '', value: json, ...verdict('scenario.not_object', 'a scenario must be a JSON object') }] };
  const problems: ScenarioProblem[] = [];
  const known = new Set([...CHECKS.keys(), ...RECORDS.keys(), 'lockedStaffIds']);
  const knownLevers = [...known].sort();
  for (const [key, value] of Object.entries(json)) {
    if (!known.has(key)) {
      problems.push({ field: key, value, ...verdict('scenario.unknown_lever', `unknown lever; known: ${knownLevers.join(', ')}`, { known: knownLevers.join(', ') }) });
      continue;
    }
    const check = CHECKS.get(key);
    if (check) {
      const found = check(value);
      if (found) problems.push({ field: key, value, ...found });
    } else if (key === 'lockedStaffIds') {
      if (!Array.isArray(value) || value.some((id) => typeof id !== 'string')) {
        problems.push({ field: key, value, ...verdict('scenario.staff_ids', 'must be a list of staff ids') });
      }
    } else if (!isRecord(value)) {
      problems.push({ field: key, value, ...verdict('scenario.object', 'must be an object') });
    } else {
      const entryCheck = RECORDS.get(key) as Check;
      for (const [name, v] of Object.entries(value)) {
        if (key === 'weights' && !Object.hasOwn(DEFAULT_WEIGHTS, name)) {
          const weights = Object.keys(DEFAULT_WEIGHTS).join(', ');
          problems.push({ field: `weights.${name}`, value: v, ...verdict('scenario.unknown_weight', `unknown weight; known: ${weights}`, { known: weights }) });
          continue;
        }
        const found = entryCheck(v);
        if (found) problems.push({ field: `${key}.${name}`, value: v, ...found });
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const given = json as Partial<Scenario>;
  const horizon = given.horizon ?? DEFAULT_SCENARIO.horizon;
  // Horizon levers left out: neutral for one month (today's plan), the year's defaults for more.
  const horizonDefaults: HorizonRules = horizon === 1 ? NEUTRAL_HORIZON_RULES : YEAR_HORIZON_RULES;
  const scenario: Scenario = { ...DEFAULT_SCENARIO, ...horizonDefaults, ...given, weights: { ...DEFAULT_WEIGHTS, ...given.weights } };
  const across = acrossLevers(scenario);
  return across.length > 0 ? { ok: false, problems: across } : { ok: true, scenario };
};

/**
 * Problems between levers, each named on the lever to change: a secondment minimum above its
 * maximum; a lead time, training or shortest secondment that does not fit in the horizon while the
 * plan may hire, train or second (nothing could start: said, not planned as zero).
 */
const acrossLevers = (s: Scenario): ScenarioProblem[] => {
  const out: ScenarioProblem[] = [];
  const months = `${s.horizon} month${s.horizon === 1 ? '' : 's'}`;
  if (s.secondmentMinMonths > s.secondmentMaxMonths) {
    out.push({ field: 'secondmentMinMonths', value: s.secondmentMinMonths, ...verdict('scenario.secondment_range', `must be at most secondmentMaxMonths (${s.secondmentMaxMonths})`, { max: s.secondmentMaxMonths }) });
  }
  if (s.secondmentMonths > 0 && s.secondmentMinMonths > s.horizon) {
    out.push({ field: 'secondmentMinMonths', value: s.secondmentMinMonths, ...verdict('scenario.secondment_too_long', `must fit in the horizon of ${months}: no secondment could be made`, { horizon: s.horizon }) });
  }
  if (Object.values(s.hiresAllowedByField).some((n) => n > 0) && s.hireLeadMonths >= s.horizon) {
    out.push({ field: 'hireLeadMonths', value: s.hireLeadMonths, ...verdict('scenario.lead_time', `must be shorter than the horizon of ${months}: no hire could start within it`, { horizon: s.horizon }) });
  }
  if (s.trainingBudget > 0 && s.trainingMonths >= s.horizon) {
    out.push({ field: 'trainingMonths', value: s.trainingMonths, ...verdict('scenario.training_time', `must be shorter than the horizon of ${months}: no training could end within it`, { horizon: s.horizon }) });
  }
  return out;
};

/** The horizon's rules a scenario sets (solver/horizon/horizonRules.ts). */
export const scenarioHorizonRules = (s: Scenario): HorizonRules =>
  Object.fromEntries(HORIZON_LEVERS.map((k) => [k, s[k]])) as unknown as HorizonRules;

/** The plan rules a scenario sets. */
export const scenarioRules = (s: Scenario): PlanRules => ({
  maxTransfers: s.maxTransfers,
  maxCommuteKm: s.maxCommuteKm,
  minStaffPerCenter: s.minStaffPerCenter,
  minStaffByCenter: s.minStaffByCenter,
  lockedStaffIds: s.lockedStaffIds,
  hiresAllowedByField: s.hiresAllowedByField,
  crossTraining: s.crossTraining,
  weights: s.weights,
});

/** One problem as a line a planner can act on: `weights.evenness = -1: must be between 0 and 1000000`. */
export const formatScenarioProblem = (p: ScenarioProblem): string =>
  `${p.field || 'scenario'} = ${JSON.stringify(p.value)}: ${p.message}`;
