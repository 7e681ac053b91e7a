/**
 * The worker's plan task, whole (HiGHS, the solve, the plan result, the JSON), on
 * the embedded Hai Phong dataset, called in this process with a work clock (test/solver/plan/workClock.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATASET_DIR } from '../../../api/dataset-files.ts';
import { planTask } from '../../../api/jobs/computeWorker.ts';
import type { Levers } from '../../../api/jobs/planPipeline.ts';
import { datasetService } from '../../../api/storage/datasetService.ts';
import { openStorage } from '../../../api/storage/openStorage.ts';
import type { PlanResult } from '../../../solver/plan/planResult.ts';
import { limitTolerance, workClock } from '../../solver/plan/workClock.ts';
import { tempDataDir } from '../server/testApp.ts';

let ref: { dataDir: string; hash: string };
let fieldCodes: string[] = [];
const quiet = (): void => undefined;

beforeAll(async () => {
  const dataDir = tempDataDir();
  const storage = openStorage(dataDir);
  const datasets = datasetService(storage, dataDir, () => Promise.reject(new Error('no imports in this test')));
  const version = await datasets.seed(DEFAULT_DATASET_DIR, 'test');
  fieldCodes = datasets.load(version.version)?.dataset.fields.map((f) => f.field) ?? [];
  storage.close();
  ref = { dataDir, hash: version.hash };
  // A first job, untimed: the forecasts computed, the JavaScript compiled, as in a worker that has solved before.
  await planTask({ ...ref, scenario: {} }, quiet);
}, 240_000);

/**
 * Stages before the limit starts, which the task times apart: the inputs and the transfer potential
 * (kept per workload: the first job here computed the default's; the hires scenario's workload is
 * the same). HiGHS's loading, also outside the limit, is done by the first job here: ~0 s.
 */
const INPUT_STAGES = ['dataset', 'forecasts', 'workload', 'potential'];

describe('the plan task under its scenario\'s time limit', () => {
  it.each([
    { name: 'the default scenario, limit 1 s', scenario: (): Levers => ({ timeLimitSeconds: 1 }) },
    { name: '100,000 hires allowed in every field, limit 3 s', scenario: (): Levers => ({ timeLimitSeconds: 3, hiresAllowedByField: Object.fromEntries(fieldCodes.map((f) => [f, 100_000])) }) },
  ])('$name: the whole job but its inputs keeps the limit within 10% or 0.3 s, and its plan says how good it is', async ({ scenario }) => {
    const levers = scenario();
    const limit = levers.timeLimitSeconds ?? 10;
    const now = workClock();
    const t0 = now();
    const result = await planTask({ ...ref, scenario: levers }, quiet, now);
    const seconds = (now() - t0) / 1000;
    const inputs = INPUT_STAGES.reduce((s, stage) => s + (result.timings[stage] ?? 0), 0) / 1000;
    expect(seconds - inputs).toBeLessThanOrEqual(limit + limitTolerance(limit));
    const plan = JSON.parse(result.text) as PlanResult;
    if (plan.quality.objective === null) expect(plan.status).toBe('time_limit');
    else expect(plan.outcome).not.toBeNull();
    if (plan.quality.bound === null) expect(plan.quality.gap).toBeNull();
    if (plan.status === 'optimal') expect(plan.quality.gap ?? 1).toBeLessThanOrEqual(0.01);
  });
});
