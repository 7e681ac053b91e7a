/**
 * The worker thread's entry: runs one task at a time for the pool (workerPool.ts) and answers with
 * progress, then done or failed. Tasks read the dataset and forecasts from the database by content
 * hash (workerStore.ts); results go back to the main thread, which stores them.
 */
import { parentPort } from 'node:worker_threads';
import { forecastHistory } from '../../solver/forecast/forecastHistory.ts';
import { computeWorkload } from '../../solver/workload/computeWorkload.ts';
import type { WorkloadOptions } from '../../solver/workload/workloadTypes.ts';
import type { TaskMessage, WorkerMessage } from './workerPool.ts';
import { FORECAST_HORIZON, REFORM_MONTH, workerStore, type WorkerStore } from './workerStore.ts';

/** Every task names the data directory and the dataset's content hash. */
export interface DatasetRef {
  readonly dataDir: string;
  readonly hash: string;
}

type Progress = (stage: string, fraction: number) => void;
type Task = (payload: never, progress: Progress) => unknown;

const stores = new Map<string, WorkerStore>();
const storeOf = (dataDir: string): WorkerStore => {
  const known = stores.get(dataDir);
  if (known !== undefined) return known;
  const made = workerStore(dataDir);
  stores.set(dataDir, made);
  return made;
};

const forecastsOf = (ref: DatasetRef, progress: Progress) => {
  const store = storeOf(ref.dataDir);
  return store.forecasts(ref.hash) ?? forecastHistory(store.dataset(ref.hash).history, {
    horizon: FORECAST_HORIZON,
    breakMonth: REFORM_MONTH,
    onProgress: (done, total) => { if (done % 50 === 0 || done === total) progress('forecast', done / Math.max(1, total)); },
  });
};

export const TASKS: Readonly<Record<string, Task>> = {
  /** Forecasts of every center x field x channel series, FORECAST_HORIZON months ahead. */
  forecast: (payload: DatasetRef, progress) => forecastsOf(payload, progress),
  /** The city's workload in one period with today's staff. */
  workload: (payload: DatasetRef & { readonly options: WorkloadOptions }, progress) =>
    computeWorkload(storeOf(payload.dataDir).dataset(payload.hash), forecastsOf(payload, progress), payload.options),
};

const port = parentPort;
if (port !== null) {
  port.on('message', (message: TaskMessage) => {
    const post = (m: WorkerMessage) => port.postMessage(m);
    const task = TASKS[message.kind];
    try {
      if (task === undefined) throw new Error(`unknown task kind "${message.kind}"`);
      const result = task(message.payload as never, (stage, fraction) => post({ type: 'progress', id: message.id, stage, fraction }));
      post({ type: 'done', id: message.id, result });
    } catch (error) {
      post({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) });
    }
  });
}
