import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
