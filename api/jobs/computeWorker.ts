/**
 * The worker thread's entry: runs one task at a time for the pool (workerPool.ts) and answers with
 * progress, then done or failed. Tasks read the dataset (from the database) and forecasts (from the
 * forecast files) by content hash (workerStore.ts); results go back to the main thread, which stores them.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { DatasetFiles } from '../../solver/dataset/types.ts';
import { forecastHistory } from '../../solver/forecast/forecastHistory.ts';
import { setFlagsFromString } from 'node:v8';
import { buildPlanModel } from '../../solver/plan/buildPlanModel.ts';
import { candidateCenters } from '../../solver/plan/candidateCenters.ts';
import { loadHighs } from '../../solver/plan/loadHighs.ts';
import { deadline, type Deadline } from '../../solver/plan/deadline.ts';
import type { DossierForecast } from '../../solver/forecast/forecastHistory.ts';
import type { PlanSchedule } from '../../solver/horizon/horizonPlan.ts';
import { firstMonthPlan, planSchedule } from '../../solver/horizon/planSchedule.ts';
import { scenarioDemandAt, scenarioHorizonInput } from '../../solver/horizon/scenarioHorizonInput.ts';
import { solveHorizon } from '../../solver/horizon/solveHorizon.ts';
import { buildPlanIndex } from '../../solver/plan/planIndex.ts';
import { solvePlan } from '../../solver/plan/solvePlan.ts';
import { potentialKey, scenarioPlanResult } from '../../solver/plan/scenarioPlanResult.ts';
import { transferPotential, type TransferPotential } from '../../solver/plan/transferPotential.ts';
import type { PlanResult } from '../../solver/plan/planResult.ts';
import { namesOf } from '../../solver/words.ts';
import type { Highs } from 'highs';
import { exportLp } from '../../solver/plan/solveWithHighs.ts';
import { DEFAULT_BUDGETS, tradeoffCurve } from '../../solver/plan/tradeoffCurve.ts';
import { singleMonthOnly, type SingleMonthAnswer } from '../../solver/plan/singleMonthOnly.ts';
import { computeWorkload } from '../../solver/workload/computeWorkload.ts';
import { calibrateNorms } from '../../solver/workload/calibrateNorms.ts';
import type { NormCalibration, NormsChoice } from '../../solver/workload/calibrationTypes.ts';
import { modelCheck } from '../../solver/workload/modelCheck.ts';
import type { CityWorkload, WorkloadOptions } from '../../solver/workload/workloadTypes.ts';
import { forecastPart, type Part } from './forecastPart.ts';
import { dossierSource, mergeDossiers, validateImport } from './importTasks.ts';
import type { DatasetTable, ImportFile } from '../workbook/workbookImport.ts';
import { preparePlan, resolveScenario, type Levers, type PreparedPlan } from './planPipeline.ts';
import type { Plan } from '../../solver/plan/plan.ts';
import { planSummary } from './planSummary.ts';
import { stopwatch, wallMs, type PlanTaskResult } from './planTaskResult.ts';
import type { TaskMessage, WorkerMessage } from './workerPool.ts';
import { workerStore, type WorkerStore } from './workerStore.ts';
import { DEFAULT_FORECAST_DIR, FORECAST_HORIZON, REFORM_MONTH } from '../storage/forecastFiles.ts';
import { potentialKeeper, type PotentialOf } from './potentialKeeper.ts';

/** What the pool passes each worker (`workerData.options`, app.ts). */
interface WorkerOptions {
  /** Compile HiGHS at start. */
  readonly warm?: boolean;
  /** Folder of the forecast files (default DEFAULT_FORECAST_DIR). */
  readonly forecastDir?: string;
}
const workerOptions = (workerData as { options?: WorkerOptions } | null)?.options ?? {};

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

/** Seconds per point of the trade-off curve at most (six solves). */
const TRADEOFF_POINT_SECONDS = 5;

const stores = new Map<string, WorkerStore>();
const storeOf = (dataDir: string): WorkerStore => {
  const known = stores.get(dataDir);
  if (known !== undefined) return known;
  const made = workerStore(dataDir, workerOptions.forecastDir ?? DEFAULT_FORECAST_DIR);
  stores.set(dataDir, made);
  return made;
};

const forecastsOf = (ref: DatasetRef, progress: Progress) => {
  const store = storeOf(ref.dataDir);
  const known = store.forecasts(ref.hash);
  if (known !== undefined) return known;
  const made = forecastHistory(store.dataset(ref.hash).history, {
    horizon: FORECAST_HORIZON,
    breakMonth: REFORM_MONTH,
    onProgress: (done, total) => { if (done % 50 === 0 || done === total) progress('forecast', done / Math.max(1, total)); },
  });
  store.rememberForecasts(ref.hash, made);
  return made;
};

