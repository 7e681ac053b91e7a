/**
 * Wire schemas of saved scenarios. The levers follow the plan issue and the names of
 * solver/workload/workloadTypes.ts (WorkloadOptions) and solver/plan/planInput.ts (PlanRules); the
 * compile-time checks below keep them in step with those types, and the ranges are the solver's
 * (SCENARIO_LIMITS). What depends on the dataset is checked after the schema, by
 * api/routes/scenarioCheck.ts, on every route that saves or solves levers.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { PlanRules, PlanWeights } from '../../solver/plan/planInput.ts';
import type { HorizonRules } from '../../solver/horizon/horizonRules.ts';
import { SCENARIO_LIMITS as L } from '../../solver/scenario.ts';
import type { WorkloadOptions } from '../../solver/workload/workloadTypes.ts';
import { List, type Agrees, type Assert } from './common.ts';
import { MONTH_PATTERN } from '../../solver/forecast/months.ts';

const Multipliers = (what: string) =>
  Type.Record(Type.String({ minLength: 1 }), Type.Number({ minimum: L.multiplier.min, maximum: L.multiplier.max }), { description: `multiplier per ${what}; 1 = unchanged` });

const Weight = () => Type.Optional(Type.Number({ minimum: L.weight.min, maximum: L.weight.max }));

export const WeightsSchema = Type.Object({
  uncovered: Weight(),
  evenness: Weight(),
  transfers: Weight(),
  commuteKm: Weight(),
  hires: Weight(),
  secondmentMonths: Weight(),
  training: Weight(),
}, { additionalProperties: false });

/** The levers of one plan; every one is optional and has the solver's default. */
export const ScenarioSchema = Type.Object({
  period: Type.Optional(Type.String({ pattern: MONTH_PATTERN, description: 'month to plan for, YYYY-MM: in the active dataset\'s history or the 12 months forecast after it' })),
  quantile: Type.Optional(Type.Union([Type.Literal(0.5), Type.Literal(0.8), Type.Literal(0.95)], { description: 'forecast quantile to staff to' })),
  productivity: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1 })),
  unlistedAllowance: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  demandMultiplierByField: Type.Optional(Multipliers('field')),
  demandMultiplierByCenter: Type.Optional(Multipliers('center')),
  onlineShareShift: Type.Optional(Type.Number({ minimum: L.onlineShareShift.min, maximum: L.onlineShareShift.max, description: 'share points moved from direct to online' })),
  normMultiplierByField: Type.Optional(Multipliers('field')),
  maxTransfers: Type.Optional(Type.Union([Type.Null(), Type.Integer({ minimum: L.maxTransfers.min, maximum: L.maxTransfers.max })], { description: 'null = unlimited; at most the active dataset\'s civil servants' })),
  maxCommuteKm: Type.Optional(Type.Number({ minimum: L.maxCommuteKm.min, maximum: L.maxCommuteKm.max })),
  minStaffPerCenter: Type.Optional(Type.Integer({ minimum: L.minStaff.min, maximum: L.minStaff.max })),
  minStaffByCenter: Type.Optional(Type.Record(Type.String(), Type.Integer({ minimum: L.minStaff.min, maximum: L.minStaff.max }), { description: 'by center code of the active dataset' })),
  lockedStaffIds: Type.Optional(List(Type.String(), { maxItems: 100_000, description: 'staff ids of the active dataset' })),
  hiresAllowedByField: Type.Optional(Type.Record(Type.String(), Type.Integer({ minimum: L.hires.min, maximum: L.hires.max }), { description: 'by field code of the active dataset; each at most its civil servants' })),
  crossTraining: Type.Optional(Type.Boolean()),
  weights: Type.Optional(WeightsSchema),
  timeLimitSeconds: Type.Optional(Type.Number({ minimum: L.timeLimitSeconds.min, maximum: L.timeLimitSeconds.max })),
  horizon: Type.Optional(Type.Integer({ minimum: L.horizon.min, maximum: L.horizon.max, description: 'months planned together from `period`; 1 = the single-month plan; the last must be in the forecast' })),
  secondmentMonths: Type.Optional(Type.Integer({ minimum: L.people.min, maximum: L.people.max, description: 'secondments in person-months over the horizon; default 0 for one month, 60 for more' })),
  secondmentMinMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: L.months.max, description: 'shortest secondment, months (default 2); at most secondmentMaxMonths' })),
  secondmentMaxMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: L.months.max, description: 'longest secondment, months (default 6)' })),
  hireLeadMonths: Type.Optional(Type.Integer({ minimum: L.months.min, maximum: L.months.max, description: 'months before a hire can start; default 0 for one month, 4 for more; shorter than the horizon when hires are allowed' })),
  staffQuota: Type.Optional(Type.Union([Type.Null(), Type.Integer({ minimum: L.people.min, maximum: L.people.max })], { description: 'people working plus hires in any month; null = today\'s headcount plus the hires allowed' })),
  trainingBudget: Type.Optional(Type.Integer({ minimum: L.people.min, maximum: L.people.max, description: 'people cross-trained; default 0 for one month, 10 for more' })),
  trainingMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: L.months.max, description: 'months a training takes (alongside the person\'s work), default 1; shorter than the horizon when training is allowed' })),
  maxLeavingPerCenter: Type.Optional(Type.Union([Type.Null(), Type.Integer({ minimum: L.people.min, maximum: L.people.max })], { description: 'most people leaving one center over the horizon; null = no limit' })),
  maxLeavingShare: Type.Optional(Type.Union([Type.Null(), Type.Number({ exclusiveMinimum: 0, maximum: 1 })], { description: 'the same as a share of the center\'s staff today; default null for one month, 0.25 for more' })),
  overloadMarginHours: Type.Optional(Type.Union([Type.Null(), Type.Number({ minimum: L.marginHours.min, maximum: L.marginHours.max })], { description: 'an overloaded center gives no one away in a month unless the move lowers the city\'s weighted uncovered hours by this much; null = no such rule; default null for one month, 20 for more' })),
  moveHours: Type.Optional(Type.Union([Type.Null(), Type.Number({ minimum: L.marginHours.min, maximum: L.marginHours.max })], { description: 'what one move disrupts, in priority-weighted hours over the horizon: a lasting transfer is one move, a secondment two (there and back), so a move is made only where it covers more; null = weights.transfers per transfer; default null for one month, 140 (one month of a full-time civil servant) for more' })),
  norms: Type.Optional(Type.Union([Type.Literal('official'), Type.Literal('calibrated')], { description: 'workload by the official norms (default) or by the norms calibrated on the history\'s outcomes (GET /api/model-check)' })),
}, { $id: 'Scenario', additionalProperties: false });

