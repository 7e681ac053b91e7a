/**
 * Dossiers per center, field and channel in the period, after the scenario's levers: from the
 * history when the period is a past month, otherwise from the forecasts at the chosen quantile.
 * Order: quantile, demand multipliers (field x center), then the online-share shift.
 *
 * Quantile scope. `series`: every center x field x channel series at its own quantile q. Summing
 * such quantiles assumes every series errs high together, so a center staffed that way is safe with
 * a probability far above q (P80 per series gives a center total near P97 when its series are
 * independent). `center` (default): the center's required hours H = sum_s w_s X_s (w_s = hours
 * per dossier of series s) is staffed to its quantile q, assuming independent series errors:
 *   H_q = sum_s w_s mean_s + sqrt(sum_s (w_s e_s)^2),  e_s = quantile_q(X_s) - mean_s,
 * and each series gets mean_s + k e_s with k = sqrt(sum (w e)^2) / sum (w e) in [0, 1], so the
 * per-field figures add up to H_q. Positive correlation between a center's series would put the
 * truth between the two scopes.
 */
import type { CenterCode, Channel, Dataset, Field, FieldId } from '../domain.ts';
import type { DossierForecast } from '../forecast/forecastHistory.ts';
import { forecastQuantile } from '../forecast/forecastQuantile.ts';
import { ownValue } from '../ownValue.ts';

/** Dossiers of one center and field in the period, by channel (fractional for forecasts). */
export interface DossierDemand {
  readonly centerCode: CenterCode;
  readonly field: FieldId;
  readonly direct: number;
  readonly online: number;
}

export type QuantileScope = 'center' | 'series';

export interface DemandLevers {
  readonly demandMultiplierByField: Readonly<Record<FieldId, number>>;
  readonly demandMultiplierByCenter: Readonly<Record<CenterCode, number>>;
  readonly onlineShareShift: number;
  readonly normMultiplierByField: Readonly<Record<FieldId, number>>;
  readonly quantileScope: QuantileScope;
}

export interface PeriodDemand {
  readonly source: 'history' | 'forecast';
  readonly demand: readonly DossierDemand[];
}

interface SeriesDemand {
  readonly centerCode: CenterCode;
  readonly field: FieldId;
  readonly channel: Channel;
  /** Dossiers before the multipliers: mean and excess of the quantile over it (0 for history). */
  readonly mean: number;
  readonly excess: number;
}

const key = (center: string, field: string): string => `${center}\u0000${field}`;

const checkMultipliers = (
  what: string,
  multipliers: Readonly<Record<string, number>>,
  known: ReadonlySet<string>,
): void => {
  for (const [id, m] of Object.entries(multipliers)) {
    if (!known.has(id)) throw new Error(`periodDemand: ${what} "${id}" is not in the dataset`);
    if (!(m >= 0) || !Number.isFinite(m)) throw new Error(`periodDemand: multiplier of ${what} "${id}" must be a finite number >= 0, got ${m}`);
  }
};

/** Moves `shift` x (direct + online) dossiers from direct to online (negative: back), capped. */
export const shiftOnline = (direct: number, online: number, shift: number): { direct: number; online: number } => {
  const total = direct + online;
  const moved = shift >= 0 ? Math.min(direct, shift * total) : -Math.min(online, -shift * total);
  return { direct: direct - moved, online: online + moved };
};

const seriesDemand = (
  dataset: Dataset,
  forecasts: readonly DossierForecast[],
  period: string,
  quantile: number,
): { source: 'history' | 'forecast'; series: SeriesDemand[] } => {
  const history = dataset.history.filter((row) => row.month === period);
  if (history.length > 0) {
    return {
      source: 'history',
      series: history.map((r) => ({ centerCode: r.centerCode, field: r.field, channel: r.channel, mean: r.received, excess: 0 })),
    };
  }
  const series: SeriesDemand[] = [];
  for (const f of forecasts) {
    const step = f.months.indexOf(period);
    if (step < 0) continue;
    const mean = Math.max(0, f.mean[step] ?? 0);
    const q = quantile === 0.5 ? mean : Math.max(0, forecastQuantile(f, step, quantile));
    series.push({ centerCode: f.centerCode, field: f.field, channel: f.channel, mean, excess: q - mean });
  }
  if (series.length === 0) {
    throw new Error(`periodDemand: period ${period} is neither in the history nor in any forecast`);
  }
  return { source: 'forecast', series };
};

