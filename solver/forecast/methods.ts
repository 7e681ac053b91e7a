/**
 * The candidate methods by name, and their combinations. A method that does not apply to a series
 * (too short, not positive, no pooled seasonality given) returns undefined.
 *
 * - `snaive`: seasonal naive (solver/forecast/seasonalNaive.ts).
 * - `naive`: the last value (random walk).
 * - `ets`: ETS(A,Ad,A), Holt-Winters additive with damped trend; damped Holt when shorter than 2 seasons.
 * - `ets_mul`: ETS(A,Ad,M), multiplicative season; only for positive series of 2 seasons or more.
 * - `ets_pooled`: damped Holt on the series divided by the pooled seasonal indices, multiplied back.
 * - `theta`: Theta method, own seasonality when the series tests seasonal.
 * - `theta_pooled`: Theta method on the series divided by the pooled seasonal indices.
 * - `calendar`: regression on trend, month, working days and Tet (calendarRegression.ts).
 * - `combo`: mean of ets, theta and calendar (those that apply); sd the mean of theirs.
 * - `combo_median`: per step, the median of every base method that applies.
 * - `combo_pooled`: mean of ets_pooled, theta_pooled and calendar.
 * - `ets_theta`: mean of ets and theta (the pair that did best on real public series, bench/external).
 */
import { etsForecast } from './ets.ts';
import { thetaForecast } from './theta.ts';
import { calendarRegressionForecast } from './calendarRegression.ts';
import { seasonalNaiveForecast } from './seasonalNaive.ts';
import type { MethodContext, ModelForecast } from './modelForecast.ts';

/** Base methods, fitted directly on the series. */
export const BASE_METHODS = ['snaive', 'naive', 'ets', 'ets_mul', 'ets_pooled', 'theta', 'theta_pooled', 'calendar'] as const;
/** Combinations of base methods' forecasts. */
export const COMBINATIONS = ['combo', 'combo_median', 'combo_pooled', 'ets_theta'] as const;
/** Every method name `forecastSeries` accepts, in the order ties are broken. */
export const METHOD_NAMES: readonly string[] = [...COMBINATIONS, ...BASE_METHODS];

type Base = (typeof BASE_METHODS)[number];

const attempt = (fit: () => ModelForecast): ModelForecast | undefined => {
  try {
    const f = fit();
    for (let i = 0; i < f.mean.length; i += 1) if (!Number.isFinite(f.mean[i]) || !Number.isFinite(f.sd[i])) return undefined;
    return f;
  } catch {
    return undefined;
  }
};

const deseasonalized = (y: Float64Array, season: Float64Array, m: number, fit: (x: Float64Array) => ModelForecast): ModelForecast => {
  const x = Float64Array.from(y, (v, t) => v / season[t % m]);
  const f = fit(x);
  const n = y.length;
  return {
    mean: f.mean.map((v, k) => v * season[(n + k) % m]),
    sd: f.sd.map((v, k) => v * season[(n + k) % m]),
  };
};

