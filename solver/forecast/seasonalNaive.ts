/**
 * Seasonal naive: each month forecast as the same month one season earlier (Hyndman & Athanasopoulos,
 * "Forecasting: principles and practice", 5.2). Falls back to the naive (last value) forecast when
 * the series is shorter than one season. sd(h) = sigma sqrt(floor((h - 1) / m) + 1), sigma the RMS of
 * the in-sample lag-m differences.
 */
import type { ModelForecast } from './modelForecast.ts';

export const seasonalNaiveForecast = (y: Float64Array, h: number, period: number): ModelForecast => {
  const n = y.length;
  if (n < 1) throw new Error('seasonalNaiveForecast: needs at least 1 value, got 0');
  const m = period > 1 && n >= period + 1 ? period : 1;
  let sse = 0;
  for (let t = m; t < n; t += 1) sse += (y[t] - y[t - m]) ** 2;
  const sigma = n > m ? Math.sqrt(sse / (n - m)) : 0;
  const mean = new Float64Array(h);
  const sd = new Float64Array(h);
  for (let k = 0; k < h; k += 1) {
    mean[k] = y[n - m + (k % m)];
    sd[k] = sigma * Math.sqrt(Math.floor(k / m) + 1);
  }
  return { mean, sd };
};
