/**
 * Forecasts and workloads for the read routes, computed in the worker pool (forecasting the
 * embedded dataset takes seconds: it must not hold up the event loop) and cached by the dataset's
 * content hash: forecasts in the database (they survive restarts), workloads in memory.
 * Concurrent requests for the same thing share one computation.
 */
import { randomUUID } from 'node:crypto';
import type { DossierForecast } from '../../solver/forecast/forecastHistory.ts';
import type { CityWorkload, WorkloadOptions } from '../../solver/workload/workloadTypes.ts';
import { httpError } from '../routes/httpError.ts';
import type { LoadedDataset } from '../storage/datasetService.ts';
import type { Storage } from '../storage/openStorage.ts';
import type { WorkerPool } from './workerPool.ts';
import { FORECAST_HORIZON, forecastKey } from './workerStore.ts';

export interface ComputeService {
  readonly forecasts: (loaded: LoadedDataset) => Promise<readonly DossierForecast[]>;
  readonly workload: (loaded: LoadedDataset, options: WorkloadOptions) => Promise<CityWorkload>;
}

/** Seconds a client is told to wait when the queue is full. */
export const RETRY_AFTER_SECONDS = 10;

/** 503 with a Retry-After header: the pool's queue is at its limit. */
export const queueFull = () =>
  Object.assign(httpError(503, `the solver queue is full; retry in ${RETRY_AFTER_SECONDS} s`), { headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } });

/** Runs one task in the pool; rejects with a 503 when the queue is full. */
export const runTask = (pool: WorkerPool, kind: string, payload: unknown, hardLimitMs?: number): Promise<unknown> =>
  new Promise((resolve, reject) => {
    const outcome = pool.submit({ id: randomUUID(), kind, payload }, {
      done: resolve,
      failed: (message) => reject(new Error(`${kind} task failed: ${message}`)),
      cancelled: () => reject(new Error(`${kind} task cancelled`)),
    }, hardLimitMs);
    if (outcome === 'full') reject(queueFull());
  });

/**
 * A task that failed on the data (a broken precondition of the solver, e.g. a series too short to
 * forecast) becomes a 422 with the solver's own words, which name the series or field and value.
 */
const unprocessable = (what: string) => (error: unknown): never => {
  if ((error as { statusCode?: number }).statusCode !== undefined) throw error;
  const message = error instanceof Error ? error.message.replace(/^\w+ task failed: /, '') : String(error);
  throw httpError(422, `${what}: ${message}`);
};

/** Workloads kept in memory (a planner flips between a few periods and quantiles). */
const WORKLOADS_KEPT = 16;

export const computeService = (storage: Storage, pool: WorkerPool, dataDir: string): ComputeService => {
  const running = new Map<string, Promise<unknown>>();
  const workloads = new Map<string, CityWorkload>();
  let forecastMemory: { hash: string; forecasts: readonly DossierForecast[] } | undefined;

  const once = <T>(key: string, compute: () => Promise<T>): Promise<T> => {
    const known = running.get(key);
    if (known !== undefined) return known as Promise<T>;
    const made = compute().finally(() => running.delete(key));
    running.set(key, made);
    return made;
  };

  const forecasts = async (loaded: LoadedDataset): Promise<readonly DossierForecast[]> => {
    if (forecastMemory?.hash === loaded.hash) return forecastMemory.forecasts;
    const key = forecastKey(loaded.hash, FORECAST_HORIZON);
    const cached = storage.cache.get(key);
    const value = cached !== undefined
      ? (JSON.parse(cached) as DossierForecast[])
      : await once(key, async () => {
        const computed = await runTask(pool, 'forecast', { dataDir, hash: loaded.hash }).catch(unprocessable('cannot forecast this dataset')) as DossierForecast[];
        storage.cache.put(key, JSON.stringify(computed));
        return computed;
      });
    forecastMemory = { hash: loaded.hash, forecasts: value };
    return value;
  };

  return {
    forecasts,
    workload: async (loaded, options) => {
      const key = `workload:${loaded.hash}:${JSON.stringify(options)}`;
      const known = workloads.get(key);
      if (known !== undefined) return known;
      await forecasts(loaded);
      const value = await once(key, () => runTask(pool, 'workload', { dataDir, hash: loaded.hash, options }).catch(unprocessable('cannot compute this workload')) as Promise<CityWorkload>);
      workloads.set(key, value);
      while (workloads.size > WORKLOADS_KEPT) workloads.delete(workloads.keys().next().value as string);
      return value;
    },
  };
};
