/**
 * The workbook and the memo of a plan over several months carry its schedule (issue 13): the
 * month table with uncovered hours under P50, P80 and P95 before and after, lasting transfers by
 * month, secondments, hires with their start month and cross-trainings, each move with the
 * reason the solver wrote. A real 3-month plan through the API (the workbook read back with
 * exceljs), and the same exports of that result with a schedule that has one of everything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { planMemo, planXlsx, type ExportContext } from '../../../api/routes/planExports.ts';
import type { PlanRecord } from '../../../api/storage/planStore.ts';
import type { PlanResult } from '../../../solver/plan/planResult.ts';
import { longHistoryDir, testApp } from './testApp.ts';

let app: FastifyInstance;
let id = '';
let result: PlanResult;

const finished = async (planId: string) => {
  for (let i = 0; i < 600; i += 1) {
    const plan = (await app.inject({ url: `/api/plans/${planId}` })).json();
    if (['done', 'failed', 'cancelled'].includes(plan.status)) return plan;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`plan ${planId} did not finish`);
};

beforeAll(async () => {
  app = await testApp({ datasetDir: longHistoryDir() });
  const res = await app.inject({ method: 'POST', url: '/api/plans', payload: { scenario: { period: '2026-09', horizon: 3, maxTransfers: 2, maxCommuteKm: 30, secondmentMonths: 2, timeLimitSeconds: 10 } } });
  id = res.json().id;
  expect((await finished(id)).status).toBe('done');
  result = (await app.inject({ url: `/api/plans/${id}/result` })).json();
}, 120_000);
afterAll(async () => { await app.close(); });

const workbook = async (bytes: Buffer | Uint8Array): Promise<ExcelJS.Workbook> => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
};
const rowsOf = (ws: ExcelJS.Worksheet | undefined): unknown[][] => {
  const rows: unknown[][] = [];
  ws?.eachRow((row, n) => { if (n > 1) rows.push((row.values as unknown[]).slice(1)); });
  return rows;
};

/** The result's schedule with one of everything (the exports render whatever the result says). */
const withEverything = (r: PlanResult): PlanResult => {
  const s = r.schedule;
  if (s === null) throw new Error('no schedule');
  const [a, b] = r.outcome?.centers.map((c) => c.centerCode) ?? [];
  const staffId = r.outcome?.assignments[0]?.staffId ?? '';
  const other = r.outcome?.assignments[1]?.staffId ?? '';
  return {
    ...r,
    schedule: {
      ...s,
      transfers: [{ staffId, fromCenter: a ?? '', toCenter: b ?? '', fromMonth: '2026-10', reason: { vi: 'Từ tháng 10/2026, lý do điều động.', en: 'From October 2026, the transfer\'s reason.' } }],
      secondments: [{ staffId: other, fromCenter: b ?? '', toCenter: a ?? '', fromMonth: '2026-10', untilMonth: '2026-11', months: 2, reason: { vi: 'Từ tháng 10/2026 đến hết tháng 11/2026, lý do biệt phái.', en: 'The secondment\'s reason.' } }],
      hires: [{ centerCode: a ?? '', field: 'land', count: 2, startMonth: '2026-11' }],
      trainings: [{ staffId, centerCode: b ?? '', field: 'land', startMonth: '2026-09', readyMonth: '2026-10' }],
    },
  };
};

const context = (): ExportContext => ({
  names: { center: (code) => `Trung tâm ${code}`, field: (f, lang) => (f === 'land' ? (lang === 'vi' ? 'Đất đai' : 'Land') : f) },
  staffName: (staffId) => `Người ${staffId}`,
  record: { id, scenarioId: null, scenario: {}, datasetVersion: 1, datasetHash: 'h', status: 'done', stage: '', progress: 1, summary: null, error: null, createdAt: '', startedAt: null, finishedAt: null, createdBy: 'test' } satisfies PlanRecord,
  scenarioName: 'ba tháng',
});

