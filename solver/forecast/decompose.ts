/**
 * Classical multiplicative decomposition (ratio to a centred moving average) and the seasonality
 * test the Theta method uses.
 */

/**
 * Seasonal indices by phase (phase 0 = position 0 of `y`), mean 1, from the ratios of `y` to its
 * centred moving average of order m (2 x m for even m), averaged per phase over the years.
 * Ratios at positions whose moving average is <= 0 are skipped; positions listed in `skip(t)`
 * (e.g. windows straddling a structural break) too. A phase with no ratio gets 1.
 * Needs `y.length >= 2m` for one ratio per phase. Cost O(n).
 */
export const seasonalIndices = (
  y: ArrayLike<number>,
  period: number,
  skip?: (t: number) => boolean,
): Float64Array => {
  const n = y.length;
  const m = period;
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  const half = Math.floor(m / 2);
  const even = m % 2 === 0;
  for (let t = half; t + half <= n - 1; t += 1) {
    let s = 0;
    if (even) {
      s = 0.5 * y[t - half] + 0.5 * y[t + half];
      for (let k = t - half + 1; k < t + half; k += 1) s += y[k];
    } else for (let k = t - half; k <= t + half; k += 1) s += y[k];
    const cma = s / m;
    if (!(cma > 0) || (skip !== undefined && skip(t))) continue;
    sums[t % m] += y[t] / cma;
    counts[t % m] += 1;
  }
  const indices = new Float64Array(m);
  let total = 0;
  for (let p = 0; p < m; p += 1) {
    indices[p] = counts[p] > 0 ? sums[p] / counts[p] : 1;
    total += indices[p];
  }
  if (!(total > 0)) return indices.fill(1);
  for (let p = 0; p < m; p += 1) indices[p] *= m / total;
  return indices;
};

/**
 * Whether `y` looks seasonal with period m: the autocorrelation at lag m exceeds 1.645 times its
 * standard error under Bartlett's formula, sqrt((1 + 2 sum_{k<m} r_k^2) / n) (a 90% one-sided test,
 * the one of Hyndman's thetaf). False for series shorter than 2m or constant.
 */
export const looksSeasonal = (y: ArrayLike<number>, period: number): boolean => {
  const n = y.length;
  if (period < 2 || n < 2 * period) return false;
  let mean = 0;
  for (let t = 0; t < n; t += 1) mean += y[t];
  mean /= n;
  let c0 = 0;
  for (let t = 0; t < n; t += 1) c0 += (y[t] - mean) ** 2;
  if (c0 === 0) return false;
  const acf = (lag: number): number => {
    let s = 0;
    for (let t = lag; t < n; t += 1) s += (y[t] - mean) * (y[t - lag] - mean);
    return s / c0;
  };
  let sumSquares = 0;
  for (let k = 1; k < period; k += 1) sumSquares += acf(k) ** 2;
  return Math.abs(acf(period)) > 1.645 * Math.sqrt((1 + 2 * sumSquares) / n);
};
