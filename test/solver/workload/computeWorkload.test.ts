import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Dataset } from '../../../solver/domain.ts';
import { computeWorkload } from '../../../solver/workload/computeWorkload.ts';
import type { DossierForecast } from '../../../solver/forecast/forecastHistory.ts';

const smallCity = JSON.parse(readFileSync(join(import.meta.dirname, '../../cases/workload/small-city.json'), 'utf8')) as {
  dataset: Dataset;
  forecasts: DossierForecast[];
};
const { dataset, forecasts } = smallCity;
const center = (w: ReturnType<typeof computeWorkload>, code: string) => {
  const c = w.centers.find((x) => x.centerCode === code);
  if (c === undefined) throw new Error(`no center ${code}`);
  return c;
};
const cell = (w: ReturnType<typeof computeWorkload>, code: string, field: string) => {
  const c = w.fields.find((x) => x.centerCode === code && x.field === field);
  if (c === undefined) throw new Error(`no row ${code}/${field}`);
  return c;
};

describe('computeWorkload on the small city (test/cases/workload/small-city.json), October 2026, P50', () => {
  const w = computeWorkload(dataset, forecasts, { period: '2026-10', quantile: 0.5 });

  it('uses the forecasts for a month after the history, and 1 FTE = 22 x 8 x 0.8 = 140.8 h', () => {
    expect(w.source).toBe('forecast');
    expect(w.workingDays).toBe(22);
    expect(w.hoursPerFte).toBeCloseTo(140.8, 10);
  });

  it('center A needs 368.5 h: (186.67 certification + 91.67 land + 56.67 social protection) x 1.1', () => {
    // certification 1000 x 10/60 + 200 x 6/60; land 30 x 140/60 + 10 x 130/60; social 60 x 45/60 + 20 x 35/60.
    expect(center(w, 'A').requiredHours).toBeCloseTo(368.5, 6);
    expect(cell(w, 'A', 'land').requiredHours).toBeCloseTo((70 + 130 / 6) * 1.1, 6);
  });

  it('center A is overloaded: 368.5 h / (2.5 FTE x 140.8 h = 352 h) = 104.7%', () => {
    const a = center(w, 'A');
    expect(a.availableHours).toBeCloseTo(352, 6);
    expect(a.utilization).toBeCloseTo(368.5 / 352, 6);
    expect(a.requiredFte).toBeCloseTo(368.5 / 140.8, 6);
    expect(a.staffCount).toBe(3);
  });

  it('only land is short at A, because nobody there holds it, although other fields have spare hours', () => {
    const a = center(w, 'A');
    const land = (70 + 130 / 6) * 1.1;
    expect(a.shortFields).toEqual([{
      field: 'land', requiredHours: expect.closeTo(land, 6), uncoveredHours: expect.closeTo(land, 4),
      expertStaff: 0, expertHours: 0, reason: 'no_expertise',
    }]);
    expect(cell(w, 'A', 'social_protection').uncoveredHours).toBeCloseTo(0, 4);
    expect(cell(w, 'A', 'land').utilization).toBeNull();
  });

  it('center B is idle: 55.92 h of 281.6 h = 19.9%, nothing short, 1 counter at the peak', () => {
    const b = center(w, 'B');
    expect(b.requiredHours).toBeCloseTo((200 / 6 + 10 + 7.5) * 1.1, 6);
    expect(b.utilization).toBeCloseTo(((200 / 6 + 10 + 7.5) * 1.1) / 281.6, 6);
    expect(b.shortFields).toEqual([]);
    expect(b.countersNeeded).toBe(1);
  });

  it('center A needs 2 counters at the peak hour (1,090 direct dossiers, see counterStaffing) and has 4 desks', () => {
    expect(center(w, 'A').countersNeeded).toBe(2);
    expect(center(w, 'A').desks).toBe(4);
  });

  it('city totals add up: 1 overloaded, 1 idle center', () => {
    expect(w.totals.requiredHours).toBeCloseTo(368.5 + (200 / 6 + 17.5) * 1.1, 6);
    expect(w.totals.availableHours).toBeCloseTo(633.6, 6);
    expect(w.totals.overloadedCenters).toBe(1);
    expect(w.totals.idleCenters).toBe(1);
    expect(w.totals.staffCount).toBe(5);
  });

  it('has one row per center and field, zeros included', () => {
    expect(w.fields).toHaveLength(2 * 3);
    expect(cell(w, 'B', 'land').requiredHours).toBe(0);
  });
});

