import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { forecastSeries } from '../../../solver/forecast/forecastSeries.ts';

const series = fc.array(fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constant(0), fc.constant(null)), { minLength: 3, maxLength: 50 });

describe('forecastSeries invariants', () => {
  it('gives, for any count series with at least 3 observed values, finite ordered non-negative bounds of the horizon\'s length', () => {
    fc.assert(
      fc.property(series, fc.integer({ min: 1, max: 14 }), fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }), (values, horizon, breakIndex) => {
        fc.pre(values.filter((v) => v !== null).length >= 3);
        const f = forecastSeries(values, { horizon, ...(breakIndex === undefined ? {} : { breakIndex }) });
        for (const list of [f.mean, f.lo80, f.hi80, f.lo95, f.hi95]) expect(list).toHaveLength(horizon);
        for (let k = 0; k < horizon; k += 1) {
          const row = [f.lo95[k]!, f.lo80[k]!, f.mean[k]!, f.hi80[k]!, f.hi95[k]!];
          for (const v of row) {
            expect(Number.isFinite(v)).toBe(true);
            expect(v).toBeGreaterThanOrEqual(0);
          }
          for (let i = 1; i < 5; i += 1) expect(row[i]!).toBeGreaterThanOrEqual(row[i - 1]! - 1e-9);
        }
      }),
      { numRuns: 150, seed: 20261127 },
    );
  }, 120_000);

  it('is deterministic: the same series gives the same forecast', () => {
    fc.assert(
      fc.property(series, (values) => {
        fc.pre(values.filter((v) => v !== null).length >= 3);
        expect(forecastSeries(values, { horizon: 4 })).toEqual(forecastSeries(values, { horizon: 4 }));
      }),
      { numRuns: 30, seed: 7 },
    );
  }, 120_000);
});
