import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from './testApp.ts';

let app: FastifyInstance | undefined;
afterEach(async () => { await app?.close(); app = undefined; });

describe('the app', () => {
  it('answers health with the active dataset version 1 and its SHA-256 hash', async () => {
    app = await testApp();
    const res = await app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, mode: 'local', datasetVersion: 1 });
    expect(res.json().datasetHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves the OpenAPI document at /docs/json listing the routes, and the docs page at /docs', async () => {
    app = await testApp();
    const doc = (await app.inject({ url: '/docs/json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/centers', '/api/scenarios', '/api/scenarios/{id}', '/api/datasets', '/api/history']));
    const page = await app.inject({ url: '/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });

  it('sends security headers on every answer', async () => {
    app = await testApp();
    const res = await app.inject({ url: '/api/centers' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('answers an unknown route with 404 naming it', async () => {
    app = await testApp();
    const res = await app.inject({ url: '/api/nothing?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'no route GET /api/nothing' });
  });

  it('never shows an internal error message or stack trace to the client', async () => {
    app = await testApp();
    app.get('/api/explode', { config: { access: 'viewer' } }, async () => {
      throw new Error('secret: /work/main/api/storage/openDatabase.ts line 42');
    });
    const res = await app.inject({ url: '/api/explode' });
    expect(res.statusCode).toBe(500);
    const id = res.headers['x-request-id'] as string;
    expect(res.json()).toEqual({ statusCode: 500, error: 'Internal Server Error', message: `the server could not answer this request; its error log has the details under request id ${id}`, requestId: id });
    expect(res.body).not.toContain('secret');
    expect(res.body).not.toContain('.ts');
  });

  it('refuses a body over 1 MB outside imports with 413', async () => {
    app = await testApp();
    const res = await app.inject({ method: 'POST', url: '/api/scenarios', payload: { name: 'big', description: 'x'.repeat(1_100_000), scenario: {} } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toBe('Payload Too Large');
  });

  it('limits writes per client per minute (429) but never reads', async () => {
    app = await testApp({ writesPerMinute: 3 });
    const codes: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      codes.push((await app.inject({ method: 'POST', url: '/api/scenarios', payload: { name: `s${i}`, scenario: { period: '2026-03' } } })).statusCode);
    }
    expect(codes).toEqual([201, 201, 201, 429]);
    for (let i = 0; i < 5; i += 1) expect((await app.inject({ url: '/api/scenarios' })).statusCode).toBe(200);
  });
});

describe('the web planner', () => {
  it('is served at / from the built directory, with the security headers', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const webDir = mkdtempSync(join(tmpdir(), 'planner-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Planner</title>');
    app = await testApp({ webDir });
    const res = await app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>Planner</title>');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