/** k per center (see the module comment): 1 for the series scope. */
const excessScale = (
  series: readonly SeriesDemand[],
  weight: (s: SeriesDemand) => number,
  scope: QuantileScope,
): Map<CenterCode, number> => {
  const sums = new Map<CenterCode, { linear: number; squares: number }>();
  for (const s of series) {
    const we = weight(s) * s.excess;
    const acc = sums.get(s.centerCode) ?? { linear: 0, squares: 0 };
    acc.linear += we;
    acc.squares += we * we;
    sums.set(s.centerCode, acc);
  }
  const scale = new Map<CenterCode, number>();
  for (const [center, acc] of sums) {
    scale.set(center, scope === 'series' || acc.linear <= 0 ? 1 : Math.sqrt(acc.squares) / acc.linear);
  }
  return scale;
};

/**
 * Demand of every center x field of the dataset (zeros included), in the dataset's order.
 * A series without a forecast for the period counts as zero dossiers. Unknown center or field
 * codes in the multipliers throw (a typo would otherwise silently change nothing).
 */
export const periodDemand = (
  dataset: Dataset,
  forecasts: readonly DossierForecast[],
  period: string,
  quantile: number,
  levers: DemandLevers,
): PeriodDemand => {
  const fieldIds = new Set(dataset.fields.map((f) => f.field));
  checkMultipliers('field', levers.demandMultiplierByField, fieldIds);
  checkMultipliers('center', levers.demandMultiplierByCenter, new Set(dataset.centers.map((c) => c.code)));
  checkMultipliers('field (norm)', levers.normMultiplierByField, fieldIds);
  if (!(Math.abs(levers.onlineShareShift) <= 1)) {
    throw new Error(`periodDemand: onlineShareShift must be in [-1, 1], got ${levers.onlineShareShift}`);
  }
  const { source, series } = seriesDemand(dataset, forecasts, period, quantile);
  const fieldById = new Map<FieldId, Field>(dataset.fields.map((f) => [f.field, f]));
  const multiplier = (center: CenterCode, field: FieldId): number =>
    (ownValue(levers.demandMultiplierByCenter, center) ?? 1) * (ownValue(levers.demandMultiplierByField, field) ?? 1);
  const weight = (s: SeriesDemand): number => {
    const f = fieldById.get(s.field);
    if (f === undefined) return 0;
    const minutes = (s.channel === 'direct' ? f.minDirect : f.minOnline) + f.minProcessing;
    return multiplier(s.centerCode, s.field) * minutes * (ownValue(levers.normMultiplierByField, s.field) ?? 1);
  };
  const scale = excessScale(series, weight, levers.quantileScope);
  const counts = new Map<string, { direct: number; online: number }>();
  for (const s of series) {
    const k = key(s.centerCode, s.field);
    const c = counts.get(k) ?? { direct: 0, online: 0 };
    c[s.channel] += s.mean + (scale.get(s.centerCode) ?? 1) * s.excess;
    counts.set(k, c);
  }
  const demand: DossierDemand[] = [];
  for (const center of dataset.centers) {
    for (const field of dataset.fields) {
      const m = multiplier(center.code, field.field);
      const base = counts.get(key(center.code, field.field)) ?? { direct: 0, online: 0 };
      const shifted = shiftOnline(base.direct * m, base.online * m, levers.onlineShareShift);
      demand.push({ centerCode: center.code, field: field.field, ...shifted });
    }
  }
  return { source, demand };
};
