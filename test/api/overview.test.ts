import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../solver/domain.ts';
import type { DossierForecast } from '../../solver/forecast/forecastHistory.ts';
import { loadDatasetDir, type DatasetLoad } from '../../api/dataset-files.ts';
import { parseOverviewArgs, runOverview, type OverviewDeps } from '../../api/cli/overview.ts';

const smallCity = JSON.parse(readFileSync(join(import.meta.dirname, '../cases/workload/small-city.json'), 'utf8')) as {
  dataset: Dataset;
  forecasts: DossierForecast[];
};

const smallDeps = (horizons: number[] = []): OverviewDeps => ({
  loadDataset: async () => ({ ok: true, value: smallCity.dataset, warnings: [] }),
  forecast: (_dataset, horizon) => {
    horizons.push(horizon);
    return smallCity.forecasts;
  },
});

describe('parseOverviewArgs', () => {
  it('defaults: no period (the month after the history), P80, top 10, text', () => {
    expect(parseOverviewArgs([])).toEqual({ ok: true, args: { period: null, quantile: 0.8, scope: 'center', norms: 'official', top: 10, json: false, dataDir: null } });
  });

  it('reads every flag', () => {
    expect(parseOverviewArgs(['--period', '2026-12', '--quantile', '0.95', '--scope', 'series', '--norms', 'calibrated', '--top', '5', '--json', '--data', '/tmp/x']))
      .toEqual({ ok: true, args: { period: '2026-12', quantile: 0.95, scope: 'series', norms: 'calibrated', top: 5, json: true, dataDir: '/tmp/x' } });
  });

  it.each([
    [['--period', '2026-13'], /--period must be a month YYYY-MM, got "2026-13"/],
    [['--period', '10/2026'], /--period must be a month YYYY-MM, got "10\/2026"/],
    [['--quantile', '0.9'], /--quantile must be 0.5, 0.8 or 0.95, got "0.9"/],
    [['--quantile', 'high'], /--quantile must be 0.5, 0.8 or 0.95, got "high"/],
    [['--scope', 'city'], /--scope must be center or series, got "city"/],
    [['--top', '0'], /--top must be a whole number >= 1, got "0"/],
    [['--norms', 'fitted'], /--norms must be official or calibrated, got "fitted"/],
    [['--colour'], /Unknown option '--colour'/],
    [['--period'], /--period/],
    [['extra'], /positional argument/],
  ])('refuses %j with a clear message and the usage line', (argv, message) => {
    const parsed = parseOverviewArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toMatch(message);
      expect(parsed.message).toMatch(/usage: npm run overview/);
    }
  });
});

