/**
 * Class 7 of the security review: a 5xx never leaves without a trace. Whatever LOG says, every 5xx
 * answer is written to the error log as one JSON line with the request id, and the reply names
 * that id, so an administrator can find what happened to a user's request.
 */
import { describe, expect, it } from 'vitest';
import { testApp } from '../testApp.ts';

describe('every 5xx is logged with its request id', () => {
  it('a handler that throws answers 500 naming the request id, and the log line under it has the error and its stack', async () => {
    const lines: string[] = [];
    const app = await testApp({ errorLog: (line) => lines.push(line) });
    app.get('/api/explode', { config: { access: 'viewer' } }, async () => {
      throw new Error('disk said no');
    });
    const res = await app.inject({ url: '/api/explode' });
    await app.close();
    const id = res.json().requestId as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-request-id']).toBe(id);
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] as string);
    expect(entry).toMatchObject({ level: 'error', requestId: id, method: 'GET', url: '/api/explode', statusCode: 500, error: 'disk said no' });
    expect(entry.stack).toContain('errorLog.test.ts');
  });

  it('a 503 sent by a handler itself is logged too', async () => {
    const lines: string[] = [];
    const app = await testApp({ errorLog: (line) => lines.push(line) });
    app.get('/api/busy', { config: { access: 'viewer' } }, async (_request, reply) => reply.code(503).send({ statusCode: 503, error: 'Service Unavailable', message: 'busy' }));
    const res = await app.inject({ url: '/api/busy' });
    await app.close();
    expect(res.statusCode).toBe(503);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ requestId: res.headers['x-request-id'], statusCode: 503, url: '/api/busy' });
  });

  it('client errors (4xx) are not written to the error log', async () => {
    const lines: string[] = [];
    const app = await testApp({ errorLog: (line) => lines.push(line) });
    await app.inject({ url: '/api/nothing' });
    await app.inject({ method: 'POST', url: '/api/scenarios', payload: { scenario: {} } });
    await app.close();
    expect(lines).toEqual([]);
  });

  it('every answer carries its own request id', async () => {
    const app = await testApp();
    const a = await app.inject({ url: '/api/health' });
    const b = await app.inject({ url: '/api/health' });
    await app.close();
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });
});
