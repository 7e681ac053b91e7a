/**
 * The monthly dossier history: for every center, month, field and channel, the dossiers received and
 * what became of them. Drawn around the expected demand (demand.ts) with overdispersed noise, then
 * the published July 2025 months are set exactly (anchors.ts) by largest-remainder allocation.
 *
 * Noise: received = Poisson(expected x G_center_month x G_series), G ~ Gamma with mean 1 (sd 8% for the
 * center's month, 12% per field); the online count is binomial on the expected online share.
 * Outcomes: pending = Binomial(received, (limit + 0.5) / (2 x working days)), capped at 80%: a dossier
 * still within its limit at the month's close; late = Binomial(resolved, late share).
 */
import type { Channel, HistoryRow } from '../../solver/domain.ts';
import { allocate } from './allocate.ts';
import { ANCHOR_MONTH, JULY_2025_ANCHORS, type MonthAnchor } from './anchors.ts';
import { workingDaysOf } from './calendar.ts';
import { expectedDossiers, isPreReform, onlineShare, type CenterProfile } from './demand.ts';
import { FIELD_SPECS, type FieldSpec } from './fieldSpecs.ts';
import { randomStream } from './random.ts';

/** First and last month of the embedded history. */
export const HISTORY_FROM = '2023-01';
export const HISTORY_TO = '2026-10';

const CENTER_MONTH_SHAPE = 150; // sd 1/sqrt(150) = 8%
const SERIES_SHAPE = 70; // sd 12%

/** Share of a month's received dossiers still pending at its close. */
export const pendingShare = (spec: FieldSpec, month: string): number =>
  Math.min(0.8, (spec.timeLimitDays + 0.5) / (2 * workingDaysOf(month).length));

/** Share of resolved dossiers resolved late at this center, field and month. */
export const lateShare = (center: CenterProfile, spec: FieldSpec, month: string): number => {
  const fieldFactor = spec.timeLimitDays === 0 ? 0.4 : 1 + spec.timeLimitDays / 15;
  // Before the reform slightly worse; the first quarter of the new system (July-September 2025) much worse.
  const periodFactor = isPreReform(month) ? 1.3 : month <= '2025-09' ? 2.5 : 1;
  return Math.min(0.5, center.lateRate * fieldFactor * periodFactor);
};

interface Cell {
  readonly spec: FieldSpec;
  readonly channel: Channel;
  /** Expected received dossiers of this field and channel. */
  readonly expected: number;
}

const cellsOf = (center: CenterProfile, month: string): Cell[] =>
  FIELD_SPECS.flatMap((spec) => {
    const n = expectedDossiers(center, spec, month);
    const p = onlineShare(center, spec, month);
    return [
      { spec, channel: 'direct' as const, expected: n * (1 - p) },
      { spec, channel: 'online' as const, expected: n * p },
    ];
  });

const row = (center: CenterProfile, month: string, cell: Cell, received: number, pending: number, late: number): HistoryRow => ({
  centerCode: center.code, month, field: cell.spec.field, channel: cell.channel,
  received, resolvedOnTime: received - pending - late, resolvedLate: late, pending,
});

/** The exact published month of an anchored center. */
const anchoredMonth = (center: CenterProfile, anchor: MonthAnchor): HistoryRow[] => {
  const cells = cellsOf(center, ANCHOR_MONTH);
  const allowed = (cell: Cell): boolean => {
    const fields = cell.channel === 'direct' ? anchor.directFields : anchor.onlineFields;
    return fields === undefined || fields.includes(cell.spec.field);
  };
  const weights = cells.map((c) => (allowed(c) ? c.expected : 0));
  let received: number[];
  if (anchor.direct !== undefined && anchor.online !== undefined) {
    const direct = allocate(anchor.direct, weights.map((w, i) => (cells[i]?.channel === 'direct' ? w : 0)));
    const online = allocate(anchor.online, weights.map((w, i) => (cells[i]?.channel === 'online' ? w : 0)));
    received = direct.map((d, i) => d + (online[i] ?? 0));
  } else {
    received = allocate(anchor.received, weights);
  }
  const pendingWeights = cells.map((c, i) => (received[i] ?? 0) * pendingShare(c.spec, ANCHOR_MONTH));
  const resolvedTotal = anchor.resolved ?? Math.round(received.reduce((s, n, i) => s + n - (pendingWeights[i] ?? 0), 0));
  const pending = allocate(anchor.received - resolvedTotal, pendingWeights, received);
  const resolved = received.map((n, i) => n - (pending[i] ?? 0));
  const lateWeights = cells.map((c, i) => (resolved[i] ?? 0) * lateShare(center, c.spec, ANCHOR_MONTH));
  const lateTotal =
    anchor.onTimeShare === undefined
      ? Math.round(lateWeights.reduce((a, b) => a + b, 0))
      : resolvedTotal - onTimeCountFor(resolvedTotal, anchor.onTimeShare);
  const late = allocate(lateTotal, lateWeights, resolved);
  return cells.map((cell, i) => row(center, ANCHOR_MONTH, cell, received[i] ?? 0, pending[i] ?? 0, late[i] ?? 0));
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

/** Every history row of one center over `months`, in month, field, channel order. */
export const centerHistory = (seed: number, center: CenterProfile, months: readonly string[]): HistoryRow[] => {
  const shocks = randomStream(seed, `center-month:${center.code}`);
  const series = new Map(FIELD_SPECS.map((s) => [s.field, randomStream(seed, `series:${center.code}:${s.field}`)]));
  const anchor = JULY_2025_ANCHORS.find((a) => a.code === center.code);
  return months.flatMap((month) => {
    const shock = shocks.gammaMeanOne(CENTER_MONTH_SHAPE);
    // The series streams advance in the anchored month too, so pinning it leaves later months as drawn.
    const drawn = FIELD_SPECS.flatMap((spec) => {
      const random = series.get(spec.field)!;
      const total = random.poisson(expectedDossiers(center, spec, month) * shock * random.gammaMeanOne(SERIES_SHAPE));
      const online = random.binomial(total, onlineShare(center, spec, month));
      return (['direct', 'online'] as const).map((channel) => {
        const received = channel === 'direct' ? total - online : online;
        const pending = random.binomial(received, pendingShare(spec, month));
        const late = random.binomial(received - pending, lateShare(center, spec, month));
        return row(center, month, { spec, channel, expected: 0 }, received, pending, late);
      });
    });
    return anchor !== undefined && month === ANCHOR_MONTH ? anchoredMonth(center, anchor) : drawn;
  });
};
