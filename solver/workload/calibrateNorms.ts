/**
 * Calibrates the work content of dossiers against what happened: effective minutes per field and
 * channel, and a capacity factor per center, such that each center-month's load agrees with its
 * outcomes (outcomeSignals.ts). A small LP solved with HiGHS (a few dozen minutes, one factor per
 * center, one or two slacks per center-month).
 *
 * For a center c and month m, with x the minutes (counter, online reception, processing per field),
 * k_c its capacity factor and A_cm its listed staff's available hours (FTE x working days x 8 h x
 * productivity), all linear in (x, k):
 *   work  W_cm(x) = sum over cells of received x minutes / 60 x (1 + unlisted allowance)
 *   backlog hours U_cm(x) = e_cm x W_cm(x) when the month closed with a backlog share e_cm, else 0
 *   done  D_cm(x) = W_cm(x) + U_c,m-1(x) - U_cm(x)        (first in, first out)
 * and, divided by A_cm so that every row is a share of capacity:
 *   backlog month:  D_cm / A_cm = SUSTAINABLE_LOAD x k_c     (it did all it could)      +- slack
 *   late month:     (W_cm + U_c,m-1) / A_cm >= k_c           (it reached its capacity)  - slack
 *   calm month:     D_cm / A_cm <= SUSTAINABLE_LOAD x k_c    (it kept up)               + slack
 * Every slack costs sqrt(dossiers / 1000) per unit (least absolute deviations: one odd month moves
 * the fit by its own weight, not by its square; large centers, whose shares are less noisy, count
 * more). The official norms are the prior: each component's relative deviation costs
 * NORM_PRIOR_WEIGHT, each capacity factor's excess over 1 costs CAPACITY_PRIOR_WEIGHT (help from
 * outside the list is the exception, and it pins the scale: the outcomes alone say only how work
 * compares with capacity). Bounds: NORM_FACTOR_BOUNDS and [1, CAPACITY_FACTOR_MAX].
 *
 * The data identify minutes per dossier by channel (counter + processing, online + processing);
 * how they split between reception and processing follows the prior. Pure, given HiGHS.
 */
import type { Highs } from 'highs';
import type { CenterCode, Dataset, Month } from '../domain.ts';
import { addMonths } from '../forecast/months.ts';
import { linearModelBuilder } from '../plan/linearModel.ts';
import { solveWithHighs } from '../plan/solveWithHighs.ts';
import { DEFAULT_PRODUCTIVITY, HOURS_PER_WORKING_DAY } from './availableHours.ts';
import {
  CALIBRATION_FROM, CAPACITY_FACTOR_MAX, NORM_FACTOR_BOUNDS, SUSTAINABLE_LOAD,
  type CalibratedField, type CalibrationWarning, type CenterCapacity, type ExcludedReason, type FieldMinutes, type MonthSignal, type NormCalibration,
} from './calibrationTypes.ts';
import { DEFAULT_UNLISTED_ALLOWANCE } from './dossierHours.ts';
import { monthOutcomes } from './monthOutcomes.ts';
import { naturalPendingDays } from './naturalPending.ts';
import { outcomeSignals, type MonthReading } from './outcomeSignals.ts';

/**
 * Cost of a component's relative deviation from its official value, against slacks in shares of
 * capacity: a field whose dossiers weigh little in the months that bind the fit stays at its
 * official norm rather than absorbing the noise of those months (measured on the generated truth:
 * 0.02 let the smallest fields wander to their bounds; 0.1 to 0.3 keep them home and move the large
 * ones by less than 5 points).
 */
export const NORM_PRIOR_WEIGHT = 0.1;
/** Cost of a capacity factor's excess over 1. */
export const CAPACITY_PRIOR_WEIGHT = 0.3;
/** Seconds HiGHS may take (it needs well under one on a city). */
const TIME_LIMIT_SECONDS = 30;

export interface CalibrationOptions {
  /** First and last month fitted. Defaults: the first month from CALIBRATION_FROM on and the last month whose outcomes are complete. */
  readonly from?: Month;
  readonly to?: Month;
  /** As in WorkloadOptions. Defaults 0.80 and 0.10. */
  readonly productivity?: number;
  readonly unlistedAllowance?: number;
}

