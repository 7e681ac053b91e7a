/**
 * National scale, simulated (issue 4): a generated country of 34 provinces and 3,321 commune-level
 * units (Vietnam after the 2025 reorganisation), ~14 civil servants per unit, each province a
 * seeded syntheticCity with an area in proportion to its size, planned province by province in a
 * pool of worker_threads (one HiGHS instance per worker). Prints one table: provinces, units,
 * staff, total wall time, per-province median/max solve seconds, statuses, gaps and peak memory.
 *
 *   npm run bench:national        (NATIONAL_WORKERS=2, NATIONAL_WORK_SECONDS=15, NATIONAL_TIME_LIMIT=30)
 *
 * Each province gets the work of a 15 s solve (WORK_PER_SECOND x 15 simplex iterations): the target
 * is all 34 provinces in at most 5 minutes on 2 cores, 17.6 s per province and worker, so even if every
 * province used all its work a quiet machine would end in 34 x 15 / 2 = 255 s. With the work of a 10 s
 * solve, province 31 (39 units) ended at 1.22%, its second MIP cut short by the work; with 15 s, 0.67%.
 * The work decides where a solve stops; NATIONAL_TIME_LIMIT is the wall-clock safety net (twice the
 * work's seconds by default, so only a loaded machine reaches it, and a plan it stopped says so).
 *
 * Memory: worker threads share the process, so `resourceUsage().maxRSS` (read in the main thread at
 * the end) is the peak of main + workers together; each worker also reports its own V8 heap peak
 * and the process RSS it saw after each province.
 */
import v8 from 'node:v8';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism, loadavg } from 'node:os';
import { provinceJobs, type Job } from './provinces.ts';
import { median } from 'simple-statistics';

const STAFF_PER_UNIT = 14;

interface Result {
  readonly province: number;
  readonly units: number;
  readonly staff: number;
  readonly status: string;
  readonly gap: number | null;
  readonly seconds: number;
  readonly transfers: number;
  readonly violations: number;
  readonly heapPeakMb: number;
  readonly rssMb: number;
}

/** A province and the work its solve may do, in seconds of a quiet machine (WORK_PER_SECOND simplex iterations each). */
type NationalJob = Job & { readonly workSeconds: number };

const runWorker = async (): Promise<void> => {
  v8.setFlagsFromString('--no-liftoff');
  v8.setFlagsFromString('--no-wasm-lazy-compilation');
  const { loadHighs } = await import('../solver/plan/loadHighs.ts');
  const { solvePlan, WORK_PER_SECOND } = await import('../solver/plan/solvePlan.ts');
  const { syntheticCity } = await import('../solver/plan/syntheticCity.ts');
  const { checkPlanRules } = await import('../solver/plan/checkPlanRules.ts');
  const highs = await loadHighs();
  let heapPeak = 0;
  parentPort?.on('message', (job: NationalJob | null) => {
    if (job === null) {
      parentPort?.close();
      return;
    }
    const input = syntheticCity({ seed: job.seed, centers: job.units, staffPerCenter: STAFF_PER_UNIT, areaKm: job.areaKm });
    const plan = solvePlan(highs, input, { timeLimitSeconds: job.timeLimitSeconds, workLimit: WORK_PER_SECOND * job.workSeconds, now: () => performance.now() });
    heapPeak = Math.max(heapPeak, v8.getHeapStatistics().total_heap_size);
    const result: Result = {
      province: job.province,
      units: job.units,
      staff: input.staff.length,
      status: plan.status,
      gap: plan.gap,
      seconds: plan.seconds,
      transfers: plan.assignments.filter((a) => a.toCenter !== a.fromCenter).length,
      violations: checkPlanRules(input, plan).length,
      heapPeakMb: heapPeak / 2 ** 20,
      rssMb: process.memoryUsage().rss / 2 ** 20,
    };
    parentPort?.postMessage(result);
  });
  parentPort?.postMessage('ready');
};

