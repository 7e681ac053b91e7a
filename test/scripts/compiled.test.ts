import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, SERVER_COMPILED, startServer, stopped, type ServerProcess } from '../api/server/serverProcess.ts';

// The compiled JavaScript `npm start` and the commands run (dist/, built by scripts/bootstrap.mjs when
// its inputs changed; `npm test` builds it before the tests).
beforeAll(() => {
  const built = spawnSync(process.execPath, ['scripts/bootstrap.mjs', 'test'], { cwd: REPO, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
}, 120_000);

/** The packages an output of dist/ imports at load (its static imports and theirs, chunks followed; node: built-ins left out). */
const packagesLoadedAtStart = (entry: string): string[] => {
  const { outputs } = JSON.parse(readFileSync(join(REPO, 'dist', 'metafile.json'), 'utf8')) as { outputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[] }> };
  const packages = new Set<string>();
  const seen = new Set<string>();
  const todo = [entry];
  for (let file = todo.pop(); file !== undefined; file = todo.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const output = outputs[file];
    if (output === undefined) throw new Error(`dist/metafile.json has no output ${file}`);
    for (const i of output.imports) {
      if (i.kind !== 'import-statement') continue;
      if (i.external === true) {
        if (!i.path.startsWith('node:')) packages.add(i.path);
      } else todo.push(i.path);
    }
  }
  return [...packages].sort();
};

describe('only what a compiled entry needs is loaded when it starts (dist/metafile.json)', () => {
  it.each([
    ['server.js', ['exceljs', 'highs']],
    ['jobs/computeWorker.js', ['exceljs', 'fastify']],
    ['cli/plan.js', ['exceljs', 'fastify', 'better-sqlite3']],
    ['cli/overview.js', ['exceljs', 'fastify', 'better-sqlite3', 'highs']],
  ])('%s loads none of %j at start (a workbook library or a database is imported where it is used)', (entry, unwanted) => {
    const loaded = packagesLoadedAtStart(entry);
    expect(loaded.filter((p) => unwanted.includes(p))).toEqual([]);
  });

  it('the check follows real imports: the server loads fastify at start, the worker better-sqlite3', () => {
    expect(packagesLoadedAtStart('server.js')).toContain('fastify');
    expect(packagesLoadedAtStart('jobs/computeWorker.js')).toContain('better-sqlite3');
  });
});

describe('the compiled server (dist/server.js)', () => {
  let server: ServerProcess;
  const dataDir = mkdtempSync(join(tmpdir(), 'compiled-server-'));
  beforeAll(async () => {
    server = await startServer({ DATA_DIR: dataDir }, 90_000, SERVER_COMPILED);
  }, 120_000);
  afterAll(async () => {
    server.child.kill('SIGTERM');
    await stopped(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts on the embedded dataset without tsx', async () => {
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, datasetVersion: 1 });
  });

  it('computes in its compiled worker thread (the workload of the last month of the history)', async () => {
    const res = await fetch(`${server.url}/api/workload?period=2026-10`);
    expect(res.status).toBe(200);
    const body = await res.json() as { centers: unknown[] };
    expect(body.centers).toHaveLength(114);
  }, 90_000);
});

describe('the compiled commands (npm run NAME = node scripts/bootstrap.mjs run cli/NAME)', () => {
  it('npm run overview prints exactly what its TypeScript source prints', () => {
    const args = ['--period', '2026-10'];
    const compiled = spawnSync(process.execPath, ['scripts/bootstrap.mjs', 'run', 'cli/overview', ...args], { cwd: REPO, encoding: 'utf8' });
    const source = spawnSync(process.execPath, ['--import', 'tsx', 'api/cli/overview.ts', ...args], { cwd: REPO, encoding: 'utf8' });
    expect(compiled.status, compiled.stderr).toBe(0);
    expect(compiled.stdout).toContain('Phù Liễn');
    expect(compiled.stdout).toBe(source.stdout);
  }, 90_000);

  it('passes the exit code and the usage of a bad flag through', () => {
    const run = spawnSync(process.execPath, ['scripts/bootstrap.mjs', 'run', 'cli/overview', '--quantile', '2'], { cwd: REPO, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--quantile must be 0.5, 0.8 or 0.95, got "2"\nusage: npm run overview/);
  });

  it('refuses an entry that is not a command, with the usage', () => {
    const run = spawnSync(process.execPath, ['scripts/bootstrap.mjs', 'run', 'cli/nothing'], { cwd: REPO, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/usage: node scripts\/bootstrap\.mjs start \| test \| web \| run ENTRY/);
  });
});