type Levers = Static<typeof ScenarioSchema>;
type SameKeysAs<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };
export type CheckWeights = Assert<Agrees<SameKeysAs<Static<typeof WeightsSchema>>, PlanWeights>>;
export type CheckRules = Assert<Agrees<
  Pick<SameKeysAs<Levers>, 'maxTransfers' | 'maxCommuteKm' | 'minStaffPerCenter' | 'minStaffByCenter' | 'lockedStaffIds' | 'hiresAllowedByField' | 'crossTraining'>,
  Omit<PlanRules, 'weights'>
>>;
export type CheckHorizon = Assert<Agrees<Pick<SameKeysAs<Levers>, keyof HorizonRules>, HorizonRules>>;
export type CheckWorkload = Assert<Agrees<
  Pick<SameKeysAs<Levers>, 'period' | 'productivity' | 'unlistedAllowance' | 'demandMultiplierByField' | 'demandMultiplierByCenter' | 'onlineShareShift' | 'normMultiplierByField' | 'norms'>,
  Pick<Required<WorkloadOptions>, 'period' | 'productivity' | 'unlistedAllowance' | 'demandMultiplierByField' | 'demandMultiplierByCenter' | 'onlineShareShift' | 'normMultiplierByField' | 'norms'>
>>;

export const ScenarioBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 5000 })),
  scenario: Type.Ref(ScenarioSchema),
}, { additionalProperties: false });

export const ScenarioRecordSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  scenario: Type.Ref(ScenarioSchema),
  revision: Type.Integer({ description: 'grows by one on every update' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  createdBy: Type.String(),
}, { $id: 'ScenarioRecord' });

export const CopyQuery = Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'name of the copy; default "<name> (copy)"' })) }, { additionalProperties: false });
