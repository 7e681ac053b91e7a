/**
 * The model check: for every center and month of the history, the load the norms give (work over
 * the listed staff's capacity) next to what the city saw happen (on time, late, pending and its
 * change), and a verdict in words where they disagree:
 *
 * - `overloaded_unseen`: load above SUSTAINABLE_LOAD (+ FLAG_TOLERANCE) but nothing late beyond the usual and no
 *   backlog at the close ("modelled 435% but 0 late: norms or staff count likely wrong");
 * - `late_unexplained`: load below IMPLAUSIBLE_LOW_LOAD but late or backlogged (the cause lies
 *   elsewhere, or fewer people work there than the list says);
 * - `overloaded`: above capacity and late or backlogged, as the load explains;
 * - `overtime`: above capacity, within the overtime band, nothing late: busy but coping;
 * - `consistent`: at or below capacity and no more late than usual (or near capacity and slipping);
 * - `not_judged`: before the calibration window (today's staff list does not describe those units),
 *   no outcome counts, no staff listed, or no dossiers.
 *
 * The outcome signals are those of the calibration (outcomeSignals.ts), so the check and the fit
 * read the history the same way. Pure.
 */
import { sampleCorrelation } from 'simple-statistics';
import type { CenterCode, Dataset, Month } from '../domain.ts';
import type { Coded, MessageParams } from '../messageCode.ts';
import { applyCalibration } from './applyCalibration.ts';
import { DEFAULT_PRODUCTIVITY, HOURS_PER_WORKING_DAY } from './availableHours.ts';
import { readOutcomes } from './calibrateNorms.ts';
import {
  FLAG_TOLERANCE, IMPLAUSIBLE_LOW_LOAD, SUSTAINABLE_LOAD,
  type ExcludedReason, type MonthSignal, type NormCalibration, type NormsChoice, type NormsUsed,
} from './calibrationTypes.ts';
import { DEFAULT_UNLISTED_ALLOWANCE } from './dossierHours.ts';
import type { MonthReading } from './outcomeSignals.ts';

export type CheckVerdict = 'overloaded_unseen' | 'late_unexplained' | 'overloaded' | 'overtime' | 'consistent' | 'not_judged';

/** Codes of the verdicts' sentences: `check.<verdict>`, and `check.not_judged.<reason>`. */
export type CheckCode = `check.${Exclude<CheckVerdict, 'not_judged'>}` | `check.not_judged.${ExcludedReason}`;

export interface ModelCheckRow extends Coded<CheckCode> {
  readonly centerCode: CenterCode;
  readonly month: Month;
  readonly received: number;
  /** Shares of the resolved (on time, late) and of the received (pending); null without outcomes. */
  readonly onTimeShare: number | null;
  readonly lateShare: number | null;
  readonly pendingShare: number | null;
  /** Pending share minus the previous month's. */
  readonly pendingShareChange: number | null;
  /** Share of the month's dossiers waiting because of a backlog (0 when none is seen). */
  readonly backlogShare: number | null;
  /** Work at the norms in use over (capacity factor x the listed staff's available hours); null without staff. */
  readonly load: number | null;
  readonly signal: MonthSignal | null;
  readonly verdict: CheckVerdict;
  /** The verdict in English words (the CLI's and the API's; `code` and `params` for other languages). */
  readonly message: string;
}

export interface ModelCheckSummary {
  /** Center-months judged, and how many of each verdict. */
  readonly judged: number;
  readonly verdicts: Readonly<Record<CheckVerdict, number>>;
  /** overloaded_unseen + late_unexplained. */
  readonly flagged: number;
  /** Pearson correlation of load and late share over the judged center-months (null below 3). */
  readonly loadLateCorrelation: number | null;
}

export interface ModelCheck {
  readonly norms: NormsUsed;
  /** False when the history records no outcomes: nothing can be judged. */
  readonly possible: boolean;
  /** Why it cannot be done, in words; null when it can. */
  readonly reason: string | null;
  /** Months judged: the calibration window. */
  readonly from: Month;
  readonly to: Month;
  readonly summary: ModelCheckSummary;
  /** Every center-month of the history, center by center (the dataset's order), month by month. */
  readonly rows: readonly ModelCheckRow[];
  /** The calibration of the dataset (also when the official norms are checked: what it would change). */
  readonly calibration: NormCalibration;
}

export interface ModelCheckOptions {
  readonly productivity?: number;
  readonly unlistedAllowance?: number;
}

const percent = (x: number): string => `${Math.round(x * 100)}%`;

const NOT_JUDGED: Readonly<Record<ExcludedReason, string>> = {
  before_window: 'before the calibration window: today\'s staff list does not describe these units',
  no_outcomes: 'no outcome counts recorded: cannot be judged',
  no_staff: 'no civil servant listed: the load cannot be judged',
  no_dossiers: 'no dossiers',
};

