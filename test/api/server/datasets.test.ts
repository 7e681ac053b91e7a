import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { BAD_DIR, DOSSIER_DIR, goodTables, testApp } from './testApp.ts';
import { multipartBody } from './multipartBody.ts';

let app: FastifyInstance;
beforeEach(async () => { app = await testApp(); });
afterEach(async () => { await app.close(); });

const versions = async () => (await app.inject({ url: '/api/datasets' })).json() as { version: number; active: boolean; source: string }[];

/** A multipart/form-data body with the given text fields, then the files. */
const multipart = (files: Record<string, { name: string; text: string }>, fields: Record<string, string> = {}) => multipartBody(files, fields, { fieldsFirst: true });

describe('dataset versions', () => {
  it('starts with the embedded (here: test) dataset as active version 1', async () => {
    expect(await versions()).toEqual([expect.objectContaining({ version: 1, source: 'embedded', active: true, counts: { centers: 4, fields: 4, historyRows: 11, staff: 6 } })]);
  });

  it('keeps version 1 when the same data is seeded again (same content hash)', async () => {
    const again = await testApp();
    await again.close();
    expect((await versions()).length).toBe(1);
  });

  it('imports the four tables as JSON into a new, inactive version with the same content hash as on disk', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/datasets', payload: { name: 'copy', ...goodTables() } });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ ok: true, version: { version: 2, source: 'import-tables', active: false, name: 'copy' } });
    const health = (await app.inject({ url: '/api/health' })).json();
    expect(body.version.hash).toBe(health.datasetHash);
    expect(health.datasetVersion).toBe(1);
  });

  it('imports the four tables as multipart/form-data and activates them when asked', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/datasets/upload', ...multipart(goodTables(), { name: 'upload', activate: 'true' }) });
    expect(res.statusCode).toBe(201);
    expect(res.json().version).toMatchObject({ version: 2, active: true });
    expect((await app.inject({ url: '/api/health' })).json().datasetVersion).toBe(2);
  });

  it('refuses a malformed table with the loaders\' report (file, line, column, value) and stores nothing', async () => {
    const history = { name: 'history-bad-month.csv', text: readFileSync(join(BAD_DIR, 'history-bad-month.csv'), 'utf8') };
    const res = await app.inject({ method: 'POST', url: '/api/datasets', payload: { name: 'bad', ...goodTables(), history } });
    expect(res.statusCode).toBe(422);
    expect(res.json().ok).toBe(false);
    expect(res.json().problems[0]).toEqual({ file: 'history-bad-month.csv', line: 2, column: 'month', value: '2025-7', message: 'must be a month as YYYY-MM, e.g. 2025-07', code: 'import.month', params: {} });
    expect((await versions()).length).toBe(1);
  });

  it('takes a multipart import of three tables with the fourth from the active version (partialImport.test.ts)', async () => {
    const { staff: _staff, ...three } = goodTables();
    const res = await app.inject({ method: 'POST', url: '/api/datasets/upload', ...multipart(three, { name: 'x' }) });
    expect(res.statusCode).toBe(201);
    expect(res.json().replaced).toEqual(['centers', 'fields', 'history']);
  });

  it('refuses a file that is not UTF-8, naming it', async () => {
    const boundary = 'b0undary';
    const latin1 = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="centers"; filename="centers.csv"\r\n\r\n`),
      Buffer.from([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xe9, 0x0a]),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await app.inject({ method: 'POST', url: '/api/datasets/upload', payload: latin1, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('centers.csv: the file is not UTF-8 text (save it as "CSV UTF-8")');
  });

  it('aggregates dossier-level rows onto the active version\'s history, keeping the months they do not cover', async () => {
    const dossiers = { name: 'good.csv', text: readFileSync(join(DOSSIER_DIR, 'good.csv'), 'utf8') };
    const res = await app.inject({ method: 'POST', url: '/api/datasets/dossiers', payload: { name: 'March export', dossiers, activate: true } });
    expect(res.statusCode).toBe(201);
    expect(res.json().version).toMatchObject({ version: 2, source: 'import-dossiers', active: true });
    const march = (await app.inject({ url: '/api/history?center=11443&from=2026-03&to=2026-03&field=certification&channel=direct' })).json();
    expect(march.rows[0]).toMatchObject({ received: 3, resolvedOnTime: 2, resolvedLate: 1, pending: 0 });
    expect((await app.inject({ url: '/api/history?from=2025-07&to=2025-08' })).json().total).toBe(11);
  });

  it('refuses dossier rows with bad dates with their lines and stores nothing', async () => {
    const dossiers = { name: 'bad-dates.csv', text: readFileSync(join(DOSSIER_DIR, 'bad-dates.csv'), 'utf8') };
    const res = await app.inject({ method: 'POST', url: '/api/datasets/dossiers', payload: { name: 'bad', dossiers } });
    expect(res.statusCode).toBe(422);
    expect(res.json().problems[0]).toMatchObject({ file: 'bad-dates.csv', line: 2, column: 'received_date', value: '31/02/2026' });
    expect((await versions()).length).toBe(1);
  });

  it('activates a stored version, and 404 for an unknown one', async () => {
    await app.inject({ method: 'POST', url: '/api/datasets', payload: { name: 'copy', ...goodTables() } });
    const res = await app.inject({ method: 'POST', url: '/api/datasets/2/activate' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, active: true });
    const missing = await app.inject({ method: 'POST', url: '/api/datasets/9/activate' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe('no dataset version with id 9');
    expect((await app.inject({ url: '/api/datasets/9' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/datasets/two' })).json().message).toBe('params/version must be integer');
  });
});
