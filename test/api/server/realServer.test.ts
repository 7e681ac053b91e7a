/**
 * The app on a real socket (127.0.0.1, an OS-chosen port), as a browser or another system sees it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from './testApp.ts';

let app: FastifyInstance;
let base: string;
beforeAll(async () => {
  app = await testApp();
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => { await app.close(); });

describe('the server on a port', () => {
  it('listens on loopback only and answers over HTTP', async () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${base}/api/centers`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect((await res.json() as unknown[]).length).toBe(4);
  });

  it('saves and reads back a scenario with Vietnamese text over HTTP', async () => {
    const saved = await fetch(`${base}/api/scenarios`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Đợt bảo trợ xã hội tháng 3', scenario: { period: '2026-03', maxCommuteKm: 12 } }),
    });
    expect(saved.status).toBe(201);
    const { id } = await saved.json() as { id: string };
    const read = await (await fetch(`${base}/api/scenarios/${id}`)).json() as { name: string };
    expect(read.name).toBe('Đợt bảo trợ xã hội tháng 3');
  });
});
