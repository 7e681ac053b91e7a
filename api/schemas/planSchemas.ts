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

export const PlanSummarySchema = Type.Object({
  status: PlanStatusSchema,
  message: Type.String(),
  objective: Nullable(Type.Number()),
  bound: Nullable(Type.Number({ description: 'valid lower bound on the objective' })),
  gap: Nullable(Type.Number({ description: '(objective - bound) / max(1, |objective|)' })),
  seconds: Type.Number(),
  period: Type.String(),
  quantile: Type.Number(),
  requiredHours: Type.Number(),
  uncoveredHoursBefore: Type.Number(),
  uncoveredHoursAfter: Nullable(Type.Number({ description: 'null without a plan' })),
  overloadedCentersBefore: Type.Integer(),
  overloadedCentersAfter: Type.Union([Type.Null(), Type.Integer()]),
  maxUtilizationBefore: Nullable(Type.Number()),
  maxUtilizationAfter: Nullable(Type.Number()),
  transfers: Type.Integer(),
  hires: Type.Integer(),
  addedCommuteKm: Type.Number(),
  norms: Type.Optional({ ...NormsUsedSchema, description: 'absent on plans stored before the norms lever (they used the official norms)' }),
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

/** Solve a saved scenario (scenarioId) or levers sent inline (scenario): exactly one of them. */
export const SolveBody = Type.Union([
  Type.Object({ scenarioId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
  Type.Object({ scenario: Type.Ref(ScenarioSchema) }, { additionalProperties: false }),
]);

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