/** The calibration of the last dataset this worker calibrated (about a second on a city; HiGHS). */
let calibrated: { hash: string; value: Promise<NormCalibration> } | undefined;
const calibrationOf = (ref: DatasetRef): Promise<NormCalibration> => {
  if (calibrated?.hash !== ref.hash) {
    const dataset = storeOf(ref.dataDir).dataset(ref.hash);
    calibrated = { hash: ref.hash, value: loadHighs().then((highs) => calibrateNorms(highs, dataset)) };
  }
  return calibrated.value;
};
/** The calibration when `norms` asks for it, else nothing (official norms need none). */
const calibrationFor = async (ref: DatasetRef, norms: NormsChoice | undefined): Promise<NormCalibration | undefined> =>
  norms === 'calibrated' ? calibrationOf(ref) : undefined;

/** Workloads this worker computed lately, by dataset hash and options (a plan's levers mostly leave the workload alone). */
const WORKLOADS_KEPT = 8;
const workloads = new Map<string, CityWorkload>();
const workloadOf = (ref: DatasetRef, progress: Progress, calibration?: NormCalibration) => (options: WorkloadOptions): CityWorkload => {
  const key = `${ref.hash}:${JSON.stringify(options)}`;
  const known = workloads.get(key);
  if (known !== undefined) return known;
  const dataset = storeOf(ref.dataDir).dataset(ref.hash);
  // A month of the history is staffed from its received counts: no forecast is needed (or computed).
  const inHistory = dataset.history.some((row) => row.month === options.period);
  const made = computeWorkload(dataset, inHistory ? [] : forecastsOf(ref, progress), options, calibration);
  workloads.set(key, made);
  while (workloads.size > WORKLOADS_KEPT) workloads.delete(workloads.keys().next().value as string);
  return made;
};

/** Transfer potentials of the last few workloads and radii, and of any this worker or another kept on disk (potentialKeeper.ts). */
let keeper: PotentialOf | undefined;
const potentialOf = (payload: PlanTask, prepared: PreparedPlan, highs: Highs): TransferPotential => {
  keeper ??= potentialKeeper(workerOptions.forecastDir ?? DEFAULT_FORECAST_DIR);
  return keeper(`${payload.hash}:${potentialKey(prepared.scenario)}`, prepared.input, () => transferPotential(highs, prepared.input));
};

/** The plan result of a solved plan. */
const resultOf = (payload: PlanTask, prepared: PreparedPlan, plan: Plan, progress: Progress, potential: TransferPotential, calibration: NormCalibration | undefined, schedule: PlanSchedule | null = null): PlanResult => {
  return scenarioPlanResult({
    schedule,
    dataset: storeOf(payload.dataDir).dataset(payload.hash),
    scenario: prepared.scenario,
    workload: prepared.workload,
    input: prepared.input,
    plan,
    workloadOf: workloadOf(payload, progress, calibration),
    potential,
  }).result;
};

/**
 * Seconds a plan job keeps after its solve for the plan result (pure JavaScript, not interruptible:
 * the allocation, the ledger, the reasons, shadow prices, the JSON): 1.5 times what it took in the
 * last job on the dataset, else EXPLAIN_SHARE of the limit, and at most EXPLAIN_SHARE_MAX of it (the
 * solve needs the rest). Hai Phong's took 0.4-0.6 s (buildPlanResult, measured in-process).
 */
const EXPLAIN_SHARE = 0.2;
const EXPLAIN_SHARE_MAX = 0.5;
const afterSolveSeconds = new Map<string, number>();
const explanationReserve = (hash: string, limit: number): number => {
  const measured = afterSolveSeconds.get(hash);
  return Math.min(EXPLAIN_SHARE_MAX * limit, measured === undefined ? EXPLAIN_SHARE * limit : 1.5 * measured);
};

/**
 * A scenario over several months (horizon > 1): the plan over its months (solveHorizon), its first
 * month as the Plan the result renders, and its schedule reckoned under P50, P80 and P95.
 */
const yearPlan = (payload: PlanTask, prepared: PreparedPlan, forecasts: readonly DossierForecast[], progress: Progress, calibration: NormCalibration | undefined, highs: Highs, solveTime: Deadline): { plan: Plan; schedule: PlanSchedule } => {
  const dataset = storeOf(payload.dataDir).dataset(payload.hash);
  const months = workloadOf(payload, progress, calibration);
  const { input } = scenarioHorizonInput(dataset, forecasts, prepared.scenario, calibration, months);
  const demandAt = scenarioDemandAt(dataset, forecasts, prepared.scenario, input, calibration, months);
  const year = solveHorizon(highs, input, { deadline: solveTime, demandAt });
  return { plan: firstMonthPlan(year), schedule: planSchedule(input, year, demandAt, namesOf(dataset)) };
};

