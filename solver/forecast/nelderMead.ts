/**
 * Nelder-Mead simplex minimisation with box bounds, small and allocation-light, for fitting the
 * few smoothing parameters of exponential smoothing (2-4 parameters, a few hundred evaluations).
 *
 * Coefficients are the standard ones (reflection 1, expansion 2, contraction 0.5, shrink 0.5;
 * Nelder & Mead 1965, as in Lagarias et al. 1998). Bounds are kept by projecting every trial point
 * onto the box, so the objective is only ever called inside it.
 */

export interface NelderMeadOptions {
  /** Initial simplex edge per coordinate (one number for all). Default 0.1. */
  readonly step?: number | readonly number[];
  /** Stop after this many objective evaluations. Default 200 x dimension. */
  readonly maxEvaluations?: number;
  /** Stop when the spread of values over the simplex is below this (absolute + relative)... Default 1e-8. */
  readonly tolerance?: number;
  /** ... and the simplex's largest coordinate spread (relative above 1) is below this. Default 1e-4. */
  readonly xTolerance?: number;
  /** Lower bounds per coordinate; default none. */
  readonly lower?: readonly number[];
  /** Upper bounds per coordinate; default none. */
  readonly upper?: readonly number[];
}

export interface NelderMeadResult {
  /** Best point found. */
  readonly x: readonly number[];
  /** Objective at `x`. */
  readonly value: number;
  readonly evaluations: number;
  /** Whether the tolerance was met before the evaluation budget ran out. */
  readonly converged: boolean;
}

/**
 * Minimises `f` from `x0`. `f` receives a scratch array it must not keep. Non-finite values
 * count as +Infinity (worse than any finite value).
 * Example: `nelderMead(([x, y]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0]).x` ~ `[1, -2]`.
 */
export const nelderMead = (
  f: (x: Float64Array) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult => {
  const d = x0.length;
  if (d === 0) throw new Error('nelderMead: x0 must have at least one coordinate');
  const maxEvaluations = options.maxEvaluations ?? 200 * d;
  const tolerance = options.tolerance ?? 1e-8;
  const xTolerance = options.xTolerance ?? 1e-4;
  const lower = options.lower;
  const upper = options.upper;
  const project = (p: Float64Array): void => {
    for (let j = 0; j < d; j += 1) {
      if (lower !== undefined && p[j] < lower[j]) p[j] = lower[j];
      if (upper !== undefined && p[j] > upper[j]) p[j] = upper[j];
    }
  };
  let evaluations = 0;
  const evaluate = (p: Float64Array): number => {
    evaluations += 1;
    const v = f(p);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };

  const points: Float64Array[] = [];
  const values = new Float64Array(d + 1);
  for (let i = 0; i <= d; i += 1) {
    const p = Float64Array.from(x0);
    if (i > 0) {
      const j = i - 1;
      const s = typeof options.step === 'number' ? options.step : options.step?.[j] ?? 0.1;
      p[j] += s;
      project(p);
      // A start on the upper bound would give a degenerate simplex: step the other way.
      if (p[j] === x0[j]) {
        p[j] -= s;
        project(p);
      }
    } else project(p);
    points.push(p);
    values[i] = evaluate(p);
  }

  const order = Array.from({ length: d + 1 }, (_, i) => i);
  const centroid = new Float64Array(d);
  const trial = new Float64Array(d);
  const trial2 = new Float64Array(d);
  const along = (out: Float64Array, from: Float64Array, coefficient: number): void => {
    for (let j = 0; j < d; j += 1) out[j] = centroid[j] + coefficient * (from[j] - centroid[j]);
    project(out);
  };
  let converged = false;
  // Largest coordinate distance of the simplex from its best point (relative above 1): equal values
  // at points straddling a minimum must not pass for convergence.
  const diameter = (b: Float64Array): number => {
    let most = 0;
    for (const p of points) for (let j = 0; j < d; j += 1) most = Math.max(most, Math.abs(p[j] - b[j]) / (1 + Math.abs(b[j])));
    return most;
  };

  while (evaluations < maxEvaluations) {
    // Insertion sort: the simplex has 2-5 points, where Array.prototype.sort's setup dominates.
    for (let i = 1; i <= d; i += 1) {
      const key = order[i];
      let j = i - 1;
      while (j >= 0 && values[order[j]] > values[key]) {
        order[j + 1] = order[j];
        j -= 1;
      }
      order[j + 1] = key;
    }
    const best = order[0];
    const worst = order[d];
    const secondWorst = order[d - 1] ?? best;
    const spread = values[worst] - values[best];
    if (Number.isFinite(spread) && spread <= tolerance * (1 + Math.abs(values[best])) && diameter(points[best]) <= xTolerance) {
      converged = true;
      break;
    }
    centroid.fill(0);
    for (let k = 0; k < d; k += 1) {
      const p = points[order[k]];
      for (let j = 0; j < d; j += 1) centroid[j] += p[j] / d;
    }
    along(trial, points[worst], -1);
    const reflected = evaluate(trial);
    if (reflected < values[best]) {
      along(trial2, points[worst], -2);
      const expanded = evaluate(trial2);
      if (expanded < reflected) {
        points[worst].set(trial2);
        values[worst] = expanded;
      } else {
        points[worst].set(trial);
        values[worst] = reflected;
      }
      continue;
    }
    if (reflected < values[secondWorst]) {
      points[worst].set(trial);
      values[worst] = reflected;
      continue;
    }
    // Contract outside (towards the reflected point) or inside (towards the worst one).
    const outside = reflected < values[worst];
    along(trial2, outside ? trial : points[worst], 0.5);
    const contracted = evaluate(trial2);
    if (contracted < (outside ? reflected : values[worst])) {
      points[worst].set(trial2);
      values[worst] = contracted;
      continue;
    }
    const b = points[best];
    for (let k = 1; k <= d; k += 1) {
      const p = points[order[k]];
      for (let j = 0; j < d; j += 1) p[j] = b[j] + 0.5 * (p[j] - b[j]);
      values[order[k]] = evaluate(p);
    }
  }
  let bestIndex = 0;
  for (let i = 1; i <= d; i += 1) if (values[i] < values[bestIndex]) bestIndex = i;
  return { x: Array.from(points[bestIndex]), value: values[bestIndex], evaluations, converged };
};
