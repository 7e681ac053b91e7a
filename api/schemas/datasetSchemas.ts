/**
 * Wire schemas of the dataset and its tables, checked against the domain types.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { Center, CivilServant, Field, HistoryRow } from '../../solver/domain.ts';
import type { Agrees, Assert } from './common.ts';
import { InputProblemSchema, List, PageQuery } from './common.ts';
import { MONTH_PATTERN } from '../../solver/forecast/months.ts';

const Month = Type.String({ pattern: MONTH_PATTERN, description: 'YYYY-MM' });

export const CenterSchema = Type.Object({
  code: Type.String(),
  nameVi: Type.String(),
  nameAscii: Type.String(),
  type: Type.Union([Type.Literal('ward'), Type.Literal('commune'), Type.Literal('special_zone')]),
  formerDistrict: Type.String(),
  areaKm2: Type.Number(),
  population: Type.Number(),
  lat: Type.Number(),
  lon: Type.Number(),
  desks: Type.Number(),
  maxStaff: Type.Number(),
  areaAdequate: Type.Boolean(),
  meetingRooms: Type.Number(),
}, { $id: 'Center' });

export const FieldSchema = Type.Object({
  field: Type.String(),
  nameVi: Type.String(),
  nameEn: Type.String(),
  timeLimitDays: Type.Number({ description: 'working days; 0 = same day' }),
  minDirect: Type.Number({ description: 'minutes at the counter per direct dossier' }),
  minOnline: Type.Number({ description: 'minutes to receive one online dossier' }),
  minProcessing: Type.Number({ description: 'minutes of processing per dossier' }),
  priority: Type.Number(),
}, { $id: 'Field' });

export const StaffSchema = Type.Object({
  staffId: Type.String(),
  name: Type.String(),
  centerCode: Type.String(),
  homeCode: Type.String(),
  fields: List(Type.String()),
  grade: Type.String(),
  fte: Type.Number(),
  locked: Type.Boolean(),
  leavesOn: Type.Optional({ ...Month, description: 'first month the person no longer works (retirement, end of contract); absent when no departure is known' }),
}, { $id: 'CivilServant' });

export const HistoryRowSchema = Type.Object({
  centerCode: Type.String(),
  month: Type.String(),
  field: Type.String(),
  channel: Type.Union([Type.Literal('direct'), Type.Literal('online')]),
  received: Type.Number(),
  resolvedOnTime: Type.Optional(Type.Number({ description: 'absent when the dataset does not record outcomes' })),
  resolvedLate: Type.Optional(Type.Number()),
  pending: Type.Optional(Type.Number()),
}, { $id: 'HistoryRow' });

export type CheckCenter = Assert<Agrees<Static<typeof CenterSchema>, Center>>;
export type CheckField = Assert<Agrees<Static<typeof FieldSchema>, Field>>;
export type CheckStaff = Assert<Agrees<Static<typeof StaffSchema>, CivilServant>>;
export type CheckHistory = Assert<Agrees<Static<typeof HistoryRowSchema>, HistoryRow>>;

export const HistoryQuery = Type.Object({
  center: Type.Optional(Type.String({ description: 'center code' })),
  field: Type.Optional(Type.String({ description: 'field id' })),
  channel: Type.Optional(Type.Union([Type.Literal('direct'), Type.Literal('online')])),
  from: Type.Optional({ ...Month, description: 'first month, YYYY-MM' }),
  to: Type.Optional({ ...Month, description: 'last month, YYYY-MM' }),
  ...PageQuery,
}, { additionalProperties: false });

export const StaffQuery = Type.Object({
  center: Type.Optional(Type.String({ description: 'center code' })),
  field: Type.Optional(Type.String({ description: 'only staff with this expertise' })),
}, { additionalProperties: false });

export const DatasetVersionSchema = Type.Object({
  version: Type.Integer(),
  hash: Type.String({ description: 'SHA-256 of the four files' }),
  name: Type.String(),
  source: Type.Union([Type.Literal('embedded'), Type.Literal('import-tables'), Type.Literal('import-dossiers')]),
  createdAt: Type.String(),
  createdBy: Type.String(),
  counts: Type.Object({ centers: Type.Integer(), fields: Type.Integer(), historyRows: Type.Integer(), staff: Type.Integer() }),
  active: Type.Boolean(),
}, { $id: 'DatasetVersion' });

export const VersionParams = Type.Object({ version: Type.Integer({ minimum: 1 }) });

const FileText = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200, description: 'file name, used in the report' }),
  text: Type.String({ description: 'CSV text, UTF-8' }),
}, { additionalProperties: false });

/** JSON form of an import of the four tables. */
export const ImportTablesBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200, description: 'what to call this version' }),
  activate: Type.Optional(Type.Boolean({ default: false, description: 'make it the active version' })),
  centers: Type.Optional(FileText),
  fields: Type.Optional(FileText),
  history: Type.Optional(FileText),
  staff: Type.Optional(FileText),
}, { additionalProperties: false, minProperties: 2, description: 'one or more of the four tables; a table left out is the active version\'s' });

/** JSON form of an import of dossier-level rows, aggregated onto the active version's history. */
export const ImportDossiersBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  activate: Type.Optional(Type.Boolean({ default: false })),
  asOf: Type.Optional(Type.String({ description: 'YYYY-MM-DD: dossiers finished after it count as pending' })),
  dossiers: FileText,
}, { additionalProperties: false });

export const ImportReply = Type.Object({
  ok: Type.Boolean(),
  replaced: Type.Optional(List(Type.String(), { description: 'the tables this import replaced; the others are the active version\'s' })),
  version: Type.Optional(Type.Ref(DatasetVersionSchema)),
  warnings: Type.Optional(List(InputProblemSchema)),
  problems: Type.Optional(List(InputProblemSchema)),
});