describe('the workbook of a plan over several months', () => {
  it('has a month sheet: one row per month with uncovered hours under P50, P80 and P95 today and with the plan, as the result says', async () => {
    const book = await workbook((await app.inject({ url: `/api/plans/${id}/export/xlsx` })).rawPayload);
    const months = book.getWorksheet('Theo tháng');
    expect(months?.getRow(1).values).toEqual([undefined, 'Tháng', 'Giờ làm của 1 người', 'Người làm nơi khác', 'Giờ thiếu có trọng số hiện nay', 'Giờ thiếu có trọng số theo phương án',
      'Giờ thiếu P50 hiện nay', 'Giờ thiếu P50 theo phương án', 'Giờ thiếu P80 hiện nay', 'Giờ thiếu P80 theo phương án', 'Giờ thiếu P95 hiện nay', 'Giờ thiếu P95 theo phương án']);
    expect(rowsOf(months)).toEqual(result.schedule?.months.map((m) => [`${m.month.slice(5)}/${m.month.slice(0, 4)}`, m.hoursPerFte, m.away, m.weightedUncoveredBefore, m.weightedUncoveredAfter, ...m.uncovered.flatMap((u) => [u.before, u.after])]));
  });

  it('has a sheet of transfers by month and one of secondments, a row for each of the real plan\'s with the solver\'s reason', async () => {
    const book = await workbook((await app.inject({ url: `/api/plans/${id}/export/xlsx` })).rawPayload);
    expect(book.worksheets.map((w) => w.name).slice(0, 6)).toEqual(['Tóm tắt', 'Theo tháng', 'Điều động theo tháng', 'Biệt phái', 'Tuyển mới theo tháng', 'Đào tạo']);
    expect(rowsOf(book.getWorksheet('Điều động theo tháng')).map((r) => [r[1], r[6]])).toEqual(result.schedule?.transfers.map((x) => [x.staffId, x.reason.vi]));
    expect(rowsOf(book.getWorksheet('Biệt phái')).map((r) => [r[1], r[8]])).toEqual(result.schedule?.secondments.map((x) => [x.staffId, x.reason.vi]));
  });

  it('gives each transfer its month, each secondment its from and until, each hire its start month and each training its months', async () => {
    const book = await workbook(await planXlsx(withEverything(result), context()));
    const s = withEverything(result).schedule;
    const t = s?.transfers[0];
    const x = s?.secondments[0];
    expect(rowsOf(book.getWorksheet('Điều động theo tháng'))).toEqual([[1, t?.staffId, `Người ${t?.staffId}`, `Trung tâm ${t?.fromCenter}`, `Trung tâm ${t?.toCenter}`, '10/2026', 'Từ tháng 10/2026, lý do điều động.']]);
    expect(rowsOf(book.getWorksheet('Biệt phái'))).toEqual([[1, x?.staffId, `Người ${x?.staffId}`, `Trung tâm ${x?.fromCenter}`, `Trung tâm ${x?.toCenter}`, '10/2026', '11/2026', 2, 'Từ tháng 10/2026 đến hết tháng 11/2026, lý do biệt phái.']]);
    expect(rowsOf(book.getWorksheet('Tuyển mới theo tháng'))).toEqual([[`Trung tâm ${s?.hires[0]?.centerCode}`, 'Đất đai', 2, '11/2026']]);
    expect(rowsOf(book.getWorksheet('Đào tạo'))).toEqual([[t?.staffId, `Người ${t?.staffId}`, `Trung tâm ${s?.trainings[0]?.centerCode}`, 'Đất đai', '09/2026', '10/2026']]);
    const summary = rowsOf(book.getWorksheet('Tóm tắt'));
    expect(summary).toContainEqual(['Kỳ kế hoạch', '09/2026 – 11/2026 (3 tháng)']);
    expect(summary).toContainEqual(['Số tháng-người biệt phái', 2]);
  });

  it('a plan of one month has none of the schedule\'s sheets', async () => {
    const book = await workbook(await planXlsx({ ...result, schedule: null }, context()));
    expect(book.worksheets.map((w) => w.name)).not.toContain('Theo tháng');
    expect(book.worksheets.map((w) => w.name)).not.toContain('Biệt phái');
  });
});

describe('the memo of a plan over several months', () => {
  it('names the months in its subject and gives the month table under P50, P80 and P95, today / with the plan, with the horizon\'s total', async () => {
    const html = (await app.inject({ url: `/api/plans/${id}/export/memo` })).body;
    expect(html).toContain('Về việc điều động, bố trí công chức tại các Trung tâm Phục vụ hành chính công cấp xã các tháng 09/2026 – 11/2026');
    const s = result.schedule;
    const n0 = (x: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(Math.round(x));
    for (const m of s?.months ?? []) {
      expect(html).toContain(`<td>${m.month.slice(5)}/${m.month.slice(0, 4)}</td>${m.uncovered.map((u) => `<td class="n">${n0(u.before)} / ${n0(u.after)}</td>`).join('')}`);
    }
    const total = (q: number, side: 'before' | 'after') => (s?.months ?? []).reduce((sum, m) => sum + (m.uncovered.find((u) => u.quantile === q)?.[side] ?? 0), 0);
    expect(html).toContain(`<td>Cả kỳ</td>${[0.5, 0.8, 0.95].map((q) => `<td class="n">${n0(total(q, 'before'))} / ${n0(total(q, 'after'))}</td>`).join('')}`);
    expect(html).toContain('<th>P50</th><th>P80</th><th>P95</th>');
  });

  it('lists transfers by month and secondments with their reasons, hires with their start month and trainings, and asks for all of them', () => {
    const html = planMemo(withEverything(result), context());
    const order = ['III. DANH SÁCH ĐIỀU ĐỘNG VÀ LÝ DO', '1. Điều động theo tháng', '<td>10/2026</td><td>Từ tháng 10/2026, lý do điều động.</td>', '2. Biệt phái', '<td>10/2026</td><td>11/2026</td><td>Từ tháng 10/2026 đến hết tháng 11/2026, lý do biệt phái.</td>',
      'IV. TUYỂN DỤNG', 'Tuyển mới 2 công chức đất đai cho Trung tâm', ', làm việc từ tháng 11/2026.', '<td>Đất đai</td><td>09/2026</td><td>10/2026</td>',
      'phê duyệt phương án điều động 1 công chức, biệt phái 1 công chức và tuyển mới 2 công chức nêu trên.'];
    let at = 0;
    for (const part of order) {
      const next = html.indexOf(part, at);
      expect(next, part).toBeGreaterThanOrEqual(at);
      at = next;
    }
    expect(planMemo(withEverything(result), context(), 'en')).toContain('<td>The secondment&#39;s reason.</td>');
  });
});
