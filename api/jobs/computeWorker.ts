/**
 * The worker thread's entry: runs one task at a time for the pool (workerPool.ts) and answers with
 * progress, then done or failed. Tasks read the dataset and forecasts from the database by content
 * hash (workerStore.ts); results go back to the main thread, which stores them.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { forecastHistory } from '../../solver/forecast/forecastHistory.ts';
import { buildPlanModel } from '../../solver/plan/buildPlanModel.ts';
import { candidateCenters } from '../../solver/plan/candidateCenters.ts';
import { loadHighs } from '../../solver/plan/loadHighs.ts';
import { buildPlanIndex } from '../../solver/plan/planIndex.ts';
import { solvePlan } from '../../solver/plan/solvePlan.ts';
import { exportLp } from '../../solver/plan/solveWithHighs.ts';
import { computeWorkload } from '../../solver/workload/computeWorkload.ts';
import type { WorkloadOptions } from '../../solver/workload/workloadTypes.ts';
import { DEFAULT_TIME_LIMIT_SECONDS, preparePlan, type Levers } from './planPipeline.ts';
import { planMoves, planSummary } from './planSummary.ts';
import type { TaskMessage, WorkerMessage } from './workerPool.ts';
import { FORECAST_HORIZON, REFORM_MONTH, workerStore, type WorkerStore } from './workerStore.ts';

/** Every task names the data directory and the dataset's content hash. */
export interface DatasetRef {
  readonly dataDir: string;
  readonly hash: string;
}

type Progress = (stage: string, fraction: number) => void;
type Task = (payload: never, progress: Progress) => unknown;

/** A plan task: the dataset, the scenario's levers and, for the trade-off curve, the budgets to try. */
export interface PlanTask extends DatasetRef {
  readonly scenario: Levers;
}

/** Transfer budgets of the trade-off curve (null = unlimited), after the plan issue. */
export const TRADEOFF_BUDGETS: readonly (number | null)[] = [0, 5, 10, 20, 40, null];

/** Candidate centers per person in the exported model, as solvePlan's default restricted model. */
const EXPORT_CANDIDATES = 3;

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
  /** One plan: the solver's Plan, the moves and the summary (status, bound, gap, KPIs). */
  plan: async (payload: PlanTask, progress) => {
    const dataset = storeOf(payload.dataDir).dataset(payload.hash);
    const prepared = preparePlan(dataset, forecastsOf(payload, progress), payload.scenario);
    progress('solve', 0.5);
    const highs = await loadHighs();
    const plan = solvePlan(highs, prepared.input, { timeLimitSeconds: payload.scenario.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS, now: () => performance.now() });
    const moves = planMoves(dataset, plan);
    return { summary: planSummary(dataset, prepared.workload, plan, moves), moves, plan, workload: { period: prepared.workload.period, quantile: prepared.workload.quantile, centers: prepared.workload.centers, totals: prepared.workload.totals } };
  },
  /** Uncovered hours against transfer budgets 0, 5, 10, 20, 40 and unlimited, other levers as given. */
  tradeoff: async (payload: PlanTask, progress) => {
    const dataset = storeOf(payload.dataDir).dataset(payload.hash);
    const prepared = preparePlan(dataset, forecastsOf(payload, progress), payload.scenario);
    const highs = await loadHighs();
    const seconds = payload.scenario.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
    return TRADEOFF_BUDGETS.map((maxTransfers, i) => {
      progress('solve', (i + 0.5) / TRADEOFF_BUDGETS.length);
      const plan = solvePlan(highs, { ...prepared.input, rules: { ...prepared.input.rules, maxTransfers } }, { timeLimitSeconds: seconds / 2, now: () => performance.now() });
      const moves = planMoves(dataset, plan);
      const s = planSummary(dataset, prepared.workload, plan, moves);
      return { maxTransfers, status: s.status, gap: s.gap, uncoveredHours: s.uncoveredHoursAfter, transfers: s.transfers, overloadedCenters: s.overloadedCentersAfter, addedCommuteKm: s.addedCommuteKm };
    });
  },
  /** The restricted plan model of a scenario in CPLEX LP format. */
  lp: async (payload: PlanTask, progress) => {
    const dataset = storeOf(payload.dataDir).dataset(payload.hash);
    const { input } = preparePlan(dataset, forecastsOf(payload, progress), payload.scenario);
    const index = buildPlanIndex(input);
    const model = buildPlanModel(input, index, candidateCenters(input, index, EXPORT_CANDIDATES));
    return exportLp(await loadHighs(), model.model);
  },
};

/**
 * Nice value of solver threads: above the server's 0, so that on a busy machine the event loop
 * (answering reads) gets the CPU first and solves take what is left.
 */
export const WORKER_NICE = 10;

/**
 * Lowers this thread's CPU priority. Linux gives each thread its own nice value, set through its
 * thread id (from /proc/thread-self); elsewhere this does nothing.
 */
const lowerPriority = (): void => {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, WORKER_NICE);
  } catch {
    // not Linux, or not allowed: run at normal priority
  }
};

const port = parentPort;
if (port !== null) {
  lowerPriority();
  port.on('message', async (message: TaskMessage) => {
    const post = (m: WorkerMessage) => port.postMessage(m);
    const task = TASKS[message.kind];
    try {
      if (task === undefined) throw new Error(`unknown task kind "${message.kind}"`);
      const result = await task(message.payload as never, (stage, fraction) => post({ type: 'progress', id: message.id, stage, fraction }));
      post({ type: 'done', id: message.id, result });
    } catch (error) {
      post({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) });
    }
  });
}
