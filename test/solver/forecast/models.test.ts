import { describe, expect, it } from 'vitest';
import { etsForecast } from '../../../solver/forecast/ets.ts';
import { thetaForecast } from '../../../solver/forecast/theta.ts';
import { calendarRegressionForecast } from '../../../solver/forecast/calendarRegression.ts';
import { seasonalNaiveForecast } from '../../../solver/forecast/seasonalNaive.ts';
import { looksSeasonal, seasonalIndices } from '../../../solver/forecast/decompose.ts';
import { mase, maseScale, smape } from '../../../solver/forecast/accuracy.ts';
import { mulberry32 } from '../../../solver/mulberry32.ts';
import { normal } from '../../../solver/forecast/simulateSeries.ts';

const SEASON = [10, -5, 20, 0, -10, 5, 15, -20, 0, 5, -10, -10];

/** ETS(A,Ad,A) with known parameters and N(0, sigma) errors. */
const simulateEts = (n: number, alpha: number, beta: number, gamma: number, phi: number, sigma: number, seed: number): Float64Array => {
  const z = normal(mulberry32(seed));
  let l = 200;
  let b = 1;
  const s = [...SEASON];
  const y = new Float64Array(n);
  for (let t = 0; t < n; t += 1) {
    const e = sigma * z();
    const p = t % 12;
    y[t] = l + phi * b + s[p]! + e;
    const level = l + phi * b + alpha * e;
    b = phi * b + beta * e;
    s[p] = s[p]! + gamma * e;
    l = level;
  }
  return y;
};

describe('etsForecast', () => {
  it('recovers the smoothing parameters and error sd of a long simulated ETS(A,Ad,A) series', () => {
    const y = simulateEts(600, 0.3, 0.05, 0.1, 0.9, 2, 11);
    const fit = etsForecast(y, 12, { period: 12, season: 'additive', maxEvaluations: 1000 });
    expect(fit.alpha).toBeGreaterThan(0.2);
    expect(fit.alpha).toBeLessThan(0.42);
    expect(fit.sigma).toBeGreaterThan(1.8);
    expect(fit.sigma).toBeLessThan(2.25);
  });

  it('continues an exact seasonal pattern on a straight line within 2%', () => {
    const y = Float64Array.from({ length: 48 }, (_, t) => 500 + 3 * t + SEASON[t % 12]!);
    const fit = etsForecast(y, 12, { period: 12, season: 'additive' });
    fit.mean.forEach((v, k) => {
      const truth = 500 + 3 * (48 + k) + SEASON[(48 + k) % 12]!;
      expect(Math.abs(v - truth) / truth).toBeLessThan(0.02);
    });
  });

  it('follows a multiplicative season whose swing grows with the level', () => {
    const factors = SEASON.map((s) => 1 + s / 50);
    const y = Float64Array.from({ length: 48 }, (_, t) => (100 + 4 * t) * factors[t % 12]!);
    const fit = etsForecast(y, 12, { period: 12, season: 'multiplicative' });
    fit.mean.forEach((v, k) => {
      const truth = (100 + 4 * (48 + k)) * factors[(48 + k) % 12]!;
      expect(Math.abs(v - truth) / truth).toBeLessThan(0.03);
    });
  });

  it('widens its intervals with the horizon', () => {
    const y = simulateEts(60, 0.4, 0.05, 0.1, 0.9, 3, 5);
    const fit = etsForecast(y, 12, { period: 12, season: 'additive' });
    for (let k = 1; k < 12; k += 1) expect(fit.sd[k]!).toBeGreaterThanOrEqual(fit.sd[k - 1]!);
  });

  it('refuses a seasonal model on less than two seasons of data', () => {
    expect(() => etsForecast(new Float64Array(20).fill(1), 3, { period: 12, season: 'additive' })).toThrow(/2 seasons/);
  });
});

describe('thetaForecast', () => {
  it('extrapolates half the slope of a straight line per month', () => {
    const y = Float64Array.from({ length: 40 }, (_, t) => 10 + 2 * t);
    const f = thetaForecast(y, 6, { period: 12 });
    for (let k = 1; k < 6; k += 1) expect(f.mean[k]! - f.mean[k - 1]!).toBeCloseTo(1, 6);
    expect(f.mean[0]).toBeGreaterThan(y[39]!);
  });

  it('puts a seasonal pattern back when the series tests seasonal', () => {
    const y = Float64Array.from({ length: 48 }, (_, t) => 200 * (1 + SEASON[t % 12]! / 50));
    expect(looksSeasonal(y, 12)).toBe(true);
    const f = thetaForecast(y, 12, { period: 12 });
    f.mean.forEach((v, k) => expect(v).toBeCloseTo(y[36 + k]!, 0));
  });
});

describe('seasonalIndices', () => {
  it('recovers exact multiplicative factors, normalised to mean 1', () => {
    const factors = SEASON.map((s) => 1 + s / 50);
    const y = Float64Array.from({ length: 48 }, (_, t) => 300 * factors[t % 12]!);
    const indices = seasonalIndices(y, 12);
    indices.forEach((v, p) => expect(v).toBeCloseTo(factors[p]!, 6));
  });
});

describe('calendarRegressionForecast', () => {
  it('recovers working-day and Tet effects on top of trend and season', () => {
    const n = 36;
    const h = 12;
    const workingDays = Float64Array.from({ length: n + h }, (_, t) => 20 + ((t * 7) % 4));
    const tet = Float64Array.from({ length: n + h }, (_, t) => (t % 12 === (t < 24 ? 1 : 0) ? 1 : 0));
    const truth = (t: number): number => 400 + 2 * t + SEASON[t % 12]! + 15 * (workingDays[t]! - 21) - 80 * tet[t]! + 50 * (t > 0 ? tet[t - 1]! : 0);
    const y = Float64Array.from({ length: n }, (_, t) => truth(t));
    const f = calendarRegressionForecast(y, h, { period: 12, workingDays, tet });
    f.mean.forEach((v, k) => expect(v).toBeCloseTo(truth(n + k), 3));
  });
});

describe('seasonalNaiveForecast', () => {
  it('repeats the last season', () => {
    const y = Float64Array.from({ length: 30 }, (_, t) => t);
    const f = seasonalNaiveForecast(y, 14, 12);
    expect(Array.from(f.mean)).toEqual([18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 18, 19]);
  });

  it('repeats the last value when shorter than a season', () => {
    expect(Array.from(seasonalNaiveForecast(Float64Array.of(3, 5, 4), 2, 12).mean)).toEqual([4, 4]);
  });
});

describe('accuracy', () => {
  it('scales MASE by the in-sample seasonal naive error', () => {
    const train = Float64Array.from({ length: 24 }, (_, t) => (t < 12 ? 10 : 14));
    expect(maseScale(train, 12)).toBe(4);
    expect(mase([16, 16], [14, 14], 4)).toBe(0.5);
  });

  it('falls back to the lag-1 scale when too short for the seasonal one, and stays finite on constants', () => {
    expect(maseScale([1, 3, 2], 12)).toBe(1.5);
    expect(maseScale([0, 0, 0, 0], 12)).toBe(1);
  });

  it('gives sMAPE 0 for a perfect zero forecast and 200 for a forecast of zero against a positive value', () => {
    expect(smape([0, 0], [0, 0])).toBe(0);
    expect(smape([0], [5])).toBe(200);
  });
});
