// @vitest-environment happy-dom
/**
 * Compare over the months (issue 13): with a plan over several months among those compared, the
 * page shows each plan's uncovered hours per month (bars and their table), the total over its
 * months, lasting transfers, secondments and hires, all read off each plan's result. Real results:
 * a one-month plan and a three-month plan of the same small city (planResultCases.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { Center, Field } from '../../solver/domain.ts';
import { planSummary } from '../../api/jobs/planSummary.ts';
import type { PlanResult } from '../../solver/plan/planResult.ts';
import { formatInt, formatMonth } from '../../web/src/format.ts';
import { Compare } from '../../web/src/pages/Compare.tsx';
import { makeReference, ReferenceContext } from '../../web/src/reference.ts';
import { planResultOf, yearPlanResultOf } from './planResultCases.ts';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const center = (code: string, nameVi: string): Center =>
  ({ code, nameVi, nameAscii: nameVi, type: 'ward', formerDistrict: '', areaKm2: 1, population: 1, lat: 20.8, lon: 106.7, desks: 4, maxStaff: 9, areaAdequate: true, meetingRooms: 1 }) as Center;
const centers = [center('11446', 'Phù Liễn'), center('11329', 'Kiến An'), center('11443', 'Đông Hải')];
const fields: Field[] = [{ field: 'land', nameVi: 'Đất đai', nameEn: 'Land', timeLimitDays: 15, minDirect: 25, minOnline: 12, minProcessing: 240, priority: 1 }];

let month: PlanResult;
let year: PlanResult;
const job = (id: string, scenarioId: string, result: PlanResult) => ({
  id, scenarioId, scenario: {}, datasetVersion: 1, status: 'done', stage: 'done', progress: 1, summary: { ...planSummary(result), hasPlan: true }, error: null, createdAt: '2026-11-27T20:00:00.000Z',
});

beforeEach(async () => {
  [month, year] = await Promise.all([planResultOf('city-moves'), yearPlanResultOf()]);
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = url === 'api/plans' ? [job(A, 's1', month), job(B, 's2', year)]
      : url === 'api/scenarios' ? [{ id: 's1', name: 'Một tháng' }, { id: 's2', name: 'Ba tháng' }]
      : url === `api/plans/${A}/result` ? month
      : url === `api/plans/${B}/result` ? year
      : method === 'POST' && url === 'api/comparisons' ? { plans: [{ id: A, scenarioId: 's1', scenarioName: 'Một tháng', datasetVersion: 1, summary: planSummary(month) }, { id: B, scenarioId: 's2', scenarioName: 'Ba tháng', datasetVersion: 1, summary: planSummary(year) }], moves: [] }
      : undefined;
    return new Response(JSON.stringify(body ?? {}), { status: body === undefined ? 500 : 200, headers: { 'content-type': 'application/json' } });
  });
}, 60_000);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const compareBoth = async () => {
  render(
    <ReferenceContext.Provider value={makeReference(centers, fields, undefined, () => undefined, () => undefined, 1)}>
      <Compare />
    </ReferenceContext.Provider>,
  );
  fireEvent.click(await screen.findByLabelText(/Một tháng/));
  fireEvent.click(screen.getByLabelText(/Ba tháng/));
  fireEvent.click(screen.getByRole('button', { name: 'So sánh' }));
  return screen.findByRole('heading', { name: 'So sánh theo tháng' });
};

describe('comparing plans over their months', () => {
  it('each plan\'s total uncovered hours over its months, lasting transfers, secondments and hires, from its result', async () => {
    const heading = await compareBoth();
    const table = within(heading.parentElement as HTMLElement).getByRole('table', { name: 'So sánh theo tháng' });
    const row = (label: string) => [...(within(table).getByRole('rowheader', { name: label }).closest('tr')?.querySelectorAll('td') ?? [])].map((td) => td.textContent);
    const s = year.schedule;
    const yearTotal = (s?.months ?? []).reduce((sum, m) => sum + (m.uncovered.find((u) => u.quantile === year.quantile)?.after ?? NaN), 0);
    expect(row('Các tháng')).toEqual([formatMonth(month.period), `${formatMonth(s?.from ?? '')} – ${formatMonth(s?.until ?? '')}`]);
    expect(row('Giờ thiếu cả kỳ')).toEqual([formatInt('vi', month.outcome?.after.uncoveredHours ?? NaN), formatInt('vi', yearTotal)]);
    expect(row('Điều động hẳn')).toEqual([formatInt('vi', month.outcome?.after.transfers ?? NaN), formatInt('vi', s?.transfers.length ?? NaN)]);
    const secondmentMonths = (s?.secondments ?? []).reduce((n, x) => n + x.months, 0);
    expect(secondmentMonths).toBeGreaterThan(0);
    expect(row('Biệt phái (người, tháng-người)')).toEqual(['0 (0 tháng-người)', `${s?.secondments.length} (${secondmentMonths} tháng-người)`]);
    expect(row('Tuyển mới')).toEqual([formatInt('vi', month.outcome?.after.hires ?? NaN), formatInt('vi', (s?.hires ?? []).reduce((n, x) => n + x.count, 0))]);
  });

  it('the bars\' table gives each month\'s uncovered hours with each plan', async () => {
    const heading = await compareBoth();
    const chart = within(heading.parentElement as HTMLElement).getByRole('table', { name: 'Giờ thiếu theo tháng của từng phương án' });
    const rows = [...chart.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    const months = [...new Set([month.period, ...(year.schedule?.months.map((m) => m.month) ?? [])])].sort();
    expect(rows.map((r) => r[0])).toEqual(months.map(formatMonth));
    const november = rows[months.indexOf(month.period)];
    expect(november?.[1]).toBe(formatInt('vi', month.outcome?.after.uncoveredHours ?? NaN));
  });
});
