/**
 * A fetch stand-in for component tests of token mode: answers like api/auth/access.ts does (401
 * without a known bearer token, 403 below a route's role) for the few routes a test names, and
 * records every request with its Authorization header.
 */
import { vi } from 'vitest';

export type Role = 'viewer' | 'planner' | 'admin';

export interface FakeServer {
  readonly mode: 'local' | 'tokens';
  /** Token -> user; deleting one revokes it. */
  readonly users: Map<string, { name: string; role: Role }>;
  /** Every request: method, path (without `api/`), its query string and the bearer token sent, if any. */
  readonly calls: { method: string; path: string; query: string; token: string | undefined }[];
  /** Answers by `METHOD path` (path without `api/` and query): status and JSON body, or a Response made from the query. */
  readonly routes: Map<string, { status: number; body?: unknown; role?: Role } | ((query: URLSearchParams) => Response)>;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const RANK: Record<Role, number> = { viewer: 1, planner: 2, admin: 3 };

/** Installs the fake as the global fetch; returns its state to inspect and change. */
export const fakeServer = (mode: 'local' | 'tokens'): FakeServer => {
  const server: FakeServer = { mode, users: new Map(), calls: [], routes: new Map() };
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const [path = '', query = ''] = String(input).replace(/^api\//, '').split('?');
    const header = (init.headers as Record<string, string> | undefined)?.['authorization'];
    const token = header?.replace(/^Bearer /, '');
    server.calls.push({ method, path, query, token });
    let user = { name: 'local', role: 'admin' as Role };
    if (mode === 'tokens') {
      if (token === undefined) return json(401, { statusCode: 401, error: 'Unauthorized', message: 'a bearer token is required: Authorization: Bearer TOKEN' });
      const known = server.users.get(token);
      if (!known) return json(401, { statusCode: 401, error: 'Unauthorized', message: 'the bearer token is not valid' });
      user = known;
    }
    if (path === 'me') return json(200, { ...user, mode });
    const route = server.routes.get(`${method} ${path}`);
    if (route === undefined) return json(404, { statusCode: 404, error: 'Not Found', message: `no route ${method} /api/${path}` });
    if (typeof route === 'function') return route(new URLSearchParams(query));
    const needs = route.role ?? 'viewer';
    if (RANK[user.role] < RANK[needs]) return json(403, { statusCode: 403, error: 'Forbidden', message: `this needs the ${needs} role; ${user.name} is ${user.role}` });
    return json(route.status, route.body);
  });
  return server;
};

/** A token of the shape `npm run admin` prints (43 characters of base64url). */
export const tokenOf = (seed: string): string => seed.repeat(43).slice(0, 43);
