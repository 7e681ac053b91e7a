/**
 * GET /api/me (who am I, and the access mode), which the web planner's sign-in checks a pasted
 * token with, and plan exports fetched with the bearer token in both access modes (the web planner
 * downloads them with fetch + Blob, web/src/session/saveExport.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import type { MeSchema } from '../../../api/routes/statusRoutes.ts';
import type { Agrees, Assert } from '../../../api/schemas/common.ts';
import { openStorage } from '../../../api/storage/openStorage.ts';
import type { Me } from '../../../web/src/api.ts';
import { longHistoryDir, tempDataDir, testApp } from './testApp.ts';

/** The web planner's `Me` and the route's schema cannot drift apart (compile-time). */
export type MeAgrees = Assert<Agrees<Static<typeof MeSchema>, Me>>;

const ROLES = ['viewer', 'planner', 'admin'] as const;
type Role = (typeof ROLES)[number];

let tokensApp: FastifyInstance;
let localApp: FastifyInstance;
const tokens: Record<Role, string> = { viewer: '', planner: '', admin: '' };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  const dataDir = tempDataDir();
  const storage = openStorage(dataDir);
  for (const role of ROLES) tokens[role] = storage.users.create(`nguoi-${role}`, role, 'test')?.token ?? '';
  storage.close();
  const datasetDir = longHistoryDir();
  [tokensApp, localApp] = await Promise.all([testApp({ dataDir, mode: 'tokens', datasetDir }), testApp({ datasetDir })]);
});
afterAll(async () => {
  await Promise.all([tokensApp.close(), localApp.close()]);
});

describe('GET /api/me in tokens mode', () => {
  it.each(ROLES)('names the %s user, their role and the mode', async (role) => {
    const res = await tokensApp.inject({ url: '/api/me', headers: bearer(tokens[role]) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ name: `nguoi-${role}`, role, mode: 'tokens' });
  });

  it('answers 401 with a Bearer challenge and the reason in words without a token', async () => {
    const res = await tokensApp.inject({ url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.json()).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'a bearer token is required: Authorization: Bearer TOKEN' });
  });

  it('answers 401 to a well-formed token nobody holds', async () => {
    const res = await tokensApp.inject({ url: '/api/me', headers: bearer('A'.repeat(43)) });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe('the bearer token is not valid');
  });

  it('answers 401 to a token pasted with spaces inside or cut short', async () => {
    expect((await tokensApp.inject({ url: '/api/me', headers: bearer(`${tokens.viewer.slice(0, 20)} ${tokens.viewer.slice(20)}`) })).statusCode).toBe(401);
    expect((await tokensApp.inject({ url: '/api/me', headers: bearer(tokens.viewer.slice(0, 30)) })).statusCode).toBe(401);
  });

  it('answers 401 once the user is deleted (a revoked token)', async () => {
    const made = (await tokensApp.inject({ method: 'POST', url: '/api/users', headers: bearer(tokens.admin), payload: { name: 'tam-thoi', role: 'planner' } })).json();
    expect((await tokensApp.inject({ url: '/api/me', headers: bearer(made.token) })).statusCode).toBe(200);
    await tokensApp.inject({ method: 'DELETE', url: '/api/users/tam-thoi', headers: bearer(tokens.admin) });
    expect((await tokensApp.inject({ url: '/api/me', headers: bearer(made.token) })).statusCode).toBe(401);
  });

  it('is documented in the OpenAPI document with its 200 and 401 replies', async () => {
    const doc = (await tokensApp.inject({ url: '/docs/json' })).json();
    const me = doc.paths['/api/me'].get;
    expect(Object.keys(me.responses).sort()).toEqual(['200', '401']);
    expect(me.responses['200'].content['application/json'].schema.properties.mode.anyOf.map((s: { enum?: string[]; const?: string }) => s.const ?? s.enum?.[0])).toEqual(['local', 'tokens']);
  });
});

describe('GET /api/me in local single-user mode', () => {
  it('answers the local admin without a token', async () => {
    expect((await localApp.inject({ url: '/api/me' })).json()).toEqual({ name: 'local', role: 'admin', mode: 'local' });
  });

  it('ignores a stale token a browser still sends', async () => {
    const res = await localApp.inject({ url: '/api/me', headers: bearer('B'.repeat(43)) });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('local');
  });
});

const finished = async (app: FastifyInstance, id: string, headers: Record<string, string>) => {
  for (let i = 0; i < 600; i += 1) {
    const plan = (await app.inject({ url: `/api/plans/${id}`, headers })).json();
    if (['done', 'failed', 'cancelled'].includes(plan.status)) return plan;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`plan ${id} did not finish`);
};

/** Solves a small scenario as `headers` allow and returns the finished plan's id. */
const solvedPlan = async (app: FastifyInstance, headers: Record<string, string>): Promise<string> => {
  const scenario = { period: '2026-09', maxTransfers: 2, maxCommuteKm: 30, timeLimitSeconds: 5 };
  const started = await app.inject({ method: 'POST', url: '/api/plans', headers, payload: { scenario } });
  expect(started.statusCode).toBe(202);
  const plan = await finished(app, started.json().id, headers);
  expect(plan.status).toBe('done');
  return plan.id as string;
};

describe('plan exports, as the web planner fetches them', () => {
  it('in tokens mode a viewer\'s bearer token fetches the CSV and memo; without it they are 401', async () => {
    const planId = await solvedPlan(tokensApp, bearer(tokens.planner));
    const csv = await tokensApp.inject({ url: `/api/plans/${planId}/export/csv`, headers: bearer(tokens.viewer) });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="plan-${planId.slice(0, 8)}.csv"`);
    expect(csv.body.replace(/^\uFEFF/, '').split('\n')[0]).toBe('staff_id,name,from_center,from_center_name,to_center,to_center_name,moved,field,field_name,hours');
    const memo = await tokensApp.inject({ url: `/api/plans/${planId}/export/memo`, headers: bearer(tokens.viewer) });
    expect(memo.statusCode).toBe(200);
    expect(memo.body).toContain('<h1>TỜ TRÌNH</h1>');
    for (const kind of ['csv', 'xlsx', 'lp', 'memo']) {
      expect((await tokensApp.inject({ url: `/api/plans/${planId}/export/${kind}` })).statusCode).toBe(401);
    }
  });

  it('in local mode the same export answers without a token', async () => {
    const planId = await solvedPlan(localApp, {});
    const csv = await localApp.inject({ url: `/api/plans/${planId}/export/csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.replace(/^\uFEFF/, '').split('\n')[0]).toBe('staff_id,name,from_center,from_center_name,to_center,to_center_name,moved,field,field_name,hours');
  });
});
