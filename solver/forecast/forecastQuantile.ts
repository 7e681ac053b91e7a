/**
 * A quantile of a forecast's distribution at one step, consistent with its intervals: the mean
 * is taken as the median (P50), the 80% bounds as P10/P90, the 95% bounds as P2.5/P97.5. Between
 * those points the value is interpolated linearly in the normal score z = Phi^-1(q), so a normal
 * forecast is reproduced exactly; beyond P2.5/P97.5 the outer segment is extended. Never below
 * the smallest bound given when that bound is 0 (counts stay non-negative).
 * Example: with mean 100, lo80 80, hi80 120, P80 (z = 0.8416) = 100 + 20 x 0.8416 / 1.2816 ~ 113.1.
 */

import { Z80, Z95 } from '../normalScores.ts';

export interface IntervalForecast {
  readonly mean: readonly number[];
  readonly lo80: readonly number[];
  readonly hi80: readonly number[];
  readonly lo95: readonly number[];
  readonly hi95: readonly number[];
}


/** Inverse standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
export const normalQuantile = (p: number): number => {
  if (!(p > 0 && p < 1)) throw new Error(`normalQuantile: p must be in (0, 1), got ${p}`);
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
};

/** Value at quantile `q` in (0, 1) of step `step` (0-based) of forecast `f`. */
export const forecastQuantile = (f: IntervalForecast, step: number, q: number): number => {
  if (!Number.isInteger(step) || step < 0 || step >= f.mean.length) {
    throw new Error(`forecastQuantile: step must be an integer in [0, ${f.mean.length - 1}], got ${step}`);
  }
  if (!(q > 0 && q < 1)) throw new Error(`forecastQuantile: q must be in (0, 1), got ${q}`);
  const zs = [-Z95, -Z80, 0, Z80, Z95];
  const xs = [f.lo95[step], f.lo80[step], f.mean[step], f.hi80[step], f.hi95[step]];
  const z = normalQuantile(q);
  let i = 0;
  while (i < 3 && z > zs[i + 1]) i += 1;
  const w = (z - zs[i]) / (zs[i + 1] - zs[i]);
  const value = xs[i] + w * (xs[i + 1] - xs[i]);
  return xs[0] === 0 ? Math.max(0, value) : value;
};