const COMPONENTS = ['counter', 'online', 'processing'] as const;

const officialOf = (f: Dataset['fields'][number]): FieldMinutes => ({ counter: f.minDirect, online: f.minOnline, processing: f.minProcessing });

/** The readings of a dataset's history and the window they were read over (also used by modelCheck). */
export const readOutcomes = (dataset: Dataset, options: Pick<CalibrationOptions, 'from' | 'to'> = {}) => {
  const months = monthOutcomes(dataset);
  let last = '';
  let first = '';
  for (const list of months.values()) {
    for (const m of list) {
      if (!m.complete) continue;
      if (m.month > last) last = m.month;
      if (m.month >= CALIBRATION_FROM && (first === '' || m.month < first)) first = m.month;
    }
  }
  const from = options.from ?? (first === '' ? CALIBRATION_FROM : first);
  const to = options.to ?? last;
  const inWindow = [...months.values()].map((list) => list.filter((m) => m.complete && m.month >= from && m.month <= to));
  const naturalDays = naturalPendingDays(inWindow, 2 * dataset.fields.length);
  const staffed = new Set(dataset.staff.map((p) => p.centerCode));
  const readings = outcomeSignals(months, { from, to, staffed, naturalDays });
  return { from, to, readings, anyOutcomes: last !== '' };
};

const warningsOf = (dataset: Dataset, readings: readonly MonthReading[]): CalibrationWarning[] => {
  const warnings: CalibrationWarning[] = [];
  const noStaff = new Map<CenterCode, number>();
  let incomplete = 0;
  for (const r of readings) {
    if (r.excluded === 'no_staff') noStaff.set(r.centerCode, (noStaff.get(r.centerCode) ?? 0) + 1);
    if (r.excluded === 'no_outcomes') incomplete += 1;
  }
  const names = new Map(dataset.centers.map((c) => [c.code, c.nameVi]));
  for (const [center, count] of noStaff) {
    warnings.push({
      code: 'calibration.no_staff',
      params: { center, centerName: names.get(center) ?? center, months: count },
      message: `center ${center} (${names.get(center) ?? center}) has no civil servant in staff.csv: its ${count} months are left out of the calibration and the model check cannot judge them`,
    });
  }
  // The calibration scales official components, so a channel whose official minutes per dossier
  // are 0 stays at 0: said here, never left for a planner to find in the hours.
  const [lower, upper] = NORM_FACTOR_BOUNDS;
  dataset.fields.forEach((f, i) => {
    for (const channel of ['direct', 'online'] as const) {
      const column = channel === 'direct' ? 'min_direct' : 'min_online';
      if ((channel === 'direct' ? f.minDirect : f.minOnline) + f.minProcessing > 0) continue;
      const j = 2 * i + (channel === 'direct' ? 0 : 1);
      const dossiers = readings.reduce((s, r) => s + (r.signal === null ? 0 : r.outcomes.received[j] ?? 0), 0);
      if (dossiers === 0) continue;
      warnings.push({
        code: 'calibration.zero_norm',
        params: { field: f.field, channel, dossiers },
        message: `fields.csv, field ${f.field}: ${column} + min_processing = 0 minutes per ${channel} dossier; calibration scales each official component within ${lower}-${upper} of it, so it stays 0 and the ${dossiers.toLocaleString('en-US')} ${channel} dossiers of the fitted months count no work: give the field its minutes`,
      });
    }
  });
  if (incomplete > 0) {
    warnings.push({
      code: 'calibration.incomplete_outcomes',
      params: { months: incomplete },
      message: `${incomplete} center-months of the window lack outcome counts on some history rows: they are left out`,
    });
  }
  return warnings;
};

