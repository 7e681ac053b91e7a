/**
 * The forecasts of one part of a history's series, so that two worker threads can share the first
 * forecast of a dataset (2,736 series of the embedded city: seconds of CPU). The series and their
 * pooled seasonality come from the whole history (historySeries), so each part's forecasts are
 * exactly those forecastHistory gives for its series; the parts, in order, make the whole.
 * test/api/server/forecastPart.test.ts checks that against forecastHistory.
 */
import type { HistoryRow } from '../../solver/domain.ts';
import { historySeries, VIETNAM, type DossierForecast } from '../../solver/forecast/forecastHistory.ts';
import { forecastSeries } from '../../solver/forecast/forecastSeries.ts';
import { addMonths } from '../../solver/forecast/months.ts';

/** Part `index` (from 0) of `count` contiguous, nearly equal parts of the series. */
export interface Part {
  readonly index: number;
  readonly count: number;
}

export const forecastPart = (
  history: readonly HistoryRow[],
  options: { readonly horizon: number; readonly breakMonth?: string; readonly onProgress?: (done: number, total: number) => void },
  part: Part,
): DossierForecast[] => {
  if (!Number.isInteger(part.count) || part.count < 1 || !Number.isInteger(part.index) || part.index < 0 || part.index >= part.count) {
    throw new Error(`forecastPart: part ${part.index} of ${part.count} does not exist`);
  }
  const { series, lastMonth } = historySeries(history, options.breakMonth);
  const from = Math.floor((series.length * part.index) / part.count);
  const to = Math.floor((series.length * (part.index + 1)) / part.count);
  const months = Array.from({ length: options.horizon }, (_, k) => addMonths(lastMonth, k + 1));
  const out: DossierForecast[] = [];
  for (let i = from; i < to; i += 1) {
    const s = series[i];
    if (s === undefined) continue;
    let f;
    try {
      f = forecastSeries(s.values, {
        horizon: options.horizon,
        firstMonth: s.firstMonth,
        calendar: VIETNAM,
        ...(s.breakIndex === undefined ? {} : { breakIndex: s.breakIndex }),
        ...(s.pooledSeasonality === undefined ? {} : { pooledSeasonality: s.pooledSeasonality }),
      });
    } catch (error) {
      throw new Error(`forecastHistory: center ${s.centerCode}, field ${s.field}, channel ${s.channel}: ${(error as Error).message}`);
    }
    out.push({ centerCode: s.centerCode, field: s.field, channel: s.channel, months, ...f });
    options.onProgress?.(i - from + 1, to - from);
  }
  return out;
};

/** The JSON text of an array from the JSON texts of its parts, in order (no parsing). */
export const joinJsonArrays = (parts: readonly string[]): string =>
  `[${parts.map((p) => p.trim().slice(1, -1).trim()).filter((p) => p !== '').join(',')}]`;
