import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../api/app.ts';
import { openStorage } from '../../../api/storage/openStorage.ts';
import { FORECAST_HORIZON, forecastKey } from '../../../api/jobs/workerStore.ts';
import { goodTables, longHistoryDir, tempDataDir, testApp } from './testApp.ts';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

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

describe('datasets prepared in the background', () => {
  const dataDir = tempDataDir();
  const lines: string[] = [];
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ dataDir, mode: 'local', datasetDir: longHistoryDir(), webDir: NO_WEB, prepare: true, log: (l) => lines.push(l) });
  });
  afterAll(async () => { await app.close(); });

  it('a server built with prepare computes and stores the forecasts before anyone asks, and prints when they are ready', async () => {
    const status = await ready(app);
    expect(status).toMatchObject({ state: 'ready', stage: 'done', datasetVersion: 1, error: null });
    expect(status.seconds).toEqual(expect.any(Number));
    expect(Object.keys(status.stages)).toEqual(['workload', 'forecasts', 'solver']);
    expect(lines.some((l) => /^Forecasts ready for dataset version 1 \(/.test(l))).toBe(true);
    const storage = openStorage(dataDir);
    try {
      expect(storage.cache.has(forecastKey(status.datasetHash, FORECAST_HORIZON))).toBe(true);
    } finally {
      storage.close();
    }
  }, 90_000);

  it('a restart finds the stored forecasts ready at once', async () => {
    const again = await buildApp({ dataDir, mode: 'local', datasetDir: longHistoryDir(), webDir: NO_WEB });
    try {
      expect((await statusOf(again)).state).toBe('ready');
    } finally {
      await again.close();
    }
  });

  it('an imported version is prepared too', async () => {
    const tables = goodTables();
    const res = await app.inject({ method: 'POST', url: '/api/datasets', payload: { name: 'longer', activate: true, ...tables, history: { name: 'history.csv', text: (await import('node:fs')).readFileSync(join(longHistoryDir(), 'history.csv'), 'utf8').replace('2023-01', '2022-12') } } });
    expect(res.statusCode).toBe(201);
    const status = await ready(app);
    expect(status).toMatchObject({ datasetVersion: 2, state: 'ready' });
    expect(lines.some((l) => l.startsWith('Forecasts ready for dataset version 2'))).toBe(true);
  });
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
