/**
 * Class 3 of the security review: DNS rebinding. A page on evil.example whose name resolves to
 * 127.0.0.1 reaches the local server as "its own" origin; the server answers only the host names
 * it is configured for (the loopback names, plus ALLOWED_HOSTS), on every route.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../testApp.ts';

let local: FastifyInstance;
let intranet: FastifyInstance;
beforeAll(async () => {
  local = await testApp();
  intranet = await testApp({ allowedHosts: ['planner.haiphong.gov.vn', '10.0.4.12'] });
});
afterAll(async () => {
  await local.close();
  await intranet.close();
});

describe('only the configured host names are answered', () => {
  it('a request with Host: evil.example is refused with 400 before any route, staff included', async () => {
    const res = await local.inject({ url: '/api/staff', headers: { host: 'evil.example' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('this server does not answer to the host name "evil.example" (its administrator can add the name to ALLOWED_HOSTS)');
    expect(res.body).not.toContain('staffId');
  });

  it('the refusal covers the web planner, the documentation and unknown paths too', async () => {
    for (const url of ['/', '/docs/json', '/api/health', '/nothing']) {
      expect((await local.inject({ url, headers: { host: 'evil.example:8080' } })).statusCode, url).toBe(400);
    }
  });

  it('loopback names with any port are answered: localhost, 127.0.0.1, [::1]', async () => {
    for (const host of ['localhost', 'localhost:8080', 'LOCALHOST:8080', '127.0.0.1:8080', '127.0.0.2', '[::1]:8080', 'localhost.']) {
      expect((await local.inject({ url: '/api/health', headers: { host } })).statusCode, host).toBe(200);
    }
  });

  it('look-alike names are refused: a loopback name as a subdomain, userinfo', async () => {
    for (const host of ['localhost.evil.example', '127.0.0.1.nip.io', 'evil.example@localhost', 'localhost/x']) {
      expect((await local.inject({ url: '/api/health', headers: { host } })).statusCode, host).toBe(400);
    }
  });

  it('an intranet name set in ALLOWED_HOSTS is answered; other names still are not', async () => {
    expect((await intranet.inject({ url: '/api/health', headers: { host: 'planner.haiphong.gov.vn' } })).statusCode).toBe(200);
    expect((await intranet.inject({ url: '/api/health', headers: { host: 'Planner.HaiPhong.gov.vn:443' } })).statusCode).toBe(200);
    expect((await intranet.inject({ url: '/api/health', headers: { host: '10.0.4.12:8080' } })).statusCode).toBe(200);
    expect((await intranet.inject({ url: '/api/health', headers: { host: 'evil.example' } })).statusCode).toBe(400);
  });

  it('on a real socket, an empty Host and an HTTP/1.0 request without Host are refused', async () => {
    const base = new URL(await local.listen({ host: '127.0.0.1', port: 0 }));
    const raw = (text: string): Promise<string> => new Promise((resolve, reject) => {
      const socket = connect(Number(base.port), '127.0.0.1', () => socket.end(text));
      let answer = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => { answer += chunk; });
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
    });
    expect(await raw('GET /api/staff HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    const old = await raw('GET /api/staff HTTP/1.0\r\n\r\n');
    expect(old).toMatch(/^HTTP\/1\.[01] 400/);
    expect(old).not.toContain('staffId');
  });
});
