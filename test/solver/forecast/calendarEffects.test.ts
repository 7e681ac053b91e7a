import { describe, expect, it } from 'vitest';
import { isTetMonth, workingDays } from '../../../solver/calendar.ts';
import { forecastSeries } from '../../../solver/forecast/forecastSeries.ts';
import { addMonths } from '../../../solver/forecast/months.ts';
import { mulberry32 } from '../../../solver/mulberry32.ts';
import { normal } from '../../../solver/forecast/simulateSeries.ts';

const VIETNAM = { workingDays, isTetMonth };

/** Dossiers proportional to working days, 40% fewer in the Tet month, 30% more in the month after. */
const dossiers = (month: string): number =>
  1000 * (workingDays(month) / 21) * (isTetMonth(month) ? 0.6 : 1) * (month > '2023-01' && isTetMonth(addMonths(month, -1)) ? 1.3 : 1);

describe('calendar regression with Vietnam\'s calendar', () => {
  it('moves the Tet dip to February 2026 although Tet fell in January the year before', () => {
    const draw = normal(mulberry32(5));
    const months = Array.from({ length: 34 }, (_, t) => addMonths('2023-01', t));
    const y = months.map((m) => dossiers(m) * (1 + 0.01 * draw()));
    const f = forecastSeries(y, { horizon: 5, firstMonth: '2023-01', calendar: VIETNAM, methods: ['calendar'] });
    // Horizon: 2025-11, 2025-12, 2026-01, 2026-02 (Tet), 2026-03 (after Tet).
    expect(isTetMonth('2026-02')).toBe(true);
    expect(f.mean[3]!).toBeLessThan(0.8 * f.mean[2]!);
    expect(f.mean[4]!).toBeGreaterThan(f.mean[2]!);
    f.mean.forEach((v, k) => expect(Math.abs(v - dossiers(addMonths('2025-11', k))) / dossiers(addMonths('2025-11', k))).toBeLessThan(0.12));
  });

  it('uses Vietnam\'s calendar by default when the first month is known, and none with calendar null', () => {
    const months = Array.from({ length: 34 }, (_, t) => addMonths('2023-01', t));
    const y = months.map(dossiers);
    const explicit = forecastSeries(y, { horizon: 5, firstMonth: '2023-01', calendar: VIETNAM, methods: ['calendar'] });
    expect(forecastSeries(y, { horizon: 5, firstMonth: '2023-01', methods: ['calendar'] })).toEqual(explicit);
    expect(forecastSeries(y, { horizon: 5, firstMonth: '2023-01', calendar: null, methods: ['calendar'] }).mean).not.toEqual(explicit.mean);
  });

  it('runs without calendar regressors where the calendar does not cover the months', () => {
    const y = Array.from({ length: 30 }, (_, t) => 100 + t);
    const f = forecastSeries(y, { horizon: 3, firstMonth: '2030-01', calendar: VIETNAM, methods: ['calendar'] });
    expect(f.mean[0]).toBeCloseTo(130, 0);
  });
});
