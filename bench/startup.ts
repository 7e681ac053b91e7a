/**
 * Start-up benchmark (issue 14, "quick to start"): how long the commands and the server take before
 * they do their work, medians of 3 runs (1 with BENCH_QUICK=1), with the load average (2 shared cores).
 *
 *   npm run bench:startup                          plan, second start (in this checkout)
 *   npm run bench:startup -- --fresh /tmp/clone    also a fresh start in that clone
 *   BENCH_QUICK=1 npm run bench:startup            one run of each
 *
 * - `npm run plan` wall minus solve: the whole command (`node scripts/bootstrap.mjs run cli/plan`,
 *   forecasts stored) less the solve seconds it prints (target 1.5 s), with the dataset and the
 *   transfer potential prepared by the run before (the same data, another budget) and without
 *   (a new dataset or radius: both computed), runs alternating.
 * - second `npm start`: the server started again on a data directory and forecast files a first
 *   start left (`node scripts/bootstrap.mjs start`, PORT=0): seconds to "listening" and to ready,
 *   the later of "listening" and "Forecasts ready" (target 5 s).
 * - fresh `npm start` (with --fresh DIR, a clone whose node_modules `npm ci` installed: npm ci is
 *   measured apart, it takes minutes): web/dist, dist/, the data directory and the forecast files
 *   removed, then the same; the web build and dist/ seconds are those the bootstrap prints
 *   (target 15 s including the web build).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { median } from 'simple-statistics';

const { values } = parseArgs({ options: { fresh: { type: 'string' } } });
const RUNS = process.env['BENCH_QUICK'] === '1' ? 1 : 3;
const ROOT = resolve(import.meta.dirname, '..');
const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

const CACHE = join(ROOT, 'node_modules', '.cache', 'commune-planner');

/** Removes the prepared dataset and transfer potentials (api/storage/preparedFiles.ts); the forecasts stay. */
const forgetPrepared = (): void => {
  for (const name of readdirSync(CACHE)) if (/^(dataset|potential)-[0-9a-f]{24}\.bin$/.test(name)) rmSync(join(CACHE, name), { force: true });
};

/** The plan command once: wall seconds and the solve seconds it printed; `cold`: nothing prepared but the forecasts. */
const planOnce = (cold: boolean): { wall: number; solve: number } => {
  if (cold) forgetPrepared();
  const out = mkdtempSync(join(tmpdir(), 'bench-startup-plan-'));
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ['scripts/bootstrap.mjs', 'run', 'cli/plan', '--out', out], { cwd: ROOT, encoding: 'utf8' });
  const wall = (performance.now() - t0) / 1000;
  rmSync(out, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`npm run plan failed (exit ${run.status}): ${run.stderr}`);
  const solve = /, solve ([0-9.]+) s\n/.exec(run.stdout);
  if (solve === null) throw new Error(`npm run plan printed no solve seconds:\n${run.stdout.slice(0, 2000)}`);
  return { wall, solve: Number(solve[1]) };
};

interface Start {
  readonly listening: number;
  readonly ready: number;
  /** Seconds of each build the bootstrap printed (`built web/dist in 3.9 s`). */
  readonly builds: Readonly<Record<string, number>>;
}

