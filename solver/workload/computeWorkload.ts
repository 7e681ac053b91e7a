/**
 * The workload of every center and field in one period with today's staff: dossiers (history or
 * forecast quantile, after the levers) -> required hours (dossierHours + unlisted allowance) ->
 * required FTE, counters at the peak hour, utilization, and the best allocation of each center's
 * people to the fields they hold (coverFields) giving covered and uncovered hours per field.
 *
 * The unlisted-request allowance is spread over a center's fields in proportion to their dossier
 * hours (requiredHours per field = dossier hours x (1 + allowance)), so that per-field figures add
 * up to the center's and the plan model sees one number per center and field.
 */
import { workingDays } from '../calendar.ts';
import type { DossierForecast } from '../forecast/forecastHistory.ts';
import { worksIn, type Center, type CivilServant, type Dataset, type Field } from '../domain.ts';
import { availableHoursPerFte, DEFAULT_PRODUCTIVITY, staffHours } from './availableHours.ts';
import { coverFields } from './coverFields.ts';
import {
  counterStaffing, DEFAULT_PEAK_HOUR_SHARE, DEFAULT_SERVICE_LEVEL, DEFAULT_TARGET_WAIT_MINUTES,
} from './counterStaffing.ts';
import { DEFAULT_UNLISTED_ALLOWANCE, dossierHours, withUnlistedAllowance } from './dossierHours.ts';
import { periodDemand, type DossierDemand } from './periodDemand.ts';
import { applyCalibration } from './applyCalibration.ts';
import type { NormCalibration, NormsUsed } from './calibrationTypes.ts';
import type {
  CenterFieldWorkload, CenterWorkload, CityTotals, CityWorkload, ShortField, ShortReason, WorkloadOptions,
} from './workloadTypes.ts';
import { ownValue } from '../ownValue.ts';

/** Forecast quantiles a planner may staff to. */
export const QUANTILES: readonly number[] = [0.5, 0.8, 0.95];

/** Below this utilization a center counts as idle. */
export const IDLE_UTILIZATION = 0.6;

/** Uncovered hours below this (per center and field, per month) are not reported as a short field. */
export const SHORT_FIELD_MIN_HOURS = 1;

/** The options with every default filled in; throws for a quantile other than 0.5, 0.8, 0.95. */
export const resolveWorkloadOptions = (options: WorkloadOptions): Required<WorkloadOptions> => {
  if (!QUANTILES.includes(options.quantile)) {
    throw new Error(`computeWorkload: quantile must be 0.5, 0.8 or 0.95, got ${options.quantile}`);
  }
  if (options.norms !== undefined && options.norms !== 'official' && options.norms !== 'calibrated') {
    throw new Error(`computeWorkload: norms must be "official" or "calibrated", got ${String(options.norms)}`);
  }
  if (options.quantileScope !== undefined && options.quantileScope !== 'center' && options.quantileScope !== 'series') {
    throw new Error(`computeWorkload: quantileScope must be "center" or "series", got ${String(options.quantileScope)}`);
  }
  return {
    period: options.period,
    quantile: options.quantile,
    quantileScope: options.quantileScope ?? 'center',
    productivity: options.productivity ?? DEFAULT_PRODUCTIVITY,
    unlistedAllowance: options.unlistedAllowance ?? DEFAULT_UNLISTED_ALLOWANCE,
    demandMultiplierByField: options.demandMultiplierByField ?? {},
    demandMultiplierByCenter: options.demandMultiplierByCenter ?? {},
    onlineShareShift: options.onlineShareShift ?? 0,
    normMultiplierByField: options.normMultiplierByField ?? {},
    peakHourShare: options.peakHourShare ?? DEFAULT_PEAK_HOUR_SHARE,
    targetWaitMinutes: options.targetWaitMinutes ?? DEFAULT_TARGET_WAIT_MINUTES,
    serviceLevel: options.serviceLevel ?? DEFAULT_SERVICE_LEVEL,
    norms: options.norms ?? 'official',
  };
};

