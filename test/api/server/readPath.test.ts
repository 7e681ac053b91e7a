import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../api/app.ts';
import { openStorage } from '../../../api/storage/openStorage.ts';
import { securityHeaders } from '../../../api/securityHeaders.ts';
import { longHistoryDir, tempDataDir, testApp } from './testApp.ts';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

describe('the read path', () => {
  let app: FastifyInstance;
  beforeAll(async () => { app = await testApp(); });
  afterAll(async () => { await app.close(); });

  it('GET /api/centers sends the same bytes every time with an entity tag, and 304 to a client that holds them', async () => {
    const first = await app.inject({ url: '/api/centers' });
    const second = await app.inject({ url: '/api/centers' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(second.body).toBe(first.body);
    expect(first.json()).toHaveLength(4);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"centers-[0-9a-f]{16}"$/);
    const cached = await app.inject({ url: '/api/centers', headers: { 'if-none-match': etag } });
    expect(cached.statusCode).toBe(304);
    expect(cached.body).toBe('');
  });

  it('GET /api/fields has its own entity tag', async () => {
    const res = await app.inject({ url: '/api/fields' });
    expect(res.headers.etag).toMatch(/^"fields-[0-9a-f]{16}"$/);
  });

  it('every answer carries Helmet\'s security headers, computed once (HSTS only over https: see security/smaller.test.ts)', async () => {
    const res = await app.inject({ url: '/api/centers' });
    const headers = securityHeaders();
    expect(Object.keys(headers).length).toBeGreaterThan(8);
    for (const [name, value] of Object.entries(headers)) {
      if (name !== 'strict-transport-security') expect(res.headers[name]).toBe(value);
    }
  });

  it('reads skip the write limiter; writes carry its headers', async () => {
    expect((await app.inject({ url: '/api/centers' })).headers['x-ratelimit-limit']).toBeUndefined();
    const write = await app.inject({ method: 'POST', url: '/api/scenarios', payload: { name: 'limited', scenario: { period: '2026-03' } } });
    expect(write.statusCode).toBe(201);
    expect(write.headers['x-ratelimit-limit']).toBe('600');
  });
});

describe('a finished plan', () => {
  const dataDir = tempDataDir();
  const lines: string[] = [];
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ dataDir, mode: 'local', datasetDir: longHistoryDir(), webDir: join(tmpdir(), 'no-web-planner-here'), log: (l) => lines.push(l) });
  });
  afterAll(async () => { await app.close(); });

  it('is stored as the worker\'s JSON text (the plan result), sent as stored, and its stages are logged in milliseconds', async () => {
    const start = await app.inject({ method: 'POST', url: '/api/plans', payload: { scenario: { period: '2026-09', maxTransfers: 2, maxCommuteKm: 30, timeLimitSeconds: 5 } } });
    const id = start.json().id as string;
    let status = '';
    for (let i = 0; i < 600 && !['done', 'failed'].includes(status); i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      status = (await app.inject({ url: `/api/plans/${id}` })).json().status;
    }
    expect(status).toBe('done');
    const res = await app.inject({ url: `/api/plans/${id}/result` });
    const storage = openStorage(dataDir);
    try {
      expect(res.body).toBe(storage.plans.resultText(id));
    } finally {
      storage.close();
    }
    expect(res.json().version).toBe(3);
    const line = lines.find((l) => l.startsWith(`plan ${id.slice(0, 8)} stages (ms): queue `)) ?? '';
    for (const stage of ['dataset', 'forecasts', 'workload', 'highs', 'potential', 'solve', 'result', 'serialize']) expect(line).toMatch(new RegExp(`[ ,]${stage} [0-9.]+`));
    expect(line).toMatch(/serialize [0-9.]+, transfer -?[0-9.]+, store [0-9.]+$/);
  });
});
