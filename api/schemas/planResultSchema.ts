/**
 * The plan result on the wire (GET /api/plans/:id/result), declared field by field and checked
 * against solver/plan/planResult.ts at compile time (`Agrees`): the schema, the solver's type and
 * every surface that renders it cannot drift apart. The route sends the stored text as it is; the
 * schema documents it (OpenAPI at /docs) and the tests validate stored results against it.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { PlanResult } from '../../solver/plan/planResult.ts';
import type { Scenario } from '../../solver/scenario.ts';
import { RULE_IDS } from '../../solver/plan/planRules.ts';
import type { Agrees, Assert } from './common.ts';
import { NormsUsedSchema } from './planSchemas.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([Type.Null(), t]);
const Hours = Type.Record(Type.String(), Type.Number(), { description: 'by field code' });
const Bilingual = Type.Object({ vi: Type.String(), en: Type.String() }, { description: 'the same sentence in Vietnamese and English' });
const Status = Type.Union((['optimal', 'feasible', 'time_limit', 'infeasible', 'error'] as const).map((s) => Type.Literal(s)));
const RuleIdSchema = Type.Union(RULE_IDS.map((id) => Type.Literal(id)), { description: 'a rule of the rule book (solver/plan/planRules.ts)' });

const CityFigures = Type.Object({
  requiredHours: Type.Number(),
  uncoveredHours: Type.Number(),
  weightedUncoveredHours: Type.Number(),
  overloadedCenters: Type.Integer(),
  maxUtilization: Type.Number(),
  utilizationSpread: Type.Number(),
  staff: Type.Integer(),
  fteNeeded: Type.Number(),
  fteShort: Type.Number(),
  fteShortByField: Hours,
  transfers: Type.Integer(),
  hires: Type.Integer(),
  addedCommuteKm: Type.Number(),
});

const FieldFigures = Type.Object({
  field: Type.String(),
  requiredHours: Type.Number(),
  coveredBefore: Type.Number(),
  coveredAfter: Type.Number(),
  uncoveredBefore: Type.Number(),
  uncoveredAfter: Type.Number(),
  fteNeeded: Type.Number(),
  fteBefore: Type.Number(),
  fteAfter: Type.Number(),
  fteShortBefore: Type.Number(),
  fteShortAfter: Type.Number(),
});

const StepField = Type.Object({ field: Type.String(), change: Type.Number(), shortfallBefore: Type.Number(), shortfallAfter: Type.Number() });

const LedgerStep = Type.Object({
  cause: Type.Union([
    Type.Object({ kind: Type.Literal('departure'), staffId: Type.String() }),
    Type.Object({ kind: Type.Literal('arrival'), staffId: Type.String() }),
    Type.Object({ kind: Type.Literal('hire'), field: Type.String(), count: Type.Integer() }),
  ]),
  fields: Type.Array(StepField),
  change: Type.Number({ description: 'covered hours with the step minus without it (all fields)' }),
  ownHours: Hours,
});

const CenterResult = Type.Object({
  centerCode: Type.String(),
  name: Type.String(),
  requiredHours: Type.Number(),
  staffBefore: Type.Integer(),
  staffAfter: Type.Integer(),
  availableBefore: Type.Number(),
  availableAfter: Type.Number(),
  utilizationBefore: Nullable(Type.Number()),
  utilizationAfter: Nullable(Type.Number()),
  uncoveredBefore: Type.Number(),
  uncoveredAfter: Type.Number(),
  fteNeeded: Type.Number(),
  fteBefore: Type.Number(),
  fteAfter: Type.Number(),
  fteShortBefore: Type.Number(),
  fteShortAfter: Type.Number(),
  fields: Type.Array(FieldFigures),
  steps: Type.Array(LedgerStep, { description: 'departures, then arrivals, then hires; their changes add up to the center\'s change per field' }),
  shortSentence: Nullable(Bilingual),
});

const MoveSide = Type.Object({
  centerCode: Type.String(),
  change: Type.Number(),
  fields: Type.Array(StepField),
  uncoveredBefore: Type.Number(),
  uncoveredAfter: Type.Number(),
  utilizationBefore: Nullable(Type.Number()),
  utilizationAfter: Nullable(Type.Number()),
});

const MoveReason = Type.Object({
  staffId: Type.String(),
  name: Type.String(),
  from: Type.String(),
  to: Type.String(),
  expertise: Type.Array(Type.String()),
  homeKm: Type.Number(),
  addedCommuteKm: Type.Number(),
  hours: Hours,
  ownHours: Hours,
  atDestination: MoveSide,
  atOrigin: MoveSide,
  keepsMinimum: Nullable(Type.Integer()),
  sentence: Bilingual,
});

const Assignment = Type.Object({ staffId: Type.String(), fromCenter: Type.String(), toCenter: Type.String(), hours: Hours });
const Hire = Type.Object({ centerCode: Type.String(), field: Type.String(), count: Type.Integer(), hours: Type.Number() });

const IdlePerson = Type.Object({
  staffId: Type.String(),
  name: Type.String(),
  centerCode: Type.String(),
  expertise: Type.Array(Type.String()),
  availableHours: Type.Number(),
  idleHours: Type.Number(),
  couldHelp: Type.Array(Type.Object({ centerCode: Type.String(), field: Type.String(), uncoveredHours: Type.Number() })),
});

const PlanOutcome = Type.Object({
  before: CityFigures,
  after: CityFigures,
  centers: Type.Array(CenterResult),
  moves: Type.Array(MoveReason),
  hires: Type.Array(Hire),
  assignments: Type.Array(Assignment),
  idle: Type.Array(IdlePerson),
  shadowPrices: Type.Array(Type.Object({ centerCode: Type.String(), field: Type.String(), hoursCovered: Type.Number() })),
  crossTraining: Type.Array(Type.Object({ staffId: Type.String(), centerCode: Type.String(), field: Type.String(), hoursCovered: Type.Number() })),
  demand: Nullable(Type.Object({ requiredHours: Type.Number(), baselineRequiredHours: Type.Number(), addedFte: Type.Number() })),
  shortage: Nullable(Type.Object({
    fteShort: Type.Number(),
    transfersCanCloseAtMost: Type.Number(),
    transfersCloseFound: Type.Number(),
    remainingByField: Hours,
    sentence: Bilingual,
  })),
  headline: Bilingual,
});

const Moved = { staffId: Type.String(), fromCenter: Type.String(), toCenter: Type.String(), fromMonth: Type.String() };
const ScheduleSchema = Type.Object({
  horizon: Type.Integer(),
  from: Type.String(),
  until: Type.String(),
  months: Type.Array(Type.Object({
    month: Type.String(),
    hoursPerFte: Type.Number(),
    away: Type.Integer(),
    weightedUncoveredBefore: Type.Number(),
    weightedUncoveredAfter: Type.Number(),
    maxSharePct: Type.Number(),
    uncovered: Type.Array(Type.Object({ quantile: Type.Number(), before: Type.Number(), after: Type.Number() })),
    centers: Type.Array(Type.Object({
      centerCode: Type.String(),
      required: Type.Number(),
      uncoveredBefore: Type.Number(),
      uncoveredAfter: Type.Number(),
      fields: Type.Array(Type.Object({ field: Type.String(), required: Type.Number(), uncoveredBefore: Type.Number(), uncoveredAfter: Type.Number() })),
    }, { description: 'a center in the month at the quantile planned for: required hours, uncovered with no change and with the plan, by field (fields with work only)' })),
  })),
  transfers: Type.Array(Type.Object({ ...Moved, reason: Bilingual })),
  secondments: Type.Array(Type.Object({ ...Moved, untilMonth: Type.String(), months: Type.Integer(), reason: Bilingual })),
  hires: Type.Array(Type.Object({ centerCode: Type.String(), field: Type.String(), count: Type.Integer(), startMonth: Type.String() })),
  trainings: Type.Array(Type.Object({ staffId: Type.String(), centerCode: Type.String(), field: Type.String(), startMonth: Type.String(), readyMonth: Type.String() })),
}, { description: 'the plan over several months: lasting transfers with their month, secondments from/until, hires with their start month, cross-trainings, and per month uncovered hours before (no change) and after under P50/P80/P95 and every center\'s figures; each transfer and secondment with its reason in months (solver/horizon/scheduleReasons.ts)' });

const ConflictResult = Type.Object({ code: Type.String(), rules: Type.Array(RuleIdSchema), centers: Type.Array(Type.String()), text: Bilingual });

export const PlanResultSchema = Type.Object({
  version: Type.Literal(3),
  status: Status,
  verdict: Bilingual,
  quality: Type.Object({
    objective: Nullable(Type.Number()),
    bound: Nullable(Type.Number()),
    boundKind: Type.Union((['lp_relaxation_full_model', 'lagrangian_full_model', 'mip_bound_full_model', 'horizon_months_apart', 'none'] as const).map((k) => Type.Literal(k))),
    gap: Nullable(Type.Number()),
    seconds: Type.Number(),
    modelSize: Type.Object({ columns: Type.Integer(), rows: Type.Integer(), binaries: Type.Integer() }),
    message: Type.String(),
  }),
  scenario: Type.Unsafe<Scenario>({ type: 'object', description: 'the scenario solved, every lever with its value (defaults filled in)' }),
  period: Type.String(),
  quantile: Type.Number(),
  hoursPerFte: Type.Number(),
  demandSource: Type.String(),
  norms: NormsUsedSchema,
  normsSentence: Bilingual,
  outcome: Nullable(PlanOutcome),
  infeasibility: Nullable(Type.Object({
    lead: ConflictResult,
    groups: Type.Array(Type.Object({ rules: Type.Array(RuleIdSchema), title: Bilingual, conflicts: Type.Array(ConflictResult) })),
  })),
  schedule: Nullable(ScheduleSchema),
}, { $id: 'PlanResult', description: 'The plan result, version 3: every surface renders it (solver/plan/planResult.ts); `schedule` is the plan over several months (null for one month).' });

/** Readonly modifiers aside, the wire and the solver's type are the same (a compile error otherwise). */
type Mutable<T> = T extends readonly (infer U)[] ? Mutable<U>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;
export type CheckPlanResult = Assert<Agrees<Mutable<Static<typeof PlanResultSchema>>, Mutable<PlanResult>>>;
