/**
 * Plans as jobs: a POST stores the plan (its scenario copied, the active dataset's version and
 * content hash) as queued and hands it to the worker pool; the job's progress lives in memory (it
 * changes many times a second), its outcome in the database. Cancelling a running plan terminates
 * its worker thread.
 */
import { httpError, notFound } from '../routes/httpError.ts';
import type { DatasetService } from '../storage/datasetService.ts';
import type { Storage } from '../storage/openStorage.ts';
import type { PlanRecord } from '../storage/planStore.ts';
import { queueFull, type ComputeService } from './computeService.ts';
import { resolveScenario, type Levers } from './planPipeline.ts';
import { wallMs, type PlanTaskResult } from './planTaskResult.ts';
import type { WorkerPool } from './workerPool.ts';

export interface PlanJobs {
  /** Queues a plan of `scenario` on the active dataset; throws a 503 when the queue is full. */
  readonly start: (scenarioId: string | null, scenario: Levers, actor: string) => PlanRecord;
  /** The stored plan with its live stage and progress; undefined when unknown. */
  readonly get: (id: string) => PlanRecord | undefined;
  /** Cancels a queued or running plan; 404 when unknown, 409 when already over. */
  readonly cancel: (id: string, actor: string) => PlanRecord;
}

/**
 * When a plan's worker is stopped: three times the solver's time limit (the plan, the bound and
 * the explanation's solves each respect it) plus two minutes for forecasts and workload.
 */
export const hardLimitMs = (levers: Levers): number => (3 * resolveScenario(levers).timeLimitSeconds + 120) * 1000;

/**
 * One line with the milliseconds of each stage of a finished plan: on this thread `queue` (POST to
 * the worker starting it) and after the worker's stages (computeWorker.ts, plan task) `transfer`
 * (the answer crossing to this thread) and `store` (written to the database).
 */
export const stageLine = (id: string, stages: Readonly<Record<string, number>>): string =>
  `plan ${id.slice(0, 8)} stages (ms): ${Object.entries(stages).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`;

export const planJobs = (storage: Storage, datasets: DatasetService, pool: WorkerPool, compute: ComputeService, dataDir: string, log?: (line: string) => void): PlanJobs => {
  const live = new Map<string, { stage: string; progress: number }>();
  const withLive = (record: PlanRecord | undefined): PlanRecord | undefined => {
    const now = record === undefined ? undefined : live.get(record.id);
    return record === undefined || now === undefined || record.status !== 'running' ? record : { ...record, ...now };
  };
  return {
    start: (scenarioId, scenario, actor) => {
      const active = datasets.active();
      // Whatever can throw on the levers runs before the record exists (the routes have checked
      // them; a throw here must not leave a plan "queued" that no worker will ever take).
      const limitMs = hardLimitMs(scenario);
      // Forecasts first, as their own task, so they are stored once for every later plan (usually
      // they are already: the server prepares them at start and after an import). It is queued at
      // once, so the room left for the plan is known below, before its record exists.
      compute.ensureForecasts(active).catch(() => undefined);
      const stats = pool.stats();
      if (stats.running >= stats.size && stats.queued >= stats.queueLimit) throw queueFull();
      const queuedAt = performance.now();
      let startedAt = queuedAt;
      const record = storage.plans.create({ scenarioId, scenario, datasetVersion: active.version, datasetHash: active.hash }, actor);
      const id = record.id;
      const fail = (message: string): void => {
        live.delete(id);
        storage.plans.failed(id, message);
      };
      let outcome: 'queued' | 'full';
      try {
        outcome = pool.submit({ id, kind: 'plan', payload: { dataDir, hash: active.hash, scenario } }, {
          started: () => {
            startedAt = performance.now();
            storage.plans.started(id);
            live.set(id, { stage: 'starting', progress: 0 });
          },
          progress: (stage, fraction) => live.set(id, { stage, progress: fraction }),
          done: (result) => {
            // The worker sends the result as JSON text with its small summary: nothing large is
            // cloned, parsed or serialized on this thread (it answers reads while plans solve).
            const answer = result as PlanTaskResult;
            const transfer = wallMs() - answer.sentAt;
            const t = performance.now();
            live.delete(id);
            try {
              storage.plans.finished(id, answer.summary as unknown as Record<string, unknown>, answer.text);
            } catch (error) {
              fail(`the solve finished but its result could not be stored: ${(error as Error).message}`);
              return;
            }
            log?.(stageLine(id, { queue: startedAt - queuedAt, ...answer.timings, transfer, store: performance.now() - t }));
          },
          failed: fail,
          cancelled: () => live.delete(id),
        }, limitMs);
      } catch (error) {
        fail(`the plan could not be handed to a solver: ${(error as Error).message}`);
        throw error;
      }
      if (outcome === 'full') {
        fail('the solver queue was full');
        throw queueFull();
      }
      return record;
    },
    get: (id) => withLive(storage.plans.get(id)),
    cancel: (id, actor) => {
      const record = storage.plans.get(id);
      if (record === undefined) throw notFound('plan', id);
      if (!storage.plans.cancel(id, actor)) throw httpError(409, `plan ${id} is ${record.status} already and cannot be cancelled`);
      pool.cancel(id);
      live.delete(id);
      return storage.plans.get(id) as PlanRecord;
    },
  };
};
