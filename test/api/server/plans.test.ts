import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { longHistoryDir, testApp } from './testApp.ts';

let app: FastifyInstance;
beforeAll(async () => { app = await testApp({ datasetDir: longHistoryDir() }); });
afterAll(async () => { await app.close(); });

const unknownId = '00000000-0000-4000-8000-000000000000';

const saveScenario = async (scenario: object = { period: '2026-09', maxTransfers: 2, maxCommuteKm: 30, timeLimitSeconds: 5 }) =>
  (await app.inject({ method: 'POST', url: '/api/scenarios', payload: { name: 'test plan', scenario } })).json().id as string;

const finished = async (id: string) => {
  for (let i = 0; i < 600; i += 1) {
    const plan = (await app.inject({ url: `/api/plans/${id}` })).json();
    if (['done', 'failed', 'cancelled'].includes(plan.status)) return plan;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`plan ${id} did not finish`);
};

let planA = '';
let planB = '';

describe('plans as jobs', () => {
  it('a solve answers 202 at once with the queued plan and where to poll it', async () => {
    const scenarioId = await saveScenario();
    const res = await app.inject({ method: 'POST', url: '/api/plans', payload: { scenarioId } });
    expect(res.statusCode).toBe(202);
    const plan = res.json();
    expect(plan).toMatchObject({ scenarioId, status: 'queued', progress: 0, summary: null, datasetVersion: 1 });
    expect(res.headers.location).toBe(`/api/plans/${plan.id}`);
    planA = plan.id;
  });

  it('a finished plan states status, objective, bound, gap and seconds, and keeps the dataset hash', async () => {
    const plan = await finished(planA);
    expect(plan.status).toBe('done');
    expect(plan.error).toBeNull();
    expect(['optimal', 'feasible', 'time_limit']).toContain(plan.summary.status);
    expect(plan.summary.objective).toEqual(expect.any(Number));
    expect(plan.summary.bound).toBeLessThanOrEqual(plan.summary.objective + 1e-6);
    expect(plan.summary.transfers).toBeLessThanOrEqual(2);
    expect(plan.datasetHash).toBe((await app.inject({ url: '/api/health' })).json().datasetHash);
  });

  it('the result holds every civil servant\'s assignment and the moves', async () => {
    const res = await app.inject({ url: `/api/plans/${planA}/result` });
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(result.plan.assignments).toHaveLength(6);
    expect(result.moves.length).toBe(result.summary.transfers);
    expect(result.explanation.before.uncoveredHours).toBeCloseTo(result.summary.uncoveredHoursBefore, 1);
    expect(result.explanation.moves.map((m: { staffId: string }) => m.staffId)).toEqual(result.moves.map((m: { staffId: string }) => m.staffId));
    expect(result.scenario).toMatchObject({ period: '2026-09', maxTransfers: 2, quantile: 0.8 });
  });

  it('a scenario no plan can keep is done with status infeasible, its conflicts named, and no "after" figures', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/plans', payload: { scenario: { period: '2026-09', minStaffPerCenter: 50 } } });
    const plan = await finished(res.json().id);
    expect(plan.status).toBe('done');
    expect(plan.summary).toMatchObject({ status: 'infeasible', uncoveredHoursAfter: null, objective: null });
    const result = (await app.inject({ url: `/api/plans/${plan.id}/result` })).json();
    expect(result.plan.conflicts.length).toBeGreaterThan(0);
    expect(result.explanation).toBeNull();
  });

  it('solves levers sent inline without saving them', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/plans', payload: { scenario: { period: '2026-09', maxTransfers: 0, timeLimitSeconds: 5 } } });
    expect(res.statusCode).toBe(202);
    planB = res.json().id;
    const plan = await finished(planB);
    expect(plan).toMatchObject({ scenarioId: null, status: 'done', summary: { transfers: 0 } });
  });

  it('lists plans newest first', async () => {
    const ids = (await app.inject({ url: '/api/plans' })).json().map((p: { id: string }) => p.id) as string[];
    expect(ids.indexOf(planB)).toBeLessThan(ids.indexOf(planA));
    expect(ids.indexOf(planA)).toBeGreaterThanOrEqual(0);
  });
});

