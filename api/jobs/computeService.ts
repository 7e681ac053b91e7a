/**
 * Forecasts and workloads for the read routes, computed in the worker pool (forecasting the
 * embedded dataset takes seconds: it must not hold up the event loop) and cached by the dataset's
 * content hash: forecasts in the forecast files the commands use too (api/storage/forecastFiles.ts:
 * they survive restarts, and a damaged one is computed again), workloads in memory.
 * Concurrent requests for the same thing share one computation.
 */
import { randomUUID } from 'node:crypto';
import type { Dataset } from '../../solver/domain.ts';
import type { DossierForecast } from '../../solver/forecast/forecastHistory.ts';
import type { NormsChoice } from '../../solver/workload/calibrationTypes.ts';
import type { ModelCheck } from '../../solver/workload/modelCheck.ts';
import type { CityWorkload, WorkloadOptions } from '../../solver/workload/workloadTypes.ts';
import { httpError } from '../routes/httpError.ts';
import type { LoadedDataset } from '../storage/datasetService.ts';
import { resolveScenario, type Levers } from './planPipeline.ts';
import type { WorkerPool } from './workerPool.ts';
import { joinJsonArrays } from './forecastPart.ts';
import { forecastFiles, forecastKeyOf } from '../storage/forecastFiles.ts';

export interface ComputeService {
  /** The forecasts of a dataset, parsed (computed in a worker and stored first if needed). */
  readonly forecasts: (loaded: LoadedDataset) => Promise<readonly DossierForecast[]>;
  /** Makes sure the forecasts of a dataset are computed and stored, without parsing them here. */
  readonly ensureForecasts: (loaded: LoadedDataset) => Promise<void>;
  readonly workload: (loaded: LoadedDataset, options: WorkloadOptions) => Promise<CityWorkload>;
  /** The model check of a dataset with the chosen norms (solver/workload/modelCheck.ts), computed in a worker and kept per hash. */
  readonly modelCheck: (loaded: LoadedDataset, norms: NormsChoice) => Promise<ModelCheck>;
  /**
   * Prepares a dataset in the background: when its forecasts are not stored, the overview's
   * workloads of months of the history (they need no forecast, so a fresh server shows them while
   * it forecasts), then the forecasts. It is `ready` once the forecasts are stored: every request,
   * a plan included, can then be answered. After that, the warm-up (stage `warm-up`): the other
   * workloads of `overviews` and a worker ready to solve `scenario` (dataset and forecasts parsed,
   * its workload computed, HiGHS compiled, one solve run to compile the solver's JavaScript);
   * `warmed` is called when it ends. Resolves when ready or failed (never rejects); a second call
   * for the same hash shares it.
   */
  readonly prepare: (loaded: LoadedDataset, overviews: readonly WorkloadOptions[], scenario: Levers, warmed?: (status: Preparation) => void) => Promise<Preparation>;
  /** How the preparation of a dataset stands; `ready` when its forecasts are stored and nothing runs. */
  readonly preparation: (loaded: LoadedDataset) => Preparation;
}

