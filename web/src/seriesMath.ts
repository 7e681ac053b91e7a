/**
 * Series arithmetic for the center screen: monthly history summed over the chosen fields and
 * channels, and forecasts summed the same way. Summed intervals assume independent series with
 * normal errors: the sd of each series is (hi95 - mean) / 1.96, and the sum's sd is the root of the
 * summed variances (so the sum's band is narrower than the sum of the bands, as it should be).
 */
import type { HistoryRow } from '../../solver/domain.ts';
import type { CenterSeriesForecast } from './api.ts';
import { Z80, Z95 } from '../../solver/normalScores.ts';

export interface MonthValue {
  readonly month: string;
  readonly value: number;
}

export interface ForecastPoint {
  readonly month: string;
  readonly mean: number;
  readonly lo80: number;
  readonly hi80: number;
  readonly lo95: number;
  readonly hi95: number;
}

export interface SeriesFilter {
  /** A field id, or undefined for all fields. */
  readonly field: string | undefined;
  /** A channel, or undefined for both. */
  readonly channel: 'direct' | 'online' | undefined;
}

const keep = (filter: SeriesFilter, field: string, channel: string): boolean =>
  (filter.field === undefined || filter.field === field) && (filter.channel === undefined || filter.channel === channel);

/** Dossiers received per month, summed over the rows the filter keeps, months ascending. */
export const historyTotals = (rows: readonly HistoryRow[], filter: SeriesFilter): MonthValue[] => {
  const byMonth = new Map<string, number>();
  for (const r of rows) if (keep(filter, r.field, r.channel)) byMonth.set(r.month, (byMonth.get(r.month) ?? 0) + r.received);
  return [...byMonth.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, value]) => ({ month, value }));
};


/** Forecasts summed over the series the filter keeps; bounds clamped at 0 (counts). */
export const forecastTotals = (series: readonly CenterSeriesForecast[], filter: SeriesFilter): ForecastPoint[] => {
  const kept = series.filter((s) => keep(filter, s.field, s.channel));
  const only = kept.length === 1 ? kept[0] : undefined;
  if (only)
    return only.months.map((month, i) => ({
      month,
      mean: only.mean[i] ?? 0,
      lo80: only.lo80[i] ?? 0,
      hi80: only.hi80[i] ?? 0,
      lo95: only.lo95[i] ?? 0,
      hi95: only.hi95[i] ?? 0,
    }));
  const byMonth = new Map<string, { mean: number; variance: number }>();
  for (const s of kept)
    s.months.forEach((month, i) => {
      const mean = s.mean[i] ?? 0;
      const sd = Math.max(0, ((s.hi95[i] ?? mean) - mean) / Z95);
      const acc = byMonth.get(month) ?? { mean: 0, variance: 0 };
      byMonth.set(month, { mean: acc.mean + mean, variance: acc.variance + sd * sd });
    });
  return [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, { mean, variance }]) => {
      const sd = Math.sqrt(variance);
      return {
        month,
        mean,
        lo80: Math.max(0, mean - Z80 * sd),
        hi80: mean + Z80 * sd,
        lo95: Math.max(0, mean - Z95 * sd),
        hi95: mean + Z95 * sd,
      };
    });
};

/** Month `YYYY-MM` as a count of months since year 0, for a linear x scale. */
export const monthIndex = (month: string): number => {
  const [y, m] = month.split('-').map(Number);
  return (y ?? 0) * 12 + ((m ?? 1) - 1);
};
