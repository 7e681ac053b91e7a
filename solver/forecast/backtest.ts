/**
 * Rolling-origin backtest (Tashman 2000): refit every method on the data before each origin and
 * score its forecasts of the values after it. Refits start from the parameters of the previous
 * origin's fit (MethodContext.warmStart), which cuts the Nelder-Mead work about in half.
 *
 * Origins: `origins` positions evenly spaced from max(2m, n - horizon) (or n/2 for short series)
 * to n - 1; each forecasts min(horizon, n - origin) steps. Scores pool every (origin, step):
 * MASE = mean of |error| / scale(origin), scale from the training prefix (accuracy.ts), and
 * sMAPE. Also returned per method: the raw errors and model sds, for calibrating intervals.
 */
import { maseScale, smapeTerm } from './accuracy.ts';
import { forecastMethods } from './methods.ts';
import type { MethodContext } from './modelForecast.ts';
import { noiseFloor } from './intervals.ts';

export interface BacktestScore {
  readonly method: string;
  readonly mase: number;
  readonly smape: number;
  /**
   * Forecast errors (actual - forecast) and the model sds given with them, over all origins and
   * steps, in the same order for every method (for interval calibration, intervals.ts). The sds
   * are floored at the noise floor of the training window (noiseFloor: 1% of its recent level).
   */
  readonly errors: readonly number[];
  readonly sds: readonly number[];
}

/** Backtest origins for a series of `n` values (see the module comment). */
export const backtestOrigins = (n: number, horizon: number, period: number, origins: number): number[] => {
  const minTrain = period > 1 && n - 2 * period >= Math.min(origins, 3) ? 2 * period : Math.max(3, Math.ceil(n / 2));
  const first = Math.max(minTrain, n - horizon);
  if (first > n - 1) return [];
  const count = Math.min(origins, n - first);
  if (count <= 1) return [n - 1];
  const list: number[] = [];
  for (let i = 0; i < count; i += 1) list.push(Math.round(first + (i * (n - 1 - first)) / (count - 1)));
  return [...new Set(list)];
};

/** Scores of every method in `methods` on `y`; a method that did not apply at every origin is left out. */
export const backtest = (
  y: Float64Array,
  methods: readonly string[],
  context: MethodContext,
  horizon: number,
  origins: number,
): BacktestScore[] => {
  const n = y.length;
  const list = backtestOrigins(n, horizon, context.period, origins);
  const sums = new Map<string, { abs: number; smape: number; count: number; errors: number[]; sds: number[] }>();
  const failed = new Set<string>();
  for (const origin of list) {
    const h = Math.min(horizon, n - origin);
    const train = y.subarray(0, origin);
    const scale = maseScale(train, context.period);
    const floor = noiseFloor(train, context.period);
    const forecasts = forecastMethods(methods, train, h, context);
    for (const name of methods) {
      const f = forecasts.get(name);
      if (f === undefined) {
        failed.add(name);
        continue;
      }
      let s = sums.get(name);
      if (s === undefined) {
        s = { abs: 0, smape: 0, count: 0, errors: [], sds: [] };
        sums.set(name, s);
      }
      for (let k = 0; k < h; k += 1) {
        const error = y[origin + k] - f.mean[k];
        s.abs += Math.abs(error) / scale;
        s.smape += smapeTerm(f.mean[k], y[origin + k]);
        s.count += 1;
        s.errors.push(error);
        s.sds.push(Math.max(f.sd[k], floor));
      }
    }
  }
  const scores: BacktestScore[] = [];
  for (const name of methods) {
    const s = sums.get(name);
    if (s === undefined || failed.has(name)) continue;
    scores.push({ method: name, mase: s.abs / s.count, smape: s.smape / s.count, errors: s.errors, sds: s.sds });
  }
  return scores;
};
