/**
 * TEMPORARY stand-in for the forecast module's types (solver/forecast/forecastHistory.ts and
 * forecastQuantile.ts), which had not landed when this was written. Same shape; replace the
 * imports with the forecast module's once it exists, then delete this file.
 */
import type { CenterCode, Channel, FieldId, Month } from '../domain.ts';

/** Forecast of one center x field x channel series, months ahead with 80% and 95% intervals. */
export interface DossierForecast {
  readonly centerCode: CenterCode;
  readonly field: FieldId;
  readonly channel: Channel;
  readonly months: readonly Month[];
  readonly mean: readonly number[];
  readonly lo80: readonly number[];
  readonly hi80: readonly number[];
  readonly lo95: readonly number[];
  readonly hi95: readonly number[];
  readonly method: string;
  readonly backtest: unknown;
}

/** Standard normal quantiles: z(0.8), z(0.9) (the 80% interval's upper end), z(0.95), z(0.975). */
const Z80 = 0.8416212335729143;
const Z90 = 1.2815515655446004;
const Z95 = 1.6448536269514722;
const Z975 = 1.959963984540054;

/**
 * Quantile `q` (0.5, 0.8 or 0.95) of the forecast at position `step` (0-based in `months`),
 * reading the spread off the interval whose end is nearest: q = 0.8 from the 80% interval's upper
 * end (the 90th percentile), q = 0.95 from the 95% interval's upper end (97.5th), assuming a
 * normal shape between them.
 */
export const forecastQuantile = (f: DossierForecast, step: number, q: number): number => {
  const mean = f.mean[step];
  const hi80 = f.hi80[step];
  const hi95 = f.hi95[step];
  if (mean === undefined || hi80 === undefined || hi95 === undefined) {
    throw new Error(`forecastQuantile: step ${step} is outside the forecast of ${f.centerCode}/${f.field}/${f.channel}`);
  }
  if (q === 0.5) return mean;
  if (q === 0.8) return mean + ((hi80 - mean) * Z80) / Z90;
  if (q === 0.95) return mean + ((hi95 - mean) * Z95) / Z975;
  throw new Error(`forecastQuantile: q must be 0.5, 0.8 or 0.95, got ${q}`);
};