/** Forecast of one base method, or undefined where it does not apply. */
export const baseForecast = (name: Base, y: Float64Array, h: number, context: MethodContext): ModelForecast | undefined => {
  const m = context.period;
  const long = m > 1 && y.length >= 2 * m;
  const maxEvaluations = context.maxEvaluations;
  const budget = maxEvaluations === undefined ? {} : { maxEvaluations };
  const season = context.season;
  const cache = context.warmStart;
  // Warm start keyed by method and model shape (a series may switch from damped Holt to
  // Holt-Winters as backtest origins move past two seasons).
  const warm = <F extends ModelForecast & { readonly x: readonly number[] }>(key: string, fit: (start: { start?: readonly number[] }) => F): F => {
    const start = cache?.get(key);
    const f = fit(start === undefined ? {} : { start });
    cache?.set(key, f.x);
    return f;
  };
  switch (name) {
    case 'snaive':
      return attempt(() => seasonalNaiveForecast(y, h, m));
    case 'naive':
      return attempt(() => seasonalNaiveForecast(y, h, 1));
    case 'ets': {
      const season = long ? 'additive' : 'none';
      return attempt(() => warm(`ets:${season}`, (start) => etsForecast(y, h, { period: m, season, ...budget, ...start })));
    }
    case 'ets_mul': {
      if (!long || !(Math.min(...y) > 0)) return undefined;
      return attempt(() => warm('ets_mul', (start) => etsForecast(y, h, { period: m, season: 'multiplicative', ...budget, ...start })));
    }
    case 'ets_pooled':
      if (season === undefined) return undefined;
      return attempt(() => deseasonalized(y, season, m, (x) => warm('ets_pooled', (start) => etsForecast(x, h, { period: 1, season: 'none', ...budget, ...start }))));
    case 'theta':
      return attempt(() => warm('theta', (start) => thetaForecast(y, h, { period: m, ...budget, ...start })));
    case 'theta_pooled':
      if (season === undefined) return undefined;
      return attempt(() => warm('theta_pooled', (start) => thetaForecast(y, h, { period: m, season, ...budget, ...start })));
    case 'calendar':
      return attempt(() => calendarRegressionForecast(y, h, context));
  }
};

const mean = (parts: readonly ModelForecast[], h: number): ModelForecast | undefined => {
  if (parts.length === 0) return undefined;
  const out = { mean: new Float64Array(h), sd: new Float64Array(h) };
  for (const p of parts) {
    for (let k = 0; k < h; k += 1) {
      out.mean[k] += p.mean[k] / parts.length;
      out.sd[k] += p.sd[k] / parts.length;
    }
  }
  return out;
};

const median = (parts: readonly ModelForecast[], h: number): ModelForecast | undefined => {
  if (parts.length === 0) return undefined;
  const out = { mean: new Float64Array(h), sd: new Float64Array(h) };
  const values = new Float64Array(parts.length);
  const sds = new Float64Array(parts.length);
  const mid = (a: Float64Array): number => {
    a.sort();
    const i = a.length >> 1;
    return a.length % 2 === 1 ? a[i] : (a[i - 1] + a[i]) / 2;
  };
  for (let k = 0; k < h; k += 1) {
    parts.forEach((p, i) => {
      values[i] = p.mean[k];
      sds[i] = p.sd[k];
    });
    out.mean[k] = mid(values);
    out.sd[k] = mid(sds);
  }
  return out;
};

/**
 * Forecasts of every requested method (bases that combinations need are computed once).
 * Returns a map from method name to forecast, without the methods that do not apply.
 */
export const forecastMethods = (
  names: readonly string[],
  y: Float64Array,
  h: number,
  context: MethodContext,
): Map<string, ModelForecast> => {
  const bases = new Map<Base, ModelForecast | undefined>();
  const base = (name: Base): ModelForecast | undefined => {
    if (!bases.has(name)) bases.set(name, baseForecast(name, y, h, context));
    return bases.get(name);
  };
  const some = (list: readonly Base[]): ModelForecast[] => list.map(base).filter((f): f is ModelForecast => f !== undefined);
  const out = new Map<string, ModelForecast>();
  for (const name of names) {
    let f: ModelForecast | undefined;
    if (name === 'combo') f = mean(some(['ets', 'theta', 'calendar']), h);
    else if (name === 'combo_median') f = median(some(BASE_METHODS), h);
    else if (name === 'ets_theta') f = mean(some(['ets', 'theta']), h);
    else if (name === 'combo_pooled') f = context.season === undefined ? undefined : mean(some(['ets_pooled', 'theta_pooled', 'calendar']), h);
    else if ((BASE_METHODS as readonly string[]).includes(name)) f = base(name as Base);
    else throw new Error(`forecastMethods: unknown method "${name}" (known: ${METHOD_NAMES.join(', ')})`);
    if (f !== undefined) out.set(name, f);
  }
  return out;
};
