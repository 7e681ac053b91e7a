/**
 * One check for every scenario: what POST /api/scenarios refuses, a solve (POST /api/plans) or a
 * trade-off curve (POST /api/tradeoffs) of the same levers sent inline refuses with the same words,
 * before any plan record exists; a saved scenario the active dataset no longer fits is refused at
 * solve and at copy the same way. Dataset: the long-history tables of testApp.ts (6 civil servants,
 * history 2023-01 to 2026-06, so plans for 2023-01 to 2027-06).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { goodTables, longHistoryDir, testApp } from './testApp.ts';

let app: FastifyInstance;
beforeAll(async () => { app = await testApp({ datasetDir: longHistoryDir() }); });
afterAll(async () => { await app.close(); });

const plans = async (on: FastifyInstance = app): Promise<string[]> => (await on.inject({ url: '/api/plans' })).json().map((p: { id: string }) => p.id);
const save = (scenario: unknown, on: FastifyInstance = app) => on.inject({ method: 'POST', url: '/api/scenarios', payload: { name: 'checked', scenario } as object });
const solve = (body: unknown, on: FastifyInstance = app) => on.inject({ method: 'POST', url: '/api/plans', payload: body as object });
const curve = (body: unknown, on: FastifyInstance = app) => on.inject({ method: 'POST', url: '/api/tradeoffs', payload: body as object });

const WITHIN = "must be a month from 2023-01 to 2027-06 (the history and the 12 months forecast after it, within the calendar's 2023-2027)";

/** Levers each route must refuse, with the exact message (the wire schema's or the dataset check's). */
const REFUSED: readonly [string, unknown, string][] = [
  ['a negative transfer budget', { period: '2026-09', maxTransfers: -3 }, 'body/scenario/maxTransfers must be null or must be >= 0'],
  ['a transfer budget of 1e9', { period: '2026-09', maxTransfers: 1e9 }, 'body/scenario/maxTransfers must be null or must be <= 1000000'],
  ['more transfers than civil servants', { period: '2026-09', maxTransfers: 7 }, 'body/scenario/maxTransfers must be at most 6, the civil servants in the active dataset'],
  ['more hires in a field than civil servants', { period: '2026-09', hiresAllowedByField: { land: 500 } }, 'body/scenario/hiresAllowedByField/land must be at most 6, the civil servants in the active dataset'],
  ['an unknown field code', { period: '2026-09', demandMultiplierByField: { soil: 2 } }, 'body/scenario/demandMultiplierByField names field codes not in the active dataset: soil'],
  ['an unknown staff id', { period: '2026-09', lockedStaffIds: ['HP-000001', 'HP-999999'] }, 'body/scenario/lockedStaffIds names staff ids not in the active dataset: HP-999999'],
  ['"constructor" as a field code', { period: '2026-09', normMultiplierByField: { constructor: 2 } }, 'body/scenario/normMultiplierByField names field codes not in the active dataset: constructor'],
  ['"toString" as a center code', { period: '2026-09', minStaffByCenter: { toString: 1 } }, 'body/scenario/minStaffByCenter names center codes not in the active dataset: toString'],
  ['"hasOwnProperty" as a field code', { period: '2026-09', hiresAllowedByField: { hasOwnProperty: 1 } }, 'body/scenario/hiresAllowedByField names field codes not in the active dataset: hasOwnProperty'],
  ['"constructor" as a weight', { period: '2026-09', weights: { constructor: 1 } }, 'body/scenario/weights must NOT have additional property "constructor"'],
  ['a month the calendar cannot plan', { period: '9999-12' }, `body/scenario/period ${WITHIN}`],
  ['a month past the forecast horizon', { period: '2027-07' }, `body/scenario/period ${WITHIN}`],
  ['a multiplier beyond its documented bound', { period: '2026-09', demandMultiplierByCenter: { '11443': 50 } }, 'body/scenario/demandMultiplierByCenter/11443 must be <= 10'],
  ['a time limit below one second', { period: '2026-09', timeLimitSeconds: 0.01 }, 'body/scenario/timeLimitSeconds must be >= 1'],
];

