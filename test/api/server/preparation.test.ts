import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../api/app.ts';
import { forecastFileName, forecastFiles, forecastKeyOf } from '../../../api/storage/forecastFiles.ts';
import { cachedForecasts } from '../../../api/cli/cliForecasts.ts';
import { loadDatasetDir } from '../../../api/dataset-files.ts';
import type { DossierForecast } from '../../../solver/forecast/forecastHistory.ts';
import { goodTables, longHistoryDir, tempDataDir, testApp } from './testApp.ts';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';

const NO_WEB = join(tmpdir(), 'no-web-planner-here');

const statusOf = async (app: FastifyInstance) => (await app.inject({ url: '/api/forecasts/status' })).json();

const ready = async (app: FastifyInstance) => {
  for (let i = 0; i < 600; i += 1) {
    const status = await statusOf(app);
    if (status.state !== 'preparing') return status;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the preparation did not end');
};

const until = async (what: string, test: () => boolean) => {
  for (let i = 0; i < 900; i += 1) {
    if (test()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`waited 90 s for ${what}`);
};

describe('datasets prepared in the background', () => {
  const dataDir = tempDataDir();
  const forecastDir = join(dataDir, 'forecasts');
  const lines: string[] = [];
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ dataDir, forecastDir, mode: 'local', datasetDir: longHistoryDir(), webDir: NO_WEB, prepare: true, log: (l) => lines.push(l) });
  });
  afterAll(async () => { await app.close(); });

  it('a server built with prepare computes the forecasts before anyone asks, stores them in the forecast file the commands read, and prints when they are ready', async () => {
    const status = await ready(app);
    expect(status).toMatchObject({ state: 'ready', datasetVersion: 1, error: null });
    expect(status.seconds).toEqual(expect.any(Number));
    expect(lines.some((l) => /^Forecasts ready for dataset version 1 \(/.test(l))).toBe(true);
    expect(forecastFiles(forecastDir).read(forecastKeyOf(status.datasetHash))).toMatchObject({ ok: true });
  }, 90_000);

  it('says ready once the forecasts are stored, before the warm-up solve, which follows and is reported apart', async () => {
    await until('the warm-up', () => lines.some((l) => l.startsWith('Warmed up for dataset version 1 ')));
    const first = lines.findIndex((l) => l.startsWith('Forecasts ready for dataset version 1 '));
    const warmed = lines.findIndex((l) => l.startsWith('Warmed up for dataset version 1 '));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(warmed).toBeGreaterThan(first);
    expect(lines[first]).not.toMatch(/warm-up [0-9.]+ s/);
    expect(lines[first]).toMatch(/workload [0-9.]+ s, forecasts [0-9.]+ s\)/);
    const status = await statusOf(app);
    expect(status).toMatchObject({ state: 'ready', stage: 'done' });
    expect(Object.keys(status.stages)).toEqual(['workload', 'forecasts', 'warm-up']);
  }, 90_000);

  it('a restart finds the stored forecasts ready at once', async () => {
    const again = await buildApp({ dataDir, forecastDir, mode: 'local', datasetDir: longHistoryDir(), webDir: NO_WEB });
    try {
      expect((await statusOf(again)).state).toBe('ready');
    } finally {
      await again.close();
    }
  });

  it('an imported version is prepared too', async () => {
    await until('the warm-up of version 1', () => lines.some((l) => l.startsWith('Warmed up for dataset version 1 ')));
    const tables = goodTables();
    const res = await app.inject({ method: 'POST', url: '/api/datasets', payload: { name: 'longer', activate: true, ...tables, history: { name: 'history.csv', text: (await import('node:fs')).readFileSync(join(longHistoryDir(), 'history.csv'), 'utf8').replace('2023-01', '2022-12') } } });
    expect(res.statusCode).toBe(201);
    const status = await ready(app);
    expect(status).toMatchObject({ datasetVersion: 2, state: 'ready' });
    expect(lines.some((l) => l.startsWith('Forecasts ready for dataset version 2'))).toBe(true);
  });
});