/** Calibrated norms of `dataset` (module comment), or why there are none. */
export const calibrateNorms = (highs: Highs, dataset: Dataset, options: CalibrationOptions = {}): NormCalibration => {
  const productivity = options.productivity ?? DEFAULT_PRODUCTIVITY;
  const allowance = options.unlistedAllowance ?? DEFAULT_UNLISTED_ALLOWANCE;
  const { from, to, readings, anyOutcomes } = readOutcomes(dataset, options);
  const warnings = warningsOf(dataset, readings);
  if (!anyOutcomes) {
    return { ok: false, reason: 'no_outcomes', warnings, message: 'the history has no outcome columns (resolved_on_time, resolved_late, pending): the norms cannot be checked against what happened, so the official norms are used' };
  }
  const used = readings.filter((r) => r.signal !== null);
  if (used.length === 0) {
    return { ok: false, reason: 'no_months', warnings, message: `no center-month from ${from} to ${to} has outcomes, dossiers and staff: the official norms are used` };
  }
  const fte = new Map<CenterCode, number>();
  for (const p of dataset.staff) fte.set(p.centerCode, (fte.get(p.centerCode) ?? 0) + p.fte);

  const b = linearModelBuilder();
  const [lower, upper] = NORM_FACTOR_BOUNDS;
  const minuteCols = dataset.fields.map((f, i) => {
    const official = officialOf(f);
    return COMPONENTS.map((c) => {
      const o = official[c];
      const col = b.addColumn({ name: `min_${i}_${c}`, cost: 0, lower: lower * o, upper: upper * o, integer: false });
      if (o > 0) {
        const over = b.addColumn({ name: `dev_over_${i}_${c}`, cost: NORM_PRIOR_WEIGHT / o, lower: 0, upper: Infinity, integer: false });
        const under = b.addColumn({ name: `dev_under_${i}_${c}`, cost: NORM_PRIOR_WEIGHT / o, lower: 0, upper: Infinity, integer: false });
        b.addRow(`prior_${i}_${c}`, o, o, [[col, 1], [over, -1], [under, 1]]);
      }
      return col;
    });
  });
  const capacityCol = new Map<CenterCode, number>();
  for (const r of used) {
    if (!capacityCol.has(r.centerCode)) {
      capacityCol.set(r.centerCode, b.addColumn({ name: `capacity_${r.centerCode}`, cost: CAPACITY_PRIOR_WEIGHT, lower: 1, upper: CAPACITY_FACTOR_MAX, integer: false }));
    }
  }
  /** Terms of `scale` x the hours of `received` cells, per unit of capacity `hours`. */
  const workTerms = (received: readonly number[], scale: number, hours: number): [number, number][] => {
    const terms: [number, number][] = [];
    received.forEach((n, j) => {
      if (n === 0) return;
      const cols = minuteCols[Math.floor(j / 2)];
      if (cols === undefined) return;
      const coefficient = (scale * n * (1 + allowance)) / 60 / hours;
      terms.push([cols[j % 2 === 0 ? 0 : 1] as number, coefficient], [cols[2] as number, coefficient]);
    });
    return terms;
  };
  let previous: MonthReading | undefined;
  used.forEach((r, index) => {
    const capacityHours = (fte.get(r.centerCode) ?? 0) * r.outcomes.workingDays * HOURS_PER_WORKING_DAY * productivity;
    const k = capacityCol.get(r.centerCode) as number;
    const carried = previous?.centerCode === r.centerCode && previous.month === addMonths(r.month, -1) && previous.signal === 'backlog' ? previous : undefined;
    const terms = workTerms(r.outcomes.received, 1, capacityHours);
    if (carried !== undefined) terms.push(...workTerms(carried.outcomes.received, carried.backlogShare ?? 0, capacityHours));
    const weight = Math.sqrt(r.outcomes.totalReceived / 1000);
    const over = b.addColumn({ name: `over_${index}`, cost: weight, lower: 0, upper: Infinity, integer: false });
    if (r.signal === 'backlog') {
      terms.push(...workTerms(r.outcomes.received, -(r.backlogShare ?? 0), capacityHours));
      const under = b.addColumn({ name: `under_${index}`, cost: weight, lower: 0, upper: Infinity, integer: false });
      b.addRow(`backlog_${index}`, 0, 0, [...terms, [k, -SUSTAINABLE_LOAD], [over, -1], [under, 1]]);
    } else if (r.signal === 'late') {
      b.addRow(`late_${index}`, 0, Infinity, [...terms, [k, -1], [over, 1]]);
    } else {
      b.addRow(`calm_${index}`, -Infinity, 0, [...terms, [k, -SUSTAINABLE_LOAD], [over, -1]]);
    }
    previous = r;
  });
  const model = b.build();
  const outcome = solveWithHighs(highs, model, { timeLimitSeconds: TIME_LIMIT_SECONDS });
  const solver = { status: outcome.status, objective: outcome.objective, columns: model.columns.length, rows: model.rows.length, seconds: outcome.seconds };
  if (outcome.x === null || outcome.status !== 'optimal') {
    return { ok: false, reason: 'solver_failed', warnings, message: `the calibration LP ended ${outcome.status}: the official norms are used` };
  }
  const x = outcome.x;
  const value = (col: number): number => x[col] ?? 0;

  // Channel mix and evidence per field over the fitted months, at official norms.
  const cells = 2 * dataset.fields.length;
  const dossiers = new Array<number>(cells).fill(0);
  const binding = new Array<number>(cells).fill(0);
  for (const r of used) {
    r.outcomes.received.forEach((n, j) => {
      dossiers[j] = (dossiers[j] ?? 0) + n;
      if (r.signal !== 'calm') binding[j] = (binding[j] ?? 0) + n;
    });
  }
  const officialMinutes = (j: number): number => {
    const f = dataset.fields[Math.floor(j / 2)];
    return f === undefined ? 0 : (j % 2 === 0 ? f.minDirect : f.minOnline) + f.minProcessing;
  };
  const bindingHours = binding.reduce((s, n, j) => s + n * officialMinutes(j), 0);
  const fields: CalibratedField[] = dataset.fields.map((f, i) => {
    const official = officialOf(f);
    const cols = minuteCols[i] as number[];
    const calibrated: FieldMinutes = { counter: value(cols[0] as number), online: value(cols[1] as number), processing: value(cols[2] as number) };
    const [nd, no] = [dossiers[2 * i] ?? 0, dossiers[2 * i + 1] ?? 0];
    const [bd, bo] = [binding[2 * i] ?? 0, binding[2 * i + 1] ?? 0];
    const officialDirect = official.counter + official.processing;
    const officialOnline = official.online + official.processing;
    const calibratedDirect = calibrated.counter + calibrated.processing;
    const calibratedOnline = calibrated.online + calibrated.processing;
    const officialHours = nd * officialDirect + no * officialOnline;
    const tolerance = 1e-6;
    return {
      field: f.field, official, calibrated, officialDirect, officialOnline, calibratedDirect, calibratedOnline,
      deviation: officialHours > 0 ? (nd * calibratedDirect + no * calibratedOnline) / officialHours - 1 : 0,
      atBound: COMPONENTS.filter((c) => official[c] > 0 && (calibrated[c] <= lower * official[c] * (1 + tolerance) || calibrated[c] >= upper * official[c] * (1 - tolerance))),
      evidence: bindingHours > 0 ? (bd * officialDirect + bo * officialOnline) / bindingHours : 0,
    };
  });
  const centers: CenterCapacity[] = [...capacityCol].map(([centerCode, col]) => {
    const mine = used.filter((r) => r.centerCode === centerCode);
    const count = (s: MonthSignal): number => mine.filter((r) => r.signal === s).length;
    return {
      centerCode, capacityFactor: value(col),
      backlogMonths: count('backlog'), lateMonths: count('late'), calmMonths: count('calm'),
      atBound: value(col) >= CAPACITY_FACTOR_MAX - 1e-6,
    };
  });
  const months = { backlog: 0, late: 0, calm: 0 } as Record<MonthSignal, number>;
  const excluded = { no_outcomes: 0, no_staff: 0, no_dossiers: 0, before_window: 0 } as Record<ExcludedReason, number>;
  for (const r of readings) {
    if (r.signal !== null) months[r.signal] += 1;
    else if (r.excluded !== null) excluded[r.excluded] += 1;
  }
  return { ok: true, from, to, fields, centers, months, excluded, solver, warnings };
};
