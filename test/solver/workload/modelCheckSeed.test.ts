/**
 * The seed as acceptance: on the embedded dataset, the model check with official norms disagrees
 * with what the city published for July 2025 (Phù Liễn "435% with nothing late"), and with
 * calibrated norms every published figure reads as it happened.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATASET_DIR, loadDatasetDir } from '../../../api/dataset-files.ts';
import type { Dataset } from '../../../solver/domain.ts';
import { loadHighs } from '../../../solver/plan/loadHighs.ts';
import { calibrateNorms } from '../../../solver/workload/calibrateNorms.ts';
import { IMPLAUSIBLE_LOW_LOAD, SUSTAINABLE_LOAD, type NormCalibration } from '../../../solver/workload/calibrationTypes.ts';
import { modelCheck, type ModelCheck, type ModelCheckRow } from '../../../solver/workload/modelCheck.ts';

let dataset: Dataset;
let calibration: NormCalibration;
let official: ModelCheck;
let calibrated: ModelCheck;

beforeAll(async () => {
  const loaded = await loadDatasetDir(DEFAULT_DATASET_DIR);
  if (!loaded.ok) throw new Error('the embedded dataset does not load');
  dataset = loaded.value;
  calibration = calibrateNorms(await loadHighs(), dataset);
  official = modelCheck(dataset, 'official', calibration);
  calibrated = modelCheck(dataset, 'calibrated', calibration);
}, 60_000);

const july = (check: ModelCheck, code: string): ModelCheckRow => {
  const row = check.rows.find((r) => r.centerCode === code && r.month === '2025-07');
  if (row === undefined) throw new Error(`no July 2025 row of ${code}`);
  return row;
};

describe('Phù Liễn, July 2025: 2,986 dossiers, 5 civil servants, none late', () => {
  it('is flagged with official norms: modelled 435% but 0 late', () => {
    const row = july(official, '11446');
    expect(row.verdict).toBe('overloaded_unseen');
    expect(row.message).toBe('modelled 435% but 0 late: norms or staff count likely wrong');
  });

  it('reads as it happened with calibrated norms: above 100% but within the 130% overtime band, not flagged', () => {
    const row = july(calibrated, '11446');
    expect(row.load).toBeGreaterThan(1);
    expect(row.load).toBeLessThanOrEqual(SUSTAINABLE_LOAD);
    expect(row.verdict).toBe('overtime');
    expect(row.lateShare).toBe(0);
  });
});

describe('the other published centers, July 2025, with calibrated norms', () => {
  it('Đông Hải: 3,334 dossiers, 95.35% on time: at or above capacity and late, as the load explains', () => {
    const row = july(calibrated, '11411');
    expect(row.received).toBe(3334);
    expect(((row.onTimeShare ?? 0) * 100).toFixed(2)).toBe('95.35');
    expect(row.load).toBeGreaterThanOrEqual(IMPLAUSIBLE_LOW_LOAD);
    expect(['overloaded', 'consistent']).toContain(row.verdict);
  });

  it('An Lão: 578 received, 470 resolved, all on time: below capacity, consistent', () => {
    const row = july(calibrated, '11629');
    expect(row.received).toBe(578);
    expect(Math.round(row.received * (1 - (row.pendingShare ?? 0)))).toBe(470);
    expect(row.lateShare).toBe(0);
    expect(row.load).toBeLessThan(1);
    expect(row.verdict).toBe('consistent');
  });

  it('Kiến An: 3,511 received, 3,340 returned: below capacity, consistent', () => {
    const row = july(calibrated, '11443');
    expect(row.received).toBe(3511);
    expect(Math.round(row.received * (1 - (row.pendingShare ?? 0)))).toBe(3340);
    expect(row.load).toBeLessThan(1);
    expect(row.verdict).toBe('consistent');
  });
});

describe('the city as a whole', () => {
  it('has far fewer implausible center-months with calibrated norms than with official ones', () => {
    expect(official.summary.verdicts.overloaded_unseen).toBeGreaterThanOrEqual(20);
    expect(calibrated.summary.verdicts.overloaded_unseen).toBeLessThanOrEqual(official.summary.verdicts.overloaded_unseen / 5);
  });

  it('has modelled load agree better with observed lateness with calibrated norms (higher correlation)', () => {
    expect(calibrated.summary.loadLateCorrelation).toBeGreaterThan(official.summary.loadLateCorrelation ?? 1);
  });

  it('judges only months from July 2025 on: earlier ones are not judged, today\'s staff list does not describe those units', () => {
    const before = calibrated.rows.filter((r) => r.month < '2025-07');
    expect(before.length).toBe(114 * 30);
    expect(new Set(before.map((r) => r.verdict))).toEqual(new Set(['not_judged']));
    expect(before[0]?.code).toBe('check.not_judged.before_window');
  });
});