/** `node scripts/bootstrap.mjs start` in `root` until it listens and says the forecasts are ready; then stopped. */
const startOnce = (root: string, dataDir: string): Promise<Start> =>
  new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['scripts/bootstrap.mjs', 'start'], { cwd: root, env: { ...process.env, PORT: '0', DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    let listening: number | null = null;
    let ready: number | null = null;
    const builds: Record<string, number> = {};
    const timer = setTimeout(() => { child.kill('SIGTERM'); fail(new Error(`no ready server after 600 s:\n${text}`)); }, 600_000);
    const read = (chunk: Buffer) => {
      text += chunk.toString();
      const now = (performance.now() - t0) / 1000;
      if (listening === null && text.includes(' listening on ')) listening = now;
      if (ready === null && text.includes('Forecasts ready for dataset version')) ready = now;
      for (const m of text.matchAll(/\[bootstrap\] built (\S+) in ([0-9.]+) s/g)) builds[m[1] as string] = Number(m[2]);
      if (listening !== null && ready !== null) {
        clearTimeout(timer);
        child.kill('SIGTERM');
        done({ listening, ready: Math.max(listening, ready), builds });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => {
      if (listening === null || ready === null) {
        clearTimeout(timer);
        fail(new Error(`the server ended (exit ${code}) before it was ready:\n${text}`));
      }
    });
  });

/** Waits for a stopped server's port and files to be let go before the next start. */
const pause = () => new Promise((r) => setTimeout(r, 1000));

const rows: [string, string, string][] = [];
const row = (what: string, xs: readonly number[], target: string) =>
  rows.push([what, `${median([...xs]).toFixed(2)} s (${xs.map((x) => x.toFixed(2)).join(', ')})`, target]);

console.log(`load average at start: ${load()} (1, 5, 15 min); ${RUNS} run(s) each`);

// The first plan stores the forecasts if they are not yet (not counted). Then, in turn, a plan with
// nothing prepared but the forecasts (a new dataset, radius or workload: the dataset checked and the
// transfer potential computed, on a second thread while the plan solves) and one that reads what
// the previous run prepared (the same data, any budget, minimum, hires or weights).
planOnce(false);
const cold: { wall: number; solve: number }[] = [];
const warm: { wall: number; solve: number }[] = [];
for (let i = 0; i < RUNS; i += 1) {
  cold.push(planOnce(true));
  warm.push(planOnce(false));
}
row('npm run plan, prepared: wall minus solve', warm.map((p) => p.wall - p.solve), '<= 1.5 s');
row('npm run plan, prepared: wall (solve included)', warm.map((p) => p.wall), '');
row('npm run plan, prepared: solve', warm.map((p) => p.solve), '');
row('npm run plan, not prepared: wall minus solve', cold.map((p) => p.wall - p.solve), '<= 1.5 s');
row('npm run plan, not prepared: wall (solve included)', cold.map((p) => p.wall), '');
row('npm run plan, not prepared: solve', cold.map((p) => p.solve), '');

const dataDir = mkdtempSync(join(tmpdir(), 'bench-startup-data-'));
await startOnce(ROOT, dataDir); // the first start: stores the dataset (not counted)
const seconds: Start[] = [];
for (let i = 0; i < RUNS; i += 1) {
  await pause();
  seconds.push(await startOnce(ROOT, dataDir));
}
rmSync(dataDir, { recursive: true, force: true });
row('second npm start: listening', seconds.map((s) => s.listening), '');
row('second npm start: ready (listening, forecasts ready)', seconds.map((s) => s.ready), '<= 5 s');

if (values.fresh !== undefined) {
  const clone = resolve(values.fresh);
  const fresh: Start[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    for (const made of ['web/dist', 'dist', '.data', 'node_modules/.cache/commune-planner']) rmSync(join(clone, made), { recursive: true, force: true });
    await pause();
    fresh.push(await startOnce(clone, join(clone, '.data')));
  }
  row('fresh npm start: web build (vite)', fresh.map((s) => s.builds['web/dist'] ?? NaN), '');
  row('fresh npm start: dist/ (esbuild)', fresh.map((s) => s.builds['dist'] ?? NaN), '');
  row('fresh npm start: listening', fresh.map((s) => s.listening), '');
  row('fresh npm start: ready (builds included, npm ci apart)', fresh.map((s) => s.ready), '<= 15 s');
}

const width = Math.max(...rows.map((r) => r[0].length));
const middle = Math.max(...rows.map((r) => r[1].length));
console.log(`\n${'what'.padEnd(width)}  ${'median (runs)'.padEnd(middle)}  target`);
for (const [what, value, target] of rows) console.log(`${what.padEnd(width)}  ${value.padEnd(middle)}  ${target}`);
console.log(`\nload average at end: ${load()}`);
