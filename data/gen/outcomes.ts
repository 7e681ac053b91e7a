/**
 * What became of the dossiers: resolved on time, resolved late, or pending at the month's close,
 * drawn from the hidden work content (trueWork.ts) against each center's real capacity with a
 * monthly backlog queue, so that lateness and backlog follow the load as they would in a real city.
 *
 * Per center, month after month from the reform on (first-in, first-out, in hours):
 *   work W      = sum of received x true minutes / 60, plus the 10% for requests outside the list
 *   capacity    = capacity factor x listed FTE x hours per FTE of the month (today's staff list)
 *   load        = (backlog carried in + W) / capacity
 *   done        = min(backlog in + W, SUSTAINABLE_OVERTIME x capacity); backlog out = the rest
 *   backlog share e = backlog out / W: the month's own last dossiers still waiting at the close
 * Each cell's pending share is e + (1 - e) x the natural share (dossiers still inside their time
 * limit at the close); its late share of the resolved is the center's baseline rate, plus a slip
 * inside the overtime band (load 1.1-1.3: from 0 to SLIP_MAX), plus a delay term when a backlog
 * makes dossiers wait (mean queue of D working days: LATE_FROM_DELAY x (1 - exp(-D / (limit + 5)))).
 *
 * Before the reform the units were others and today's staff list says nothing of their capacity:
 * those months draw the natural pending share and the baseline late rate (x1.3), independent of
 * load. The published July 2025 months are written exactly, split over fields and channels in
 * proportion to the same model's expectations. The new centers start on 1 July 2025 with no backlog.
 */
import type { HistoryRow } from '../../solver/domain.ts';
import { availableHoursPerFte } from '../../solver/workload/availableHours.ts';
import { DEFAULT_UNLISTED_ALLOWANCE } from '../../solver/workload/dossierHours.ts';
import { allocate } from './allocate.ts';
import { ANCHOR_MONTH, type MonthAnchor } from './anchors.ts';
import { workingDaysOf } from './calendar.ts';
import { isPreReform, type CenterProfile } from './demand.ts';
import type { FieldSpec } from './fieldSpecs.ts';
import type { ReceivedCell } from './history.ts';
import { randomStream } from './random.ts';
import { SUSTAINABLE_OVERTIME, trueMinutes } from './trueWork.ts';

/** Load at which the overtime band starts to let dossiers slip, and the late share it adds at the band's top. */
const SLIP_FROM = 1.1;
const SLIP_MAX = 0.015;
/** Most of the late share a backlog's wait adds (most overdue dossiers are still pending at the close). */
const LATE_FROM_DELAY = 0.12;
/** Baseline lateness of the first quarter of the new system (July-September 2025), as a multiple. */
const SETTLING_IN = 1.8;
/** Baseline lateness before the reform, as a multiple. */
const PRE_REFORM = 1.3;
/** Largest backlog share of one month's dossiers. */
const MAX_BACKLOG_SHARE = 0.9;

/**
 * Share of a month's dossiers still inside their time limit when the month closes: those received
 * in about the last limit + 0.4 working days, two thirds of them not yet finished. Set so that the
 * three published months with a resolved count (Kiến An, Phù Liễn, An Lão) read as calm months.
 */
export const naturalPendingShare = (spec: FieldSpec, month: string): number =>
  Math.min(0.8, (spec.timeLimitDays + 0.4) / (1.55 * workingDaysOf(month).length));

/** Late share of resolved dossiers not caused by load: missing papers, other agencies, the new system. */
export const baselineLateShare = (center: CenterProfile, spec: FieldSpec, month: string): number => {
  const fieldFactor = spec.timeLimitDays === 0 ? 0.4 : 1 + spec.timeLimitDays / 15;
  const periodFactor = isPreReform(month) ? PRE_REFORM : month <= '2025-09' ? SETTLING_IN : 1;
  return Math.min(0.5, center.lateRate * fieldFactor * periodFactor);
};

