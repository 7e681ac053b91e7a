import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { longHistoryDir, testApp } from './testApp.ts';

let app: FastifyInstance;
beforeAll(async () => { app = await testApp({ datasetDir: longHistoryDir() }); });
afterAll(async () => { await app.close(); });

describe('forecasts and workload', () => {
  it('forecasts every center x field x channel series of the active dataset, with 80% and 95% intervals', async () => {
    const res = await app.inject({ url: '/api/forecasts' });
    expect(res.statusCode).toBe(200);
    const all = res.json() as { centerCode: string; months: string[]; mean: number[]; lo80: number[]; hi80: number[]; lo95: number[]; hi95: number[] }[];
    expect(all.length).toBeGreaterThan(0);
    for (const f of all) {
      expect(f.months).toHaveLength(12);
      expect(f.months[0]).toBe('2026-07');
      f.mean.forEach((m, i) => {
        expect(f.lo95[i]).toBeLessThanOrEqual(f.lo80[i] as number);
        expect(f.hi80[i]).toBeLessThanOrEqual(f.hi95[i] as number);
        expect(m).toBeGreaterThanOrEqual(0);
      });
    }
    const one = (await app.inject({ url: '/api/forecasts?center=11443&channel=direct' })).json() as { centerCode: string; channel: string }[];
    expect(one.length).toBeGreaterThan(0);
    expect(one.every((f) => f.centerCode === '11443' && f.channel === 'direct')).toBe(true);
  });

  it('computes the workload of a past month from the history, per center and field', async () => {
    const res = await app.inject({ url: '/api/workload?period=2025-07&quantile=0.8' });
    expect(res.statusCode).toBe(200);
    const w = res.json();
    expect(w).toMatchObject({ period: '2025-07', source: 'history' });
    expect(w.centers).toHaveLength(4);
    expect(w.totals.requiredHours).toBeGreaterThan(0);
  });

  it('computes the workload of a future month from the forecasts', async () => {
    const w = (await app.inject({ url: '/api/workload?period=2026-09' })).json();
    expect(w).toMatchObject({ period: '2026-09', source: 'forecast', quantile: 0.8 });
  });

  it.each([
    ['/api/workload', "querystring must have required property 'period'"],
    ['/api/workload?period=2025-10&quantile=0.7', 'querystring/quantile must be 0.5 or must be 0.8 or must be 0.95'],
    ['/api/forecasts?channel=post', 'querystring/channel must be "direct" or must be "online"'],
  ])('%s is 400: %s', async (url, message) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(message);
  });
});

describe('forecasts of a history too short to forecast', () => {
  it('are refused with 422 and the forecast module\'s reason, not a 500', async () => {
    const short = await testApp();
    const res = await short.inject({ url: '/api/forecasts' });
    await short.close();
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toMatch(/^cannot forecast this dataset: .*too short/);
  });
});