describe('runOverview on the small city', () => {
  it('forecasts the server\'s full horizon (12 months), and shows the month after the history by default (2026-09 -> 2026-10)', async () => {
    const horizons: number[] = [];
    const run = await runOverview([], smallDeps(horizons));
    expect(run.exitCode).toBe(0);
    expect(horizons).toEqual([12]);
    expect(run.overview?.period).toBe('2026-10');
    expect(run.stdout).toMatch(/2026-10 \(forecast P80 of each center's hours\), 22 working days, 1 FTE = 140.8 h/);
  });

  it('lists the overloaded center A, the idle center B and land missing at A', async () => {
    const run = await runOverview(['--quantile', '0.5'], smallDeps());
    expect(run.overview?.overloaded.map((c) => c.code)).toEqual(['A']);
    expect(run.overview?.idle.map((c) => c.code)).toEqual(['B']);
    expect(run.overview?.shortOfExpertise.map((s) => [s.code, s.field, s.reason])).toEqual([['A', 'land', 'no_expertise']]);
    expect(run.stdout).toMatch(/Phường Á\s+ward\s+3\s+369\s+352\s+105%/);
    expect(run.stdout).toMatch(/Đất đai\s+101\s+101\s+0\s+nobody holds it/);
  });

  it('--json prints the same overview as JSON', async () => {
    const run = await runOverview(['--json', '--quantile', '0.5'], smallDeps());
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(run.overview)));
  });

  it('says the figures are by official norms, and by calibrated norms with their months when asked (--norms calibrated)', async () => {
    const official = await runOverview([], smallDeps());
    expect(official.stdout.split('\n')[0]).toMatch(/; workload by official norms$/);
    const calibrated = await runOverview(['--norms', 'calibrated'], smallDeps());
    expect(calibrated.stdout.split('\n')[0]).toMatch(/; workload by calibrated norms, fitted on 2026-09\.\.2026-09$/);
    expect(calibrated.overview?.norms).toMatchObject({ used: 'calibrated', fittedFrom: '2026-09', fittedTo: '2026-09' });
  });

  it('a month inside the history needs no forecast', async () => {
    const horizons: number[] = [];
    const run = await runOverview(['--period', '2026-09'], smallDeps(horizons));
    expect(run.exitCode).toBe(0);
    expect(horizons).toEqual([]);
    expect(run.overview?.source).toBe('history');
  });

  it('a period before the history or past the calendar is a usage error (exit 2)', async () => {
    const before = await runOverview(['--period', '2026-08'], smallDeps());
    expect(before.exitCode).toBe(2);
    expect(before.stderr).toMatch(/--period 2026-08 is outside what can be computed: from the first history month 2026-09 to the calendar's end 2027-12/);
    expect((await runOverview(['--period', '2028-01'], smallDeps())).exitCode).toBe(2);
  });

  it('a period past the 12-month forecast is a usage error naming the last month forecast (exit 2)', async () => {
    const run = await runOverview(['--period', '2027-10'], smallDeps());
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/--period 2027-10 is past the forecast: it reaches 2027-09/);
  });

  it('bad flags exit 2 without loading anything', async () => {
    let loaded = false;
    const run = await runOverview(['--quantile', '2'], { ...smallDeps(), loadDataset: async () => { loaded = true; return { ok: false, problems: [] }; } });
    expect(run.exitCode).toBe(2);
    expect(loaded).toBe(false);
  });

  it('an invalid dataset prints its problems and exits 1', async () => {
    const bad: DatasetLoad = { ok: false, problems: [{ file: 'staff.csv', line: 7, column: 'fte', value: '-1', message: 'fte must be in (0, 1]' }] };
    const run = await runOverview([], { ...smallDeps(), loadDataset: async () => bad });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/staff\.csv/);
    expect(run.stderr).toMatch(/-1/);
    expect(run.stderr).toMatch(/1 problem in the dataset; nothing was computed/);
  });
});

describe('runOverview on the embedded Hai Phong dataset, October 2026 (history)', () => {
  let load: DatasetLoad;
  beforeAll(async () => {
    load = await loadDatasetDir();
  }, 60_000);

  it('Phu Lien (Phường Phù Liễn, 5 civil servants) comes out overloaded', async () => {
    const run = await runOverview(['--period', '2026-10', '--top', '200'], { loadDataset: async () => load, forecast: () => [] });
    expect(run.exitCode).toBe(0);
    const phuLien = run.overview?.overloaded.find((c) => c.name === 'Phường Phù Liễn');
    expect(phuLien?.staff).toBe(5);
    expect(phuLien?.utilization).toBeGreaterThan(1);
    expect(run.stdout).toMatch(/Phường Phù Liễn\s+ward\s+5\s/);
  });
});

describe('npm run overview (the process)', () => {
  const root = join(import.meta.dirname, '../..');
  const run = (...argv: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'api/cli/overview.ts', ...argv], { cwd: root, encoding: 'utf8' });

  it('exits 1 and names every missing table of a --data directory that has none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'overview-'));
    const r = run('--data', dir);
    expect(r.status).toBe(1);
    for (const file of ['centers.csv', 'fields.csv', 'history.csv', 'staff.csv']) expect(r.stderr).toContain(file);
    expect(r.stdout).toBe('');
  });

  it('exits 2 on a bad flag and prints the usage line', () => {
    const r = run('--quantile', '2');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--quantile must be 0.5, 0.8 or 0.95, got "2"\nusage: npm run overview/);
  });
});
