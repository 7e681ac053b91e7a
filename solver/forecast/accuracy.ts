/**
 * Forecast accuracy measures used for model choice and reporting.
 *
 * MASE (Hyndman & Koehler 2006): mean absolute error divided by the in-sample mean absolute error of
 * the seasonal naive forecast, |y_t - y_{t-m}| over the training data. m = 12 when the training data
 * has more than 12 + 2 values (a dozen differences at least), else m = 1. When that scale is 0 (a
 * constant training series) the m = 1 scale is tried, then the training mean of |y|, then 1, so the
 * measure stays finite.
 * sMAPE: mean of 200 |f - y| / (|f| + |y|) in percent; a pair with f = y = 0 counts 0.
 */

/** Scale of MASE for a training series `y` with seasonal period `period` (see the module comment). */
export const maseScale = (y: ArrayLike<number>, period: number, end: number = y.length): number => {
  const meanAbsDiff = (lag: number): number => {
    if (end <= lag) return 0;
    let s = 0;
    for (let t = lag; t < end; t += 1) s += Math.abs(y[t] - y[t - lag]);
    return s / (end - lag);
  };
  const seasonal = period > 1 && end > period + 2 ? meanAbsDiff(period) : 0;
  if (seasonal > 0) return seasonal;
  const first = meanAbsDiff(1);
  if (first > 0) return first;
  let s = 0;
  for (let t = 0; t < end; t += 1) s += Math.abs(y[t]);
  return end > 0 && s > 0 ? s / end : 1;
};

/** Symmetric absolute percentage error of one forecast, in percent (0-200). */
export const smapeTerm = (forecast: number, actual: number): number => {
  const denominator = Math.abs(forecast) + Math.abs(actual);
  return denominator === 0 ? 0 : (200 * Math.abs(forecast - actual)) / denominator;
};

/** MASE of `forecast` against `actual` (same length) given the training series' scale. */
export const mase = (forecast: ArrayLike<number>, actual: ArrayLike<number>, scale: number): number => {
  if (actual.length === 0) throw new Error('mase: needs at least one actual value');
  let s = 0;
  for (let i = 0; i < actual.length; i += 1) s += Math.abs(forecast[i] - actual[i]);
  return s / actual.length / scale;
};

/** sMAPE of `forecast` against `actual` (same length), in percent. */
export const smape = (forecast: ArrayLike<number>, actual: ArrayLike<number>): number => {
  if (actual.length === 0) throw new Error('smape: needs at least one actual value');
  let s = 0;
  for (let i = 0; i < actual.length; i += 1) s += smapeTerm(forecast[i], actual[i]);
  return s / actual.length;
};
