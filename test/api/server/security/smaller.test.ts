/**
 * Class 9 of the security review, the smaller holes: answers that were 500s for bad input, work
 * done for nothing, a scheme name compared case-sensitively, HSTS over plain HTTP, and a write
 * limit that users behind one reverse proxy shared.
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

const usersIn = (dataDir: string, ...names: string[]): string[] => {
  const storage = openStorage(dataDir);
  const tokens = names.map((name) => storage.users.create(name, 'planner', 'test')?.token ?? '');
  storage.close();
  return tokens;
};

const DOSSIERS = 'dossier_id,center_code,field,channel,received_date,due_date,finished_date\n';

describe('bad input is a 400, not a 500', () => {
  it('asOf "2026-99-99" is refused with 400 naming the field and the value', async () => {
    app = await testApp();
    const res = await app.inject({ method: 'POST', url: '/api/datasets/dossiers', payload: { name: 'x', asOf: '2026-99-99', dossiers: { name: 'd.csv', text: DOSSIERS } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('body/asOf must be a calendar date as YYYY-MM-DD, got "2026-99-99"');
  });

  it('asOf "2026-02-30" (a day the month does not have) is refused too', async () => {
    app = await testApp();
    const res = await app.inject({ method: 'POST', url: '/api/datasets/dossiers', payload: { name: 'x', asOf: '2026-02-30', dossiers: { name: 'd.csv', text: DOSSIERS } } });
    expect(res.statusCode).toBe(400);
  });

  it('a multipart upload cut in the middle of a part is a 400 and stores nothing', async () => {
    app = await testApp();
    const boundary = 'cutcutcut';
    const text = goodTables().centers.text;
    const cut = `--${boundary}\r\nContent-Disposition: form-data; name="centers"; filename="centers.csv"\r\nContent-Type: text/csv\r\n\r\n${text.slice(0, 40)}`;
    const res = await app.inject({ method: 'POST', url: '/api/datasets/upload', payload: Buffer.from(cut), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^the multipart body is incomplete or malformed \(.+\); nothing was imported$/);
    expect((await app.inject({ url: '/api/datasets' })).json()).toHaveLength(1);
  });
});

describe('no work for nothing', () => {
  it('an import with activate: false does not prepare forecasts for the new version', async () => {
    const lines: string[] = [];
    app = await testApp({ prepare: true, log: (line) => lines.push(line) });
    const res = await app.inject({ method: 'POST', url: '/api/datasets', payload: { name: 'later', activate: false, ...goodTables(), staff: { name: 'staff.csv', text: `${goodTables().staff.text}` } } });
    expect([200, 201]).toContain(res.statusCode);
    const version = res.json().version.version as number;
    expect(lines.some((l) => l.includes(`dataset version ${version} `))).toBe(false);
  });
});

describe('tokens', () => {
  it('the scheme name is case-insensitive: "bearer TOKEN" and "BEARER TOKEN" are accepted', async () => {
    const dataDir = tempDataDir();
    const [token] = usersIn(dataDir, 'lan');
    app = await testApp({ dataDir, mode: 'tokens' });
    for (const scheme of ['bearer', 'BEARER', 'Bearer', 'bEaReR']) {
      expect((await app.inject({ url: '/api/me', headers: { authorization: `${scheme} ${token}` } })).statusCode, scheme).toBe(200);
    }
  });
});

describe('HSTS', () => {
  it('is not sent over plain HTTP (an intranet reached by http:// must stay reachable)', async () => {
    app = await testApp();
    expect((await app.inject({ url: '/api/health' })).headers['strict-transport-security']).toBeUndefined();
  });

  it('is sent when a trusted proxy says the browser came over https', async () => {
    app = await testApp({ trustProxy: '127.0.0.1' });
    const res = await app.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' }, remoteAddress: '127.0.0.1' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('an untrusted client cannot claim https', async () => {
    app = await testApp();
    expect((await app.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } })).headers['strict-transport-security']).toBeUndefined();
  });
});

describe('the write limit', () => {
  const write = (a: FastifyInstance, headers: Record<string, string>, remoteAddress = '127.0.0.1') =>
    a.inject({ method: 'POST', url: '/api/scenarios', payload: { name: 'w', scenario: { period: '2026-03' } }, headers, remoteAddress }).then((r) => r.statusCode);

  it('is kept per user: one user at the limit does not stop another behind the same address', async () => {
    const dataDir = tempDataDir();
    const [lan, minh] = usersIn(dataDir, 'lan', 'minh');
    app = await testApp({ dataDir, mode: 'tokens', writesPerMinute: 2 });
    const asLan = { authorization: `Bearer ${lan}` };
    expect([await write(app, asLan), await write(app, asLan), await write(app, asLan)]).toEqual([201, 201, 429]);
    expect(await write(app, { authorization: `Bearer ${minh}` })).toBe(201);
  });

  it('without a trusted proxy, X-Forwarded-For is ignored: the proxy address is the client', async () => {
    app = await testApp({ writesPerMinute: 1 });
    expect(await write(app, { 'x-forwarded-for': '10.0.0.1' })).toBe(201);
    expect(await write(app, { 'x-forwarded-for': '10.0.0.2' })).toBe(429);
  });

  it('with a trusted proxy, each client address behind it has its own budget', async () => {
    app = await testApp({ writesPerMinute: 1, trustProxy: '127.0.0.1' });
    expect(await write(app, { 'x-forwarded-for': '10.0.0.1' })).toBe(201);
    expect(await write(app, { 'x-forwarded-for': '10.0.0.2' })).toBe(201);
    expect(await write(app, { 'x-forwarded-for': '10.0.0.1' })).toBe(429);
  });
});

describe('the import size limit (keeps the server under 1 GB: bench:import)', () => {
  it('a JSON import over 12 MB is refused with 413 saying the limit and what to do, and stores nothing', async () => {
    app = await testApp();
    const big = 'x'.repeat(13 * 1024 * 1024);
    const res = await app.inject({ method: 'POST', url: '/api/datasets', payload: { name: 'big', ...goodTables(), history: { name: 'history.csv', text: big } } });
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toMatch(/^the import is larger than its limit of 12 MB .*import fewer months at a time/);
    expect((await app.inject({ url: '/api/datasets' })).json()).toHaveLength(1);
  });
});
