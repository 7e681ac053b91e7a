import { describe, expect, it } from 'vitest';
import { pooledSeasonalIndices } from '../../../solver/forecast/pooledSeasonalIndices.ts';
import { mulberry32 } from '../../../solver/mulberry32.ts';
import { normal } from '../../../solver/forecast/simulateSeries.ts';

const FACTORS = [0.7, 1.3, 1.1, 1.0, 0.95, 1.0, 1.05, 0.9, 1.0, 1.0, 0.95, 1.05];

describe('pooledSeasonalIndices', () => {
  it('recovers the shared pattern, by calendar month, from many noisy series of different sizes', () => {
    const draw = normal(mulberry32(1));
    // Series start in March: index 0 of the result must still be January.
    const series = Array.from({ length: 60 }, (_, i) =>
      Array.from({ length: 36 }, (_, t) => (20 + 10 * i) * FACTORS[(t + 2) % 12]! * (1 + 0.1 * draw())),
    );
    const indices = pooledSeasonalIndices(series, '2023-03');
    expect(indices).toHaveLength(12);
    indices.forEach((v, c) => expect(Math.abs(v - FACTORS[c]!)).toBeLessThan(0.03));
    expect(indices.reduce((a, b) => a + b, 0) / 12).toBeCloseTo(1, 10);
  });

  it('does not read a level shift at the break as seasonality', () => {
    const series = Array.from({ length: 10 }, () => Array.from({ length: 46 }, (_, t) => (t >= 30 ? 300 : 100)));
    const indices = pooledSeasonalIndices(series, '2023-01', { breakIndex: 30 });
    indices.forEach((v) => expect(v).toBeCloseTo(1, 10));
  });

  it('gives 1 for every month when no series is long enough', () => {
    expect(pooledSeasonalIndices([[1, 2, 3]], '2025-01')).toEqual(new Array(12).fill(1));
  });

  it('skips missing months and series that are all zeros', () => {
    const withGap: (number | null)[] = Array.from({ length: 48 }, (_, t) => 100 * FACTORS[t % 12]!);
    withGap[20] = null;
    const indices = pooledSeasonalIndices([withGap, new Array(48).fill(0)], '2023-01');
    indices.forEach((v, c) => expect(v).toBeCloseTo(FACTORS[c]!, 1));
  });
});