describe('exports', () => {
  it('CSV: one row per civil servant and field with hours', async () => {
    const res = await app.inject({ url: `/api/plans/${planA}/export/csv` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    expect(res.body.slice(1).split('\n')[0]).toBe('staff_id,name,from_center,to_center,moved,field,hours,field_name');
  });

  it('CSV: starts with a UTF-8 byte order mark (Excel) and names each field in Vietnamese beside its code', async () => {
    const res = await app.inject({ url: `/api/plans/${planA}/export/csv` });
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = res.body.slice(1).trim().split('\n').slice(1).map((l) => l.split(','));
    const land = rows.find((r) => r[5] === 'land');
    expect(land?.[7]).toBe('Đất đai');
  });

  it('XLSX: a workbook (zip) with the plan', async () => {
    const res = await app.inject({ url: `/api/plans/${planA}/export/xlsx` });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('XLSX: every center and field code is followed by its Vietnamese name', async () => {
    const res = await app.inject({ url: `/api/plans/${planA}/export/xlsx` });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const coverage = book.getWorksheet('Coverage');
    expect(coverage?.getRow(1).values).toEqual([undefined, 'center', 'center_name', 'field', 'field_name', 'required_hours', 'assigned_hours', 'uncovered_hours']);
    const land = coverage?.getRows(2, coverage.rowCount - 1)?.find((r) => r.getCell(3).value === 'land');
    expect(land?.getCell(4).value).toBe('Đất đai');
    expect(String(land?.getCell(2).value)).not.toBe('');
    const assignments = book.getWorksheet('Assignments');
    expect(assignments?.getRow(1).getCell(8).value).toBe('field_name');
  });

  it('LP: the model in CPLEX LP format', async () => {
    const res = await app.inject({ url: `/api/plans/${planA}/export/lp` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^(obj|min)/im);
    expect(res.body).toMatch(/^end\s*$/im);
  });

  it('memo: a printable HTML page in Vietnamese by default, with the KPIs and the solver status', async () => {
    const res = await app.inject({ url: `/api/plans/${planA}/export/memo` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="vi">');
    expect(res.body).toContain('<h1>Phương án bố trí công chức: test plan</h1>');
    expect(res.body).toContain('@media print');
    expect(res.body).toContain('Kết quả giải');
    expect(res.body).not.toContain('Solver status');
    expect(res.body).not.toMatch(/social_protection|civil_status/);
  });

  it('memo: ?lang=en gives it in English; another language is 400 naming the parameter', async () => {
    const res = await app.inject({ url: `/api/plans/${planA}/export/memo?lang=en` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain('<h1>Staffing plan: test plan</h1>');
    expect(res.body).toContain('Solver status');
    expect(res.body).not.toMatch(/social_protection|civil_status/);
    const fr = await app.inject({ url: `/api/plans/${planA}/export/memo?lang=fr` });
    expect(fr.statusCode).toBe(400);
    expect(fr.json().message).toMatch(/^querystring\/lang must be/);
  });

  it('an unknown export kind is 400 naming the parameter', async () => {
    const res = await app.inject({ url: `/api/plans/${planA}/export/pdf` });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('params/kind must be "csv" or must be "xlsx" or must be "lp" or must be "memo"');
  });
});

describe('comparison and trade-off', () => {
  it('compares 2 plans: KPI table and the people whose destination differs', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/comparisons', payload: { planIds: [planA, planB] } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.plans.map((p: { id: string }) => p.id)).toEqual([planA, planB]);
    expect(body.plans[1].summary.transfers).toBe(0);
    const movedInA = (await app.inject({ url: `/api/plans/${planA}/result` })).json().moves.length;
    expect(body.moves).toHaveLength(movedInA);
  });

  it.each([
    [{ planIds: [unknownId] }, 400, 'body/planIds must NOT have fewer than 2 items'],
    [{ planIds: [unknownId, unknownId] }, 400, 'body/planIds must NOT have duplicate items (items ## 1 and 0 are identical)'],
    [{ planIds: ['a', 'b'] }, 400, 'body/planIds/0 must match format "uuid"'],
  ])('refuses %j with %i: %s', async (payload, status, message) => {
    const res = await app.inject({ method: 'POST', url: '/api/comparisons', payload });
    expect(res.statusCode).toBe(status);
    expect(res.json().message).toBe(message);
  });

  it('a comparison naming an unknown plan is 404', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/comparisons', payload: { planIds: [planA, unknownId] } });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe(`no plan with id ${unknownId}`);
  });

  it('the trade-off curve has one point per transfer budget 0, 5, 10, 20, 40 and unlimited', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/tradeoffs', payload: { scenario: { period: '2026-09', timeLimitSeconds: 2 } } });
    expect(res.statusCode).toBe(200);
    const points = res.json().points as { maxTransfers: number | null; transfers: number }[];
    expect(points.map((p) => p.maxTransfers)).toEqual([0, 5, 10, 20, 40, null]);
    expect(points[0]?.transfers).toBe(0);
  });
});

describe('plans: bad input and states', () => {
  it.each([
    [{}, 'body must have required property \'scenarioId\' or must have required property \'scenario\''],
    [{ scenarioId: 'x' }, 'body/scenarioId must match format "uuid"'],
  ])('refuses %j with 400: %s', async (payload, message) => {
    const res = await app.inject({ method: 'POST', url: '/api/plans', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(message);
  });

  it('a plan says the workload was by official norms when the scenario does not ask otherwise', async () => {
    const plan = await finished(planA);
    expect(plan.summary.norms).toEqual({ requested: 'official', used: 'official', fittedFrom: null, fittedTo: null, fallback: null });
  });

  it('a plan solved with calibrated norms says so, with the months they were fitted on, and so does its memo', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/plans', payload: { scenario: { period: '2026-09', norms: 'calibrated', maxTransfers: 2, timeLimitSeconds: 5 } } });
    const plan = await finished(res.json().id);
    expect(plan.status).toBe('done');
    expect(plan.summary.norms).toEqual({ requested: 'calibrated', used: 'calibrated', fittedFrom: '2025-07', fittedTo: '2026-06', fallback: null });
    const memo = await app.inject({ url: `/api/plans/${plan.id}/export/memo` });
    expect(memo.body).toContain('Khối lượng công việc tính theo định mức đã hiệu chỉnh theo kết quả giải quyết hồ sơ các tháng 2025-07..2026-06.');
    const english = await app.inject({ url: `/api/plans/${plan.id}/export/memo?lang=en` });
    expect(english.body).toContain('Workload by calibrated norms, fitted on 2025-07..2026-06.');
  });

  it('refuses a norms lever other than official or calibrated with 400 naming it', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/scenarios', payload: { name: 'x', scenario: { norms: 'fitted' } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('body/scenario/norms must be "official" or must be "calibrated"');
  });

  it('solving an unknown scenario is 404', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/plans', payload: { scenarioId: unknownId } });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe(`no scenario with id ${unknownId}`);
  });

  it.each(['', '/result', '/export/csv'])('GET /api/plans/<unknown>%s is 404', async (suffix) => {
    const res = await app.inject({ url: `/api/plans/${unknownId}${suffix}` });
    expect(res.statusCode).toBe(404);
  });

  it('cancelling a finished plan is 409, an unknown one 404', async () => {
    const done = await app.inject({ method: 'POST', url: `/api/plans/${planA}/cancel` });
    expect(done.statusCode).toBe(409);
    expect(done.json().message).toBe(`plan ${planA} is done already and cannot be cancelled`);
    expect((await app.inject({ method: 'POST', url: `/api/plans/${unknownId}/cancel` })).statusCode).toBe(404);
  });
});

describe('the solver queue', () => {
  it('cancels a waiting plan, which then has no result (409)', async () => {
    const fresh = await testApp({ datasetDir: longHistoryDir() });
    const id = (await fresh.inject({ method: 'POST', url: '/api/plans', payload: { scenario: { period: '2026-09' } } })).json().id;
    const cancelled = await fresh.inject({ method: 'POST', url: `/api/plans/${id}/cancel` });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    const result = await fresh.inject({ url: `/api/plans/${id}/result` });
    expect(result.statusCode).toBe(409);
    expect(result.json().message).toBe(`plan ${id} is cancelled: it has no result`);
    await fresh.close();
  });

  it('answers 503 with Retry-After when the queue is full', async () => {
    const full = await testApp({ datasetDir: longHistoryDir(), queueLimit: 1 });
    const first = await full.inject({ method: 'POST', url: '/api/plans', payload: { scenario: { period: '2026-09' } } });
    expect(first.statusCode).toBe(202);
    const second = await full.inject({ method: 'POST', url: '/api/plans', payload: { scenario: { period: '2026-09' } } });
    expect(second.statusCode).toBe(503);
    expect(second.headers['retry-after']).toBe('10');
    expect(second.json()).toEqual({ statusCode: 503, error: 'Service Unavailable', message: 'the solver queue is full; retry in 10 s' });
    await full.close();
  });
});