/** The queue of one center in one month. */
export interface MonthLoad {
  readonly month: string;
  /** True hours of the month's dossiers on the listed staff, allowance included. */
  readonly workHours: number;
  /** Capacity factor x listed FTE x hours per FTE. */
  readonly capacityHours: number;
  /** (backlog in + work) / capacity; 0 before the reform (not modelled). */
  readonly load: number;
  readonly backlogInHours: number;
  readonly backlogOutHours: number;
  /** Share of the month's dossiers waiting at the close because of the backlog. */
  readonly backlogShare: number;
  /** Mean wait in the queue, working days. */
  readonly delayDays: number;
}

/** Mean true work over the listed staff's nominal hours in the months from the reform on (0 without staff). */
export const meanTrueLoad = (cells: readonly ReceivedCell[], listedFte: number): number => {
  const loads = centerLoads(cells, listedFte, 1).filter((l) => !isPreReform(l.month) && l.capacityHours > 0);
  return loads.length === 0 ? 0 : loads.reduce((s, l) => s + l.workHours / l.capacityHours, 0) / loads.length;
};

/** The queue month by month; `cells` hold the center's received cells of every month. */
export const centerLoads = (
  cells: readonly ReceivedCell[],
  listedFte: number,
  capacityFactor: number,
): MonthLoad[] => {
  const work = new Map<string, number>();
  for (const c of cells) {
    const t = trueMinutes(c.spec);
    const minutes = c.received * (c.channel === 'direct' ? t.direct : t.online);
    work.set(c.month, (work.get(c.month) ?? 0) + (minutes / 60) * (1 + DEFAULT_UNLISTED_ALLOWANCE));
  }
  let backlog = 0;
  return [...work].map(([month, workHours]): MonthLoad => {
    const capacityHours = capacityFactor * listedFte * availableHoursPerFte(month);
    if (isPreReform(month) || !(capacityHours > 0)) {
      return { month, workHours, capacityHours, load: 0, backlogInHours: 0, backlogOutHours: 0, backlogShare: 0, delayDays: 0 };
    }
    const backlogInHours = backlog;
    const load = (backlogInHours + workHours) / capacityHours;
    const done = Math.min(backlogInHours + workHours, SUSTAINABLE_OVERTIME * capacityHours);
    backlog = backlogInHours + workHours - done;
    const perDay = (SUSTAINABLE_OVERTIME * capacityHours) / workingDaysOf(month).length;
    return {
      month, workHours, capacityHours, load, backlogInHours, backlogOutHours: backlog,
      backlogShare: workHours > 0 ? Math.min(MAX_BACKLOG_SHARE, backlog / workHours) : 0,
      delayDays: (backlogInHours + backlog) / 2 / perDay,
    };
  });
};

/** Expected pending share of a cell's dossiers and late share of its resolved ones. */
const cellShares = (center: CenterProfile, cell: ReceivedCell, load: MonthLoad): { pending: number; late: number } => {
  const natural = naturalPendingShare(cell.spec, cell.month);
  const pending = load.backlogShare + (1 - load.backlogShare) * natural;
  const slip = SLIP_MAX * Math.min(1, Math.max(0, (load.load - SLIP_FROM) / (SUSTAINABLE_OVERTIME - SLIP_FROM))) ** 2;
  const delay = LATE_FROM_DELAY * (1 - Math.exp(-load.delayDays / (cell.spec.timeLimitDays + 5)));
  return { pending, late: Math.min(0.95, baselineLateShare(center, cell.spec, cell.month) + slip + delay) };
};

/**
 * The on-time count whose share of `resolved`, rounded to 0.01%, is the published share. Throws when
 * no count does (a published share and total that cannot both hold).
 */
export const onTimeCountFor = (resolved: number, share: number): number => {
  const count = Math.round(resolved * share);
  if (Math.round((count / resolved) * 10000) !== Math.round(share * 10000)) {
    throw new Error(`onTimeCountFor: no count of ${resolved} resolved gives ${(share * 100).toFixed(2)}% on time`);
  }
  return count;
};

