/**
 * Recovery on known truth: the embedded dataset's outcomes were drawn from a hidden work content
 * and hidden capacity factors (data/gen/trueWork.ts, never in the tables). The calibration, given
 * only the four public tables, must find them again.
 *
 * Stated tolerance (measured on this dataset; `npm run bench:calibration` shows other seeds too):
 * every field whose dossiers weigh at least WEAK_EVIDENCE (3%) in the months that bind the fit is
 * recovered within 15% per channel, and those fields carry at least 85% of the city's work; over all
 * twelve fields the work-weighted mean error is below 8%; the capacity factor of every center with
 * at least 3 backlog months within 5%.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIELD_SPECS } from '../../../data/gen/fieldSpecs.ts';
import { generateTruth, type HiddenTruth } from '../../../data/gen/generateTables.ts';
import { trueMinutes } from '../../../data/gen/trueWork.ts';
import { DEFAULT_DATASET_DIR, loadDatasetDir } from '../../../api/dataset-files.ts';
import type { Dataset } from '../../../solver/domain.ts';
import { loadHighs } from '../../../solver/plan/loadHighs.ts';
import { calibrateNorms } from '../../../solver/workload/calibrateNorms.ts';
import { WEAK_EVIDENCE, type NormCalibration } from '../../../solver/workload/calibrationTypes.ts';

let dataset: Dataset;
let calibration: Extract<NormCalibration, { ok: true }>;
let truth: HiddenTruth;
const specs = new Map(FIELD_SPECS.map((s) => [s.field, s]));

beforeAll(async () => {
  const loaded = await loadDatasetDir(DEFAULT_DATASET_DIR);
  if (!loaded.ok) throw new Error('the embedded dataset does not load');
  dataset = loaded.value;
  const result = calibrateNorms(await loadHighs(), dataset);
  if (!result.ok) throw new Error(result.message);
  calibration = result;
  truth = generateTruth(readFileSync(join(DEFAULT_DATASET_DIR, '..', 'sources', 'haiphong_units.csv'), 'utf8'));
}, 60_000);

const errors = () => calibration.fields.map((f) => {
  const t = trueMinutes(specs.get(f.field)!);
  return { field: f.field, evidence: f.evidence, direct: f.calibratedDirect / t.direct - 1, online: f.calibratedOnline / t.online - 1 };
});

/** Official hours of each field over the fitted months (its weight in the city's work). */
const officialHours = (): Map<string, number> => {
  const byField = new Map(dataset.fields.map((f) => [f.field, f]));
  const hours = new Map<string, number>();
  for (const r of dataset.history) {
    if (r.month < calibration.from || r.month > calibration.to) continue;
    const f = byField.get(r.field)!;
    hours.set(r.field, (hours.get(r.field) ?? 0) + r.received * ((r.channel === 'direct' ? f.minDirect : f.minOnline) + f.minProcessing));
  }
  return hours;
};

describe('calibrateNorms on the embedded dataset recovers the hidden truth', () => {
  it('fits the months from July 2025 to October 2026, some of which closed with a backlog', () => {
    expect([calibration.from, calibration.to]).toEqual(['2025-07', '2026-10']);
    expect(calibration.months.backlog).toBeGreaterThanOrEqual(50);
  });

  it('recovers every field with evidence of at least 3% within 15% per channel', () => {
    const supported = errors().filter((e) => e.evidence >= WEAK_EVIDENCE);
    expect(supported.length).toBeGreaterThanOrEqual(6);
    for (const e of supported) {
      expect(Math.abs(e.direct), `${e.field} direct`).toBeLessThanOrEqual(0.15);
      expect(Math.abs(e.online), `${e.field} online`).toBeLessThanOrEqual(0.15);
    }
  });

  it('has those well-supported fields carry at least 85% of the city\'s work', () => {
    const hours = officialHours();
    const total = [...hours.values()].reduce((a, b) => a + b, 0);
    const supported = calibration.fields.filter((f) => f.evidence >= WEAK_EVIDENCE).reduce((s, f) => s + (hours.get(f.field) ?? 0), 0);
    expect(supported / total).toBeGreaterThanOrEqual(0.85);
  });

  it('recovers the minutes per dossier with a work-weighted mean error below 8% over all twelve fields', () => {
    const hours = officialHours();
    const total = [...hours.values()].reduce((a, b) => a + b, 0);
    const weighted = errors().reduce((s, e) => s + ((hours.get(e.field) ?? 0) / total) * (Math.abs(e.direct) + Math.abs(e.online)) / 2, 0);
    expect(weighted).toBeLessThan(0.08);
  });

  it('recovers the capacity factor of every center with at least 3 backlog months within 5%, Phu Lien\'s among them', () => {
    const seen = calibration.centers.filter((c) => c.backlogMonths >= 3);
    expect(seen.map((c) => c.centerCode)).toContain('11446');
    for (const c of seen) {
      const real = truth.capacityFactors.get(c.centerCode)!;
      expect(Math.abs(c.capacityFactor / real - 1), c.centerCode).toBeLessThanOrEqual(0.05);
    }
  });

  it('moves the official norms toward the truth: land and construction down, certification up', () => {
    const by = new Map(calibration.fields.map((f) => [f.field, f]));
    expect(by.get('land')!.deviation).toBeLessThan(-0.1);
    expect(by.get('construction')!.deviation).toBeLessThan(-0.2);
    expect(by.get('certification')!.deviation).toBeGreaterThan(0.2);
  });
});

describe('calibrateNorms is robust', () => {
  it('barely moves when one center-month is absurd (An Lão, December 2025, every dossier pending): each well-supported field by under 1 point', async () => {
    const odd: Dataset = {
      ...dataset,
      history: dataset.history.map((r) => (r.centerCode === '11629' && r.month === '2025-12' ? { ...r, resolvedOnTime: 0, resolvedLate: 0, pending: r.received } : r)),
    };
    const again = calibrateNorms(await loadHighs(), odd);
    if (!again.ok) throw new Error(again.message);
    const before = new Map(calibration.fields.map((f) => [f.field, f.deviation]));
    for (const f of again.fields.filter((x) => x.evidence >= WEAK_EVIDENCE)) {
      expect(Math.abs(f.deviation - (before.get(f.field) ?? 0)), f.field).toBeLessThan(0.01);
    }
  }, 30_000);
});
