import { describe, expect, it } from 'vitest';
import { forecastSeries } from '../../../solver/forecast/forecastSeries.ts';
import { METHOD_NAMES } from '../../../solver/forecast/methods.ts';
import { mulberry32 } from '../../../solver/mulberry32.ts';
import { normal, randomParameters, simulateSeries } from '../../../solver/forecast/simulateSeries.ts';

const SEASON = [0.8, 0.7, 1.1, 1.0, 1.0, 1.05, 1.1, 1.05, 1.0, 1.05, 1.05, 1.1];

describe('forecastSeries: prediction intervals', () => {
  it(
    'covers held-out points of 200 simulated series at close to the nominal 80% and 95% rates',
    () => {
      const uniform = mulberry32(2026);
      const draw = normal(uniform);
      let inside80 = 0;
      let inside95 = 0;
      let points = 0;
      for (let i = 0; i < 200; i += 1) {
        const y = simulateSeries(randomParameters(58, uniform), draw);
        const f = forecastSeries(y.slice(0, 46), { horizon: 12 });
        for (let k = 0; k < 12; k += 1) {
          const v = y[46 + k] as number;
          points += 1;
          if (v >= f.lo80[k]! && v <= f.hi80[k]!) inside80 += 1;
          if (v >= f.lo95[k]! && v <= f.hi95[k]!) inside95 += 1;
        }
      }
      expect(inside80 / points).toBeGreaterThanOrEqual(0.75);
      expect(inside80 / points).toBeLessThanOrEqual(0.85);
      expect(inside95 / points).toBeGreaterThanOrEqual(0.91);
      expect(inside95 / points).toBeLessThanOrEqual(0.98);
    },
    300_000,
  );

  it('orders the bounds lo95 <= lo80 <= mean <= hi80 <= hi95 and keeps counts non-negative', () => {
    const y = [0, 3, 0, 1, 0, 0, 2, 0, 0, 1, 0, 0, 4, 0, 0, 1, 0, 0, 0, 2, 0, 0, 1, 0, 0, 3];
    const f = forecastSeries(y, { horizon: 6 });
    for (let k = 0; k < 6; k += 1) {
      expect(f.lo95[k]).toBeGreaterThanOrEqual(0);
      expect(f.lo95[k]!).toBeLessThanOrEqual(f.lo80[k]!);
      expect(f.lo80[k]!).toBeLessThanOrEqual(f.mean[k]!);
      expect(f.mean[k]!).toBeLessThanOrEqual(f.hi80[k]!);
      expect(f.hi80[k]!).toBeLessThanOrEqual(f.hi95[k]!);
    }
  });

  it('lets a series with negative values go below zero', () => {
    const y = Array.from({ length: 30 }, (_, t) => -50 - 2 * t + 5 * Math.sin(t));
    expect(forecastSeries(y, { horizon: 3 }).mean[0]).toBeLessThan(0);
  });
});

describe('forecastSeries: structural break', () => {
  it('forecasts a series whose level doubled at the break near the new level, not dragged toward the old one', () => {
    const draw = normal(mulberry32(7));
    // 30 months at ~500, then 4 months at ~1,000 (the July 2025 reform seen from October 2025).
    const y = simulateSeries({ length: 34, level: 500, growth: 0, sdLevel: 0.005, sdNoise: 0.03, season: SEASON, breakIndex: 30, jump: 2 }, draw);
    const withBreak = forecastSeries(y, { horizon: 12, breakIndex: 30, pooledSeasonality: SEASON, firstMonth: '2023-01' });
    const ignored = forecastSeries(y, { horizon: 12, methods: ['snaive'] });
    const deseasonalizedMean = (f: readonly number[]): number => f.reduce((a, v, k) => a + v / SEASON[(34 + k) % 12]!, 0) / f.length;
    expect(deseasonalizedMean(withBreak.mean)).toBeGreaterThan(900);
    expect(deseasonalizedMean(withBreak.mean)).toBeLessThan(1100);
    expect(deseasonalizedMean(ignored.mean)).toBeLessThan(750);
  });

  it('uses only post-break data when two full seasons follow the break', () => {
    const y = [...Array.from({ length: 20 }, () => 10), ...Array.from({ length: 24 }, (_, t) => 100 + SEASON[t % 12]! * 10)];
    const f = forecastSeries(y, { horizon: 12, breakIndex: 20 });
    for (const v of f.mean) expect(v).toBeGreaterThan(90);
  });

  it('drops a pre-break part that was all zeros (a service that did not exist before)', () => {
    const y = [...Array.from({ length: 30 }, () => 0), 40, 44, 38, 42];
    const f = forecastSeries(y, { horizon: 3, breakIndex: 30, pooledSeasonality: new Array(12).fill(1) });
    for (const v of f.mean) expect(v).toBeGreaterThan(30);
  });
});

describe('forecastSeries: choice and report', () => {
  it('reports a backtest score for every applicable method, best first, and averages the three best', () => {
    const uniform = mulberry32(3);
    const y = simulateSeries(randomParameters(46, uniform), normal(uniform));
    const f = forecastSeries(y, { horizon: 12 });
    expect(f.backtest.length).toBeGreaterThanOrEqual(5);
    expect(f.method).toBe(`mean(${f.backtest.slice(0, 3).map((s) => s.method).sort().join("+")})`);
    for (let i = 1; i < f.backtest.length; i += 1) expect(f.backtest[i]!.mase).toBeGreaterThanOrEqual(f.backtest[i - 1]!.mase);
    for (const s of f.backtest) expect(METHOD_NAMES).toContain(s.method);
  });

  it('picks the single best method with combineBest 1', () => {
    const uniform = mulberry32(3);
    const y = simulateSeries(randomParameters(46, uniform), normal(uniform));
    const f = forecastSeries(y, { horizon: 12, combineBest: 1 });
    expect(f.method).toBe(f.backtest[0]!.method);
  });

  it('uses the one method it is given', () => {
    const f = forecastSeries([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17], { horizon: 2, methods: ['snaive'] });
    expect(f.method).toBe('snaive');
    expect(f.mean).toEqual([6, 7]);
  });

  it('fills a missing month instead of failing', () => {
    const y: (number | null)[] = Array.from({ length: 30 }, (_, t) => 100 + t);
    y[10] = null;
    y[11] = null;
    const f = forecastSeries(y, { horizon: 2, methods: ['ets'] });
    expect(f.mean[0]).toBeGreaterThan(120);
  });
});

describe('forecastSeries: broken preconditions', () => {
  it('refuses a series of fewer than 3 observed values, naming the count', () => {
    expect(() => forecastSeries([null, 4, null, 5], { horizon: 1 })).toThrow(/too short: 2 observed/);
  });

  it('refuses a non-finite value, naming its position', () => {
    expect(() => forecastSeries([1, 2, Number.NaN, 4], { horizon: 1 })).toThrow(/position 2/);
  });

  it('refuses a horizon that is not a positive integer', () => {
    expect(() => forecastSeries([1, 2, 3, 4], { horizon: 0 })).toThrow(/horizon/);
  });

  it('refuses pooled seasonality of the wrong length', () => {
    expect(() => forecastSeries([1, 2, 3, 4], { horizon: 1, pooledSeasonality: [1, 1] })).toThrow(/pooledSeasonality/);
  });

  it('refuses an unknown method name', () => {
    expect(() => forecastSeries([1, 2, 3, 4, 5], { horizon: 1, methods: ['arima'] })).toThrow(/unknown method "arima"/);
  });
});
