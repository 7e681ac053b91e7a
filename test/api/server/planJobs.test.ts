/**
 * A plan record never stays "queued" for a solve that will not run: what can fail on the levers
 * fails before the record exists, and whatever fails after it ends the record as failed, saying what
 * happened. The pool and the dataset service are stand-ins; the store is the real SQLite one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ComputeService } from '../../../api/jobs/computeService.ts';
import { planJobs } from '../../../api/jobs/planJobs.ts';
import type { Levers } from '../../../api/jobs/planPipeline.ts';
import type { TaskHandlers, WorkerPool } from '../../../api/jobs/workerPool.ts';
import type { DatasetService } from '../../../api/storage/datasetService.ts';
import { openStorage, type Storage } from '../../../api/storage/openStorage.ts';
import type { Dataset } from '../../../solver/domain.ts';
import { tempDataDir } from './testApp.ts';

let storage: Storage | undefined;
afterEach(() => { storage?.close(); storage = undefined; });

const datasets = { active: () => ({ version: 1, hash: 'hash-1', dataset: { centers: [], fields: [], history: [], staff: [] } as unknown as Dataset }) } as unknown as DatasetService;
const compute = { ensureForecasts: async () => undefined } as unknown as ComputeService;
const pool = (submit: WorkerPool['submit']): WorkerPool => ({
  submit,
  cancel: () => false,
  stats: () => ({ running: 0, queued: 0, size: 1, queueLimit: 8 }),
  close: async () => undefined,
});
const jobsWith = (submit: WorkerPool['submit']) => {
  storage = openStorage(tempDataDir());
  return { jobs: planJobs(storage, datasets, pool(submit), compute, '/nowhere'), plans: () => (storage as Storage).plans.list(100, 0) };
};

describe('plan jobs: no plan left queued', () => {
  it('levers the solver refuses throw before a record exists', () => {
    const { jobs, plans } = jobsWith(() => 'queued');
    expect(() => jobs.start(null, { maxTransfers: 1e9 } as Levers, 'tester')).toThrow(/^invalid scenario: maxTransfers = 1000000000: must be between 0 and 1000000$/);
    expect(plans()).toEqual([]);
  });

  it('a pool that cannot take the task ends the record as failed, saying so', () => {
    const { jobs, plans } = jobsWith(() => { throw new Error('workerPool.submit: the pool is closed'); });
    expect(() => jobs.start(null, { period: '2026-09' }, 'tester')).toThrow('workerPool.submit: the pool is closed');
    expect(plans().map((p) => [p.status, p.error])).toEqual([['failed', 'the plan could not be handed to a solver: workerPool.submit: the pool is closed']]);
  });

  it('a result that cannot be stored ends the record as failed, saying so', () => {
    let handlers: TaskHandlers | undefined;
    const { jobs, plans } = jobsWith((_, h) => { handlers = h; return 'queued'; });
    const record = jobs.start(null, { period: '2026-09' }, 'tester');
    handlers?.started?.();
    // A summary with a BigInt cannot be written as JSON.
    handlers?.done({ summary: { big: 1n }, text: '{}', timings: {}, sentAt: 0 });
    expect(plans().map((p) => [p.id, p.status, p.error])).toEqual([[record.id, 'failed', 'the solve finished but its result could not be stored: Do not know how to serialize a BigInt']]);
  });
});
