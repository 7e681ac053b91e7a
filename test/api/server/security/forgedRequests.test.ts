/**
 * Class 2 of the security review: a page of another site cannot change anything, in any mode. The
 * browser sends its Origin (or at least its Referer or Sec-Fetch-Site) with a form, multipart or
 * empty-body POST that needs no preflight; the server refuses it before the access check. The
 * browser journey (test/web/forgedRequestJourney.ts) shows the same from a real foreign page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openStorage } from '../../../../api/storage/openStorage.ts';
import { goodTables, tempDataDir, testApp } from '../testApp.ts';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A multipart body with the four tables and `activate=true`, as a foreign page's form would send it. */
const multipartImport = (): { payload: Buffer; headers: Record<string, string> } => {
  const boundary = '----forged' + 'x'.repeat(8);
  const tables = goodTables();
  const parts = [
    ...Object.entries(tables).map(([table, file]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${table}"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n${file.text}\r\n`),
    `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nplanted\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="activate"\r\n\r\ntrue\r\n`,
    `--${boundary}--\r\n`,
  ];
  return { payload: Buffer.from(parts.join(''), 'utf8'), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
};

const state = async (a: FastifyInstance) => ({
  datasets: (await a.inject({ url: '/api/datasets' })).json(),
  scenarios: (await a.inject({ url: '/api/scenarios' })).json(),
});

describe('changes sent by a page of another site are refused', () => {
  it('a cross-site multipart import with activate=true is refused with 403 and stores nothing', async () => {
    app = await testApp();
    const before = await state(app);
    const forged = multipartImport();
    const res = await app.inject({ method: 'POST', url: '/api/datasets/upload', payload: forged.payload, headers: { ...forged.headers, origin: 'http://evil.example' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe('a change sent by a page of another site is refused (Origin "http://evil.example" is not this server, localhost)');
    expect(await state(app)).toEqual(before);
  });

  it('the same multipart import from the server\'s own page is accepted', async () => {
    app = await testApp();
    const upload = multipartImport();
    const res = await app.inject({ method: 'POST', url: '/api/datasets/upload', payload: upload.payload, headers: { ...upload.headers, origin: 'http://localhost', 'sec-fetch-site': 'same-origin' } });
    expect(res.statusCode).toBe(201);
  });

  it('an empty-body activation from another origin is refused', async () => {
    app = await testApp();
    const res = await app.inject({ method: 'POST', url: '/api/datasets/1/activate', headers: { origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(403);
  });

  it('a change whose Referer (without Origin) is another site is refused', async () => {
    app = await testApp();
    const saved = await app.inject({ method: 'POST', url: '/api/scenarios', payload: { name: 'mine', scenario: { period: '2026-03' } } });
    const res = await app.inject({ method: 'POST', url: `/api/scenarios/${saved.json().id}/copy`, headers: { referer: 'http://evil.example/page.html' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('Referer "http://evil.example/page.html"');
    expect((await app.inject({ url: '/api/scenarios' })).json()).toHaveLength(1);
  });

  it('Origin: null (a sandboxed frame, a data: page, a redirect) is refused', async () => {
    app = await testApp();
    const res = await app.inject({ method: 'POST', url: '/api/scenarios', payload: { name: 'x', scenario: { period: '2026-03' } }, headers: { origin: 'null' } });
    expect(res.statusCode).toBe(403);
  });

  it('a change the browser marks Sec-Fetch-Site: cross-site is refused even without Origin', async () => {
    app = await testApp();
    const res = await app.inject({ method: 'DELETE', url: '/api/scenarios/3f2b8e1c-6a4d-4c1b-9e2f-1a2b3c4d5e6f', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(res.statusCode).toBe(403);
  });

  it('a page of the same host on another port (same-site, not same-origin) is refused', async () => {
    app = await testApp();
    const res = await app.inject({ method: 'POST', url: '/api/scenarios', payload: { name: 'x', scenario: { period: '2026-03' } }, headers: { origin: 'http://localhost:5500', 'sec-fetch-site': 'same-site' } });
    expect(res.statusCode).toBe(403);
  });

  it('a program that sends neither Origin nor Referer (curl, a script) passes to the access check', async () => {
    app = await testApp();
    expect((await app.inject({ method: 'POST', url: '/api/scenarios', payload: { name: 'x', scenario: { period: '2026-03' } } })).statusCode).toBe(201);
  });

  it('reads from another origin are answered (the browser keeps the answer from the page: no CORS header)', async () => {
    app = await testApp();
    const res = await app.inject({ url: '/api/centers', headers: { origin: 'http://evil.example' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('in tokens mode a valid planner token does not make a cross-site change acceptable', async () => {
    const dataDir = tempDataDir();
    const storage = openStorage(dataDir);
    const token = storage.users.create('lan', 'planner', 'test')?.token ?? '';
    storage.close();
    app = await testApp({ dataDir, mode: 'tokens' });
    const res = await app.inject({ method: 'POST', url: '/api/scenarios', payload: { name: 'x', scenario: { period: '2026-03' } }, headers: { authorization: `Bearer ${token}`, origin: 'http://evil.example' } });
    expect(res.statusCode).toBe(403);
    const ok = await app.inject({ method: 'POST', url: '/api/scenarios', payload: { name: 'x', scenario: { period: '2026-03' } }, headers: { authorization: `Bearer ${token}`, origin: 'http://localhost' } });
    expect(ok.statusCode).toBe(201);
  });
});
