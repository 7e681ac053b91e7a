/**
 * Seasonal indices pooled over related series (e.g. one field across every center of the city),
 * for series too short or too noisy to show their own seasonality (after the July 2025 reform).
 *
 * Each series gives its classical multiplicative ratios (value / centred 12-month moving average),
 * averaged per calendar month and normalised to mean 1; the pooled index of a calendar month is
 * the mean of those of the series that have it, weighted by each series' mean level (so tiny,
 * noisy series weigh little), and normalised again to mean 1. Ratios whose moving-average window
 * straddles `breakIndex` are skipped (a level shift would read as a seasonal effect).
 * Result: 12 indices, index 0 = January. Series shorter than 24 months, or with no positive
 * moving average, are skipped; with none left every index is 1.
 */
import { calendarMonthIndex } from './months.ts';

export const pooledSeasonalIndices = (
  series: readonly (readonly (number | null)[])[],
  firstMonth: string,
  options: { readonly breakIndex?: number } = {},
): number[] => {
  const first = calendarMonthIndex(firstMonth);
  const sums = new Float64Array(12);
  const weights = new Float64Array(12);
  for (const values of series) {
    const n = values.length;
    if (n < 24) continue;
    const ratioSums = new Float64Array(12);
    const ratioCounts = new Float64Array(12);
    let level = 0;
    let known = 0;
    for (let t = 6; t + 6 <= n - 1; t += 1) {
      if (options.breakIndex !== undefined && t - 6 < options.breakIndex && t + 6 >= options.breakIndex) continue;
      let s = 0;
      let ok = values[t] !== null;
      for (let k = t - 6; k <= t + 6 && ok; k += 1) {
        const v = values[k];
        if (v === null) ok = false;
        else s += (k === t - 6 || k === t + 6 ? 0.5 : 1) * v;
      }
      const cma = s / 12;
      if (!ok || !(cma > 0)) continue;
      const month = (first + t) % 12;
      ratioSums[month] += (values[t] as number) / cma;
      ratioCounts[month] += 1;
      level += cma;
      known += 1;
    }
    if (known === 0) continue;
    let total = 0;
    let months = 0;
    for (let c = 0; c < 12; c += 1) {
      if (ratioCounts[c] === 0) continue;
      total += ratioSums[c] / ratioCounts[c];
      months += 1;
    }
    const norm = total / months;
    const weight = level / known;
    if (!(norm > 0) || !(weight > 0)) continue;
    for (let c = 0; c < 12; c += 1) {
      if (ratioCounts[c] === 0) continue;
      sums[c] += (weight * ratioSums[c]) / ratioCounts[c] / norm;
      weights[c] += weight;
    }
  }
  const indices = Array.from(sums, (s, c) => (weights[c] > 0 ? s / weights[c] : 1));
  const mean = indices.reduce((a, b) => a + b, 0) / 12;
  return indices.map((v) => v / mean);
};
