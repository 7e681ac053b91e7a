/**
 * Wire schemas of plans (as jobs), comparisons and trade-off curves.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { TradeoffPoint as SolverTradeoffPoint } from '../../solver/plan/tradeoffCurve.ts';
import type { PlanSummary } from '../jobs/planSummary.ts';
import type { Agrees, Assert } from './common.ts';
import { ScenarioSchema } from './scenarioSchemas.ts';

const PlanStatusSchema = Type.Union(
  (['optimal', 'feasible', 'time_limit', 'infeasible', 'error'] as const).map((s) => Type.Literal(s)),
  { description: 'solver status: optimal (within the gap tolerance of a valid bound), feasible, time_limit (best plan found in time), infeasible, error' },
);

const MonthOrNull = Type.Union([Type.Null(), Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' })]);

/** Which norms a workload was computed with (solver/workload/calibrationTypes.ts NormsUsed). */
export const NormsUsedSchema = Type.Object({
  requested: Type.Union([Type.Literal('official'), Type.Literal('calibrated')]),
  used: Type.Union([Type.Literal('official'), Type.Literal('calibrated')], { description: 'official when asked, or when the history could not be calibrated (fallback says why)' }),
  fittedFrom: MonthOrNull,
  fittedTo: MonthOrNull,
  fallback: Type.Union([Type.Null(), Type.Literal('no_outcomes'), Type.Literal('no_months'), Type.Literal('solver_failed')]),
});

const Nullable = <T extends ReturnType<typeof Type.Number>>(t: T) => Type.Union([Type.Null(), t]);

const SummaryFigures = Type.Object({
  uncoveredHours: Type.Number(),
  overloadedCenters: Type.Integer(),
  maxUtilization: Type.Number(),
  staff: Type.Integer(),
  fteShort: Type.Number({ description: 'FTE the uncovered hours would need' }),
});

export const PlanSummarySchema = Type.Object({
  resultVersion: Type.Integer({ description: 'version of the plan result the summary was taken from (2)' }),
  status: PlanStatusSchema,
  message: Type.String(),
  verdict: Type.Object({ vi: Type.String(), en: Type.String() }),
  hasPlan: Type.Boolean({ description: 'false for an infeasible or failed plan, or none found in time: every figure is then null' }),
  objective: Nullable(Type.Number()),
  bound: Nullable(Type.Number({ description: 'valid lower bound on the objective' })),
  gap: Nullable(Type.Number({ description: '(objective - bound) / max(1, |objective|)' })),
  seconds: Type.Number(),
  period: Type.String(),
  quantile: Type.Number(),
  requiredHours: Nullable(Type.Number()),
  before: Type.Union([Type.Null(), SummaryFigures], { description: "today's staff, no hire, no move" }),
  after: Type.Union([Type.Null(), SummaryFigures]),
  transfers: Type.Union([Type.Null(), Type.Integer()]),
  hires: Type.Union([Type.Null(), Type.Integer()]),
  addedCommuteKm: Nullable(Type.Number()),
  leadConflict: Type.Union([Type.Null(), Type.Object({ vi: Type.String(), en: Type.String() })], { description: 'the key conflict when no plan keeps every rule' }),
  norms: { ...NormsUsedSchema, description: 'the norms the workload was computed with' },
}, { $id: 'PlanSummary' });

export const PlanRecordSchema = Type.Object({
  id: Type.String(),
  scenarioId: Type.Union([Type.Null(), Type.String()]),
  scenario: Type.Ref(ScenarioSchema),
  datasetVersion: Type.Integer(),
  datasetHash: Type.String(),
  status: Type.Union(['queued', 'running', 'done', 'failed', 'cancelled'].map((s) => Type.Literal(s)), { description: 'job status' }),
  stage: Type.String(),
  progress: Type.Number({ minimum: 0, maximum: 1 }),
  summary: Type.Union([Type.Null(), Type.Ref(PlanSummarySchema)]),
  error: Type.Union([Type.Null(), Type.String()]),
  createdAt: Type.String(),
  startedAt: Type.Union([Type.Null(), Type.String()]),
  finishedAt: Type.Union([Type.Null(), Type.String()]),
  createdBy: Type.String(),
}, { $id: 'PlanRecord' });

const SolveFields = Type.Object({
  scenarioId: Type.Optional(Type.String({ format: 'uuid', description: 'a saved scenario' })),
  scenario: Type.Optional(Type.Ref(ScenarioSchema)),
}, { additionalProperties: false });

/**
 * Solve a saved scenario (scenarioId) or levers sent inline (scenario): exactly one of them. One
 * object, not a union of two: Ajv reports the first failing branch of a union, so `{ scenario:
 * { maxTransfers: -3 } }` was answered "must have required property 'scenarioId'". As one object
 * the levers are checked by the same schema, with the same words, as POST /api/scenarios's.
 */
export const SolveBody = Type.Unsafe<{ scenarioId: string } | { scenario: Static<typeof ScenarioSchema> }>({
  ...SolveFields,
  maxProperties: 1,
  anyOf: [{ required: ['scenarioId'] }, { required: ['scenario'] }],
});

export const CompareBody = Type.Object({
  planIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 2, maxItems: 4, uniqueItems: true }),
}, { additionalProperties: false });

export const ExportParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.Union([Type.Literal('csv'), Type.Literal('xlsx'), Type.Literal('lp'), Type.Literal('memo')]),
});

export const TradeoffPoint = Type.Object({
  maxTransfers: Type.Union([Type.Null(), Type.Integer()], { description: 'transfer budget; null = unlimited' }),
  status: PlanStatusSchema,
  transfers: Type.Integer(),
  uncoveredHours: Nullable(Type.Number()),
  weightedUncoveredHours: Nullable(Type.Number()),
  objective: Nullable(Type.Number()),
  gap: Nullable(Type.Number()),
  seconds: Type.Number(),
});


export type CheckSummary = Assert<Agrees<Static<typeof PlanSummarySchema>, PlanSummary>>;
export type CheckTradeoff = Assert<Agrees<Static<typeof TradeoffPoint>, SolverTradeoffPoint>>;
