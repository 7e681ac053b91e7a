import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighs } from '../../../solver/plan/loadHighs.ts';
import { calibrateNorms } from '../../../solver/workload/calibrateNorms.ts';
import { CAPACITY_FACTOR_MAX, NORM_FACTOR_BOUNDS } from '../../../solver/workload/calibrationTypes.ts';
import { computeWorkload } from '../../../solver/workload/computeWorkload.ts';
import { modelCheck, type CheckVerdict } from '../../../solver/workload/modelCheck.ts';
import { calmCenters, FIELD, outcomeCity, type MonthCase } from './outcomeCity.ts';

interface VerdictCase {
  readonly claim: string;
  readonly load: number;
  readonly lateShare: number;
  readonly pendingShare: number;
  readonly verdict: CheckVerdict;
  readonly message?: string;
}
const verdictCases = (JSON.parse(readFileSync(join(import.meta.dirname, '../../cases/workload/model-check-verdicts.json'), 'utf8')) as { cases: VerdictCase[] }).cases;

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const checkOf = (months: readonly MonthCase[], options: Parameters<typeof outcomeCity>[1] = {}) => {
  const city = outcomeCity(months, options);
  const calibration = calibrateNorms(highs, city);
  return { city, calibration, official: modelCheck(city, 'official', calibration), calibrated: modelCheck(city, 'calibrated', calibration) };
};

describe('modelCheck verdicts (test/cases/workload/model-check-verdicts.json), official norms', () => {
  it.each(verdictCases.map((c) => [c.claim, c] as const))('%s', (_claim, c) => {
    const { official } = checkOf([...calmCenters(), { center: 'X', month: '2025-10', load: c.load, lateShare: c.lateShare, pendingShare: c.pendingShare }]);
    const row = official.rows.find((r) => r.centerCode === 'X');
    expect(row?.verdict).toBe(c.verdict);
    if (c.message !== undefined) expect(row?.message).toBe(c.message);
  });
});

describe('a history without outcome columns', () => {
  const months = [...calmCenters(), { center: 'X', month: '2025-10', load: 2 }];

  it('cannot be checked: the check says so, in words, and judges no month', () => {
    const { official } = checkOf(months, { outcomes: false });
    expect(official.possible).toBe(false);
    expect(official.reason).toMatch(/records no outcomes .* the official norms are used/);
    expect(official.summary.judged).toBe(0);
    expect(new Set(official.rows.map((r) => r.code))).toEqual(new Set(['check.not_judged.no_outcomes']));
  });

  it('gives no calibration, so a workload asked for calibrated norms uses the official ones and says why', () => {
    const { city, calibration } = checkOf(months, { outcomes: false });
    expect(calibration).toMatchObject({ ok: false, reason: 'no_outcomes' });
    const asked = computeWorkload(city, [], { period: '2025-10', quantile: 0.8, norms: 'calibrated' }, calibration);
    const plain = computeWorkload(city, [], { period: '2025-10', quantile: 0.8 });
    expect(asked.norms).toEqual({ requested: 'calibrated', used: 'official', fittedFrom: null, fittedTo: null, fallback: 'no_outcomes' });
    expect(asked.totals.requiredHours).toBe(plain.totals.requiredHours);
  });
});

describe('a center with nobody on the staff list', () => {
  it('is left out of the calibration with a warning that names it, and none of its months is judged', () => {
    const months = [...calmCenters(), ...['2025-07', '2025-08'].map((month) => ({ center: 'Z', month, load: 0.8 }))];
    const { calibration, official } = checkOf(months, { unstaffed: ['Z'] });
    expect(calibration.warnings).toContainEqual({
      code: 'calibration.no_staff',
      params: { center: 'Z', centerName: 'Trung tâm Z', months: 2 },
      message: 'center Z (Trung tâm Z) has no civil servant in staff.csv: its 2 months are left out of the calibration and the model check cannot judge them',
    });
    const z = official.rows.filter((r) => r.centerCode === 'Z');
    expect(z.map((r) => [r.load, r.verdict, r.message])).toEqual([
      [null, 'not_judged', 'no civil servant listed: the load cannot be judged'],
      [null, 'not_judged', 'no civil servant listed: the load cannot be judged'],
    ]);
  });
});

describe('a field whose official norm is zero minutes per dossier', () => {
  it('is named in a warning (fields.csv, field, channel, dossiers), never calibrated to zero in silence', () => {
    const city = outcomeCity(calmCenters());
    const zero = { ...city, fields: [{ ...FIELD, minDirect: 0, minProcessing: 0 }] };
    const dossiers = city.history.reduce((s, r) => s + r.received, 0);
    const calibration = calibrateNorms(highs, zero);
    expect(calibration.warnings).toContainEqual({
      code: 'calibration.zero_norm',
      params: { field: 'civil_status', channel: 'direct', dossiers },
      message: `fields.csv, field civil_status: min_direct + min_processing = 0 minutes per direct dossier; calibration scales each official component within 0.3-1.5 of it, so it stays 0 and the ${dossiers.toLocaleString('en-US')} direct dossiers of the fitted months count no work: give the field its minutes`,
    });
  });

  it('gives no such warning when every channel with dossiers has minutes', () => {
    const calibration = calibrateNorms(highs, outcomeCity(calmCenters()));
    expect(calibration.warnings.filter((w) => w.code === 'calibration.zero_norm')).toEqual([]);
  });
});