const runMain = async (): Promise<void> => {
  const { WORK_PER_SECOND: WORK_PER_SECOND_MAIN } = await import('../solver/plan/solvePlan.ts');
  const workers = Number(process.env['NATIONAL_WORKERS'] ?? Math.min(2, availableParallelism()));
  const workSeconds = Number(process.env['NATIONAL_WORK_SECONDS'] ?? 15);
  const timeLimitSeconds = Number(process.env['NATIONAL_TIME_LIMIT'] ?? 2 * workSeconds);
  const jobs: NationalJob[] = provinceJobs(timeLimitSeconds).map((j) => ({ ...j, workSeconds }));
  // Largest first: the pool finishes more evenly.
  const queue = [...jobs].sort((a, b) => b.units - a.units);
  const results: Result[] = [];
  const load0 = loadavg()[0] ?? 0;
  const t0 = performance.now();
  const bootstrap =
    `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); ` +
    `return import(${JSON.stringify(import.meta.url)}); });`;
  const workerPeaks: number[] = [];
  await Promise.all(
    Array.from({ length: workers }, (_, w) =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(bootstrap, { eval: true, workerData: { national: true } });
        const next = (): void => {
          const job = queue.shift();
          worker.postMessage(job ?? null);
        };
        worker.on('message', (message: Result | 'ready') => {
          if (message !== 'ready') {
            results.push(message);
            workerPeaks[w] = Math.max(workerPeaks[w] ?? 0, message.heapPeakMb);
            process.stderr.write(
              `[national] worker ${w + 1}: province ${message.province} (${message.units} units, ${message.staff} staff) ${message.status} gap ${message.gap === null ? '-' : (message.gap * 100).toFixed(2)}% ${message.seconds.toFixed(1)} s; ${results.length}/${jobs.length}\n`,
            );
          }
          next();
        });
        worker.on('error', reject);
        worker.on('exit', () => resolve());
      }),
    ),
  );
  const wall = (performance.now() - t0) / 1000;
  const seconds = results.map((r) => r.seconds).sort((a, b) => a - b);
  const gaps = results.map((r) => r.gap ?? Infinity).sort((a, b) => a - b);
  const statuses = new Map<string, number>();
  for (const r of results) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
  const pct = (g: number | undefined): string => (g === undefined || !Number.isFinite(g) ? '-' : `${(g * 100).toFixed(2)}%`);
  const rows: [string, string][] = [
    ['provinces', String(results.length)],
    ['units', results.reduce((s, r) => s + r.units, 0).toLocaleString('en-US')],
    ['staff', results.reduce((s, r) => s + r.staff, 0).toLocaleString('en-US')],
    ['workers (worker_threads)', String(workers)],
    ['work per province (simplex iterations of a quiet machine)', `${(WORK_PER_SECOND_MAIN * workSeconds).toLocaleString('en-US')} (${workSeconds} s x ${WORK_PER_SECOND_MAIN.toLocaleString('en-US')})`],
    ['time limit per province (the safety net)', `${timeLimitSeconds} s`],
    ['total wall time', `${wall.toFixed(1)} s`],
    ['solve seconds per province, median / max', `${(seconds.length === 0 ? NaN : median([...seconds])).toFixed(2)} / ${(seconds[seconds.length - 1] ?? NaN).toFixed(2)}`],
    ['statuses', [...statuses].map(([s, n]) => `${s} ${n}`).join(', ')],
    ['gap median / max', `${pct(gaps.length === 0 ? undefined : median([...gaps]))} / ${pct(gaps[gaps.length - 1])}`],
    ['transfers (all provinces)', String(results.reduce((s, r) => s + r.transfers, 0))],
    ['rule violations (checkPlanRules)', String(results.reduce((s, r) => s + r.violations, 0))],
    ['peak RSS, main + workers (one process)', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`],
    ['peak V8 heap per worker', workerPeaks.map((m) => `${m.toFixed(0)} MB`).join(', ')],
    ['main thread V8 heap at end', `${(v8.getHeapStatistics().total_heap_size / 2 ** 20).toFixed(0)} MB`],
    ['load average (1 min) at start / end', `${load0.toFixed(2)} / ${(loadavg()[0] ?? 0).toFixed(2)}`],
  ];
  process.stdout.write(['| measure | value |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`), ''].join('\n'));
};

if (isMainThread) await runMain();
else if ((workerData as { national?: boolean } | null)?.national === true) await runWorker();
