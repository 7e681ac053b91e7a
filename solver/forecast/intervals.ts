/**
 * Interval width helpers of forecastSeries (see its module comment for the method and figures).
 *
 * Noise floor: a model sd below NOISE_FLOOR x the recent level of the data the model was fitted
 * on is a degenerate fit (a noiseless or exactly spliced training window gives sds of ~1e-14), not
 * a measure of noise; no count series is that predictable (Poisson noise alone is sqrt(level),
 * above 1% of the level for any level under 10,000 a month). Standardizing backtest errors by such
 * sds made the interval factor ~1e11 (hi95 ~1e11 on a history with 2 months after the July 2025
 * break). So the backtest records sds floored at the noise floor of each training window
 * (backtest.ts), and the final model sds are floored at that of the whole series before the
 * factor multiplies them. A training window of zeros has a floor of 0: its sd-0 points are left
 * out of the factor, as before.
 * As a second line of defence the scaled sd of every step is capped at MAX_SD_PER_PEAK = 3 x
 * max(largest |value| of the cleaned series, |point forecast|, 1), so hi95 <= mean + 7.7 x that
 * scale (t quantile <= 2.57) whatever a fit does. On the embedded dataset's 2,736 series
 * (`npm run bench:forecast`) the cap never binds at 3 (at 2 it bound on 6 intermittent
 * tiny-count series), so it changes no forecast there.
 */
import type { BacktestScore } from './backtest.ts';

/** Pseudo-observations of standardized error 1 that shrink the empirical scale towards 1. */
const PSEUDO = 8;

/** Smallest meaningful model sd, as a fraction of the series' recent level (see the module comment). */
export const NOISE_FLOOR = 0.01;

/**
 * Largest interval sd (after the backtest factor), as a multiple of max(largest |value| of the
 * cleaned series, |point forecast|, 1); see the module comment.
 */
export const MAX_SD_PER_PEAK = 3;

/** Student t quantile from the normal one (Cornish-Fisher expansion, good to ~1e-3 for dof >= 5). */
export const tQuantile = (z: number, dof: number): number =>
  z + (z ** 3 + z) / (4 * dof) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * dof * dof);

/**
 * Recent level of a series: mean |y| over its last `period` values (all of them when shorter);
 * the scale of the noise floor.
 */
export const recentLevel = (y: ArrayLike<number>, period: number): number => {
  const k = Math.min(Math.max(1, period), y.length);
  let s = 0;
  for (let t = y.length - k; t < y.length; t += 1) s += Math.abs(y[t]);
  return k > 0 ? s / k : 0;
};

/** Smallest meaningful model sd for a model fitted on `y`: NOISE_FLOOR x its recent level. */
export const noiseFloor = (y: ArrayLike<number>, period: number): number => NOISE_FLOOR * recentLevel(y, period);

/**
 * Factor on the model sd of a combination of `scored` methods: its backtest errors (mean of the
 * methods' errors at each origin and step) over the mean of their model sds (already floored by
 * the backtest) give standardized errors z; the factor is sqrt((sum z^2 + 8) / (count + 8)), at
 * least 1 unless `narrow` allows it below (1 without backtest).
 */
export const intervalScale = (scored: readonly BacktestScore[], narrow = false): number => {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < (scored[0]?.errors.length ?? 0); i += 1) {
    let error = 0;
    let sd = 0;
    for (const s of scored) {
      error += (s.errors[i] as number) / scored.length;
      sd += (s.sds[i] as number) / scored.length;
    }
    if (sd > 0) {
      sum += (error / sd) ** 2;
      count += 1;
    }
  }
  const scale = Math.sqrt((sum + PSEUDO) / (count + PSEUDO));
  return narrow ? scale : Math.max(1, scale);
};

/**
 * Interval sd of one step: `c` x the model sd floored at NOISE_FLOOR x `level`, capped at
 * MAX_SD_PER_PEAK x max(`peak`, |`mean`|, 1); `level` the series' recent level (recentLevel),
 * `peak` its largest |value|, `mean` the step's point forecast.
 */
export const intervalSd = (c: number, sd: number, level: number, peak: number, mean: number): number =>
  Math.min(c * Math.max(sd, NOISE_FLOOR * level), MAX_SD_PER_PEAK * Math.max(peak, Math.abs(mean), 1));
