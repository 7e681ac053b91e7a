/**
 * Exponential smoothing of the Holt-Winters family with damped trend, in the additive-error state
 * space form (Hyndman et al. 2008, "Forecasting with exponential smoothing", tables 2.2-2.3):
 *
 *   additive season  ETS(A,Ad,A): yhat = l + phi b + s,   l' = l + phi b + alpha e,
 *                                 b' = phi b + beta e,     s' = s + gamma e
 *   multiplicative   ETS(A,Ad,M): yhat = (l + phi b) s,   l' = l + phi b + alpha e / s,
 *                                 b' = phi b + beta e / s, s' = s + gamma e / (l + phi b)
 *   no season        ETS(A,Ad,N): the additive form without s.
 *
 * with e = y - yhat. Parameters alpha, beta = beta* alpha, gamma = gamma* (1 - alpha) and phi are
 * fitted by minimising the one-step sum of squared errors with Nelder-Mead, within
 * alpha in [0.01, 0.99], beta* in [0.0001, 0.99], gamma* in [0.0001, 0.99], phi in [0.8, 0.98]
 * (the usual admissible region, damped so long horizons do not run away).
 * Initial states: seasonal indices from a classical decomposition of the first three years at most,
 * level and slope from a straight line through the first two seasons, deseasonalized.
 */
import { nelderMead } from './nelderMead.ts';
import { seasonalIndices } from './decompose.ts';
import type { ModelForecast } from './modelForecast.ts';

export type SeasonKind = 'none' | 'additive' | 'multiplicative';

export interface EtsOptions {
  /** Seasonal period; the season is used only when `season` is not 'none'. */
  readonly period: number;
  readonly season: SeasonKind;
  /** Nelder-Mead evaluation budget. Default 120; half that from a `start`. */
  readonly maxEvaluations?: number;
  /**
   * Parameters [alpha, beta*, phi, gamma*] to start from (e.g. the fit at an earlier backtest
   * origin): the search then starts with a smaller simplex (0.05) and half the budget.
   */
  readonly start?: readonly number[];
}

export interface EtsFit extends ModelForecast {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly phi: number;
  /** Standard deviation of one-step errors (SSE / (n - parameters)). */
  readonly sigma: number;
  /** The fitted parameter vector, to warm-start a later fit. */
  readonly x: readonly number[];
}

interface InitialStates {
  readonly level: number;
  readonly slope: number;
  readonly season: Float64Array;
}

const initialStates = (y: Float64Array, m: number, kind: SeasonKind): InitialStates => {
  const n = y.length;
  const season = new Float64Array(Math.max(m, 1)).fill(kind === 'multiplicative' ? 1 : 0);
  const head = kind === 'none' ? null : seasonalIndices(y.subarray(0, Math.min(n, 3 * m)), m);
  const span = Math.min(n, kind === 'none' ? 10 : 2 * m);
  let meanHead = 0;
  for (let t = 0; t < Math.min(n, m); t += 1) meanHead += y[t] / Math.min(n, m);
  // Straight line through the deseasonalized first `span` values: level and slope at position -1.
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let t = 0; t < span; t += 1) {
    const v = head === null ? y[t] : kind === 'multiplicative' ? y[t] / head[t % m] : y[t] - (head[t % m] - 1) * meanHead;
    sx += t;
    sy += v;
    sxx += t * t;
    sxy += t * v;
  }
  const denominator = span * sxx - sx * sx;
  const slope = denominator > 0 ? (span * sxy - sx * sy) / denominator : 0;
  const intercept = (sy - slope * sx) / span;
  if (head !== null) for (let p = 0; p < m; p += 1) season[p] = kind === 'multiplicative' ? head[p] : (head[p] - 1) * meanHead;
  return { level: intercept - slope, slope, season };
};

interface RunResult {
  sse: number;
  level: number;
  slope: number;
}

/**
 * One-step SSE of the recursions over y from the initial states; leaves the final seasonal states
 * in `s` and the final level and slope in `out`. One loop per kind keeps the hot loop branch-free.
 */