describe('an inline scenario is checked as a saved one is', () => {
  it.each(REFUSED)('%s: POST /api/scenarios, /api/plans and /api/tradeoffs answer the same 400, and no plan record is made', async (_, scenario, message) => {
    const before = await plans();
    const error = { statusCode: 400, error: 'Bad Request', message };
    const saved = await save(scenario);
    expect(saved.json()).toEqual(error);
    const inline = await solve({ scenario });
    expect(inline.statusCode).toBe(400);
    expect(inline.json()).toEqual(error);
    expect((await curve({ scenario })).json()).toEqual(error);
    expect(await plans()).toEqual(before);
  });

  it('"__proto__" as a key is refused by the body parser, for an inline scenario as for a saved one, and no plan record is made', async () => {
    const before = await plans();
    const text = '{"period": "2026-09", "demandMultiplierByField": {"__proto__": {"x": 1}}}';
    for (const url of ['/api/scenarios', '/api/plans']) {
      const body = url === '/api/plans' ? `{"scenario": ${text}}` : `{"name": "p", "scenario": ${text}}`;
      const res = await app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: body });
      expect(res.statusCode).toBe(400);
    }
    expect(await plans()).toEqual(before);
  });

  it('a body with both a saved scenario and inline levers is refused, naming the rule', async () => {
    const res = await solve({ scenarioId: '00000000-0000-4000-8000-000000000000', scenario: { period: '2026-09' } });
    expect(res.json()).toEqual({ statusCode: 400, error: 'Bad Request', message: 'body must NOT have more than 1 properties' });
  });

  it('any scenario POST /api/scenarios accepts is accepted inline by POST /api/plans, and the reverse, with the same message when refused', async () => {
    const busy = await testApp({ datasetDir: longHistoryDir(), queueLimit: 0 });
    try {
      // Each lever mostly fits, sometimes not, so that both outcomes are common.
      const mostly = <T>(fits: readonly T[], misfits: readonly T[]) =>
        fc.oneof({ arbitrary: fc.constantFrom(...fits), weight: 6 }, { arbitrary: fc.constantFrom(...misfits), weight: 1 });
      const scenarioArb = fc.record({
        period: mostly(['2023-01', '2026-09', '2027-06'], ['2027-07', '2022-12', '9999-12', '2026-13', 'soon']),
        maxTransfers: mostly<unknown>([null, 0, 6], [7, -3, 2.5, 1e9, '3']),
        demandMultiplierByField: fc.dictionary(mostly(['land', 'certification'], ['soil', 'constructor', 'toString']), mostly<unknown>([0.5, 2], [11, -1]), { maxKeys: 2 }),
        hiresAllowedByField: fc.dictionary(mostly(['land', 'social_protection'], ['valueOf', 'Land']), mostly<unknown>([0, 6], [7, 1.5]), { maxKeys: 2 }),
        lockedStaffIds: fc.array(mostly(['HP-000001', 'HP-000006'], ['HP-999999', '']), { maxLength: 2 }),
        timeLimitSeconds: mostly<unknown>([1, 5], [0.5, 601]),
        weights: fc.record({ evenness: mostly<unknown>([1, 0], [-1, 2e6]) }, { requiredKeys: [] }),
        maxTransferz: fc.constant(1),
      }, { requiredKeys: [] }).map((s) => (Math.abs(JSON.stringify(s).length % 9) === 0 ? s : (({ maxTransferz: _, ...rest }) => rest)(s)));
      let accepted = 0;
      let refused = 0;
      await fc.assert(fc.asyncProperty(scenarioArb, async (scenario) => {
        const before = (await plans(busy)).length;
        const saved = await save(scenario, busy);
        const inline = await solve({ scenario }, busy);
        // Accepted inline: 202 queued, or 503 when the one worker is busy (the queue holds none here).
        const inlineAccepted = inline.statusCode === 202 || inline.statusCode === 503;
        expect(inlineAccepted).toBe(saved.statusCode === 201);
        if (saved.statusCode === 201) {
          accepted += 1;
          expect((await plans(busy)).length).toBe(before + (inline.statusCode === 202 ? 1 : 0));
        } else {
          refused += 1;
          expect(saved.statusCode).toBe(400);
          expect(inline.json()).toEqual(saved.json());
          expect((await plans(busy)).length).toBe(before);
        }
      }), { numRuns: 120 });
      // The property saw both outcomes (else it would prove nothing).
      expect(accepted).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
    } finally {
      await busy.close();
    }
  }, 120_000);
});

describe('a saved scenario the active dataset no longer fits', () => {
  it('is refused at solve and at copy with the words a save would get, and no plan record is made', async () => {
    const own = await testApp({ datasetDir: longHistoryDir() });
    try {
      const id = (await save({ period: '2026-03', lockedStaffIds: ['HP-000006'], maxTransfers: 6 }, own)).json().id as string;
      // A new active version without HP-000006 (history 2025-07 to 2025-08, 5 civil servants).
      const tables = goodTables();
      const staff = { ...tables.staff, text: tables.staff.text.split('\n').filter((line) => !line.startsWith('HP-000006')).join('\n') };
      const imported = await own.inject({ method: 'POST', url: '/api/datasets', payload: { name: 'without HP-000006', activate: true, ...tables, staff } });
      expect(imported.statusCode).toBe(201);
      const before = await plans(own);
      const message = 'body/scenario/maxTransfers must be at most 5, the civil servants in the active dataset';
      for (const res of [await solve({ scenarioId: id }, own), await curve({ scenarioId: id }, own), await own.inject({ method: 'POST', url: `/api/scenarios/${id}/copy` })]) {
        expect(res.json()).toEqual({ statusCode: 400, error: 'Bad Request', message });
      }
      expect((await save({ period: '2026-03', lockedStaffIds: ['HP-000006'], maxTransfers: 6 }, own)).json().message).toBe(message);
      expect(await plans(own)).toEqual(before);
      const staffGone = (await save({ period: '2026-03', lockedStaffIds: ['HP-000006'] }, own)).json().message;
      expect(staffGone).toBe('body/scenario/lockedStaffIds names staff ids not in the active dataset: HP-000006');
    } finally {
      await own.close();
    }
  }, 60_000);
});
