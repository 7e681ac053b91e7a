/**
 * Forecasts of dossiers received for every center x field x channel series of a dossier history.
 *
 * Each series spans the history's whole month range (a month missing for a series is a gap, not
 * a zero). With `breakMonth` (the July 2025 reform: '2025-07'), the series are cut there
 * (prepareSeries.ts) and every series gets the seasonal indices pooled over all centers for its
 * field and channel (pooledSeasonalIndices.ts, ratios straddling the break skipped). Working days
 * and Tet come from Vietnam's calendar (solver/calendar.ts). Forecast months continue after the
 * history's last month.
 */
import { VIETNAM_CALENDAR } from './calendarRegressors.ts';
import type { Channel, HistoryRow } from '../domain.ts';
import { forecastSeries } from './forecastSeries.ts';
import type { ForecastCalendar, MethodScore } from './forecastSeries.ts';
import { addMonths, monthNumber, monthText } from './months.ts';
import { pooledSeasonalIndices } from './pooledSeasonalIndices.ts';

export interface DossierForecast {
  readonly centerCode: string;
  readonly field: string;
  readonly channel: Channel;
  /** Forecast months `YYYY-MM`, the first right after the history's last month. */
  readonly months: readonly string[];
  /** Dossiers received per month: point forecast and 80% / 95% bounds (>= 0). */
  readonly mean: readonly number[];
  readonly lo80: readonly number[];
  readonly hi80: readonly number[];
  readonly lo95: readonly number[];
  readonly hi95: readonly number[];
  /** Method chosen for this series and the backtest scores of every candidate. */
  readonly method: string;
  readonly backtest: readonly MethodScore[];
}

export interface ForecastHistoryOptions {
  /** Months to forecast; integer >= 1. */
  readonly horizon: number;
  /** First month after a structural break, `YYYY-MM` (e.g. '2025-07'). Default none. */
  readonly breakMonth?: string;
  /** Called after each series with (series done, series in total). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Candidate methods (default all, see methods.ts); e.g. ['snaive'] for a baseline. */
  readonly methods?: readonly string[];
  /** Backtest origins per series. Default 3. */
  readonly backtestOrigins?: number;
  /** Working-day calendar. Default Vietnam's (solver/calendar.ts). */
  readonly calendar?: ForecastCalendar;
}

/** Vietnam's working-day calendar (solver/calendar.ts). */
export const VIETNAM: ForecastCalendar = VIETNAM_CALENDAR;

/** One series of a history, with the options `forecastSeries` needs for it. */
export interface HistorySeries {
  readonly centerCode: string;
  readonly field: string;
  readonly channel: Channel;
  /** Dossiers received per month from `firstMonth`; null where the history has no row. */
  readonly values: readonly (number | null)[];
  readonly firstMonth: string;
  readonly breakIndex?: number;
  readonly pooledSeasonality?: readonly number[];
}

/**
 * The center x field x channel series of `history` over its whole month range, ordered by center,
 * field, channel, with the break index and the pooled seasonality of their field and channel.
 */
export const historySeries = (history: readonly HistoryRow[], breakMonth?: string): { readonly series: readonly HistorySeries[]; readonly lastMonth: string } => {
  if (history.length === 0) return { series: [], lastMonth: '' };
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const row of history) {
    const k = monthNumber(row.month);
    if (k < first) first = k;
    if (k > last) last = k;
  }
  const length = last - first + 1;
  const firstMonth = monthText(first);
  const byKey = new Map<string, { centerCode: string; field: string; channel: Channel; values: (number | null)[] }>();
  for (const row of history) {
    const key = `${row.centerCode}\u0000${row.field}\u0000${row.channel}`;
    let s = byKey.get(key);
    if (s === undefined) {
      s = { centerCode: row.centerCode, field: row.field, channel: row.channel, values: new Array<number | null>(length).fill(null) };
      byKey.set(key, s);
    }
    s.values[monthNumber(row.month) - first] = row.received;
  }
  const breakIndex = breakMonth === undefined ? undefined : monthNumber(breakMonth) - first;
  const useBreak = breakIndex !== undefined && breakIndex > 0 && breakIndex < length;
  const pooled = new Map<string, number[]>();
  if (useBreak) {
    const groups = new Map<string, (number | null)[][]>();
    for (const s of byKey.values()) {
      const key = `${s.field}\u0000${s.channel}`;
      const list = groups.get(key) ?? [];
      list.push(s.values);
      groups.set(key, list);
    }
    for (const [key, list] of groups) pooled.set(key, pooledSeasonalIndices(list, firstMonth, { breakIndex }));
  }
  const series = [...byKey.values()]
    .sort((a, b) => a.centerCode.localeCompare(b.centerCode) || a.field.localeCompare(b.field) || a.channel.localeCompare(b.channel))
    .map((s) => {
      const pooledSeasonality = pooled.get(`${s.field}\u0000${s.channel}`);
      return { ...s, firstMonth, ...(useBreak ? { breakIndex } : {}), ...(pooledSeasonality === undefined ? {} : { pooledSeasonality }) };
    });
  return { series, lastMonth: monthText(last) };
};

/** One forecast per center x field x channel series of `history`, ordered by center, field, channel. */
export const forecastHistory = (history: readonly HistoryRow[], options: ForecastHistoryOptions): readonly DossierForecast[] => {
  const { series, lastMonth } = historySeries(history, options.breakMonth);
  if (series.length === 0) return [];
  const months = Array.from({ length: options.horizon }, (_, k) => addMonths(lastMonth, k + 1));
  const out: DossierForecast[] = [];
  series.forEach((s, i) => {
    let f;
    try {
      f = forecastSeries(s.values, {
        horizon: options.horizon,
        firstMonth: s.firstMonth,
        calendar: options.calendar ?? VIETNAM,
        ...(s.breakIndex === undefined ? {} : { breakIndex: s.breakIndex }),
        ...(s.pooledSeasonality === undefined ? {} : { pooledSeasonality: s.pooledSeasonality }),
        ...(options.methods === undefined ? {} : { methods: options.methods }),
        ...(options.backtestOrigins === undefined ? {} : { backtestOrigins: options.backtestOrigins }),
      });
    } catch (error) {
      throw new Error(`forecastHistory: center ${s.centerCode}, field ${s.field}, channel ${s.channel}: ${(error as Error).message}`);
    }
    out.push({ centerCode: s.centerCode, field: s.field, channel: s.channel, months, ...f });
    options.onProgress?.(i + 1, series.length);
  });
  return out;
};