const shortReason = (f: CenterFieldWorkload): ShortReason =>
  f.expertStaff === 0 ? 'no_expertise' : f.requiredHours > f.expertHours ? 'too_few_experts' : 'center_overloaded';

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : a > 0 ? null : 0);

const groupBy = <T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(keyOf(item)) ?? [];
    list.push(item);
    groups.set(keyOf(item), list);
  }
  return groups;
};

interface CenterContext {
  readonly o: Required<WorkloadOptions>;
  /** Work per hour of the listed staff, by center (1 when absent). */
  readonly capacityFactor: ReadonlyMap<string, number>;
  readonly days: number;
  readonly hoursPerFte: number;
  readonly fieldById: ReadonlyMap<string, Field>;
}

/** One center's field rows and center row, with `staff` its people today. */
const centerWorkload = (
  center: Center,
  staff: readonly CivilServant[],
  demand: readonly DossierDemand[],
  { o, days, hoursPerFte, fieldById, capacityFactor }: CenterContext,
): { perField: CenterFieldWorkload[]; row: CenterWorkload } => {
  const factor = capacityFactor.get(center.code) ?? 1;
  const rows = demand.map((d) => {
    const field = fieldById.get(d.field) as Field;
    const norm = ownValue(o.normMultiplierByField, d.field) ?? 1;
    const requiredHours = withUnlistedAllowance(dossierHours(field, d.direct, d.online, norm), o.unlistedAllowance) / factor;
    const experts = staff.filter((p) => p.fields.includes(d.field));
    return { d, field, norm, requiredHours, expertStaff: experts.length, expertHours: staffHours(experts, hoursPerFte) };
  });
  const cover = coverFields(
    staff.map((p) => ({ hours: p.fte * hoursPerFte, fields: p.fields })),
    rows.map((r) => ({ field: r.field.field, requiredHours: r.requiredHours, priority: r.field.priority })),
  );
  const perField = rows.map((r, i): CenterFieldWorkload => ({
    centerCode: center.code,
    field: r.field.field,
    direct: r.d.direct,
    online: r.d.online,
    requiredHours: r.requiredHours,
    coveredHours: cover[i]?.coveredHours ?? 0,
    uncoveredHours: cover[i]?.uncoveredHours ?? r.requiredHours,
    expertStaff: r.expertStaff,
    expertHours: r.expertHours,
    utilization: ratio(r.requiredHours, r.expertHours),
  }));
  const weighted = (f: { field: string; uncoveredHours: number }): number => (fieldById.get(f.field)?.priority ?? 1) * f.uncoveredHours;
  const shortFields: ShortField[] = perField
    .filter((f) => f.uncoveredHours >= SHORT_FIELD_MIN_HOURS)
    .map((f) => ({
      field: f.field,
      requiredHours: f.requiredHours,
      uncoveredHours: f.uncoveredHours,
      expertStaff: f.expertStaff,
      expertHours: f.expertHours,
      reason: shortReason(f),
    }))
    .sort((a, b) => weighted(b) - weighted(a));
  const requiredHours = sum(perField.map((f) => f.requiredHours));
  const availableHours = staffHours(staff, hoursPerFte);
  const counters = counterStaffing({
    directDossiers: sum(rows.map((r) => r.d.direct)),
    counterMinutes: sum(rows.map((r) => r.d.direct * r.field.minDirect * r.norm)),
    workingDays: days,
    peakHourShare: o.peakHourShare,
    targetWaitMinutes: o.targetWaitMinutes,
    serviceLevel: o.serviceLevel,
  });
  const row: CenterWorkload = {
    centerCode: center.code,
    requiredHours,
    capacityFactor: factor,
    availableHours,
    utilization: ratio(requiredHours, availableHours),
    staffCount: staff.length,
    staffFte: sum(staff.map((p) => p.fte)),
    requiredFte: requiredHours / hoursPerFte,
    coveredHours: sum(perField.map((f) => f.coveredHours)),
    uncoveredHours: sum(perField.map((f) => f.uncoveredHours)),
    directPerDay: counters.directPerDay,
    peakArrivalsPerHour: counters.peakArrivalsPerHour,
    countersNeeded: counters.countersNeeded,
    desks: center.desks,
    shortFields,
  };
  return { perField, row };
};

