/**
 * What each center-month's outcomes say about its load, read from the counts alone (no norms):
 *
 * - **Backlog at the close.** Pending = the month's own dossiers still waiting because of a backlog
 *   (share e, first in, first out: the latest arrivals wait) plus, of the others, those still inside
 *   their time limit (the natural share n of each cell, naturalPending.ts). So
 *   e = (pending - sum received x n) / sum received x (1 - n), with the binomial spread of the natural
 *   part as its error: a backlog when e is above BACKLOG_MIN_SHARE and SIGNAL_Z errors.
 * - **Lateness above the usual.** Expected late share of the resolved = the center's usual rate (its
 *   median over the window when it has at least MIN_USUAL_MONTHS there, else the median of the
 *   centers' usual rates: a center seen once cannot show what is usual for it) x the city's factor of that month (the median over centers of their
 *   month's rate over their usual one: July-September 2025 ran late everywhere while the new system
 *   settled in, whatever the load). Late when the share is above it by LATE_RISE_MIN and SIGNAL_Z errors.
 *
 * Months before the window, without outcomes, without dossiers, or of a center without staff are
 * read (shares shown) but carry no signal.
 */
import { median } from 'simple-statistics';
import type { CenterCode, Month } from '../domain.ts';
import type { ExcludedReason, MonthSignal } from './calibrationTypes.ts';
import type { MonthOutcomes } from './monthOutcomes.ts';
import { naturalShare } from './naturalPending.ts';

/** Least backlog share of a month's dossiers that counts as a backlog (2%: below, pending noise and rounding). */
export const BACKLOG_MIN_SHARE = 0.02;
/** Least rise of the late share above the expected one that counts (2 points). */
export const LATE_RISE_MIN = 0.02;
/** How many standard errors a backlog or a rise must clear. */
export const SIGNAL_Z = 3;
/** Months a center needs in the window for its own usual late rate. */
export const MIN_USUAL_MONTHS = 6;
/** Floor of the expected late share in its standard error (a center that is never late still slips now and then). */
const LATE_SHARE_FLOOR = 0.005;

export interface MonthReading {
  readonly centerCode: CenterCode;
  readonly month: Month;
  readonly outcomes: MonthOutcomes;
  /** Pending share of the month's dossiers; late and on-time shares of its resolved ones (null when none resolved or no outcomes). */
  readonly pendingShare: number | null;
  readonly lateShare: number | null;
  readonly onTimeShare: number | null;
  /** Pending share minus the center's previous month's (null for its first month or without outcomes). */
  readonly pendingShareChange: number | null;
  /** Estimated share of the month's dossiers waiting because of a backlog (may be below 0 by noise), and its standard error. */
  readonly backlogShare: number | null;
  readonly backlogError: number | null;
  readonly expectedLateShare: number | null;
  readonly signal: MonthSignal | null;
  readonly excluded: ExcludedReason | null;
}

export interface SignalOptions {
  readonly from: Month;
  readonly to: Month;
  /** Centers with at least one civil servant on the list. */
  readonly staffed: ReadonlySet<CenterCode>;
  /** Natural pending share x working days per cell (naturalPending.ts). */
  readonly naturalDays: readonly number[];
}

const resolvedOf = (m: MonthOutcomes): number => m.totalLate + m.totalOnTime;
const lateShareOf = (m: MonthOutcomes): number | null => (resolvedOf(m) > 0 ? m.totalLate / resolvedOf(m) : null);

/** The backlog share estimate of a month and its standard error (module comment). */
export const backlogEstimate = (m: MonthOutcomes, naturalDays: readonly number[]): { share: number; error: number } | null => {
  let expected = 0;
  let rest = 0;
  let variance = 0;
  const days = m.workingDays;
  m.received.forEach((n, j) => {
    const p = naturalShare(naturalDays[j] ?? 0, days);
    expected += n * p;
    rest += n * (1 - p);
    variance += n * p * (1 - p);
  });
  if (!(rest > 0)) return null;
  return { share: (m.totalPending - expected) / rest, error: Math.sqrt(variance) / rest };
};

const inWindow = (month: Month, o: SignalOptions): boolean => month >= o.from && month <= o.to;

const exclusionOf = (m: MonthOutcomes, o: SignalOptions): ExcludedReason | null =>
  !m.complete ? 'no_outcomes' : !inWindow(m.month, o) ? 'before_window' : m.totalReceived === 0 ? 'no_dossiers' : !o.staffed.has(m.centerCode) ? 'no_staff' : null;

/** Every center-month read, in the order of `months` (center by center, month by month). */
export const outcomeSignals = (months: ReadonlyMap<CenterCode, readonly MonthOutcomes[]>, options: SignalOptions): MonthReading[] => {
  const usable = (m: MonthOutcomes): boolean => inWindow(m.month, options) && m.complete && resolvedOf(m) > 0;
  const own = new Map<CenterCode, number>();
  for (const [code, list] of months) {
    const shares = list.filter(usable).map((m) => lateShareOf(m) as number);
    if (shares.length >= MIN_USUAL_MONTHS) own.set(code, median(shares));
  }
  const cityUsual = own.size > 0 ? median([...own.values()]) : 0;
  const usual = new Map<CenterCode, number>([...months.keys()].map((code) => [code, own.get(code) ?? cityUsual]));
  const ratios = new Map<Month, number[]>();
  for (const [code, list] of months) {
    const base = usual.get(code) ?? 0;
    if (!(base > 0)) continue;
    for (const m of list.filter(usable)) {
      const xs = ratios.get(m.month) ?? [];
      xs.push((lateShareOf(m) as number) / base);
      ratios.set(m.month, xs);
    }
  }
  const monthFactor = new Map([...ratios].map(([month, xs]) => [month, median(xs)]));
  const readings: MonthReading[] = [];
  for (const [code, list] of months) {
    let previous: MonthOutcomes | undefined;
    for (const m of list) {
      const excluded = exclusionOf(m, options);
      const pendingShare = m.complete && m.totalReceived > 0 ? m.totalPending / m.totalReceived : null;
      const before = previous?.complete === true && previous.totalReceived > 0 ? previous.totalPending / previous.totalReceived : null;
      const lateShare = m.complete ? lateShareOf(m) : null;
      const backlog = m.complete ? backlogEstimate(m, options.naturalDays) : null;
      const expectedLateShare = excluded === null || excluded === 'no_staff' ? (usual.get(code) ?? 0) * (monthFactor.get(m.month) ?? 1) : null;
      let signal: MonthSignal | null = null;
      if (excluded === null) {
        const resolved = resolvedOf(m);
        const p = Math.max(expectedLateShare ?? 0, LATE_SHARE_FLOOR);
        const lateError = Math.sqrt((p * (1 - p)) / Math.max(1, resolved));
        const rise = (lateShare ?? 0) - (expectedLateShare ?? 0);
        signal = backlog !== null && backlog.share > BACKLOG_MIN_SHARE && backlog.share > SIGNAL_Z * backlog.error
          ? 'backlog'
          : rise > LATE_RISE_MIN && rise > SIGNAL_Z * lateError ? 'late' : 'calm';
      }
      readings.push({
        centerCode: code,
        month: m.month,
        outcomes: m,
        pendingShare,
        lateShare,
        onTimeShare: lateShare === null ? null : 1 - lateShare,
        pendingShareChange: pendingShare !== null && before !== null ? pendingShare - before : null,
        backlogShare: backlog?.share ?? null,
        backlogError: backlog?.error ?? null,
        expectedLateShare,
        signal,
        excluded,
      });
      previous = m;
    }
  }
  return readings;
};
