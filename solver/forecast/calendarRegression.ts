/**
 * Regression with calendar effects: y_t = a + b t + month effect + c (working days_t - 21)
 *   + d tet_t + e after-Tet_t + error,
 * fitted by least squares. The month effect is 11 dummies when the series has two full years;
 * a shorter series is instead divided by given (pooled) seasonal indices before the fit and
 * multiplied back after, or has no month effect. `tet` is 1 in the month holding the Tet break;
 * after-Tet is the month after it (the wave of dossiers held back over the holiday).
 * Working days and Tet come from the context (solver/calendar.ts for Vietnam); without them the
 * model is trend + season. Prediction sd: sigma sqrt(1 + x' (X'X)^-1 x).
 */
import { leastSquares } from './leastSquares.ts';
import { safeIndices } from './theta.ts';
import type { MethodContext, ModelForecast } from './modelForecast.ts';

/** Calendar regression forecast of `y`, `h` steps ahead. */
export const calendarRegressionForecast = (y: Float64Array, h: number, context: MethodContext): ModelForecast => {
  const n = y.length;
  const m = context.period;
  const dummies = m > 1 && n >= 2 * m;
  const season = !dummies && context.season !== undefined ? safeIndices(context.season) : undefined;
  const { workingDays, tet } = context;
  const p = 2 + (dummies ? m - 1 : 0) + (workingDays ? 1 : 0) + (tet ? 2 : 0);
  if (n < p + 2) throw new Error(`calendarRegressionForecast: needs at least ${p + 2} values for ${p} coefficients, got ${n}`);
  const row = (t: number, out: Float64Array, o: number): void => {
    let c = o;
    out[c++] = 1;
    out[c++] = t / 12;
    if (dummies) for (let k = 1; k < m; k += 1) out[c++] = t % m === k ? 1 : 0;
    if (workingDays) out[c++] = workingDays[t] - 21;
    if (tet) {
      out[c++] = tet[t];
      out[c++] = t > 0 ? tet[t - 1] : 0;
    }
  };
  const X = new Float64Array(n * p);
  for (let t = 0; t < n; t += 1) row(t, X, t * p);
  const target = season === undefined ? y : Float64Array.from(y, (v, t) => v / season[t % m]);
  const fit = leastSquares(X, target, n, p);
  const mean = new Float64Array(h);
  const sd = new Float64Array(h);
  const x = new Float64Array(p);
  for (let k = 0; k < h; k += 1) {
    const t = n + k;
    row(t, x, 0);
    let f = 0;
    for (let i = 0; i < p; i += 1) f += x[i] * fit.coefficients[i];
    const index = season === undefined ? 1 : season[t % m];
    mean[k] = f * index;
    sd[k] = fit.sigma * Math.sqrt(1 + fit.leverage(x)) * index;
  }
  return { mean, sd };
};