/**
 * Workload of the city in `options.period` with today's staff. Pure; see the module comment.
 * `calibration` (calibrateNorms.ts) is needed when `options.norms` is `calibrated`; a calibration
 * that could not be made (no outcomes in the history, ...) leaves the official norms in use, and
 * `norms.fallback` says why.
 */
export const computeWorkload = (
  dataset: Dataset,
  forecasts: readonly DossierForecast[],
  options: WorkloadOptions,
  calibration?: NormCalibration,
): CityWorkload => {
  const o = resolveWorkloadOptions(options);
  if (o.norms === 'calibrated' && calibration === undefined) {
    throw new Error('computeWorkload: norms "calibrated" needs the calibration of the dataset (calibrateNorms)');
  }
  const applied = o.norms === 'calibrated' && calibration?.ok === true ? applyCalibration(dataset, calibration) : null;
  const norms: NormsUsed = applied !== null && calibration?.ok === true
    ? { requested: o.norms, used: 'calibrated', fittedFrom: calibration.from, fittedTo: calibration.to, fallback: null }
    : { requested: o.norms, used: 'official', fittedFrom: null, fittedTo: null, fallback: o.norms === 'calibrated' && calibration?.ok === false ? calibration.reason : null };
  const data: Dataset = applied === null ? dataset : { ...dataset, fields: applied.fields };
  const context: CenterContext = {
    o,
    capacityFactor: applied?.capacityFactorByCenter ?? new Map(),
    days: workingDays(o.period),
    hoursPerFte: availableHoursPerFte(o.period, o.productivity),
    fieldById: new Map(data.fields.map((f) => [f.field, f])),
  };
  const { source, demand } = periodDemand(data, forecasts, o.period, o.quantile, o);
  // People who have left by the period (leavesOn) do no work in it.
  const staffByCenter = groupBy(dataset.staff.filter((p) => worksIn(p, o.period)), (p) => p.centerCode);
  const demandByCenter = groupBy(demand, (d) => d.centerCode);
  const fieldRows: CenterFieldWorkload[] = [];
  const centerRows: CenterWorkload[] = [];
  for (const center of dataset.centers) {
    const { perField, row } = centerWorkload(
      center, staffByCenter.get(center.code) ?? [], demandByCenter.get(center.code) ?? [], context,
    );
    fieldRows.push(...perField);
    centerRows.push(row);
  }
  return {
    period: o.period,
    quantile: o.quantile,
    source,
    workingDays: context.days,
    hoursPerFte: context.hoursPerFte,
    options: o,
    norms,
    fields: fieldRows,
    centers: centerRows,
    totals: cityTotals(centerRows, fieldRows, context.hoursPerFte),
  };
};

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

const cityTotals = (
  centers: readonly CenterWorkload[],
  fields: readonly CenterFieldWorkload[],
  hoursPerFte: number,
): CityTotals => {
  const requiredHours = sum(centers.map((c) => c.requiredHours));
  const availableHours = sum(centers.map((c) => c.availableHours));
  return {
    requiredHours,
    availableHours,
    utilization: ratio(requiredHours, availableHours),
    coveredHours: sum(centers.map((c) => c.coveredHours)),
    uncoveredHours: sum(centers.map((c) => c.uncoveredHours)),
    staffCount: sum(centers.map((c) => c.staffCount)),
    staffFte: sum(centers.map((c) => c.staffFte)),
    requiredFte: requiredHours / hoursPerFte,
    direct: sum(fields.map((f) => f.direct)),
    online: sum(fields.map((f) => f.online)),
    overloadedCenters: centers.filter((c) => c.utilization === null || c.utilization > 1).length,
    idleCenters: centers.filter((c) => c.utilization !== null && c.utilization < IDLE_UTILIZATION).length,
    countersNeeded: sum(centers.map((c) => c.countersNeeded)),
    desks: sum(centers.map((c) => c.desks)),
  };
};