/**
 * The resolved count nearest `expected` of which some count is the published on-time share to
 * 0.01% (not every total is: 2,897 resolved gives 95.34% or 95.37%, never 95.35%).
 */
export const nearestResolvedFor = (expected: number, share: number): number => {
  const fits = (n: number): boolean => n > 0 && Math.round((Math.round(n * share) / n) * 10000) === Math.round(share * 10000);
  for (let d = 0; d <= expected; d += 1) {
    if (fits(expected - d)) return expected - d;
    if (fits(expected + d)) return expected + d;
  }
  throw new Error(`nearestResolvedFor: no resolved count near ${expected} gives ${(share * 100).toFixed(2)}% on time`);
};

const row = (cell: ReceivedCell, pending: number, late: number): HistoryRow => ({
  centerCode: cell.centerCode, month: cell.month, field: cell.spec.field, channel: cell.channel,
  received: cell.received, resolvedOnTime: cell.received - pending - late, resolvedLate: late, pending,
});

/** The published month: totals as published, split in proportion to the model's expectations. */
const anchoredOutcomes = (cells: readonly ReceivedCell[], shares: readonly { pending: number; late: number }[], anchor: MonthAnchor): HistoryRow[] => {
  const received = cells.map((c) => c.received);
  const pendingWeights = received.map((n, i) => n * (shares[i]?.pending ?? 0));
  const expectedResolved = Math.round(received.reduce((s, n, i) => s + n - (pendingWeights[i] ?? 0), 0));
  const resolvedTotal = anchor.resolved ?? (anchor.onTimeShare === undefined ? expectedResolved : nearestResolvedFor(expectedResolved, anchor.onTimeShare));
  const pending = allocate(anchor.received - resolvedTotal, pendingWeights, received);
  const resolved = received.map((n, i) => n - (pending[i] ?? 0));
  const lateWeights = resolved.map((n, i) => n * (shares[i]?.late ?? 0));
  const lateTotal =
    anchor.onTimeShare === undefined
      ? Math.round(lateWeights.reduce((a, b) => a + b, 0))
      : resolvedTotal - onTimeCountFor(resolvedTotal, anchor.onTimeShare);
  const late = allocate(lateTotal, lateWeights, resolved);
  return cells.map((cell, i) => row(cell, pending[i] ?? 0, late[i] ?? 0));
};

/**
 * Every history row of one center: `cells` are its received cells in month, field, channel order;
 * `listedFte` its staff list's FTE; `capacityFactor` its true factor (trueWork.ts).
 */
export const centerOutcomes = (
  seed: number,
  center: CenterProfile,
  cells: readonly ReceivedCell[],
  listedFte: number,
  capacityFactor: number,
  anchor: MonthAnchor | undefined,
): HistoryRow[] => {
  const loads = new Map(centerLoads(cells, listedFte, capacityFactor).map((l) => [l.month, l]));
  const streams = new Map<string, ReturnType<typeof randomStream>>();
  const streamOf = (cell: ReceivedCell) => {
    const key = `${cell.spec.field}:${cell.channel}`;
    let s = streams.get(key);
    if (s === undefined) {
      s = randomStream(seed, `outcomes:${center.code}:${key}`);
      streams.set(key, s);
    }
    return s;
  };
  const byMonth = new Map<string, ReceivedCell[]>();
  for (const c of cells) {
    const list = byMonth.get(c.month) ?? [];
    list.push(c);
    byMonth.set(c.month, list);
  }
  return [...byMonth].flatMap(([month, monthCells]) => {
    const load = loads.get(month) as MonthLoad;
    const shares = monthCells.map((c) => cellShares(center, c, load));
    // Every stream draws in the anchored month too, so pinning it leaves later months as drawn.
    const drawn = monthCells.map((c, i) => {
      const random = streamOf(c);
      const pending = random.binomial(c.received, shares[i]?.pending ?? 0);
      return row(c, pending, random.binomial(c.received - pending, shares[i]?.late ?? 0));
    });
    return anchor !== undefined && month === ANCHOR_MONTH ? anchoredOutcomes(monthCells, shares, anchor) : drawn;
  });
};