/** Where the background preparation of a dataset stands. */
export interface Preparation {
  readonly datasetHash: string;
  /** `pending`: forecasts not stored and nothing prepares them yet (the first request that needs them computes them). */
  readonly state: 'pending' | 'preparing' | 'ready' | 'failed';
  /** What runs now: `workload` (the overview's), `forecasts`, then once ready `warm-up`; `done` once warmed up. */
  readonly stage: string;
  /** When it began (ISO 8601), null when nothing was prepared in this process (found stored). */
  readonly startedAt: string | null;
  /** Seconds it took to be ready; null while preparing or when found stored. */
  readonly seconds: number | null;
  /** Seconds of each stage done so far (workload, forecasts, warm-up). */
  readonly stages: Readonly<Record<string, number>>;
  readonly error: string | null;
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

/**
 * The workloads the web overview opens on (web/src/pages/Overview.tsx), at P80: the last month of
 * the dataset's history (what really happened there) and the default scenario's month, the first
 * month after the history (where the planner opens too).
 */
export const overviewWorkloads = (dataset: Dataset): WorkloadOptions[] => {
  let last = '';
  for (const row of dataset.history) if (row.month > last) last = row.month;
  const planned = resolveScenario({}).period;
  return [{ period: last, quantile: 0.8 }, ...(planned === last ? [] : [{ period: planned, quantile: 0.8 }])];
};

/** Workloads kept in memory (a planner flips between a few periods and quantiles). */
const WORKLOADS_KEPT = 16;

/**
 * `helper`: a second worker pool that shares the next forecast of a dataset not stored yet (each
 * thread forecasts half of the series), then is closed. The server starts one with the app, so
 * that the first start forecasts on both cores; later forecasts (after an import) use the pool alone.
 */
export const computeService = (pool: WorkerPool, dataDir: string, forecastDir: string, helper?: WorkerPool): ComputeService => {
  let spare = helper;
  const files = forecastFiles(forecastDir);
  /** Hashes whose forecast file this process has read whole and found sound. */
  const sound = new Set<string>();
  const running = new Map<string, Promise<unknown>>();
  const workloads = new Map<string, CityWorkload>();
  const preparations = new Map<string, { status: Preparation; done: Promise<Preparation> }>();
  let forecastMemory: { hash: string; forecasts: readonly DossierForecast[] } | undefined;

  const once = <T>(key: string, compute: () => Promise<T>): Promise<T> => {
    const known = running.get(key);
    if (known !== undefined) return known as Promise<T>;
    const made = compute().finally(() => running.delete(key));
    running.set(key, made);
    return made;
  };

  /**
   * Whether the forecasts of `hash` are stored and sound: the file is read and its checksum checked
   * once per process (5.9 MB for Hai Phong: tens of ms); a damaged one counts as not stored.
   */
  const stored = (hash: string): boolean => {
    if (sound.has(hash)) return true;
    const read = files.read(forecastKeyOf(hash));
    if (read.ok) sound.add(hash);
    return read.ok;
  };

  const ensureForecasts = async (loaded: LoadedDataset): Promise<void> => {
    if (forecastMemory?.hash === loaded.hash || stored(loaded.hash)) return;
    await once(`forecast:${loaded.hash}`, async () => {
      // The workers answer with JSON text: it is stored as it is, never parsed on this thread.
      const ref = { dataDir, hash: loaded.hash };
      const second = spare;
      spare = undefined;
      const text = second === undefined
        ? await runTask(pool, 'forecast', ref).catch(unprocessable('cannot forecast this dataset')) as string
        : joinJsonArrays(await Promise.all([
          runTask(pool, 'forecast', { ...ref, part: { index: 0, count: 2 } }),
          runTask(second, 'forecast', { ...ref, part: { index: 1, count: 2 } }),
        ]).catch(unprocessable('cannot forecast this dataset')).finally(() => void second.close()) as string[]);
      files.write(forecastKeyOf(loaded.hash), text);
      sound.add(loaded.hash);
    });
  };

  const forecasts = async (loaded: LoadedDataset): Promise<readonly DossierForecast[]> => {
    if (forecastMemory?.hash === loaded.hash) return forecastMemory.forecasts;
    await ensureForecasts(loaded);
    const read = files.read(forecastKeyOf(loaded.hash));
    if (!read.ok) {
      // Damaged between the check and now: computed again on the next request.
      sound.delete(loaded.hash);
      throw new Error(`the forecast file ${read.file} is ${read.reason}`);
    }
    const value = JSON.parse(read.text) as DossierForecast[];
    forecastMemory = { hash: loaded.hash, forecasts: value };
    return value;
  };

  let historyMonths: { hash: string; months: ReadonlySet<string> } | undefined;
  /** Whether `period` is a month of the dataset's history (its workload needs no forecast). */
  const inHistory = (loaded: LoadedDataset, period: string): boolean => {
    if (historyMonths?.hash !== loaded.hash) historyMonths = { hash: loaded.hash, months: new Set(loaded.dataset.history.map((r) => r.month)) };
    return historyMonths.months.has(period);
  };

  const workload = async (loaded: LoadedDataset, options: WorkloadOptions): Promise<CityWorkload> => {
    const key = `workload:${loaded.hash}:${JSON.stringify(options)}`;
    const known = workloads.get(key);
    if (known !== undefined) return known;
    // Forecasts first, as their own task, so they are stored once; a month of the history needs none.
    if (!inHistory(loaded, options.period)) await ensureForecasts(loaded);
    const value = await once(key, () => runTask(pool, 'workload', { dataDir, hash: loaded.hash, options }).catch(unprocessable('cannot compute this workload')) as Promise<CityWorkload>);
    workloads.set(key, value);
    while (workloads.size > WORKLOADS_KEPT) workloads.delete(workloads.keys().next().value as string);
    return value;
  };

  const checks = new Map<string, ModelCheck>();
  const modelCheck = async (loaded: LoadedDataset, norms: NormsChoice): Promise<ModelCheck> => {
    const key = `model-check:${loaded.hash}:${norms}`;
    const known = checks.get(key);
    if (known !== undefined) return known;
    const value = await once(key, () => runTask(pool, 'modelCheck', { dataDir, hash: loaded.hash, norms }).catch(unprocessable('cannot check this dataset')) as Promise<ModelCheck>);
    // Two checks (official, calibrated) of the last two datasets.
    checks.set(key, value);
    while (checks.size > 4) checks.delete(checks.keys().next().value as string);
    return value;
  };

  const prepare = (loaded: LoadedDataset, overviews: readonly WorkloadOptions[], scenario: Levers, warmed?: (status: Preparation) => void): Promise<Preparation> => {
    const known = preparations.get(loaded.hash);
    // A failed preparation is tried again; a running or finished one is shared.
    if (known !== undefined && known.status.state !== 'failed') return known.done;
    const t0 = performance.now();
    const entry: { status: Preparation; done: Promise<Preparation> } = {
      status: { datasetHash: loaded.hash, state: 'preparing', stage: 'workload', startedAt: new Date().toISOString(), seconds: null, stages: {}, error: null },
      done: Promise.resolve() as unknown as Promise<Preparation>,
    };
    let lap = t0;
    const stage = (done: string, next: string) => {
      const now = performance.now();
      entry.status = { ...entry.status, stage: next, stages: { ...entry.status.stages, [done]: Math.round((now - lap) / 100) / 10 } };
      lap = now;
    };
    // Only the forecasts decide the outcome: a workload or a warm solve that this dataset cannot
    // give (e.g. a default month its forecasts do not reach) is left to the request that asks.
    const optional = (work: () => Promise<unknown>) => work().catch(() => undefined);
    const ready = async (): Promise<Preparation> => {
      try {
        if (!stored(loaded.hash)) for (const o of overviews) if (inHistory(loaded, o.period)) await optional(() => workload(loaded, o));
        stage('workload', 'forecasts');
        await ensureForecasts(loaded);
        // Forecasts found stored (a restart): the helper has nothing to share.
        if (spare !== undefined) {
          void spare.close();
          spare = undefined;
        }
        stage('forecasts', 'warm-up');
        entry.status = { ...entry.status, state: 'ready', seconds: Math.round((performance.now() - t0) / 100) / 10 };
      } catch (error) {
        entry.status = { ...entry.status, state: 'failed', seconds: Math.round((performance.now() - t0) / 100) / 10, error: error instanceof Error ? error.message : String(error) };
      }
      return entry.status;
    };
    /** After ready, so that the first overview and the first solve are quick; never on the path to ready. */
    const warmUp = async (): Promise<void> => {
      for (const o of overviews) await optional(() => workload(loaded, o));
      await optional(() => runTask(pool, 'prepare', { dataDir, hash: loaded.hash, scenario }));
      stage('warm-up', 'done');
      warmed?.(entry.status);
    };
    preparations.set(loaded.hash, entry);
    entry.done = ready();
    void entry.done.then((status) => (status.state === 'ready' ? warmUp() : undefined));
    return entry.done;
  };

  const preparation = (loaded: LoadedDataset): Preparation => {
    const known = preparations.get(loaded.hash);
    if (known !== undefined) return known.status;
    return stored(loaded.hash)
      ? { datasetHash: loaded.hash, state: 'ready', stage: 'done', startedAt: null, seconds: null, stages: {}, error: null }
      : { datasetHash: loaded.hash, state: 'pending', stage: 'forecasts', startedAt: null, seconds: null, stages: {}, error: null };
  };

  return { forecasts, ensureForecasts, workload, modelCheck, prepare, preparation };
};
