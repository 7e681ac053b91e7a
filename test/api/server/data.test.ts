import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from './testApp.ts';

let app: FastifyInstance;
beforeAll(async () => { app = await testApp(); });
afterAll(async () => { await app.close(); });

describe('dataset tables', () => {
  it('lists the active dataset\'s centers with their facilities', async () => {
    const centers = (await app.inject({ url: '/api/centers' })).json();
    expect(centers).toHaveLength(4);
    expect(centers[0]).toMatchObject({ code: '11443', nameVi: 'Phường Kiến An', type: 'ward', desks: 8, maxStaff: 16, areaAdequate: true });
  });

  it('reads one center by code, and 404 for an unknown code', async () => {
    expect((await app.inject({ url: '/api/centers/11446' })).json().nameAscii).toBe('Phuong Phu Lien');
    const res = await app.inject({ url: '/api/centers/99999' });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('no center with id 99999');
  });

  it('lists the fields with their norms', async () => {
    const fields = (await app.inject({ url: '/api/fields' })).json();
    expect(fields[0]).toEqual(expect.objectContaining({ field: 'certification', nameVi: 'Chứng thực', minDirect: 6 }));
  });

  it('filters staff by center and by expertise', async () => {
    const all = (await app.inject({ url: '/api/staff' })).json();
    const atKienAn = (await app.inject({ url: '/api/staff?center=11443' })).json();
    const certifiers = (await app.inject({ url: '/api/staff?field=certification' })).json();
    expect(all.length).toBe(6);
    expect(atKienAn.every((s: { centerCode: string }) => s.centerCode === '11443')).toBe(true);
    expect(atKienAn.length).toBeGreaterThan(0);
    expect(certifiers.every((s: { fields: string[] }) => s.fields.includes('certification'))).toBe(true);
  });

  it('filters history by center, field, channel and month range, and pages it', async () => {
    const all = (await app.inject({ url: '/api/history' })).json();
    expect(all.total).toBe(11);
    const direct = (await app.inject({ url: '/api/history?center=11443&channel=direct&from=2025-07&to=2025-07' })).json();
    expect(direct.rows.every((r: { centerCode: string; channel: string; month: string }) => r.centerCode === '11443' && r.channel === 'direct' && r.month === '2025-07')).toBe(true);
    const page = (await app.inject({ url: '/api/history?limit=2&offset=1' })).json();
    expect(page).toMatchObject({ total: 11, offset: 1, limit: 2 });
    expect(page.rows).toEqual(all.rows.slice(1, 3));
  });

  it.each([
    ['/api/history?from=2025-7', 'querystring/from must match pattern "^[0-9]{4}-(0[1-9]|1[0-2])$"'],
    ['/api/history?channel=fax', 'querystring/channel must be "direct" or must be "online"'],
    ['/api/history?limit=0', 'querystring/limit must be >= 1'],
    ['/api/history?limit=ten', 'querystring/limit must be integer'],
    ['/api/history?month=2025-07', 'querystring must NOT have additional property "month"'],
    ['/api/history?from=2025-08&to=2025-07', 'querystring/from (2025-08) must not be after querystring/to (2025-07)'],
    ['/api/staff?centre=11443', 'querystring must NOT have additional property "centre"'],
  ])('%s is 400: %s', async (url, message) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ statusCode: 400, error: 'Bad Request', message });
  });
});