/** The verdict of one judged month and its sentence. */
const verdictOf = (load: number, reading: MonthReading): { verdict: CheckVerdict; code: CheckCode; params: MessageParams; message: string } => {
  const late = reading.outcomes.totalLate;
  const lateShare = reading.lateShare ?? 0;
  const backlog = Math.max(0, reading.backlogShare ?? 0);
  const params = { load, late, lateShare, backlogShare: backlog };
  const troubled = reading.signal === 'backlog' || reading.signal === 'late';
  const seen = reading.signal === 'backlog' ? `a backlog of ${percent(backlog)} and ${percent(lateShare)} late` : `${percent(lateShare)} late`;
  if (load > SUSTAINABLE_LOAD + FLAG_TOLERANCE && !troubled) {
    const said = late === 0 ? '0 late' : `no more late than usual (${late}) and no backlog`;
    return { verdict: 'overloaded_unseen', code: 'check.overloaded_unseen', params, message: `modelled ${percent(load)} but ${said}: norms or staff count likely wrong` };
  }
  if (load < IMPLAUSIBLE_LOW_LOAD && troubled) {
    return { verdict: 'late_unexplained', code: 'check.late_unexplained', params, message: `modelled ${percent(load)} but ${seen}: not from the workload (other causes, or fewer people than listed)` };
  }
  if (load > 1 && troubled) return { verdict: 'overloaded', code: 'check.overloaded', params, message: `overloaded (${percent(load)}): ${seen}, as the load explains` };
  if (load > 1) return { verdict: 'overtime', code: 'check.overtime', params, message: `busy (${percent(load)}): within the overtime band, nothing late beyond the usual` };
  return { verdict: 'consistent', code: 'check.consistent', params, message: `${percent(load)}: consistent with ${troubled ? seen : 'what happened'}` };
};

/** The model check of `dataset` with the `choice` of norms, given its calibration (calibrateNorms.ts). */
export const modelCheck = (dataset: Dataset, choice: NormsChoice, calibration: NormCalibration, options: ModelCheckOptions = {}): ModelCheck => {
  const productivity = options.productivity ?? DEFAULT_PRODUCTIVITY;
  const allowance = options.unlistedAllowance ?? DEFAULT_UNLISTED_ALLOWANCE;
  const window = calibration.ok ? { from: calibration.from, to: calibration.to } : {};
  const { from, to, readings, anyOutcomes } = readOutcomes(dataset, window);
  const applied = choice === 'calibrated' && calibration.ok ? applyCalibration(dataset, calibration) : null;
  const norms: NormsUsed = applied !== null && calibration.ok
    ? { requested: choice, used: 'calibrated', fittedFrom: calibration.from, fittedTo: calibration.to, fallback: null }
    : { requested: choice, used: 'official', fittedFrom: null, fittedTo: null, fallback: choice === 'calibrated' && !calibration.ok ? calibration.reason : null };
  const fields = applied?.fields ?? dataset.fields;
  const minutes = fields.flatMap((f) => [f.minDirect + f.minProcessing, f.minOnline + f.minProcessing]);
  const fte = new Map<CenterCode, number>();
  for (const p of dataset.staff) fte.set(p.centerCode, (fte.get(p.centerCode) ?? 0) + p.fte);
  const order = new Map(dataset.centers.map((c, i) => [c.code, i]));
  const rows: ModelCheckRow[] = readings
    .map((r): ModelCheckRow => {
      const factor = applied?.capacityFactorByCenter.get(r.centerCode) ?? 1;
      const capacity = (fte.get(r.centerCode) ?? 0) * r.outcomes.workingDays * HOURS_PER_WORKING_DAY * productivity * factor;
      const work = r.outcomes.received.reduce((s, n, j) => s + (n * (minutes[j] ?? 0)) / 60, 0) * (1 + allowance);
      const load = capacity > 0 ? work / capacity : null;
      const base = {
        centerCode: r.centerCode, month: r.month, received: r.outcomes.totalReceived,
        onTimeShare: r.onTimeShare, lateShare: r.lateShare, pendingShare: r.pendingShare, pendingShareChange: r.pendingShareChange,
        backlogShare: r.backlogShare === null ? null : r.signal === 'backlog' ? Math.max(0, r.backlogShare) : 0,
        load, signal: r.signal,
      };
      if (r.signal === null || load === null) {
        const reason: ExcludedReason = r.excluded ?? 'no_staff';
        return { ...base, verdict: 'not_judged', code: `check.not_judged.${reason}`, params: {}, message: NOT_JUDGED[reason] };
      }
      return { ...base, ...verdictOf(load, r) };
    })
    .sort((a, b) => (order.get(a.centerCode) ?? 0) - (order.get(b.centerCode) ?? 0) || (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const verdicts = { overloaded_unseen: 0, late_unexplained: 0, overloaded: 0, overtime: 0, consistent: 0, not_judged: 0 } as Record<CheckVerdict, number>;
  for (const row of rows) verdicts[row.verdict] += 1;
  const judged = rows.filter((r) => r.verdict !== 'not_judged' && r.load !== null && r.lateShare !== null);
  const summary: ModelCheckSummary = {
    judged: judged.length,
    verdicts,
    flagged: verdicts.overloaded_unseen + verdicts.late_unexplained,
    loadLateCorrelation: judged.length >= 3 ? sampleCorrelation(judged.map((r) => r.load as number), judged.map((r) => r.lateShare as number)) : null,
  };
  const reason = anyOutcomes ? null : 'the history records no outcomes (resolved_on_time, resolved_late, pending): the model cannot be checked against what happened, and the official norms are used';
  return { norms, possible: anyOutcomes, reason, from, to, summary, rows, calibration };
};
