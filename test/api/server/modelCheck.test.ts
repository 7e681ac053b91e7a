import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openStorage } from '../../../api/storage/openStorage.ts';
import { goodTables, tempDataDir, testApp } from './testApp.ts';

let app: FastifyInstance;
beforeAll(async () => { app = await testApp(); });
afterAll(async () => { await app.close(); });

describe('GET /api/model-check', () => {
  it('checks the official norms by default: the load next to the outcomes of every judged center-month', async () => {
    const res = await app.inject({ url: '/api/model-check' });
    expect(res.statusCode).toBe(200);
    const check = res.json();
    expect(check.norms).toEqual({ requested: 'official', used: 'official', fittedFrom: null, fittedTo: null, fallback: null });
    expect(check.possible).toBe(true);
    expect([check.from, check.to]).toEqual(['2025-07', '2025-08']);
    expect(check.summary.judged).toBe(check.rows.length);
    const phuLien = check.rows.find((r: { centerCode: string; month: string }) => r.centerCode === '11446' && r.month === '2025-07');
    expect(phuLien).toMatchObject({ received: 3000, onTimeShare: 1, lateShare: 0, verdict: expect.any(String), message: expect.any(String) });
    expect(check.calibration).toMatchObject({ ok: true, from: '2025-07', to: '2025-08' });
  });

  it('with norms=calibrated, says which months the norms were fitted on', async () => {
    const check = (await app.inject({ url: '/api/model-check?norms=calibrated' })).json();
    expect(check.norms).toEqual({ requested: 'calibrated', used: 'calibrated', fittedFrom: '2025-07', fittedTo: '2025-08', fallback: null });
  });

  it('lists one center\'s months with center=, all of them', async () => {
    const check = (await app.inject({ url: '/api/model-check?center=11629&rows=all' })).json();
    expect(check.rows.map((r: { centerCode: string }) => r.centerCode)).toEqual(['11629']);
  });

  it('refuses a center= that is not a center of the active dataset with 404 naming it, never an empty answer', async () => {
    const res = await app.inject({ url: '/api/model-check?center=99999' });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('no center with id 99999');
  });

  it('refuses norms other than official or calibrated with 400 naming the parameter', async () => {
    const res = await app.inject({ url: '/api/model-check?norms=fitted' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('querystring/norms must be "official" or must be "calibrated"');
  });

  it('gives the workload by calibrated norms when asked, and says so', async () => {
    const w = (await app.inject({ url: '/api/workload?period=2025-07&norms=calibrated' })).json();
    expect(w.norms).toMatchObject({ requested: 'calibrated', used: 'calibrated', fittedFrom: '2025-07' });
    const official = (await app.inject({ url: '/api/workload?period=2025-07' })).json();
    expect(official.norms).toMatchObject({ used: 'official', fallback: null });
  });
});

describe('GET /api/model-check of a city whose history has no outcome columns', () => {
  let noOutcomes: FastifyInstance;
  beforeAll(async () => {
    noOutcomes = await testApp();
    const tables = goodTables();
    const history = tables.history.text.trim().split('\n').map((line) => line.split(',').slice(0, 5).join(',')).join('\n');
    const res = await noOutcomes.inject({ method: 'POST', url: '/api/datasets', payload: { name: 'no outcomes', activate: true, ...tables, history: { name: 'history.csv', text: history } } });
    expect(res.statusCode).toBe(201);
  });
  afterAll(async () => { await noOutcomes.close(); });

  it('says the check cannot be done and that the official norms are used, even when calibrated ones are asked for', async () => {
    const check = (await noOutcomes.inject({ url: '/api/model-check?norms=calibrated' })).json();
    expect(check.possible).toBe(false);
    expect(check.reason).toMatch(/records no outcomes/);
    expect(check.norms).toEqual({ requested: 'calibrated', used: 'official', fittedFrom: null, fittedTo: null, fallback: 'no_outcomes' });
    expect(check.calibration).toMatchObject({ ok: false, reason: 'no_outcomes' });
  });
});

describe('GET /api/model-check in tokens mode', () => {
  it('needs a token and is open to the viewer role', async () => {
    const dataDir = tempDataDir();
    const storage = openStorage(dataDir);
    const token = storage.users.create('viewer1', 'viewer', 'test')?.token ?? '';
    storage.close();
    const tokens = await testApp({ dataDir, mode: 'tokens' });
    try {
      expect((await tokens.inject({ url: '/api/model-check' })).statusCode).toBe(401);
      expect((await tokens.inject({ url: '/api/model-check', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    } finally {
      await tokens.close();
    }
  });
});