describe('the forecast files the server shares with the commands', () => {
  /** The long-history dataset's forecasts as the plan command stores them, in a fresh folder. */
  const commandForecasts = async (forecastDir: string) => {
    const loaded = await loadDatasetDir(longHistoryDir());
    if (!loaded.ok || loaded.hash === undefined) throw new Error('the long-history test dataset does not load');
    const forecasts = await cachedForecasts(loaded.value, loaded.hash, { cacheDir: forecastDir });
    return { hash: loaded.hash, forecasts, file: forecastFileName(forecastDir, forecastKeyOf(loaded.hash)) };
  };

  it('a server reads the forecasts a command stored, and computes none', async () => {
    const dataDir = tempDataDir();
    const forecastDir = join(dataDir, 'forecasts');
    const { hash, forecasts } = await commandForecasts(forecastDir);
    // A sound file the server could not have computed: every mean of the first series set to 12345.
    const first = forecasts[0] as DossierForecast;
    const marked = [{ ...first, mean: first.mean.map(() => 12345) }, ...forecasts.slice(1)];
    forecastFiles(forecastDir).write(forecastKeyOf(hash), JSON.stringify(marked));
    const lines: string[] = [];
    const app = await buildApp({ dataDir, forecastDir, mode: 'local', datasetDir: longHistoryDir(), webDir: NO_WEB, prepare: true, log: (l) => lines.push(l) });
    try {
      const status = await ready(app);
      expect(status).toMatchObject({ state: 'ready', datasetHash: hash });
      const res = await app.inject({ url: `/api/forecasts?center=${first.centerCode}&field=${first.field}&channel=${first.channel}` });
      expect(res.json()[0].mean).toEqual(first.mean.map(() => 12345));
    } finally {
      await app.close();
    }
  }, 120_000);

  it('a server finding a damaged forecast file does not trust it: it computes the forecasts again and replaces the file', async () => {
    const dataDir = tempDataDir();
    const forecastDir = join(dataDir, 'forecasts');
    const { hash, forecasts, file } = await commandForecasts(forecastDir);
    const first = forecasts[0] as DossierForecast;
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"mean":\[[0-9.]+/, '"mean":[999999'));
    expect(forecastFiles(forecastDir).read(forecastKeyOf(hash))).toMatchObject({ ok: false, reason: 'damaged (its checksum does not match)' });
    const app = await buildApp({ dataDir, forecastDir, mode: 'local', datasetDir: longHistoryDir(), webDir: NO_WEB, prepare: true });
    try {
      expect(await ready(app)).toMatchObject({ state: 'ready', datasetHash: hash });
      const res = await app.inject({ url: `/api/forecasts?center=${first.centerCode}&field=${first.field}&channel=${first.channel}` });
      expect(res.json()[0].mean).toEqual(first.mean);
      expect(forecastFiles(forecastDir).read(forecastKeyOf(hash))).toMatchObject({ ok: true, text: JSON.stringify(forecasts) });
    } finally {
      await app.close();
    }
  }, 120_000);
});

describe('without prepare', () => {
  let app: FastifyInstance;
  beforeAll(async () => { app = await testApp({ datasetDir: longHistoryDir() }); });
  afterAll(async () => { await app.close(); });

  it('the workload of a month of the history is computed without forecasts', async () => {
    const res = await app.inject({ url: '/api/workload?period=2026-06&quantile=0.8' });
    expect(res.statusCode).toBe(200);
    expect(res.json().source).toBe('history');
    expect((await statusOf(app)).state).toBe('pending');
  });

  it('the status says pending until a request computes the forecasts, then ready', async () => {
    expect((await statusOf(app)).state).toBe('pending');
    expect((await app.inject({ url: '/api/forecasts?center=none' })).statusCode).toBe(200);
    expect((await statusOf(app)).state).toBe('ready');
  });

  it('the status is open in token mode: it names no data', async () => {
    const tokens = await testApp({ mode: 'tokens' });
    try {
      const res = await tokens.inject({ url: '/api/forecasts/status' });
      expect(res.statusCode).toBe(200);
      expect(Object.keys(res.json()).sort()).toEqual(['datasetHash', 'datasetVersion', 'error', 'seconds', 'stage', 'stages', 'startedAt', 'state']);
    } finally {
      await tokens.close();
    }
  });
});
