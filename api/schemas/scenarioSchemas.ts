/**
 * Wire schemas of saved scenarios. The levers follow the plan issue and the names of
 * solver/workload/workloadTypes.ts (WorkloadOptions) and solver/plan/planInput.ts (PlanRules); the
 * compile-time checks below keep them in step with those types.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { PlanRules, PlanWeights } from '../../solver/plan/planInput.ts';
import type { WorkloadOptions } from '../../solver/workload/workloadTypes.ts';
import { List, type Agrees, type Assert } from './common.ts';

const Multipliers = (what: string) =>
  Type.Record(Type.String({ minLength: 1 }), Type.Number({ minimum: 0, maximum: 100 }), { description: `multiplier per ${what}; 1 = unchanged` });

export const WeightsSchema = Type.Object({
  uncovered: Type.Optional(Type.Number({ minimum: 0 })),
  evenness: Type.Optional(Type.Number({ minimum: 0 })),
  transfers: Type.Optional(Type.Number({ minimum: 0 })),
  commuteKm: Type.Optional(Type.Number({ minimum: 0 })),
  hires: Type.Optional(Type.Number({ minimum: 0 })),
}, { additionalProperties: false });

/** The levers of one plan; every one is optional and has the solver's default. */
export const ScenarioSchema = Type.Object({
  period: Type.Optional(Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'month to plan for, YYYY-MM' })),
  quantile: Type.Optional(Type.Union([Type.Literal(0.5), Type.Literal(0.8), Type.Literal(0.95)], { description: 'forecast quantile to staff to' })),
  productivity: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1 })),
  unlistedAllowance: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  demandMultiplierByField: Type.Optional(Multipliers('field')),
  demandMultiplierByCenter: Type.Optional(Multipliers('center')),
  onlineShareShift: Type.Optional(Type.Number({ minimum: -1, maximum: 1, description: 'share points moved from direct to online' })),
  normMultiplierByField: Type.Optional(Multipliers('field')),
  maxTransfers: Type.Optional(Type.Union([Type.Null(), Type.Integer({ minimum: 0 })], { description: 'null = unlimited' })),
  maxCommuteKm: Type.Optional(Type.Number({ minimum: 0, maximum: 500 })),
  minStaffPerCenter: Type.Optional(Type.Integer({ minimum: 0 })),
  minStaffByCenter: Type.Optional(Type.Record(Type.String(), Type.Integer({ minimum: 0 }))),
  lockedStaffIds: Type.Optional(List(Type.String(), { maxItems: 100_000 })),
  hiresAllowedByField: Type.Optional(Type.Record(Type.String(), Type.Integer({ minimum: 0 }))),
  crossTraining: Type.Optional(Type.Boolean()),
  weights: Type.Optional(WeightsSchema),
  timeLimitSeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 600 })),
  norms: Type.Optional(Type.Union([Type.Literal('official'), Type.Literal('calibrated')], { description: 'workload by the official norms (default) or by the norms calibrated on the history\'s outcomes (GET /api/model-check)' })),
}, { $id: 'Scenario', additionalProperties: false });

type Levers = Static<typeof ScenarioSchema>;
type SameKeysAs<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };
export type CheckWeights = Assert<Agrees<SameKeysAs<Static<typeof WeightsSchema>>, PlanWeights>>;
export type CheckRules = Assert<Agrees<
  Pick<SameKeysAs<Levers>, 'maxTransfers' | 'maxCommuteKm' | 'minStaffPerCenter' | 'minStaffByCenter' | 'lockedStaffIds' | 'hiresAllowedByField' | 'crossTraining'>,
  Omit<PlanRules, 'weights'>
>>;
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
