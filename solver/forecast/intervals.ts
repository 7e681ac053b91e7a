/**
 * Interval width helpers of forecastSeries (see its module comment for the method and figures).
 */
import type { BacktestScore } from './backtest.ts';

/** Pseudo-observations of standardized error 1 that shrink the empirical scale towards 1. */
const PSEUDO = 8;

/** Student t quantile from the normal one (Cornish-Fisher expansion, good to ~1e-3 for dof >= 5). */
export const tQuantile = (z: number, dof: number): number =>
  z + (z ** 3 + z) / (4 * dof) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * dof * dof);

/**
 * Factor on the model sd of a combination of `scored` methods: its backtest errors (mean of the
 * methods' errors at each origin and step) over the mean of their model sds give standardized
 * errors z; the factor is sqrt((sum z^2 + 8) / (count + 8)), at least 1 unless `narrow` allows
 * it below (1 without backtest).
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
