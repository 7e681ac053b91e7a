import { describe, expect, it } from 'vitest';
import { prepareSeries } from '../../../solver/forecast/prepareSeries.ts';
import { backtestOrigins } from '../../../solver/forecast/backtest.ts';
import { intervalScale, tQuantile } from '../../../solver/forecast/intervals.ts';

describe('prepareSeries', () => {
  it('drops leading gaps, interpolates interior ones and repeats the last value over trailing ones', () => {
    const p = prepareSeries([null, null, 10, null, 20, 30, null], { period: 12 });
    expect(p.offset).toBe(2);
    expect(Array.from(p.y)).toEqual([10, 15, 20, 30, 30]);
    expect(p.imputed).toEqual([1, 4]);
  });

  it('rescales the pre-break part by the ratio of the means around the break', () => {
    const p = prepareSeries([10, 10, 10, 10, 30, 30, 30], { period: 12, breakIndex: 4 });
    expect(p.breakRatio).toBeCloseTo(3, 12);
    expect(Array.from(p.y)).toEqual([30, 30, 30, 30, 30, 30, 30]);
  });

  it('divides by the given seasonal indices before comparing the levels around the break', () => {
    // Month 4 is a seasonal peak (x2): without the indices the jump would read as 2.5 x 2.
    const season = (t: number): number => (t % 4 === 0 ? 2 : 2 / 3);
    const values = [20, 20 / 3, 20 / 3, 20 / 3, 50, 50 / 3, 50 / 3, 50 / 3].map((v) => Math.round(v * 1e9) / 1e9);
    const p = prepareSeries(values, { period: 4, breakIndex: 4, season });
    expect(p.breakRatio).toBeCloseTo(2.5, 6);
  });

  it('keeps only the post-break data once two seasons of it exist', () => {
    const p = prepareSeries([10, 10, 10, 10, 30, 31, 32], { period: 1, breakIndex: 4 });
    expect(p.offset).toBe(4);
    expect(Array.from(p.y)).toEqual([30, 31, 32]);
  });
});

describe('backtestOrigins', () => {
  it('spreads origins from two seasons (or the horizon back) to the last value', () => {
    expect(backtestOrigins(46, 12, 12, 3)).toEqual([34, 40, 45]);
    expect(backtestOrigins(34, 12, 12, 3)).toEqual([24, 29, 33]);
  });

  it('backtests short series from their middle and gives none when there is no room', () => {
    expect(backtestOrigins(10, 12, 12, 3)).toEqual([5, 7, 9]);
    expect(backtestOrigins(3, 12, 12, 3)).toEqual([]);
  });
});

describe('interval helpers', () => {
  it('gives Student t quantiles close to the tables', () => {
    expect(tQuantile(1.959963984540054, 10)).toBeCloseTo(2.228, 2);
    expect(tQuantile(1.2815515655446004, 20)).toBeCloseTo(1.325, 2);
  });

  it('never narrows intervals below the model sd, and widens them when backtest errors are larger', () => {
    const score = (errors: number[], sds: number[]) => ({ method: 'm', mase: 1, smape: 1, errors, sds });
    expect(intervalScale([score([0.1, -0.1], [1, 1])])).toBe(1);
    expect(intervalScale([score(new Array(92).fill(3), new Array(92).fill(1))])).toBeCloseTo(Math.sqrt((92 * 9 + 8) / 100), 12);
    expect(intervalScale([])).toBe(1);
  });

  it('narrows intervals below the model sd only when allowed (series spliced at a break)', () => {
    const score = { method: 'm', mase: 1, smape: 1, errors: new Array(92).fill(0.5), sds: new Array(92).fill(1) };
    expect(intervalScale([score], true)).toBeCloseTo(Math.sqrt((92 * 0.25 + 8) / 100), 12);
    expect(intervalScale([score], false)).toBe(1);
  });
});
