import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../solver/domain.ts';
import type { CityWorkload } from '../../solver/workload/workloadTypes.ts';
import { loadDatasetDir } from '../../api/dataset-files.ts';
import { computeWorkload } from '../../solver/workload/computeWorkload.ts';
import { estimateCenter } from '../../web/src/estimate.ts';

const NEUTRAL = { demandMultiplierByField: {}, demandMultiplierByCenter: {}, onlineShareShift: 0, normMultiplierByField: {} };
let dataset: Dataset;
let workload: CityWorkload;

beforeAll(async () => {
  const loaded = await loadDatasetDir();
  if (!loaded.ok) throw new Error('the embedded dataset does not load');
  dataset = loaded.value;
  workload = computeWorkload(dataset, [], { period: '2026-10', quantile: 0.8 });
});

const phuLien = () => dataset.centers.find((c) => c.nameVi === 'Phường Phù Liễn')?.code ?? '';

describe('estimateCenter (instant estimate in the browser)', () => {
  it('with neutral levers gives the workload module\'s own figures for the center', () => {
    const code = phuLien();
    const e = estimateCenter(code, workload.fields, dataset.fields, dataset.staff, workload.hoursPerFte, NEUTRAL);
    const w = workload.centers.find((c) => c.centerCode === code);
    expect(e.requiredHours).toBeCloseTo(w?.requiredHours ?? NaN, 6);
    expect(e.availableHours).toBeCloseTo(w?.availableHours ?? NaN, 6);
    expect(e.uncoveredHours).toBeCloseTo(w?.uncoveredHours ?? NaN, 3);
  });

  it('a +60% wave in one field adds 60% of that field\'s hours and nothing elsewhere', () => {
    const code = phuLien();
    const base = estimateCenter(code, workload.fields, dataset.fields, dataset.staff, workload.hoursPerFte, NEUTRAL);
    const wave = estimateCenter(code, workload.fields, dataset.fields, dataset.staff, workload.hoursPerFte, {
      ...NEUTRAL,
      demandMultiplierByField: { social_protection: 1.6 },
    });
    const sp = (x: typeof base) => x.fields.find((f) => f.field === 'social_protection')?.requiredHours ?? 0;
    expect(wave.requiredHours - base.requiredHours).toBeCloseTo(0.6 * sp(base), 6);
  });

  it('a field named "constructor" with no multiplier given is estimated as the same field under another name', () => {
    const code = phuLien();
    const as = (name: string) => {
      const f = (x: string) => (x === 'land' ? name : x);
      return estimateCenter(
        code,
        workload.fields.map((w) => ({ ...w, field: f(w.field) })),
        dataset.fields.map((x) => ({ ...x, field: f(x.field) })),
        dataset.staff.map((p) => ({ ...p, fields: p.fields.map(f) })),
        workload.hoursPerFte,
        NEUTRAL,
      );
    };
    expect(as('constructor').requiredHours).toBeCloseTo(as('landx').requiredHours, 6);
  });
});