/**
 * One plan: the plan result (stored as it is) and its summary, with the milliseconds of each stage
 * by the clock `now` (ms). The inputs (dataset, forecasts, workload), HiGHS's loading and the
 * transfer potential (a property of the workload, kept per workload: transferPotential.ts) are each
 * timed apart; the solve and the plan result keep the scenario's time limit. HiGHS compiles once per
 * worker (3.5 s with the optimizing tier, more on a busy machine): counted in the limit, it would
 * leave the first solve of a worker no time at all.
 */
export const planTask = async (payload: PlanTask, progress: Progress, now: () => number = () => performance.now()): Promise<PlanTaskResult> => {
  const highsLoading = loadHighs(); // compiled in the background while the inputs are read
  const clock = stopwatch(now);
  storeOf(payload.dataDir).dataset(payload.hash);
  clock.lap('dataset');
  const forecasts = forecastsOf(payload, progress);
  clock.lap('forecasts');
  const calibration = await calibrationFor(payload, resolveScenario(payload.scenario).norms);
  const prepared = preparePlan(storeOf(payload.dataDir).dataset(payload.hash), forecasts, payload.scenario, workloadOf(payload, progress, calibration), calibration);
  clock.lap('workload');
  progress('solve', 0.5);
  const highs = await highsLoading;
  clock.lap('highs');
  const potential = potentialOf(payload, prepared, highs);
  clock.lap('potential');
  const limit = prepared.scenario.timeLimitSeconds;
  const time = deadline(limit, now);
  const solveTime = time.within(time.left() - explanationReserve(payload.hash, limit));
  const year = prepared.scenario.horizon > 1 ? yearPlan(payload, prepared, forecasts, progress, calibration, highs, solveTime) : null;
  const plan = year?.plan ?? solvePlan(highs, prepared.input, { timeLimitSeconds: limit, deadline: solveTime });
  clock.lap('solve');
  progress('explain', 0.9);
  const tResult = time.elapsed();
  const result = resultOf(payload, prepared, plan, progress, potential, calibration, year?.schedule ?? null);
  clock.lap('result');
  const summary = planSummary(result);
  const timings = { ...clock.laps, ...Object.fromEntries(Object.entries(plan.timings ?? {}).map(([k, v]) => [`solve.${k}`, Math.round(v * 10000) / 10])) };
  // The stored text is the plan result itself: GET /api/plans/:id/result sends it as it is.
  const text = JSON.stringify(result);
  clock.lap('serialize');
  if (result.outcome !== null) afterSolveSeconds.set(payload.hash, time.elapsed() - tResult);
  return { summary, text, timings: { ...timings, serialize: clock.laps['serialize'] ?? 0 }, sentAt: wallMs() };
};

/** The routes refuse a horizon above 1 first (400); here too, so no caller gets a first month's answer to a year question. */
const refuseHorizon = (horizon: number, answer: SingleMonthAnswer): void => {
  const problem = singleMonthOnly(horizon, answer);
  if (problem !== null) throw new Error(`scenario.${problem.field} ${problem.message}`);
};