describe('computeWorkload levers', () => {
  const base = computeWorkload(dataset, forecasts, { period: '2026-10', quantile: 0.5 });

  it('a past month uses the history received counts (September 2026: 20 days, A needs 305.25 h)', () => {
    const w = computeWorkload(dataset, forecasts, { period: '2026-09', quantile: 0.8 });
    expect(w.source).toBe('history');
    expect(w.hoursPerFte).toBeCloseTo(128, 10);
    expect(center(w, 'A').requiredHours).toBeCloseTo(277.5 * 1.1, 6);
  });

  it('staffing to P80 and P95 asks for more hours than P50', () => {
    const p80 = computeWorkload(dataset, forecasts, { period: '2026-10', quantile: 0.8 });
    const p95 = computeWorkload(dataset, forecasts, { period: '2026-10', quantile: 0.95 });
    expect(p80.totals.requiredHours).toBeGreaterThan(base.totals.requiredHours);
    expect(p95.totals.requiredHours).toBeGreaterThan(p80.totals.requiredHours);
  });

  it('a +60% social-protection wave multiplies that field\'s dossiers by 1.6 and nothing else', () => {
    const w = computeWorkload(dataset, forecasts, { period: '2026-10', quantile: 0.5, demandMultiplierByField: { social_protection: 1.6 } });
    expect(cell(w, 'A', 'social_protection').direct).toBeCloseTo(96, 10);
    expect(cell(w, 'A', 'certification').direct).toBeCloseTo(1000, 10);
  });

  it('a center multiplier scales only that center', () => {
    const w = computeWorkload(dataset, forecasts, { period: '2026-10', quantile: 0.5, demandMultiplierByCenter: { B: 2 } });
    expect(center(w, 'B').requiredHours).toBeCloseTo(2 * center(base, 'B').requiredHours, 6);
    expect(center(w, 'A').requiredHours).toBeCloseTo(center(base, 'A').requiredHours, 6);
  });

  it('+15 online points lower the hours of a field whose online norm is shorter', () => {
    const w = computeWorkload(dataset, forecasts, { period: '2026-10', quantile: 0.5, onlineShareShift: 0.15 });
    expect(cell(w, 'A', 'certification').direct).toBeCloseTo(820, 10);
    expect(cell(w, 'A', 'certification').requiredHours).toBeLessThan(cell(base, 'A', 'certification').requiredHours);
  });

  it('a norm multiplier of 0.5 on land halves land hours', () => {
    const w = computeWorkload(dataset, forecasts, { period: '2026-10', quantile: 0.5, normMultiplierByField: { land: 0.5 } });
    expect(cell(w, 'A', 'land').requiredHours).toBeCloseTo(cell(base, 'A', 'land').requiredHours / 2, 6);
  });

  it('refuses an unknown field in a multiplier, a quantile other than P50/P80/P95, and a period nobody forecast', () => {
    expect(() => computeWorkload(dataset, forecasts, { period: '2026-10', quantile: 0.5, demandMultiplierByField: { lnd: 2 } })).toThrow(/field "lnd" is not in the dataset/);
    expect(() => computeWorkload(dataset, forecasts, { period: '2026-10', quantile: 0.9 })).toThrow(/quantile must be 0.5, 0.8 or 0.95, got 0.9/);
    expect(() => computeWorkload(dataset, forecasts, { period: '2027-06', quantile: 0.5 })).toThrow(/2027-06 is neither in the history nor in any forecast/);
  });

  it('keeps its invariants under any levers (property): covered + uncovered = required, covered within people\'s hours', () => {
    fc.assert(fc.property(
      fc.constantFrom(0.5, 0.8, 0.95),
      fc.double({ min: 0, max: 3, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.double({ min: 0.3, max: 1, noNaN: true }),
      (quantile, wave, shift, productivity) => {
        const w = computeWorkload(dataset, forecasts, {
          period: '2026-11', quantile, productivity, onlineShareShift: shift, demandMultiplierByField: { land: wave },
        });
        for (const f of w.fields) {
          expect(f.coveredHours + f.uncoveredHours).toBeCloseTo(f.requiredHours, 6);
          expect(f.coveredHours).toBeLessThanOrEqual(f.expertHours + 1e-4);
          expect(f.direct).toBeGreaterThanOrEqual(0);
          expect(f.online).toBeGreaterThanOrEqual(0);
        }
        for (const c of w.centers) {
          expect(c.coveredHours).toBeLessThanOrEqual(c.availableHours + 1e-4);
          if (c.utilization !== null) expect(c.utilization).toBeCloseTo(c.requiredHours / c.availableHours, 9);
        }
      },
    ), { numRuns: 40 });
  });
});

describe('computeWorkload: why a field is short', () => {
  it('names too few experts when a field alone exceeds its experts\' hours, and an overloaded center otherwise', () => {
    // Wave x6 on social protection at A: 6 x 56.67 x 1.1 = 374 h > A2's 140.8 h -> too_few_experts.
    // Certification then competes for the 3 certification holders' 352 h with nothing else left.
    const w = computeWorkload(dataset, forecasts, { period: '2026-10', quantile: 0.5, demandMultiplierByField: { social_protection: 6 } });
    const a = center(w, 'A');
    const social = a.shortFields.find((f) => f.field === 'social_protection');
    expect(social?.reason).toBe('too_few_experts');
    expect(social?.uncoveredHours).toBeCloseTo(6 * (45 + 35 / 3) * 1.1 - 140.8, 4);
    const w2 = computeWorkload(dataset, forecasts, { period: '2026-10', quantile: 0.5, demandMultiplierByField: { certification: 1.9 } });
    // Certification 1.9 x 205.33 = 390.1 h <= 352 h of its holders? No: 390.1 > 352 -> too_few_experts;
    // social protection (62.33 h, priority 2) is covered first by A2, so it is not short.
    const cert = center(w2, 'A').shortFields.find((f) => f.field === 'certification');
    expect(cert?.reason).toBe('too_few_experts');
    expect(center(w2, 'A').shortFields.some((f) => f.field === 'social_protection')).toBe(false);
  });

  it('a field its experts could cover alone is short only because the center is overloaded', () => {
    // x1.6 on certification: 1.6 x 205.33 = 328.5 h <= 352 h of its holders, but with social
    // protection (62.33 h, priority 2, only A2) the 352 h cannot hold both: 328.5 + 62.3 = 390.9.
    const w = computeWorkload(dataset, forecasts, { period: '2026-10', quantile: 0.5, demandMultiplierByField: { certification: 1.6 } });
    const cert = center(w, 'A').shortFields.find((f) => f.field === 'certification');
    expect(cert?.reason).toBe('center_overloaded');
    expect(cert?.uncoveredHours).toBeCloseTo(1.6 * (1000 / 6 + 20) * 1.1 + (45 + 35 / 3) * 1.1 - 352, 4);
  });
});

describe('computeWorkload: forecast quantile scope', () => {
  // The hand-made forecasts are normal with sd = 10% of the mean, so P80 of a series is
  // mean x (1 + 0.1 x z(0.8)) with z(0.8) = 0.8416212.
  const z80 = 0.8416212335729143;
  const p50 = computeWorkload(dataset, forecasts, { period: '2026-10', quantile: 0.5 });

  it('series scope staffs every series to its own P80: A needs exactly (1 + 0.1 z80) x its P50 hours', () => {
    const w = computeWorkload(dataset, forecasts, { period: '2026-10', quantile: 0.8, quantileScope: 'series' });
    expect(center(w, 'A').requiredHours).toBeCloseTo(center(p50, 'A').requiredHours * (1 + 0.1 * z80), 6);
    expect(cell(w, 'A', 'certification').direct).toBeCloseTo(1000 * (1 + 0.1 * z80), 6);
  });

  it('center scope (default) staffs A to the P80 of its total hours: P50 + z80 x sqrt(sum (minutes x sd)^2) / 60, x 1.1', () => {
    // Series of A: (dossiers, minutes per dossier) for each field x channel.
    const series = [[1000, 10], [200, 6], [30, 140], [10, 130], [60, 45], [20, 35]] as const;
    const sdMinutes = Math.sqrt(series.reduce((s, [n, min]) => s + (min * 0.1 * n) ** 2, 0));
    const w = computeWorkload(dataset, forecasts, { period: '2026-10', quantile: 0.8 });
    expect(center(w, 'A').requiredHours).toBeCloseTo(center(p50, 'A').requiredHours + (z80 * sdMinutes / 60) * 1.1, 6);
    expect(center(w, 'A').requiredHours).toBeLessThan(
      computeWorkload(dataset, forecasts, { period: '2026-10', quantile: 0.8, quantileScope: 'series' }).centers[0]?.requiredHours ?? 0,
    );
  });

  it('a single series is staffed the same under both scopes', () => {
    const only = forecasts.filter((f) => f.centerCode === 'A' && f.field === 'certification' && f.channel === 'direct');
    const a = computeWorkload(dataset, only, { period: '2026-10', quantile: 0.95 });
    const b = computeWorkload(dataset, only, { period: '2026-10', quantile: 0.95, quantileScope: 'series' });
    expect(center(a, 'A').requiredHours).toBeCloseTo(center(b, 'A').requiredHours, 9);
  });
});

describe('computeWorkload: known departures (leavesOn)', () => {
  const leaving: Dataset = { ...dataset, staff: dataset.staff.map((p) => (p.staffId === 'A2' ? { ...p, leavesOn: '2026-10' } : p)) };

  it('a civil servant who leaves from a month on does no work in it: center A has 1.5 FTE in October, not 2.5', () => {
    const w = computeWorkload(leaving, forecasts, { period: '2026-10', quantile: 0.5 });
    expect(center(w, 'A').staffCount).toBe(2);
    expect(center(w, 'A').availableHours).toBeCloseTo(1.5 * 140.8, 6);
  });

  it('works the months before the one they leave in', () => {
    const w = computeWorkload(leaving, forecasts, { period: '2026-09', quantile: 0.5 });
    expect(center(w, 'A').staffCount).toBe(3);
  });
});
