import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { PlanResultSchema } from '../../../api/schemas/planResultSchema.ts';
import { longHistoryDir, testApp } from './testApp.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
/** The declared contract of /api/plans/:id/result, compiled once. */
const validResult = addFormats(new Ajv({ strict: false, allErrors: true })).compile(PlanResultSchema);

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
/** A plan over three months (its scenario's horizon 3). */
let yearPlan = '';
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

  it('the result is the declared plan result (version 2), with every civil servant\'s assignment and the moves', async () => {
    const res = await app.inject({ url: `/api/plans/${planA}/result` });
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(validResult(result), JSON.stringify(validResult.errors)).toBe(true);
    expect(result.version).toBe(3);
    expect(result.schedule).toBeNull();
    expect(result.outcome.assignments).toHaveLength(6);
    const plan = (await app.inject({ url: `/api/plans/${planA}` })).json();
    expect(result.outcome.moves.length).toBe(plan.summary.transfers);
    expect(result.outcome.before.uncoveredHours).toBeCloseTo(plan.summary.before.uncoveredHours, 1);
    expect(result.scenario).toMatchObject({ period: '2026-09', maxTransfers: 2, quantile: 0.8 });
  });

  it('a plan over three months carries its schedule: months with uncovered hours before and after under P50, P80 and P95, and the first month as the plan', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/plans', payload: { scenario: { period: '2026-09', horizon: 3, maxTransfers: 2, maxCommuteKm: 30, secondmentMonths: 2, timeLimitSeconds: 10 } } });
    expect(res.statusCode).toBe(202);
    const plan = await finished(res.json().id);
    expect(plan.status).toBe('done');
    yearPlan = plan.id;
    const result = (await app.inject({ url: `/api/plans/${plan.id}/result` })).json();
    expect(validResult(result), JSON.stringify(validResult.errors)).toBe(true);
    expect(result.quality.boundKind).toBe('horizon_months_apart');
    expect(result.schedule).toMatchObject({ horizon: 3, from: '2026-09', until: '2026-11' });
    expect(result.schedule.months.map((m: { month: string }) => m.month)).toEqual(['2026-09', '2026-10', '2026-11']);
    for (const m of result.schedule.months) {
      expect(m.uncovered.map((u: { quantile: number }) => u.quantile)).toEqual([0.5, 0.8, 0.95]);
      expect(m.weightedUncoveredAfter).toBeLessThanOrEqual(m.weightedUncoveredBefore + 1e-6);
    }
    expect(result.schedule.transfers.length).toBeLessThanOrEqual(2);
    // Every center each month (the timeline's cells), and each move with its reason naming its first month.
    for (const m of result.schedule.months) expect(m.centers.map((c: { centerCode: string }) => c.centerCode)).toEqual(result.outcome.centers.map((c: { centerCode: string }) => c.centerCode).sort());
    for (const x of [...result.schedule.transfers, ...result.schedule.secondments]) {
      expect(x.reason.vi).toContain(`tháng ${Number(x.fromMonth.slice(5))}/${x.fromMonth.slice(0, 4)}`);
      expect(x.reason.en).toContain(x.staffId);
    }
    expect(result.outcome.assignments).toHaveLength(6);
    expect(result.outcome.moves.length).toBe(result.schedule.transfers.filter((t: { fromMonth: string }) => t.fromMonth === '2026-09').length + result.schedule.secondments.filter((s: { fromMonth: string }) => s.fromMonth === '2026-09').length);
  });

  it('an infeasible scenario is done with status infeasible, leads with its key conflict, and has no figures at all', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/plans', payload: { scenario: { period: '2026-09', minStaffPerCenter: 50 } } });
    const plan = await finished(res.json().id);
    expect(plan.status).toBe('done');
    expect(plan.summary).toMatchObject({ status: 'infeasible', hasPlan: false, objective: null, before: null, after: null, transfers: null, hires: null, requiredHours: null });
    expect(plan.summary.leadConflict.en).toBe('The minimums add up to 200 people, but the city has 6 civil servants and 0 allowed hires.');
    expect(plan.summary.leadConflict.vi).toBe('Các mức tối thiểu cộng lại là 200 người, nhưng thành phố chỉ có 6 công chức và 0 người được phép tuyển mới.');
    const result = (await app.inject({ url: `/api/plans/${plan.id}/result` })).json();
    expect(validResult(result), JSON.stringify(validResult.errors)).toBe(true);
    expect(result.outcome).toBeNull();
    expect(result.infeasibility.lead.code).toBe('conflict.minimums_above_staff');
    expect(JSON.stringify(result.infeasibility)).not.toMatch(/max_staff\)|\(max_staff/);
  });

  it.each(['csv', 'xlsx', 'memo'])('an infeasible plan offers no %s export: 409 saying why', async (kind) => {
    const res = await app.inject({ method: 'POST', url: '/api/plans', payload: { scenario: { period: '2026-09', minStaffPerCenter: 50 } } });
    const plan = await finished(res.json().id);
    const exported = await app.inject({ url: `/api/plans/${plan.id}/export/${kind}` });
    expect(exported.statusCode).toBe(409);
    expect(exported.json().message).toMatch(/has no plan to export: No plan keeps every rule\. The minimums add up to 200 people/);
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
  it('CSV: one row per civil servant and field with hours, centers and fields named beside their codes', async () => {
    const res = await app.inject({ url: `/api/plans/${planA}/export/csv` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = res.body.slice(1).trim().split('\n').map((l) => l.split(','));
    expect(header?.join(',')).toBe('staff_id,name,from_center,from_center_name,to_center,to_center_name,moved,field,field_name,hours');
    const land = rows.find((r) => r[7] === 'land');
    expect(land?.[8]).toBe('Đất đai');
    expect(land?.[9]).toMatch(/^\d+\.\d{2}$/);
  });

  it('CSV ?locale=vi: ";" between cells and decimal commas, as Excel in a Vietnamese locale reads them', async () => {
    const res = await app.inject({ url: `/api/plans/${planA}/export/csv?locale=vi` });
    const [header, ...rows] = res.body.slice(1).trim().split('\n').map((l) => l.split(';'));
    expect(header).toHaveLength(10);
    for (const row of rows) expect(row[9]).toMatch(/^\d+,\d{2}$/);
    expect(res.headers['content-disposition']).toContain('-vi.csv');
  });

  it('XLSX: a workbook (zip) with the plan', async () => {
    const res = await app.inject({ url: `/api/plans/${planA}/export/xlsx` });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('XLSX: Vietnamese sheets and headers, names instead of codes, the same figures as the result', async () => {
    const res = await app.inject({ url: `/api/plans/${planA}/export/xlsx` });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name).slice(0, 5)).toEqual(['Tóm tắt', 'Điều động', 'Trung tâm', 'Lĩnh vực', 'Phân công']);
    const result = (await app.inject({ url: `/api/plans/${planA}/result` })).json();
    const summary = book.getWorksheet('Tóm tắt');
    expect(summary?.getRow(1).values).toEqual([undefined, 'Chỉ tiêu', 'Hiện nay', 'Theo phương án']);
    expect(summary?.getRow(3).values).toEqual([undefined, 'Giờ việc chưa có người làm', result.outcome.before.uncoveredHours, result.outcome.after.uncoveredHours]);
    const fields = book.getWorksheet('Lĩnh vực');
    const land = fields?.getRows(2, (fields?.rowCount ?? 1) - 1)?.find((r) => r.getCell(3).value === 'Đất đai');
    expect(land).toBeDefined();
    const moves = book.getWorksheet('Điều động');
    expect(moves?.rowCount).toBe(1 + result.outcome.moves.length);
    if (result.outcome.moves.length > 0) expect(moves?.getRow(2).getCell(10).value).toBe(result.outcome.moves[0].sentence.vi);
  });

  it('LP: the model in CPLEX LP format', async () => {
    const res = await app.inject({ url: `/api/plans/${planA}/export/lp` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^(obj|min)/im);
    expect(res.body).toMatch(/^end\s*$/im);
  });

  it('LP of a plan over three months: a 400 naming the horizon and saying what to do, never the first month\'s model', async () => {
    const res = await app.inject({ url: `/api/plans/${yearPlan}/export/lp` });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(`plan ${yearPlan}: scenario/horizon must be 1 for the LP export, which is of today's single-month model (this scenario plans 3 months): export the model of a plan of one month (horizon 1); the plan over several months is not one model (solver/horizon)`);
  });

  it('memo: a Tờ trình in the layout of Decree 30/2020 (heading, number and date line, subject, recipient, body, recipients, signature)', async () => {
    const res = await app.inject({ url: `/api/plans/${planA}/export/memo` });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<html lang="vi">');
    const order = ['UBND THÀNH PHỐ HẢI PHÒNG', 'SỞ NỘI VỤ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '/TTr-SNV', 'Hải Phòng, ngày', '<h1>TỜ TRÌNH</h1>', 'Về việc điều động, bố trí công chức', 'Kính gửi: Ủy ban nhân dân thành phố Hải Phòng.', 'I. HIỆN TRẠNG', 'II. TÁC ĐỘNG ĐẾN TỪNG TRUNG TÂM', 'III. DANH SÁCH ĐIỀU ĐỘNG VÀ LÝ DO', 'V. ĐỀ NGHỊ', 'Nơi nhận:', 'GIÁM ĐỐC', '<footer>'];
    let at = 0;
    for (const part of order) {
      const next = html.indexOf(part, at);
      expect(next, part).toBeGreaterThanOrEqual(at);
      at = next;
    }
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/social_protection|civil_status/);
  });

  it('memo: its body has no UUID, hash, ISO timestamp or "->" (they are in the provenance footer only)', async () => {
    const html = (await app.inject({ url: `/api/plans/${planA}/export/memo` })).body;
    const body = html.slice(html.indexOf('<body>'), html.indexOf('<footer>'));
    expect(body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/);
    expect(body).not.toMatch(/[0-9a-f]{32}/);
    expect(body).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}/);
    expect(body).not.toContain('->');
    expect(body).not.toContain('-&gt;');
    const footer = html.slice(html.indexOf('<footer>'));
    expect(footer).toContain(planA);
  });

  it('memo: ?lang=en gives it in English; another language is 400 naming the parameter', async () => {
    const res = await app.inject({ url: `/api/plans/${planA}/export/memo?lang=en` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain('<h1>PROPOSAL</h1>');
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
    const movedInA = (await app.inject({ url: `/api/plans/${planA}/result` })).json().outcome.moves.length;
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

describe('the trade-off curve of a scenario over several months', () => {
  it('is refused with a 400 naming body/scenario/horizon and saying what to ask instead, never a single month\'s curve', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/tradeoffs', payload: { scenario: { period: '2026-09', horizon: 3, timeLimitSeconds: 2 } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('body/scenario/horizon must be 1 for the trade-off curve, which is of today\'s single-month model (this scenario plans 3 months): ask the curve of one month (horizon 1, the month in period), or solve the plan over the months and read its schedule');
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
    expect(memo.body).toContain('Khối lượng công việc tính theo định mức đã hiệu chỉnh theo kết quả giải quyết hồ sơ từ tháng 07/2025 đến tháng 06/2026.');
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
