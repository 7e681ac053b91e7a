/**
 * Forecasts with only a few months after a structural break (the July 2025 reform): the bug where
 * 2 post-break months gave hi95 ~1.4e11, and the guards that fixed it (intervals.ts,
 * prepareSeries.ts, theta.ts).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Channel, HistoryRow } from '../../../solver/domain.ts';
import { backtest } from '../../../solver/forecast/backtest.ts';
import { forecastHistory } from '../../../solver/forecast/forecastHistory.ts';
import { forecastSeries } from '../../../solver/forecast/forecastSeries.ts';
import { intervalSd, MAX_SD_PER_PEAK, NOISE_FLOOR } from '../../../solver/forecast/intervals.ts';
import { addMonths } from '../../../solver/forecast/months.ts';
import { prepareSeries } from '../../../solver/forecast/prepareSeries.ts';
import { thetaForecast } from '../../../solver/forecast/theta.ts';

const FACTORS = [0.7, 1.3, 1.1, 1.0, 0.95, 1.0, 1.05, 0.9, 1.0, 1.0, 0.95, 1.05];

/**
 * Three centers x two fields x two channels from January 2023, noiseless seasonal counts, level x 3
 * from July 2025 (`zeros`: 0 before it), `post` months after the break.
 */
const history = (post: number, zeros = false): HistoryRow[] => {
  const rows: HistoryRow[] = [];
  for (const [i, centerCode] of ['10001', '10002', '10003'].entries()) {
    for (const field of ['land', 'certification']) {
      for (const channel of ['direct', 'online'] as Channel[]) {
        for (let t = 0; t < 30 + post; t += 1) {
          const level = (40 + 30 * i) * (channel === 'online' ? 0.5 : 1) * (t >= 30 ? 3 : zeros ? 0 : 1);
          const received = Math.round(level * FACTORS[t % 12]!);
          rows.push({ centerCode, month: addMonths('2023-01', t), field, channel, received, resolvedOnTime: received, resolvedLate: 0, pending: 0 });
        }
      }
    }
  }
  return rows;
};

/** Largest value a center x field x channel took after the break. */
const postBreakMax = (rows: readonly HistoryRow[], f: { centerCode: string; field: string; channel: string }): number =>
  Math.max(...rows.filter((r) => r.centerCode === f.centerCode && r.field === f.field && r.channel === f.channel && r.month >= '2025-07').map((r) => r.received));

describe('forecasts with few months after the July 2025 break', () => {
  for (const post of [1, 2, 3]) {
    it(`keeps 95% intervals of a noiseless history within 25% of the forecast with ${post} post-break month(s) (was hi95 ~1e11)`, () => {
      const rows = history(post);
      for (const f of forecastHistory(rows, { horizon: 12, breakMonth: '2025-07' })) {
        f.mean.forEach((mu, k) => {
          expect(mu).toBeLessThan(1.5 * postBreakMax(rows, f));
          expect(f.hi95[k]!).toBeLessThanOrEqual(1.25 * mu + 1);
          expect(f.lo95[k]!).toBeGreaterThanOrEqual(0.75 * mu - 1);
        });
      }
    });

    it(`keeps 95% intervals within 4x the new level when the history was all zeros before a jump, ${post} post-break month(s)`, () => {
      const rows = history(post, true);
      for (const f of forecastHistory(rows, { horizon: 12, breakMonth: '2025-07' })) {
        for (const hi of f.hi95) {
          expect(Number.isFinite(hi)).toBe(true);
          expect(hi).toBeLessThanOrEqual(4 * postBreakMax(rows, f));
        }
      }
    });
  }

  it('floors the model sds the backtest records at 1% of the training window\'s level (a perfect fit gives ~1e-14)', () => {
    const y = Float64Array.from({ length: 36 }, (_, t) => 120 * FACTORS[t % 12]!);
    for (const score of backtest(y, ['ets', 'theta', 'snaive'], { period: 12, warmStart: new Map() }, 12, 3)) {
      for (const sd of score.sds) expect(sd).toBeGreaterThanOrEqual(NOISE_FLOOR * 100);
    }
  });

  it('caps an interval sd at 3x the series\' scale however large the model sd or the backtest factor', () => {
    expect(MAX_SD_PER_PEAK).toBe(3);
    expect(intervalSd(1e11, 1, 100, 200, 150)).toBe(600);
    expect(intervalSd(1, 1e-14, 100, 200, 150)).toBe(1);
    expect(intervalSd(1.5, 4, 100, 200, 150)).toBe(6);
  });

  it('splices without seasonal adjustment when a month around the break has a ~zero index (small counts)', () => {
    const values = [0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1, 1, 1, 2];
    // Own indices of April-June are ~0: adjusted, the ratio was 82.7; unadjusted (1+1+2)/(0+0+1).
    expect(prepareSeries(values, { period: 12, breakIndex: 27 }).breakRatio).toBeCloseTo(4, 12);
  });

  it('forecasts a small-count series with months of zeros without its own seasonality, within its range', () => {
    const y = Float64Array.from([0, 0, 4, 0, 0, 0, 0, 4, 0, 4, 4, 0, 0, 0, 4, 0, 0, 0, 0, 4, 0, 4, 4, 0, 0, 0, 4, 1, 1, 2]);
    const f = thetaForecast(y, 12, { period: 12 });
    for (const v of f.mean) expect(v).toBeLessThan(5);
  });

  it('keeps 95% bounds finite and within 30x the largest post-break value, whatever the length (1-4 months) of the post-break series', () => {
    const arbitrary = fc.record({
      pre: fc.integer({ min: 13, max: 40 }),
      post: fc.integer({ min: 1, max: 4 }),
      level: fc.oneof(fc.constant(0), fc.double({ min: 0.5, max: 2000, noNaN: true })),
      jump: fc.double({ min: 0.2, max: 5, noNaN: true }),
      season: fc.array(fc.double({ min: 0.5, max: 1.5, noNaN: true }), { minLength: 12, maxLength: 12 }),
      noise: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 44, maxLength: 44 }),
      amplitude: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.5, noNaN: true })),
      round: fc.boolean(),
      pooled: fc.boolean(),
    });
    fc.assert(
      fc.property(arbitrary, (c) => {
        const after = c.level === 0 ? 50 * c.jump : c.level * c.jump;
        const values = Array.from({ length: c.pre + c.post }, (_, t) => {
          const v = (t < c.pre ? c.level : after) * c.season[t % 12]! * (1 + c.amplitude * c.noise[t]!);
          return c.round ? Math.round(v) : v;
        });
        const f = forecastSeries(values, { horizon: 12, breakIndex: c.pre, ...(c.pooled ? { pooledSeasonality: c.season } : {}) });
        const scale = Math.max(1, ...values.slice(c.pre));
        for (const hi of f.hi95) {
          expect(Number.isFinite(hi)).toBe(true);
          expect(hi).toBeLessThanOrEqual(30 * scale);
        }
      }),
      { numRuns: 300, seed: 20261127 },
    );
  }, 120_000);
});
