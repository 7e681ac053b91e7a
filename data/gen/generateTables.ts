/**
 * The whole embedded dataset as CSV texts, from the units' facts and a seed. Pure and deterministic:
 * the same inputs give byte-identical files (the CLI in ../generate.ts only reads and writes).
 */
import type { Center, CivilServant, HistoryRow } from '../../solver/domain.ts';
import { writeCsv } from '../../solver/csv.ts';
import { JULY_2025_ANCHORS, PHU_LIEN_CODE } from './anchors.ts';
import { monthRange, workingDaysOf } from './calendar.ts';
import { generateCenters } from './facilities.ts';
import { FIELD_SPECS } from './fieldSpecs.ts';
import { centerReceived, HISTORY_FROM, HISTORY_TO } from './history.ts';
import { centerOutcomes, meanTrueLoad } from './outcomes.ts';
import { trueCapacityFactor } from './trueWork.ts';
import { meanHours } from './hours.ts';
import { profilesFor } from './profiles.ts';
import { expertiseGapCenters, generateStaff, headcounts } from './staff.ts';
import { parseUnits } from './units.ts';

/** The seed of the embedded dataset. */
export const DEFAULT_SEED = 20250701;

export const CENTER_COLUMNS = ['code', 'name_vi', 'name_ascii', 'type', 'former_district', 'area_km2', 'population', 'lat', 'lon', 'desks', 'max_staff', 'area_adequate', 'meeting_rooms'] as const;
export const FIELD_COLUMNS = ['field', 'name_vi', 'name_en', 'time_limit_days', 'min_direct', 'min_online', 'min_processing', 'priority'] as const;
export const HISTORY_COLUMNS = ['center_code', 'month', 'field', 'channel', 'received', 'resolved_on_time', 'resolved_late', 'pending'] as const;
export const STAFF_COLUMNS = ['staff_id', 'name', 'center_code', 'home_code', 'fields', 'grade', 'fte', 'locked'] as const;

export interface GeneratedTables {
  readonly 'centers.csv': string;
  readonly 'fields.csv': string;
  readonly 'history.csv': string;
  readonly 'staff.csv': string;
}

/** The months whose mean demand sizes staff and facilities: the last 12 of the history. */
const sizingMonths = (): readonly string[] => monthRange(HISTORY_FROM, HISTORY_TO).slice(-12);

/** What the tables do not say (trueWork.ts): each center's true capacity factor, by code. */
export interface HiddenTruth {
  readonly capacityFactors: ReadonlyMap<string, number>;
}

const generate = (unitsCsv: string, seed: number): { tables: GeneratedTables; truth: HiddenTruth } => {
  const units = parseUnits(unitsCsv);
  const months = monthRange(HISTORY_FROM, HISTORY_TO);
  const profiles = profilesFor(seed, units);
  const received = profiles.map((profile) => centerReceived(seed, profile, months));
  const receivedRows = received.flat().map((c) => ({ centerCode: c.centerCode, month: c.month, field: c.spec.field, channel: c.channel, received: c.received }));
  const recent = sizingMonths();
  const { byCenter, perFte } = meanHours(receivedRows, recent);
  const staffInput = { units, hours: byCenter, hoursPerFte: perFte };
  const gaps = expertiseGapCenters(seed, units, [...JULY_2025_ANCHORS.map((a) => a.code), PHU_LIEN_CODE]);
  const staff = generateStaff(seed, staffInput, gaps);
  const listedFte = new Map<string, number>();
  for (const s of staff) listedFte.set(s.centerCode, (listedFte.get(s.centerCode) ?? 0) + s.fte);
  // Outcomes come last: they follow each center's true load against the staff it has.
  const capacityFactors = new Map<string, number>();
  const history: HistoryRow[] = profiles.flatMap((profile, i) => {
    const cells = received[i] ?? [];
    const fte = listedFte.get(profile.code) ?? 0;
    const factor = trueCapacityFactor(seed, profile.code, meanTrueLoad(cells, fte));
    capacityFactors.set(profile.code, factor);
    return centerOutcomes(seed, profile, cells, fte, factor, JULY_2025_ANCHORS.find((a) => a.code === profile.code));
  });
  const recentSet = new Set(recent);
  const days = recent.reduce((s, m) => s + workingDaysOf(m).length, 0);
  const directPerDay = new Map<string, number>();
  for (const row of receivedRows) {
    if (row.channel === 'direct' && recentSet.has(row.month)) directPerDay.set(row.centerCode, (directPerDay.get(row.centerCode) ?? 0) + row.received / days);
  }
  const neededHeadcount = new Map(units.map((u) => [u.code, Math.ceil([...(byCenter.get(u.code)?.values() ?? [])].reduce((a, b) => a + b, 0) / perFte)]));
  const centers = generateCenters(seed, { units, directPerDay, headcount: headcounts(seed, staffInput), neededHeadcount });
  const tables = {
    'centers.csv': centersCsv(centers),
    'fields.csv': fieldsCsv(),
    'history.csv': historyCsv(history),
    'staff.csv': staffCsv(staff),
  };
  return { tables, truth: { capacityFactors } };
};

export const generateTables = (unitsCsv: string, seed: number = DEFAULT_SEED): GeneratedTables => generate(unitsCsv, seed).tables;

/** The hidden truth behind the tables of the same units and seed (for the recovery test and bench only). */
export const generateTruth = (unitsCsv: string, seed: number = DEFAULT_SEED): HiddenTruth => generate(unitsCsv, seed).truth;

const centersCsv = (centers: readonly Center[]): string =>
  writeCsv(CENTER_COLUMNS, centers.map((c) => [c.code, c.nameVi, c.nameAscii, c.type, c.formerDistrict, c.areaKm2, c.population, c.lat, c.lon, c.desks, c.maxStaff, c.areaAdequate, c.meetingRooms]));

const fieldsCsv = (): string =>
  writeCsv(FIELD_COLUMNS, FIELD_SPECS.map((f) => [f.field, f.nameVi, f.nameEn, f.timeLimitDays, f.minDirect, f.minOnline, f.minProcessing, f.priority]));

const historyCsv = (rows: readonly HistoryRow[]): string =>
  writeCsv(HISTORY_COLUMNS, rows.map((r) => [r.centerCode, r.month, r.field, r.channel, r.received, r.resolvedOnTime ?? '', r.resolvedLate ?? '', r.pending ?? '']));

const staffCsv = (staff: readonly CivilServant[]): string =>
  writeCsv(STAFF_COLUMNS, staff.map((s) => [s.staffId, s.name, s.centerCode, s.homeCode, s.fields.join(';'), s.grade, s.fte, s.locked]));
