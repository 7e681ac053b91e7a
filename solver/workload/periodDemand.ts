/**
 * Dossiers per center, field and channel in the period, after the scenario's levers: from the
 * history when the period is a past month, otherwise from the forecasts at the chosen quantile.
 * Order of the levers: demand multipliers (field x center), then the online-share shift.
 */
import type { CenterCode, Dataset, FieldId } from '../domain.ts';
import { forecastQuantile, type DossierForecast } from './forecastShape.ts';

/** Dossiers of one center and field in the period, by channel (fractional for forecasts). */
export interface DossierDemand {
  readonly centerCode: CenterCode;
  readonly field: FieldId;
  readonly direct: number;
  readonly online: number;
}

export interface DemandLevers {
  readonly demandMultiplierByField: Readonly<Record<FieldId, number>>;
  readonly demandMultiplierByCenter: Readonly<Record<CenterCode, number>>;
  readonly onlineShareShift: number;
}

export interface PeriodDemand {
  readonly source: 'history' | 'forecast';
  readonly demand: readonly DossierDemand[];
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

const baseCounts = (
  dataset: Dataset,
  forecasts: readonly DossierForecast[],
  period: string,
  quantile: number,
): { source: 'history' | 'forecast'; counts: Map<string, { direct: number; online: number }> } => {
  const counts = new Map<string, { direct: number; online: number }>();
  const add = (center: string, field: string, channel: 'direct' | 'online', n: number): void => {
    const k = key(center, field);
    const c = counts.get(k) ?? { direct: 0, online: 0 };
    c[channel] += n;
    counts.set(k, c);
  };
  const history = dataset.history.filter((row) => row.month === period);
  if (history.length > 0) {
    for (const row of history) add(row.centerCode, row.field, row.channel, row.received);
    return { source: 'history', counts };
  }
  let covering = 0;
  for (const f of forecasts) {
    const step = f.months.indexOf(period);
    if (step < 0) continue;
    covering += 1;
    add(f.centerCode, f.field, f.channel, Math.max(0, forecastQuantile(f, step, quantile)));
  }
  if (covering === 0) {
    throw new Error(`periodDemand: period ${period} is neither in the history nor in any forecast`);
  }
  return { source: 'forecast', counts };
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
  checkMultipliers('field', levers.demandMultiplierByField, new Set(dataset.fields.map((f) => f.field)));
  checkMultipliers('center', levers.demandMultiplierByCenter, new Set(dataset.centers.map((c) => c.code)));
  if (!(Math.abs(levers.onlineShareShift) <= 1)) {
    throw new Error(`periodDemand: onlineShareShift must be in [-1, 1], got ${levers.onlineShareShift}`);
  }
  const { source, counts } = baseCounts(dataset, forecasts, period, quantile);
  const demand: DossierDemand[] = [];
  for (const center of dataset.centers) {
    const byCenter = levers.demandMultiplierByCenter[center.code] ?? 1;
    for (const field of dataset.fields) {
      const m = byCenter * (levers.demandMultiplierByField[field.field] ?? 1);
      const base = counts.get(key(center.code, field.field)) ?? { direct: 0, online: 0 };
      const shifted = shiftOnline(base.direct * m, base.online * m, levers.onlineShareShift);
      demand.push({ centerCode: center.code, field: field.field, ...shifted });
    }
  }
  return { source, demand };
};