const run = (
  y: Float64Array,
  m: number,
  kind: SeasonKind,
  init: InitialStates,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  s: Float64Array,
  out: RunResult,
): number => {
  let l = init.level;
  let b = init.slope;
  s.set(init.season);
  let sse = 0;
  const n = y.length;
  if (kind === 'multiplicative') {
    let p = 0;
    for (let t = 0; t < n; t += 1) {
      const trend = l + phi * b;
      const sp = s[p];
      const e = y[t] - trend * sp;
      sse += e * e;
      l = trend + (alpha * e) / sp;
      b = phi * b + (beta * e) / sp;
      if (trend > 0) s[p] = sp + (gamma * e) / trend;
      if (!(l > 0) || !(s[p] > 0)) {
        sse = Number.POSITIVE_INFINITY;
        break;
      }
      p = p + 1 === m ? 0 : p + 1;
    }
  } else if (kind === 'additive') {
    let p = 0;
    for (let t = 0; t < n; t += 1) {
      const trend = l + phi * b;
      const e = y[t] - trend - s[p];
      sse += e * e;
      l = trend + alpha * e;
      b = phi * b + beta * e;
      s[p] += gamma * e;
      p = p + 1 === m ? 0 : p + 1;
    }
  } else {
    for (let t = 0; t < n; t += 1) {
      const trend = l + phi * b;
      const e = y[t] - trend;
      sse += e * e;
      l = trend + alpha * e;
      b = phi * b + beta * e;
    }
  }
  out.sse = sse;
  out.level = l;
  out.slope = b;
  return sse;
};

/** Fits the model to `y` and forecasts `h` steps ahead with standard deviations per step. */
export const etsForecast = (y: Float64Array, h: number, options: EtsOptions): EtsFit => {
  const n = y.length;
  const kind = options.season;
  const m = kind === 'none' ? 1 : options.period;
  if (kind !== 'none' && n < 2 * m) throw new Error(`etsForecast: a seasonal model needs 2 seasons (${2 * m} values), got ${n}`);
  if (n < 3) throw new Error(`etsForecast: needs at least 3 values, got ${n}`);
  const init = initialStates(y, m, kind);
  const scratch = new Float64Array(Math.max(m, 1));
  const seasonal = kind !== 'none';
  const state: RunResult = { sse: 0, level: 0, slope: 0 };
  const objective = (x: Float64Array): number =>
    run(y, m, kind, init, x[0], x[1] * x[0], seasonal ? x[3] * (1 - x[0]) : 0, x[2], scratch, state);
  const lower = seasonal ? [0.01, 0.0001, 0.8, 0.0001] : [0.01, 0.0001, 0.8];
  const upper = seasonal ? [0.99, 0.99, 0.98, 0.99] : [0.99, 0.99, 0.98];
  const warm = options.start !== undefined && options.start.length === lower.length;
  const x0 = warm ? (options.start as readonly number[]) : seasonal ? [0.3, 0.1, 0.95, 0.1] : [0.3, 0.1, 0.95];
  const budget = options.maxEvaluations ?? 120;
  const best = nelderMead(objective, x0, { lower, upper, step: warm ? 0.05 : 0.15, maxEvaluations: warm ? Math.ceil(budget / 2) : budget, tolerance: 1e-6, xTolerance: 1e-3 });
  const [alpha, betaStar, phi, gammaStar] = best.x as [number, number, number, number | undefined];
  const beta = betaStar * alpha;
  const gamma = seasonal ? (gammaStar ?? 0) * (1 - alpha) : 0;
  const end: RunResult = { sse: 0, level: 0, slope: 0 };
  run(y, m, kind, init, alpha, beta, gamma, phi, scratch, end);
  // Degrees of freedom: the smoothing parameters, the initial level and slope, and the m - 1 free
  // initial seasonal states (estimated from the same data, so in-sample errors understate).
  const parameters = (seasonal ? 4 + m - 1 : 3) + 2;
  const sigma = Math.sqrt(end.sse / Math.max(1, n - parameters));
  const mean = new Float64Array(h);
  const sd = new Float64Array(h);
  let dampSum = 0;
  let phiPower = 1;
  let cumulative = 0;
  for (let k = 1; k <= h; k += 1) {
    phiPower *= phi;
    dampSum += phiPower;
    const trend = end.level + dampSum * end.slope;
    const p = m > 1 ? (n + k - 1) % m : 0;
    mean[k - 1] = kind === 'multiplicative' ? trend * scratch[p] : kind === 'additive' ? trend + scratch[p] : trend;
    sd[k - 1] = sigma * Math.sqrt(1 + cumulative);
    // c_k = alpha + beta phi (1 - phi^k) / (1 - phi) + gamma [k a multiple of m]; var_{k+1} adds c_k^2.
    const c = alpha + (beta * phi * (1 - phiPower)) / (1 - phi) + (seasonal && k % m === 0 ? gamma : 0);
    cumulative += c * c;
  }
  return { mean, sd, alpha, beta, gamma, phi, sigma, x: best.x };
};
