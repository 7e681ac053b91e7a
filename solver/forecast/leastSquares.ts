/**
 * Ordinary least squares through the normal equations with a Cholesky factor, for the small
 * regressions of the calendar model (tens of rows, up to ~16 columns). A ridge of 1e-9 x the mean
 * diagonal keeps collinear columns (e.g. Tet and month dummies) solvable; it changes
 * well-posed fits by far less than rounding of the data.
 */

export interface LeastSquaresFit {
  readonly coefficients: Float64Array;
  /** Residual standard deviation, sqrt(SSE / (n - p)) (n - p at least 1). */
  readonly sigma: number;
  /** x' (X'X)^-1 x for a new row x: the prediction variance factor beyond sigma^2. */
  readonly leverage: (x: Float64Array) => number;
}

/** Fits y ~ X, where `X` holds `n` rows of `p` columns row by row. */
export const leastSquares = (X: Float64Array, y: ArrayLike<number>, n: number, p: number): LeastSquaresFit => {
  if (n < 1 || p < 1 || X.length !== n * p) throw new Error(`leastSquares: X must hold n x p = ${n} x ${p} values, got ${X.length}`);
  const a = new Float64Array(p * p);
  const rhs = new Float64Array(p);
  for (let r = 0; r < n; r += 1) {
    const o = r * p;
    for (let i = 0; i < p; i += 1) {
      const xi = X[o + i];
      if (xi === 0) continue;
      rhs[i] += xi * y[r];
      for (let j = 0; j <= i; j += 1) a[i * p + j] += xi * X[o + j];
    }
  }
  let trace = 0;
  for (let i = 0; i < p; i += 1) trace += a[i * p + i];
  const ridge = (1e-9 * trace) / p + 1e-12;
  // Cholesky a = L L' in place (lower triangle).
  for (let i = 0; i < p; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let s = a[i * p + j] + (i === j ? ridge : 0);
      for (let k = 0; k < j; k += 1) s -= a[i * p + k] * a[j * p + k];
      a[i * p + j] = i === j ? Math.sqrt(Math.max(s, 1e-300)) : s / a[j * p + j];
    }
  }
  const forward = (b: Float64Array): Float64Array => {
    const z = Float64Array.from(b);
    for (let i = 0; i < p; i += 1) {
      for (let k = 0; k < i; k += 1) z[i] -= a[i * p + k] * z[k];
      z[i] /= a[i * p + i];
    }
    return z;
  };
  const z = forward(rhs);
  const coefficients = new Float64Array(p);
  for (let i = p - 1; i >= 0; i -= 1) {
    let s = z[i];
    for (let k = i + 1; k < p; k += 1) s -= a[k * p + i] * coefficients[k];
    coefficients[i] = s / a[i * p + i];
  }
  let sse = 0;
  for (let r = 0; r < n; r += 1) {
    let f = 0;
    for (let i = 0; i < p; i += 1) f += X[r * p + i] * coefficients[i];
    sse += (y[r] - f) ** 2;
  }
  const leverage = (x: Float64Array): number => {
    const w = forward(x);
    let s = 0;
    for (let i = 0; i < p; i += 1) s += w[i] * w[i];
    return s;
  };
  return { coefficients, sigma: Math.sqrt(sse / Math.max(1, n - p)), leverage };
};
