/**
 * Rough shape of a training series, to tell on which kinds of series a forecaster wins or loses.
 *
 * Classical additive decomposition (centred 2x12 moving average trend T, seasonal S = mean of the
 * detrended values by position in the season, centred to mean 0, remainder R), then the strengths
 * of Wang, Smith & Hyndman (2006) as used in "Forecasting: principles and practice" 4.3:
 * F_T = max(0, 1 - var(R) / var(T + R)), F_S = max(0, 1 - var(R) / var(S + R)), over the months
 * where the moving average exists. Thresholds of the kinds are ours: seasonal F_S >= 0.6, trended
 * F_T >= 0.9 (a random walk's level alone scores ~0.8-0.9), short n <= 120 months (10 years).
 */
export interface SeriesFeatures {
  readonly length: number;
  readonly trendStrength: number;
  readonly seasonalStrength: number;
}

export type SeriesKind = 'short' | 'long' | 'seasonal' | 'non-seasonal' | 'trended' | 'untrended';

const variance = (v: readonly number[]): number => {
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  return v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length;
};

/** Strengths of trend and seasonality of `y` with period `m` (needs at least 2m + 1 values). */
export const seriesFeatures = (y: readonly number[], m = 12): SeriesFeatures => {
  const n = y.length;
  if (n < 2 * m + 1) throw new Error(`seriesFeatures: needs at least ${2 * m + 1} values, got ${n}`);
  const half = m / 2;
  const trend: (number | undefined)[] = y.map((_, t) => {
    if (t < half || t + half >= n) return undefined;
    let s = (y[t - half]! + y[t + half]!) / 2;
    for (let k = -half + 1; k < half; k += 1) s += y[t + k]!;
    return s / m;
  });
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  trend.forEach((tr, t) => {
    if (tr === undefined) return;
    sums[t % m]! += y[t]! - tr;
    counts[t % m]! += 1;
  });
  const raw = sums.map((s, p) => s / counts[p]!);
  const centre = raw.reduce((a, b) => a + b, 0) / m;
  const seasonal = raw.map((s) => s - centre);
  const tr: number[] = [];
  const sr: number[] = [];
  const r: number[] = [];
  trend.forEach((level, t) => {
    if (level === undefined) return;
    const remainder = y[t]! - level - seasonal[t % m]!;
    r.push(remainder);
    tr.push(level + remainder);
    sr.push(seasonal[t % m]! + remainder);
  });
  const vr = variance(r);
  const strength = (v: number): number => (v === 0 ? 0 : Math.max(0, 1 - vr / v));
  return { length: n, trendStrength: strength(variance(tr)), seasonalStrength: strength(variance(sr)) };
};

/** The kinds a series belongs to, one of each pair (see the module comment for the thresholds). */
export const seriesKinds = (f: SeriesFeatures): SeriesKind[] => [
  f.length <= 120 ? 'short' : 'long',
  f.seasonalStrength >= 0.6 ? 'seasonal' : 'non-seasonal',
  f.trendStrength >= 0.9 ? 'trended' : 'untrended',
];
