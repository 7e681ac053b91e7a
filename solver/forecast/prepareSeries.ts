/**
 * From raw monthly values with gaps and a structural break to the clean series the methods fit.
 *
 * 1. Leading missing values are dropped (the series starts later); `offset` says how many.
 * 2. Interior gaps are filled by linear interpolation between the nearest observed neighbours;
 *    trailing gaps repeat the last observed value.
 * 3. Structural break at `breakIndex` (first post-break position): if at least two seasons of
 *    post-break data exist, pre-break data is dropped. Otherwise the pre-break part is rescaled
 *    by the ratio of the seasonally adjusted means of the k = min(12, post length, pre length)
 *    values just after and just before the break, so the level and trend the methods fit are
 *    those of the post-break regime, while the pre-break months still carry the seasonal shape.
 *    Seasonal adjustment uses the given pooled indices, else the pre-break data's own
 *    (when it has two seasons), else none. A pre-break part with a zero mean is dropped.
 *    Guard for short post-break parts: if any index of the 2k months is below MIN_ADJUST_INDEX
 *    (0.2: a month of ~zeros, typical of small-count series; indices are floored at 0.05), the
 *    ratio is taken without seasonal adjustment. Dividing a few post-break values by such an
 *    index multiplied the ratio by up to 20 and more (seen: 21 and 83 for series of 0-2
 *    dossiers a month with 3-4 post-break months, giving forecasts of 10-80 dossiers a month).
 */
import { seasonalIndices } from './decompose.ts';
import { safeIndices } from './theta.ts';

/** Smallest seasonal index the break ratio divides by; below it the ratio is not adjusted (see above). */
export const MIN_ADJUST_INDEX = 0.2;

export interface PreparedSeries {
  /** The clean series. */
  readonly y: Float64Array;
  /** Positions of the input dropped at the start (leading gaps, pre-break data). */
  readonly offset: number;
  /** Positions (in `y`) that were filled in. */
  readonly imputed: readonly number[];
  /** Factor applied to the pre-break values (1 without a break or when they were dropped). */
  readonly breakRatio: number;
  /** Observed values before cleaning (for the non-negativity check). */
  readonly observedMin: number;
}

/** Needs at least `minimum` observed values; throws naming the shortfall otherwise. */
export const prepareSeries = (
  values: readonly (number | null)[],
  options: { readonly period: number; readonly breakIndex?: number; readonly season?: (position: number) => number; readonly minimum?: number },
): PreparedSeries => {
  const minimum = options.minimum ?? 3;
  let observed = 0;
  let observedMin = Number.POSITIVE_INFINITY;
  values.forEach((v, i) => {
    if (v === null) return;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`forecastSeries: value at position ${i} is not a finite number: ${String(v)}`);
    observed += 1;
    observedMin = Math.min(observedMin, v);
  });
  if (observed < minimum) throw new Error(`forecastSeries: the series is too short: ${observed} observed value(s), at least ${minimum} needed`);
  let start = values.findIndex((v) => v !== null);
  const filled: number[] = [];
  const imputed: number[] = [];
  let previous = start - 1;
  for (let i = start; i < values.length; i += 1) {
    const v = values[i];
    if (v !== null) {
      for (let j = previous + 1; j < i; j += 1) {
        const w = (j - previous) / (i - previous);
        filled[j - start] = (1 - w) * (values[previous] as number) + w * v;
        imputed.push(j - start);
      }
      filled[i - start] = v;
      previous = i;
    }
  }
  for (let j = previous + 1; j < values.length; j += 1) {
    filled[j - start] = values[previous] as number;
    imputed.push(j - start);
  }
  let y = Float64Array.from(filled);
  let breakRatio = 1;
  const m = options.period;
  const b = options.breakIndex === undefined ? -1 : options.breakIndex - start;
  if (b > 0 && b < y.length) {
    const post = y.length - b;
    if (post >= 2 * m && post >= minimum) {
      return { y: y.slice(b), offset: start + b, imputed: imputed.filter((i) => i >= b).map((i) => i - b), breakRatio: 1, observedMin };
    }
    const own = options.season === undefined && m > 1 && b >= 2 * m ? safeIndices(seasonalIndices(y.subarray(0, b), m)) : undefined;
    const index = (t: number): number => (options.season !== undefined ? Math.max(options.season(start + t), 0.05) : own !== undefined ? own[t % m] : 1);
    const k = Math.min(12, post, b);
    const window = Array.from({ length: 2 * k }, (_, i) => (i < k ? b - 1 - i : b + i - k));
    const adjust = window.every((t) => index(t) >= MIN_ADJUST_INDEX);
    let before = 0;
    let after = 0;
    for (let i = 0; i < k; i += 1) {
      before += y[b - 1 - i] / (adjust ? index(b - 1 - i) : 1);
      after += y[b + i] / (adjust ? index(b + i) : 1);
    }
    if (before > 0 && after >= 0) {
      breakRatio = after / before;
      for (let t = 0; t < b; t += 1) y[t] *= breakRatio;
    } else if (post >= minimum) {
      y = y.slice(b);
      start += b;
      return { y, offset: start, imputed: imputed.filter((i) => i >= b).map((i) => i - b), breakRatio: 1, observedMin };
    }
  }
  return { y, offset: start, imputed, breakRatio, observedMin };
};
