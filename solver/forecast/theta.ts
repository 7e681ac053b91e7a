/**
 * The Theta method (Assimakopoulos & Nikolopoulos 2000) in the form of Hyndman & Billah (2003):
 * simple exponential smoothing with drift equal to half the slope of a straight line fitted to
 * the data, on seasonally adjusted data (classical multiplicative decomposition) when the series
 * looks seasonal, or with given (pooled) seasonal indices.
 *
 *   forecast(h) = l_n + (b / 2) ((h - 1) + (1 - (1 - alpha)^n) / alpha),  then x seasonal index
 *   sd(h)       = sigma sqrt(1 + (h - 1) alpha^2)  (the SES variance), x seasonal index
 *
 * SES's alpha and initial level are fitted by minimising the one-step SSE (Nelder-Mead).
 */
import { nelderMead } from './nelderMead.ts';
import { looksSeasonal, seasonalIndices } from './decompose.ts';
import type { ModelForecast } from './modelForecast.ts';

/** Fitted SES: final level, alpha, one-step error sd, and [alpha, initial level] to warm-start. */
export interface SesFit {
  readonly level: number;
  readonly alpha: number;
  readonly sigma: number;
  readonly x: readonly number[];
}

/**
 * Simple exponential smoothing fitted by one-step SSE; alpha in [0.01, 0.99]. From `start`
 * ([alpha, initial level] of an earlier fit) the search uses a smaller simplex and half the budget.
 */
export const fitSes = (x: ArrayLike<number>, maxEvaluations = 60, start?: readonly number[]): SesFit => {
  const n = x.length;
  const sse = (alpha: number, l0: number): { sse: number; level: number } => {
    let l = l0;
    let s = 0;
    for (let t = 0; t < n; t += 1) {
      const e = x[t] - l;
      s += e * e;
      l += alpha * e;
    }
    return { sse: s, level: l };
  };
  const spread = Math.abs(x[0]) + 1;
  const warm = start !== undefined && start.length === 2;
  const best = nelderMead((p) => sse(p[0], p[1]).sse, warm ? start : [0.3, x[0]], {
    lower: [0.01, Number.NEGATIVE_INFINITY],
    upper: [0.99, Number.POSITIVE_INFINITY],
    step: warm ? [0.05, 0.05 * spread] : [0.2, 0.2 * spread],
    maxEvaluations: warm ? Math.ceil(maxEvaluations / 2) : maxEvaluations,
    tolerance: 1e-7,
    xTolerance: 1e-3,
  });
  const [alpha, l0] = best.x as [number, number];
  const end = sse(alpha, l0);
  return { level: end.level, alpha, sigma: Math.sqrt(end.sse / Math.max(1, n - 2)), x: best.x };
};

/** Indices floored at 0.05 and renormalised, so dividing by them never explodes. */
export const safeIndices = (indices: Float64Array): Float64Array => {
  const out = Float64Array.from(indices, (v) => Math.max(v, 0.05));
  const mean = out.reduce((a, b) => a + b, 0) / out.length;
  for (let i = 0; i < out.length; i += 1) out[i] /= mean;
  return out;
};

/**
 * Smallest own seasonal index theta accepts; a series with a month below it (typically a
 * small-count series with months of zeros) is forecast without seasonality: dividing by the
 * floored index 0.05 turned a post-break value of 1 into a level of 20 and forecasts of ~120 for
 * a series of 0-2 dossiers a month.
 */
export const MIN_OWN_INDEX = 0.2;

export interface ThetaOptions {
  readonly period: number;
  /** Seasonal indices by phase to use instead of the series' own (e.g. pooled). */
  readonly season?: Float64Array;
  readonly maxEvaluations?: number;
  /** Warm start for the SES fit (see fitSes). */
  readonly start?: readonly number[];
}

export interface ThetaFit extends ModelForecast {
  /** SES parameters [alpha, initial level], to warm-start a later fit. */
  readonly x: readonly number[];
}

/** Theta forecast of `y`, `h` steps ahead. */
export const thetaForecast = (y: Float64Array, h: number, options: ThetaOptions): ThetaFit => {
  const n = y.length;
  if (n < 3) throw new Error(`thetaForecast: needs at least 3 values, got ${n}`);
  const m = options.period;
  const own = options.season === undefined && m > 1 && looksSeasonal(y, m) ? seasonalIndices(y, m) : undefined;
  // Own indices with a month of ~zeros (a small-count series) would divide by ~0: none then.
  const raw = options.season ?? (own !== undefined && Math.min(...own) >= MIN_OWN_INDEX ? own : undefined);
  const season = raw === undefined ? undefined : safeIndices(raw);
  const x = season === undefined ? y : Float64Array.from(y, (v, t) => v / season[t % m]);
  // Least-squares slope of x on t.
  const tMean = (n - 1) / 2;
  let xMean = 0;
  for (let t = 0; t < n; t += 1) xMean += x[t] / n;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < n; t += 1) {
    sxy += (t - tMean) * (x[t] - xMean);
    sxx += (t - tMean) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const ses = fitSes(x, options.maxEvaluations, options.start);
  // SES's sigma counts alpha and the initial level; own seasonal indices (m - 1 free) and the
  // slope were also estimated from the data.
  const sigma = ses.sigma * Math.sqrt(Math.max(1, n - 2) / Math.max(1, n - 3 - (options.season === undefined && season !== undefined ? m - 1 : 0)));
  const alpha = ses.alpha;
  const mean = new Float64Array(h);
  const sd = new Float64Array(h);
  const drift = (1 - (1 - alpha) ** n) / alpha;
  for (let k = 1; k <= h; k += 1) {
    const index = season === undefined ? 1 : season[(n + k - 1) % m];
    mean[k - 1] = (ses.level + (slope / 2) * (k - 1 + drift)) * index;
    sd[k - 1] = sigma * Math.sqrt(1 + (k - 1) * alpha * alpha) * index;
  }
  return { mean, sd, x: ses.x };
};
