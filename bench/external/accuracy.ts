/**
 * Accuracy measures of the external benchmark, written here (not imported from solver/forecast)
 * so the yardstick is independent of the forecaster it judges.
 *
 * MASE as in the M4 competition (Makridakis, Spiliotis & Assimakopoulos 2020): mean absolute
 * forecast error over the horizon divided by the in-sample mean absolute error of the seasonal
 * naive forecast, (1 / (n - m)) sum_{t=m+1..n} |y_t - y_{t-m}|, m = 12.
 * sMAPE as in M4: mean over the horizon of 200 |y - f| / (|y| + |f|), in percent.
 */

/** In-sample seasonal naive scale of `train` with period `m`; 0 when the series repeats exactly. */
export const seasonalNaiveScale = (train: readonly number[], m = 12): number => {
  if (train.length <= m) throw new Error(`seasonalNaiveScale: needs more than ${m} values, got ${train.length}`);
  let s = 0;
  for (let t = m; t < train.length; t += 1) s += Math.abs(train[t]! - train[t - m]!);
  return s / (train.length - m);
};

const meanOver = (n: number, term: (i: number) => number): number => {
  if (n === 0) throw new Error('accuracy: needs at least one held-out value');
  let s = 0;
  for (let i = 0; i < n; i += 1) s += term(i);
  return s / n;
};

/** MASE of `forecast` against `actual` given the training series' `scale` (seasonalNaiveScale). */
export const mase = (forecast: readonly number[], actual: readonly number[], scale: number): number =>
  meanOver(actual.length, (i) => Math.abs(actual[i]! - forecast[i]!)) / scale;

/** sMAPE (%) of `forecast` against `actual`; a pair with both 0 counts 0. */
export const smape = (forecast: readonly number[], actual: readonly number[]): number =>
  meanOver(actual.length, (i) => {
    const denominator = Math.abs(actual[i]!) + Math.abs(forecast[i]!);
    return denominator === 0 ? 0 : (200 * Math.abs(actual[i]! - forecast[i]!)) / denominator;
  });

/** Seasonal naive forecast: the last observed season repeated, `h` steps. */
export const seasonalNaive = (train: readonly number[], h: number, m = 12): number[] =>
  Array.from({ length: h }, (_, k) => train[train.length - m + (k % m)]!);

/** Share of `actual` values inside [lo, hi] (bounds inclusive). */
export const coverageCount = (actual: readonly number[], lo: readonly number[], hi: readonly number[]): number =>
  actual.reduce((count, a, i) => count + (a >= lo[i]! && a <= hi[i]! ? 1 : 0), 0);
