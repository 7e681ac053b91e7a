/**
 * Class 1 of the security review: access is decided on the matched route, so no spelling of a path
 * (percent-encoding, case, doubled slashes, dot segments, trailing slash, encoded slashes, matrix
 * parameters) reaches a handler without its check. Every route is taken from the OpenAPI document.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../testApp.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp({ mode: 'tokens' });
});
afterAll(async () => { await app.close(); });

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly public: boolean;
}

/** A value each path parameter accepts, so the spelled path matches its route. */
const PARAMS: Readonly<Record<string, string>> = {
  id: '3f2b8e1c-6a4d-4c1b-9e2f-1a2b3c4d5e6f',
  version: '1',
  kind: 'csv',
  name: 'someone',
};

/** Every operation of the OpenAPI document, with its parameters filled in. */
const operations = async (): Promise<Operation[]> => {
  const doc = (await app.inject({ url: '/docs/json' })).json() as { paths: Record<string, Record<string, { summary?: string }>> };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({
      method: method.toUpperCase(),
      path: path.replace(/\{(\w+)\}/g, (_, name: string) => PARAMS[name] ?? 'x'),
      public: path === '/api/health' || path === '/api/forecasts/status',
    })));
};

const encodeChar = (ch: string): string => `%${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;

/** Other spellings of `path` that a router or a proxy may take for the same route. */
export const spellingsOf = (path: string): string[] => {
  const segments = path.split('/').slice(1);
  const out = new Set<string>();
  // One letter of each segment percent-encoded, in lower and upper case hex.
  segments.forEach((segment, i) => {
    const letter = segment.search(/[a-z]/i);
    if (letter < 0) return;
    const encoded = `${segment.slice(0, letter)}${encodeChar(segment[letter] as string)}${segment.slice(letter + 1)}`;
    const spelled = [...segments];
    spelled[i] = encoded;
    out.add(`/${spelled.join('/')}`);
    spelled[i] = encoded.toUpperCase();
    out.add(`/${spelled.join('/')}`);
  });
  // Every unreserved character percent-encoded.
  out.add(`/${segments.map((s) => [...s].map(encodeChar).join('')).join('/')}`);
  out.add(path.toUpperCase());
  out.add(`/${segments.map((s, i) => (i === 0 ? s.toUpperCase() : s)).join('/')}`);
  out.add(`/${path}`);
  out.add(path.replace('/api/', '/api//'));
  out.add(`${path}/`);
  out.add(`${path}//`);
  out.add(path.replace('/api/', '/api/./'));
  out.add(path.replace('/api/', '/api/%2e/'));
  out.add(path.replace('/api/', '/x/../api/'));
  out.add(path.replace('/api/', '/api/x/%2e%2e/'));
  out.add(path.replace('/api/', '/api%2f'));
  out.add(path.replace('/api/', '/api%2F'));
  out.add(path.replace('/api/', '/api\\'));
  out.add(`${path};x=1`);
  out.add(`${path}%00`);
  out.add(`${path}?`);
  out.add(`${path}#x`);
  return [...out].filter((p) => p !== path);
};

/**
 * What an answer without a token may be: the 401 of the route's check, the 404 of no route at all,
 * or a 400 for a URL that is not one. A 404 or 400 from a handler or from validation would mean the
 * route was reached without its check, so their words are checked too.
 */
const refusedBeforeTheHandler = (status: number, body: string): boolean => {
  if (status === 401) return true;
  const message = (() => {
    try {
      return String((JSON.parse(body) as { message?: unknown }).message ?? '');
    } catch {
      return body;
    }
  })();
  if (status === 404) return message.startsWith('no route ');
  if (status === 400) return !/^(body|params|querystring|headers)\b/.test(message) && !message.startsWith('no ');
  return false;
};

describe('access is decided on the matched route, whatever the spelling of its path', () => {
  it('the OpenAPI document lists every /api route, each with an access level', async () => {
    const ops = await operations();
    expect(ops.length).toBeGreaterThan(25);
    for (const op of ops) expect(op.path.startsWith('/api/'), `${op.method} ${op.path}`).toBe(true);
  });

  it('without a token, every non-public route answers 401 to its own spelling', async () => {
    for (const op of await operations()) {
      if (op.public) continue;
      const res = await app.inject({ method: op.method as 'GET', url: op.path, payload: op.method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${op.method} ${op.path}`).toBe(401);
    }
  });

  it('without a token, no other spelling of a non-public route reaches its handler', async () => {
    const leaks: string[] = [];
    let tried = 0;
    for (const op of await operations()) {
      if (op.public) continue;
      for (const url of spellingsOf(op.path)) {
        tried += 1;
        const res = await app.inject({ method: op.method as 'GET', url, payload: op.method === 'GET' ? undefined : {} });
        if (!refusedBeforeTheHandler(res.statusCode, res.body)) leaks.push(`${op.method} ${url} -> ${res.statusCode} ${res.body.slice(0, 80)}`);
      }
    }
    expect(tried).toBeGreaterThan(500);
    expect(leaks).toEqual([]);
  });

  it('an encoded path that the router matches is checked like the plain one: /%61pi/staff is 401', async () => {
    const res = await app.inject({ url: '/%61pi/staff' });
    expect(res.statusCode).toBe(401);
    expect(res.body).not.toContain('Nguyễn');
  });

  it('a route that declares no access level is closed to everyone, even in local mode', async () => {
    const local = await testApp();
    local.get('/undeclared', async () => 'secret');
    const res = await local.inject({ url: '/undeclared' });
    await local.close();
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe('GET /undeclared declares no access level, so it is closed to everyone');
  });

  it('an /api route that declares no access level stops the server from starting', async () => {
    const local = await testApp();
    expect(() => local.get('/api/undeclared', async () => 'secret')).toThrow('registerAccess: route GET /api/undeclared declares no access level (config.access)');
    await local.close();
  });
});

describe('on a real socket, paths sent as they are (curl --path-as-is)', () => {
  const rawGet = (base: URL, path: string): Promise<{ status: number; body: string }> =>
    new Promise((resolve, reject) => {
      const req = httpRequest({ host: base.hostname, port: base.port, path, method: 'GET' }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => { body += chunk; });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });

  it('no spelling of /api/staff, /api/users or /api/audit gives a name without a token', async () => {
    const server = await testApp({ mode: 'tokens' });
    const base = new URL(await server.listen({ host: '127.0.0.1', port: 0 }));
    try {
      for (const path of ['/api/staff', '/api/users', '/api/audit']) {
        for (const spelled of [path, ...spellingsOf(path)]) {
          const res = await rawGet(base, spelled);
          expect(refusedBeforeTheHandler(res.status, res.body), `${spelled} -> ${res.status} ${res.body.slice(0, 80)}`).toBe(true);
        }
      }
    } finally {
      await server.close();
    }
  });
});