describe('calibrateNorms on small cities', () => {
  it('never gives a norm of zero or below, nor one outside its bounds, nor a capacity factor outside 1-4 (any loads and outcomes)', () => {
    const month = fc.constantFrom('2025-07', '2025-08', '2025-09', '2025-10');
    const monthCase = fc.record({
      center: fc.constantFrom('A', 'B', 'C', 'D'), month,
      load: fc.double({ min: 0.05, max: 6, noNaN: true }),
      lateShare: fc.double({ min: 0, max: 0.6, noNaN: true }),
      pendingShare: fc.double({ min: 0, max: 0.7, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(monthCase, { minLength: 1, maxLength: 16, selector: (m) => `${m.center} ${m.month}` }), (months) => {
        const result = calibrateNorms(highs, outcomeCity(months));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const [lower, upper] = NORM_FACTOR_BOUNDS;
        for (const f of result.fields) {
          for (const [c, official] of [['counter', FIELD.minDirect], ['online', FIELD.minOnline], ['processing', FIELD.minProcessing]] as const) {
            expect(f.calibrated[c]).toBeGreaterThan(0);
            expect(f.calibrated[c]).toBeGreaterThanOrEqual(lower * official - 1e-9);
            expect(f.calibrated[c]).toBeLessThanOrEqual(upper * official + 1e-9);
          }
        }
        for (const c of result.centers) {
          expect(c.capacityFactor).toBeGreaterThanOrEqual(1 - 1e-9);
          expect(c.capacityFactor).toBeLessThanOrEqual(CAPACITY_FACTOR_MAX + 1e-9);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('finds the work content of a city whose backlogged months say it is 1.5 times the norm (within 2%)', () => {
    // Four centers close October 2025 with a 10% backlog (ten calm ones set the natural pending share at 0) at a load of 1.3 / 0.9 x 1.5 of the norm's:
    // first in, first out, it did 1.3 times its capacity, so the true minutes are 1.5 x the official.
    const trueFactor = 1.5;
    const backlog = 0.1;
    const months: MonthCase[] = Array.from({ length: 4 }, (_, i) => ({
      center: `B${i}`, month: '2025-10', load: (1.3 / (1 - backlog)) / trueFactor * (1 + 0.01 * i), pendingShare: backlog, lateShare: 0,
    }));
    const result = calibrateNorms(highs, outcomeCity([...months, ...calmCenters().map((m) => ({ ...m, load: m.load / trueFactor }))]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Within 2%: the centers' loads differ by up to 3% and the fit passes through their median.
    expect(Math.abs((result.fields[0]?.calibratedDirect ?? 0) / (trueFactor * (FIELD.minDirect + FIELD.minProcessing)) - 1)).toBeLessThan(0.02);
  });
});

describe('computeWorkload with calibrated norms', () => {
  it('computes hours from the calibrated minutes over each center\'s capacity factor, and says which norms and months', () => {
    const city = outcomeCity([...calmCenters(), { center: 'X', month: '2025-10', load: 0.7 }]);
    const calibration = calibrateNorms(highs, city);
    if (!calibration.ok) throw new Error(calibration.message);
    const fitted = {
      ...calibration,
      fields: calibration.fields.map((f) => ({ ...f, calibrated: { counter: 45, online: 20, processing: 15 } })),
      centers: calibration.centers.map((c) => ({ ...c, capacityFactor: c.centerCode === 'X' ? 2 : 1 })),
    };
    const w = computeWorkload(city, [], { period: '2025-10', quantile: 0.8, norms: 'calibrated' }, fitted);
    const x = w.centers.find((c) => c.centerCode === 'X');
    const received = city.history.find((r) => r.centerCode === 'X')?.received ?? 0;
    expect(x?.requiredHours).toBeCloseTo((received * (45 + 15) / 60) * 1.1 / 2, 9);
    expect(x?.capacityFactor).toBe(2);
    expect(w.norms).toEqual({ requested: 'calibrated', used: 'calibrated', fittedFrom: '2025-07', fittedTo: '2025-10', fallback: null });
  });

  it('refuses calibrated norms without the dataset\'s calibration', () => {
    const city = outcomeCity(calmCenters());
    expect(() => computeWorkload(city, [], { period: '2025-10', quantile: 0.8, norms: 'calibrated' })).toThrow(/needs the calibration/);
  });
});
