import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from './testApp.ts';

let app: FastifyInstance;
beforeEach(async () => { app = await testApp(); });
afterEach(async () => { await app.close(); });

// The test dataset (testApp.ts) has 6 civil servants and history for 2025-07 and 2025-08: it plans 2025-07 to 2026-08.
const wave = { name: 'Social-protection wave', description: '+60% in March', scenario: { period: '2026-03', demandMultiplierByField: { social_protection: 1.6 }, maxTransfers: 4 } };

const create = async (body: unknown = wave) => app.inject({ method: 'POST', url: '/api/scenarios', payload: body as object });

describe('scenarios', () => {
  it('a created scenario is returned with an id, revision 1 and who made it', async () => {
    const res = await create();
    expect(res.statusCode).toBe(201);
    const made = res.json();
    expect(made).toMatchObject({ name: wave.name, description: wave.description, scenario: wave.scenario, revision: 1, createdBy: 'local' });
    expect(made.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a saved scenario reads back intact and appears in the list', async () => {
    const id = (await create()).json().id;
    const one = await app.inject({ url: `/api/scenarios/${id}` });
    expect(one.statusCode).toBe(200);
    expect(one.json().scenario).toEqual(wave.scenario);
    const list = await app.inject({ url: '/api/scenarios' });
    expect(list.json().map((s: { id: string }) => s.id)).toEqual([id]);
  });

  it('an update replaces the levers and raises the revision', async () => {
    const id = (await create()).json().id;
    const res = await app.inject({ method: 'PUT', url: `/api/scenarios/${id}`, payload: { name: 'Wave 2', scenario: { period: '2026-04', maxTransfers: null } } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Wave 2', scenario: { period: '2026-04', maxTransfers: null }, revision: 2 });
  });

  it('keeps 0 and null apart: a budget of 0 transfers is not "unlimited", nor the reverse', async () => {
    const zero = (await create({ name: 'none', scenario: { period: '2026-03', maxTransfers: 0 } })).json();
    const unlimited = (await create({ name: 'any', scenario: { period: '2026-03', maxTransfers: null } })).json();
    expect(zero.scenario.maxTransfers).toBe(0);
    expect(unlimited.scenario.maxTransfers).toBeNull();
  });

  it('does not turn text into numbers in a body: "12" is refused where a number is due', async () => {
    const res = await create({ name: 'x', scenario: { maxCommuteKm: '12' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('body/scenario/maxCommuteKm must be number');
  });

  it('a copy has a new id, the same levers and a "(copy)" name unless named', async () => {
    const id = (await create()).json().id;
    const copy = await app.inject({ method: 'POST', url: `/api/scenarios/${id}/copy` });
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({ name: `${wave.name} (copy)`, scenario: wave.scenario });
    expect(copy.json().id).not.toBe(id);
    const named = await app.inject({ method: 'POST', url: `/api/scenarios/${id}/copy?name=Variant%20B` });
    expect(named.json().name).toBe('Variant B');
  });

  it('a deleted scenario is gone: 204, then 404', async () => {
    const id = (await create()).json().id;
    expect((await app.inject({ method: 'DELETE', url: `/api/scenarios/${id}` })).statusCode).toBe(204);
    const after = await app.inject({ url: `/api/scenarios/${id}` });
    expect(after.statusCode).toBe(404);
    expect(after.json().message).toBe(`no scenario with id ${id}`);
  });

  it('every write leaves an audit line naming the actor', async () => {
    const id = (await create()).json().id;
    await app.inject({ method: 'DELETE', url: `/api/scenarios/${id}` });
    const audit = (await app.inject({ url: '/api/audit' })).json();
    expect(audit.slice(0, 2).map((a: { action: string; actor: string; target: string }) => [a.action, a.actor, a.target]))
      .toEqual([['scenario.delete', 'local', id], ['scenario.create', 'local', id]]);
  });
});

describe('scenarios: bad input', () => {
  const unknownId = '00000000-0000-4000-8000-000000000000';

  it.each([
    ['GET', `/api/scenarios/${unknownId}`],
    ['PUT', `/api/scenarios/${unknownId}`],
    ['DELETE', `/api/scenarios/${unknownId}`],
    ['POST', `/api/scenarios/${unknownId}/copy`],
  ] as const)('%s %s of an unknown id is 404 naming it', async (method, url) => {
    const res = await app.inject({ method, url, ...(method === 'PUT' ? { payload: wave } : {}) });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ statusCode: 404, error: 'Not Found', message: `no scenario with id ${unknownId}` });
  });

  it('an id that is not a UUID is 400 naming the parameter', async () => {
    const res = await app.inject({ url: '/api/scenarios/42' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('params/id must match format "uuid"');
  });

  it.each([
    [{ scenario: {} }, "body must have required property 'name'"],
    [{ name: '', scenario: {} }, 'body/name must NOT have fewer than 1 characters'],
    [{ name: 'x' }, "body must have required property 'scenario'"],
    [{ name: 'x', scenario: { maxTransferz: 3 } }, 'body/scenario must NOT have additional property "maxTransferz"'],
    [{ name: 'x', scenario: { maxTransfers: -1 } }, 'body/scenario/maxTransfers must be null or must be >= 0'],
    [{ name: 'x', scenario: { period: '2026-13' } }, 'body/scenario/period must match pattern "^[0-9]{4}-(0[1-9]|1[0-2])$"'],
    [{ name: 'x', scenario: { demandMultiplierByField: { land: -2 } } }, 'body/scenario/demandMultiplierByField/land must be >= 0'],
    [{ name: 'x', scenario: { quantile: 0.7 } }, 'body/scenario/quantile must be 0.5 or must be 0.8 or must be 0.95'],
    [{ name: 'x', scenario: {}, extra: 1 }, 'body must NOT have additional property "extra"'],
  ])('%j is refused with "%s"', async (body, message) => {
    const res = await create(body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ statusCode: 400, error: 'Bad Request', message });
  });

  it('the wire schema refuses a lever beyond the solver\'s own range (SCENARIO_LIMITS), naming the lever', async () => {
    const res = await create({ name: 'x', scenario: { weights: { evenness: 2e6 } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('body/scenario/weights/evenness must be <= 1000000');
  });

  it('a body that is not JSON is 400 and stores nothing', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/scenarios', headers: { 'content-type': 'application/json' }, payload: '{"name": "x", ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('Bad Request');
    expect((await app.inject({ url: '/api/scenarios' })).json()).toEqual([]);
  });
});