export const TASKS: Readonly<Record<string, Task>> = {
  /**
   * Forecasts of every center x field x channel series, FORECAST_HORIZON months ahead, as JSON text
   * (the main thread stores it as is); with `part`, only that part of the series (forecastPart.ts).
   */
  forecast: (payload: DatasetRef & { readonly part?: Part }, progress) =>
    JSON.stringify(payload.part === undefined
      ? forecastsOf(payload, progress)
      : forecastPart(storeOf(payload.dataDir).dataset(payload.hash).history, {
        horizon: FORECAST_HORIZON,
        breakMonth: REFORM_MONTH,
        onProgress: (done, total) => { if (done % 50 === 0 || done === total) progress('forecast', done / Math.max(1, total)); },
      }, payload.part)),
  /**
   * Gets a worker ready for the first solve on a dataset: the dataset and its forecasts parsed,
   * the workload of `scenario` computed, HiGHS compiled. Answers null.
   */
  prepare: async (payload: PlanTask, progress) => {
    const dataset = storeOf(payload.dataDir).dataset(payload.hash);
    const calibration = await calibrationFor(payload, resolveScenario(payload.scenario).norms);
    const prepared = preparePlan(dataset, forecastsOf(payload, progress), payload.scenario, workloadOf(payload, progress, calibration), calibration);
    const highs = await loadHighs();
    // One solve of the scenario, its plan discarded: V8 compiles the solver's JavaScript (greedy
    // start, model building, pricing, explanation) while nobody waits. The first solve a user
    // asked for took 7.7 s against 4.4 s for the next one without it (journey, same machine).
    const plan = solvePlan(highs, prepared.input, { timeLimitSeconds: prepared.scenario.timeLimitSeconds, now: () => performance.now() });
    // The potential first: it is kept per workload and timed apart, not part of the result's time.
    const potential = potentialOf(payload, prepared, highs);
    const t = performance.now();
    const result = resultOf(payload, prepared, plan, progress, potential, calibration);
    if (result.outcome !== null) afterSolveSeconds.set(payload.hash, (performance.now() - t) / 1000);
    return null;
  },
  /** An import of the four tables, through the loaders. */
  importTables: (payload: { readonly files: Partial<Record<DatasetTable | 'workbook', ImportFile>>; readonly base: Partial<DatasetFiles> }) => validateImport(payload.files, payload.base),
  /** Dossier-level rows (CSV text or a workbook) aggregated onto a stored dataset. */
  importDossiers: async (payload: DatasetRef & { readonly baseFiles: DatasetFiles; readonly file: ImportFile; readonly asOf?: string }) => {
    const source = await dossierSource(payload.file);
    if (!source.ok) return source;
    const merged = mergeDossiers(storeOf(payload.dataDir).dataset(payload.hash), payload.baseFiles, source.value, payload.asOf);
    return merged.ok ? { ...merged, warnings: [...source.warnings, ...merged.warnings] } : merged;
  },
  /** The city's workload in one period with today's staff. */
  workload: async (payload: DatasetRef & { readonly options: WorkloadOptions }, progress) =>
    workloadOf(payload, progress, await calibrationFor(payload, payload.options.norms))(payload.options),
  /** The model check of the dataset with the chosen norms (modelCheck.ts), with its calibration. */
  modelCheck: async (payload: DatasetRef & { readonly norms: NormsChoice }) =>
    modelCheck(storeOf(payload.dataDir).dataset(payload.hash), payload.norms, await calibrationOf(payload)),
  /** One plan (planTask). */
  plan: (payload: PlanTask, progress) => planTask(payload, progress),
  /** Uncovered hours against transfer budgets 0, 5, 10, 20, 40 and unlimited, other levers as given. */
  tradeoff: async (payload: PlanTask, progress) => {
    const dataset = storeOf(payload.dataDir).dataset(payload.hash);
    const calibration = await calibrationFor(payload, resolveScenario(payload.scenario).norms);
    const prepared = preparePlan(dataset, forecastsOf(payload, progress), payload.scenario, workloadOf(payload, progress, calibration), calibration);
    refuseHorizon(prepared.scenario.horizon, 'trade-off curve');
    progress('solve', 0.2);
    const seconds = Math.min(prepared.scenario.timeLimitSeconds, TRADEOFF_POINT_SECONDS);
    return tradeoffCurve(await loadHighs(), prepared.input, DEFAULT_BUDGETS, { timeLimitSeconds: seconds, now: () => performance.now() });
  },
  /** The full plan model of a scenario (every center within the commute radius) in CPLEX LP format. */
  lp: async (payload: PlanTask, progress) => {
    const dataset = storeOf(payload.dataDir).dataset(payload.hash);
    const calibration = await calibrationFor(payload, resolveScenario(payload.scenario).norms);
    const { input, scenario } = preparePlan(dataset, forecastsOf(payload, progress), payload.scenario, workloadOf(payload, progress, calibration), calibration);
    refuseHorizon(scenario.horizon, 'LP export');
    const index = buildPlanIndex(input);
    const model = buildPlanModel(input, index, candidateCenters(input, index, Number.POSITIVE_INFINITY));
    return exportLp(await loadHighs(), model.model);
  },
};

/**
 * HiGHS is WebAssembly: compiled by V8's optimizing tier up front it solves ~5x faster than with
 * the baseline tier (measured by the plan command). V8 flags are process-wide and only affect
 * modules compiled after they are set, so they are set before HiGHS loads.
 */
const eagerWasm = (): void => {
  setFlagsFromString('--no-liftoff');
  setFlagsFromString('--no-wasm-lazy-compilation');
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
  eagerWasm();
  // With `warm`, compile HiGHS now, while the server starts, rather than during the first solve.
  if (workerOptions.warm === true) loadHighs().catch(() => undefined);
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
