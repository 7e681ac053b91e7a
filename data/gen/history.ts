/**
 * The monthly dossiers received: for every center, month, field and channel, drawn around the
 * expected demand (demand.ts) with overdispersed noise; the published July 2025 months are set
 * exactly (anchors.ts) by largest-remainder allocation. What became of the dossiers (on time, late,
 * pending) is drawn afterwards from the hidden work content and each center's capacity
 * (outcomes.ts), once the staff are known.
 *
 * Noise: received = Poisson(expected x G_center_month x G_series), G ~ Gamma with mean 1 (sd 8% for the
 * center's month, 12% per field); the online count is binomial on the expected online share.
 */
import { allocate } from './allocate.ts';
import { ANCHOR_MONTH, JULY_2025_ANCHORS, type MonthAnchor } from './anchors.ts';
import { workingDaysOf } from './calendar.ts';
import { expectedDossiers, onlineShare, type CenterProfile } from './demand.ts';
import { FIELD_SPECS, type FieldSpec } from './fieldSpecs.ts';
import { randomStream } from './random.ts';

/** First and last month of the embedded history. */
export const HISTORY_FROM = '2023-01';
export const HISTORY_TO = '2026-10';

const CENTER_MONTH_SHAPE = 150; // sd 1/sqrt(150) = 8%
const SERIES_SHAPE = 70; // sd 12%

/** Dossiers of one center, month, field and channel received (outcomes not drawn yet). */
export interface ReceivedCell {
  readonly centerCode: string;
  readonly month: string;
  readonly spec: FieldSpec;
  readonly channel: 'direct' | 'online';
  readonly received: number;
}

/**
 * The share of a month's dossiers that the earlier generator drew as pending and late, kept only
 * so that each series' random stream advances exactly as it did then: the received counts (and so
 * the forecasts and every figure built on them) stay those of the dataset before the outcome model.
 * The draws themselves are discarded.
 */
const legacyPendingShare = (spec: FieldSpec, month: string): number =>
  Math.min(0.8, (spec.timeLimitDays + 0.5) / (2 * workingDaysOf(month).length));
const legacyLateShare = (center: CenterProfile, spec: FieldSpec, month: string): number => {
  const fieldFactor = spec.timeLimitDays === 0 ? 0.4 : 1 + spec.timeLimitDays / 15;
  const periodFactor = month < '2025-07' ? 1.3 : month <= '2025-09' ? 2.5 : 1;
  return Math.min(0.5, center.lateRate * fieldFactor * periodFactor);
};

/** The exact published month of an anchored center: received counts by field and channel. */
const anchoredReceived = (center: CenterProfile, anchor: MonthAnchor): ReceivedCell[] => {
  const cells = FIELD_SPECS.flatMap((spec) => {
    const n = expectedDossiers(center, spec, ANCHOR_MONTH);
    const p = onlineShare(center, spec, ANCHOR_MONTH);
    return [
      { spec, channel: 'direct' as const, expected: n * (1 - p) },
      { spec, channel: 'online' as const, expected: n * p },
    ];
  });
  const allowed = (cell: (typeof cells)[number]): boolean => {
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
  return cells.map((cell, i) => ({ centerCode: center.code, month: ANCHOR_MONTH, spec: cell.spec, channel: cell.channel, received: received[i] ?? 0 }));
};

/** Every received cell of one center over `months`, in month, field, channel order. */
export const centerReceived = (seed: number, center: CenterProfile, months: readonly string[]): ReceivedCell[] => {
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
      return (['direct', 'online'] as const).map((channel): ReceivedCell => {
        const received = channel === 'direct' ? total - online : online;
        const pending = random.binomial(received, legacyPendingShare(spec, month));
        random.binomial(received - pending, legacyLateShare(center, spec, month));
        return { centerCode: center.code, month, spec, channel, received };
      });
    });
    return anchor !== undefined && month === ANCHOR_MONTH ? anchoredReceived(center, anchor) : drawn;
  });
};
