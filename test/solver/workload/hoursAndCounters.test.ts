import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Field } from '../../../solver/domain.ts';
import { availableHoursPerFte, staffHours } from '../../../solver/workload/availableHours.ts';
import { dossierHours, withUnlistedAllowance } from '../../../solver/workload/dossierHours.ts';
import { counterStaffing } from '../../../solver/workload/counterStaffing.ts';
import { shiftOnline } from '../../../solver/workload/periodDemand.ts';

const land: Field = {
  field: 'land', nameVi: 'Đất đai', nameEn: 'Land', timeLimitDays: 10,
  minDirect: 20, minOnline: 10, minProcessing: 120, priority: 1,
};

describe('dossierHours (the agreed workload formula)', () => {
  it('direct dossiers carry counter time, online ones the online reception: 30 x 140/60 + 10 x 130/60 = 91.67 h', () => {
    expect(dossierHours(land, 30, 10)).toBeCloseTo(70 + 130 / 6, 10);
  });

  it('a norm multiplier scales every minute: half the norms, half the hours', () => {
    expect(dossierHours(land, 30, 10, 0.5)).toBeCloseTo(dossierHours(land, 30, 10) / 2, 10);
  });

  it('the unlisted-request allowance adds 10% by default', () => {
    expect(withUnlistedAllowance(100)).toBeCloseTo(110, 10);
    expect(withUnlistedAllowance(100, 0)).toBe(100);
  });

  it('refuses negative dossier counts, naming the field', () => {
    expect(() => dossierHours(land, -1, 0)).toThrow(/direct -1.*field land/);
  });
});

describe('availableHoursPerFte', () => {
  it('October 2026: 22 working days x 8 h x 0.80 = 140.8 h', () => {
    expect(availableHoursPerFte('2026-10')).toBeCloseTo(140.8, 10);
  });

  it('February 2026: 15 working days x 8 h x 0.80 = 96 h', () => {
    expect(availableHoursPerFte('2026-02')).toBeCloseTo(96, 10);
  });

  it('scales with productivity and with each person\'s fte', () => {
    expect(availableHoursPerFte('2026-10', 1)).toBe(176);
    const staff = [{ fte: 1 }, { fte: 0.5 }] as unknown as Parameters<typeof staffHours>[0];
    expect(staffHours(staff, 140.8)).toBeCloseTo(211.2, 10);
  });

  it('refuses a productivity outside (0, 1]', () => {
    expect(() => availableHoursPerFte('2026-10', 1.2)).toThrow(/productivity must be in \(0, 1\], got 1.2/);
  });
});

describe('shiftOnline', () => {
  it('+0.15 moves 15% of all dossiers from direct to online', () => {
    expect(shiftOnline(1000, 200, 0.15)).toEqual({ direct: 820, online: 380 });
  });

  it('never moves more than there is on the giving channel', () => {
    expect(shiftOnline(10, 90, 0.5)).toEqual({ direct: 0, online: 100 });
    expect(shiftOnline(90, 10, -0.5)).toEqual({ direct: 100, online: 0 });
  });

  it('keeps the total and never goes negative (property)', () => {
    fc.assert(fc.property(
      fc.double({ min: 0, max: 1e5, noNaN: true }), fc.double({ min: 0, max: 1e5, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }),
      (d, o, s) => {
        const r = shiftOnline(d, o, s);
        return r.direct >= 0 && r.online >= 0 && Math.abs(r.direct + r.online - d - o) <= 1e-6 * (1 + d + o);
      },
    ));
  });
});

describe('counterStaffing', () => {
  it('1,090 direct dossiers in 22 days, 18% in the peak hour, 7,500 counter minutes: 2 counters for 80% within 15 min', () => {
    // 1090 / 22 = 49.55 a day; x 0.18 = 8.918 an hour; 7500 / 1090 = 6.881 min each; A = 1.023 Erlangs.
    // Computed independently: N = 2 gives P(wait <= 15 min) = 0.9589 (N = 1 is unstable).
    const c = counterStaffing({ directDossiers: 1090, counterMinutes: 7500, workingDays: 22, peakHourShare: 0.18, targetWaitMinutes: 15, serviceLevel: 0.8 });
    expect(c.directPerDay).toBeCloseTo(49.545, 3);
    expect(c.peakArrivalsPerHour).toBeCloseTo(8.918, 3);
    expect(c.countersNeeded).toBe(2);
  });

  it('no direct dossiers need no counter', () => {
    expect(counterStaffing({ directDossiers: 0, counterMinutes: 0, workingDays: 22, peakHourShare: 0.18, targetWaitMinutes: 15, serviceLevel: 0.8 }).countersNeeded).toBe(0);
  });
});
