import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { forecastQuantile, normalQuantile } from '../../../solver/forecast/forecastQuantile.ts';

const normalForecast = (mu: number, sd: number) => ({
  mean: [mu],
  lo80: [mu - 1.2815515655446004 * sd],
  hi80: [mu + 1.2815515655446004 * sd],
  lo95: [mu - 1.959963984540054 * sd],
  hi95: [mu + 1.959963984540054 * sd],
});

describe('normalQuantile', () => {
  it('matches published standard normal quantiles', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729143, 8);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.3263478740408408, 8);
  });
});

describe('forecastQuantile', () => {
  it('gives the mean as P50 and the interval bounds at their own quantiles', () => {
    const f = normalForecast(100, 10);
    expect(forecastQuantile(f, 0, 0.5)).toBeCloseTo(100, 9);
    expect(forecastQuantile(f, 0, 0.9)).toBeCloseTo(f.hi80[0]!, 6);
    expect(forecastQuantile(f, 0, 0.025)).toBeCloseTo(f.lo95[0]!, 6);
  });

  it('reproduces a normal forecast exactly at P80 and P95', () => {
    const f = normalForecast(1000, 50);
    expect(forecastQuantile(f, 0, 0.8)).toBeCloseTo(1000 + 0.8416212335729143 * 50, 4);
    expect(forecastQuantile(f, 0, 0.95)).toBeCloseTo(1000 + 1.6448536269514722 * 50, 4);
  });

  it('is non-decreasing in q for any ordered bounds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 5, maxLength: 5 }),
        fc.double({ min: 0.001, max: 0.998, noNaN: true }),
        (raw, q) => {
          const [lo95, lo80, mean, hi80, hi95] = [...raw].sort((a, b) => a - b) as [number, number, number, number, number];
          const f = { mean: [mean], lo80: [lo80], hi80: [hi80], lo95: [lo95], hi95: [hi95] };
          return forecastQuantile(f, 0, q) <= forecastQuantile(f, 0, Math.min(0.999, q + 0.001)) + 1e-9;
        },
      ),
    );
  });

  it('never goes below zero when the lower bound was clamped at zero', () => {
    const f = { mean: [2], lo80: [0], hi80: [5], lo95: [0], hi95: [8] };
    expect(forecastQuantile(f, 0, 0.001)).toBe(0);
  });

  it('refuses q outside (0, 1) and a step outside the horizon', () => {
    const f = normalForecast(10, 1);
    expect(() => forecastQuantile(f, 0, 1)).toThrow(/q must be in/);
    expect(() => forecastQuantile(f, 1, 0.5)).toThrow(/step must be/);
  });
});
