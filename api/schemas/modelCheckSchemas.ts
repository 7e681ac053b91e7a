/**
 * Wire schemas of the model check (GET /api/model-check): the load the norms give next to what
 * happened, per center and month, and the calibration of the norms. Checked against
 * solver/workload/modelCheck.ts and calibrationTypes.ts at compile time.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { CalibratedField, CalibrationWarning, CenterCapacity } from '../../solver/workload/calibrationTypes.ts';
import type { ModelCheckRow, ModelCheckSummary } from '../../solver/workload/modelCheck.ts';
import { List, type Agrees, type Assert } from './common.ts';
import { NormsUsedSchema } from './planSchemas.ts';

const Share = Type.Union([Type.Null(), Type.Number()]);
const Params = Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), { description: 'the values of the message, by name' });

const Verdict = Type.Union(
  (['overloaded_unseen', 'late_unexplained', 'overloaded', 'overtime', 'consistent', 'not_judged'] as const).map((v) => Type.Literal(v)),
  { description: 'overloaded_unseen: above the overtime band with nothing late (norms or staff count likely wrong); late_unexplained: late or backlogged at a low load; overloaded: above capacity and late, as the load explains; overtime: busy within the band; consistent; not_judged' },
);

export const ModelCheckRowSchema = Type.Object({
  centerCode: Type.String(),
  month: Type.String(),
  received: Type.Integer(),
  onTimeShare: Share,
  lateShare: Share,
  pendingShare: Share,
  pendingShareChange: Share,
  backlogShare: Share,
  load: Type.Union([Type.Null(), Type.Number()], { description: 'work at the norms in use over the capacity factor x the listed staff\'s available hours; null without staff' }),
  signal: Type.Union([Type.Null(), Type.Literal('backlog'), Type.Literal('late'), Type.Literal('calm')]),
  verdict: Verdict,
  code: Type.String({ description: 'check.<verdict> or check.not_judged.<reason>' }),
  params: Params,
  message: Type.String({ description: 'the verdict in English words' }),
});

const Verdicts = Type.Object({
  overloaded_unseen: Type.Integer(), late_unexplained: Type.Integer(), overloaded: Type.Integer(), overtime: Type.Integer(), consistent: Type.Integer(), not_judged: Type.Integer(),
});

export const ModelCheckSummarySchema = Type.Object({
  judged: Type.Integer(),
  verdicts: Verdicts,
  flagged: Type.Integer(),
  loadLateCorrelation: Type.Union([Type.Null(), Type.Number()]),
});

const MinutesSchema = Type.Object({ counter: Type.Number(), online: Type.Number(), processing: Type.Number() });
const Component = Type.Union([Type.Literal('counter'), Type.Literal('online'), Type.Literal('processing')]);

export const CalibratedFieldSchema = Type.Object({
  field: Type.String(),
  official: MinutesSchema,
  calibrated: MinutesSchema,
  officialDirect: Type.Number(),
  officialOnline: Type.Number(),
  calibratedDirect: Type.Number(),
  calibratedOnline: Type.Number(),
  deviation: Type.Number({ description: 'calibrated / official - 1 per dossier at the field\'s channel mix' }),
  atBound: List(Component),
  evidence: Type.Number({ description: 'the field\'s share of the hours of the months that bind the fit; below 0.03 it rests on the official norm' }),
});

export const CenterCapacitySchema = Type.Object({
  centerCode: Type.String(),
  capacityFactor: Type.Number({ description: 'work done per hour of the listed staff (1 = all of it by them)' }),
  backlogMonths: Type.Integer(),
  lateMonths: Type.Integer(),
  calmMonths: Type.Integer(),
  atBound: Type.Boolean(),
});

const WarningSchema = Type.Object({
  code: Type.Union([Type.Literal('calibration.no_staff'), Type.Literal('calibration.incomplete_outcomes'), Type.Literal('calibration.zero_norm')]),
  params: Params,
  message: Type.String(),
});

/** The calibration: both outcomes in one object (ok, and the fields of whichever it is). */
export const CalibrationSchema = Type.Object({
  ok: Type.Boolean(),
  from: Type.Optional(Type.String()),
  to: Type.Optional(Type.String()),
  fields: Type.Optional(List(CalibratedFieldSchema)),
  centers: Type.Optional(List(CenterCapacitySchema)),
  months: Type.Optional(Type.Object({ backlog: Type.Integer(), late: Type.Integer(), calm: Type.Integer() })),
  excluded: Type.Optional(Type.Object({ no_outcomes: Type.Integer(), no_staff: Type.Integer(), no_dossiers: Type.Integer(), before_window: Type.Integer() })),
  solver: Type.Optional(Type.Object({ status: Type.String(), objective: Type.Union([Type.Null(), Type.Number()]), columns: Type.Integer(), rows: Type.Integer(), seconds: Type.Number() })),
  reason: Type.Optional(Type.Union([Type.Literal('no_outcomes'), Type.Literal('no_months'), Type.Literal('solver_failed')])),
  message: Type.Optional(Type.String()),
  warnings: List(WarningSchema),
});

export const ModelCheckSchema = Type.Object({
  norms: NormsUsedSchema,
  possible: Type.Boolean({ description: 'false when the history records no outcomes' }),
  reason: Type.Union([Type.Null(), Type.String()]),
  from: Type.String(),
  to: Type.String(),
  summary: ModelCheckSummarySchema,
  rows: List(ModelCheckRowSchema, { description: 'center-months as asked by `rows` and `center`' }),
  calibration: CalibrationSchema,
});

export const ModelCheckQuery = Type.Object({
  norms: Type.Optional(Type.Union([Type.Literal('official'), Type.Literal('calibrated')], { default: 'official', description: 'the norms whose load is checked' })),
  rows: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('judged'), Type.Literal('flagged')], { default: 'judged', description: 'which center-months to list (the summary always counts all)' })),
  center: Type.Optional(Type.String({ description: 'only this center\'s months' })),
}, { additionalProperties: false });

export type CheckModelCheckRow = Assert<Agrees<Static<typeof ModelCheckRowSchema>, Omit<ModelCheckRow, 'code'> & { code: string }>>;
export type CheckModelCheckSummary = Assert<Agrees<Static<typeof ModelCheckSummarySchema>, ModelCheckSummary>>;
export type CheckCalibratedField = Assert<Agrees<Static<typeof CalibratedFieldSchema>, CalibratedField>>;
export type CheckCenterCapacity = Assert<Agrees<Static<typeof CenterCapacitySchema>, CenterCapacity>>;
export type CheckWarning = Assert<Agrees<Static<typeof WarningSchema>, CalibrationWarning>>;
