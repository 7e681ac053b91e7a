// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Center, Field } from '../../solver/domain.ts';
import { formatInt, formatNumber } from '../../web/src/format.ts';
import { I18nContext, translate } from '../../web/src/i18n.ts';
import { Compare } from '../../web/src/pages/Compare.tsx';
import { makeReference, ReferenceContext } from '../../web/src/reference.ts';
import { planSummary } from '../../api/jobs/planSummary.ts';
import type { PlanResult } from '../../solver/plan/planResult.ts';
import { planResultOf } from './planResultCases.ts';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';
const center = (code: string, nameVi: string): Center =>
  ({ code, nameVi, nameAscii: nameVi, type: 'ward', formerDistrict: '', areaKm2: 1, population: 1, lat: 20.8, lon: 106.7, desks: 4, maxStaff: 9, areaAdequate: true, meetingRooms: 1 }) as Center;
const centers = [center('11311', 'Phù Liễn'), center('11329', 'Kiến An'), center('11443', 'Đông Hải')];
const fields: Field[] = [{ field: 'land', nameVi: 'Đất đai', nameEn: 'Land', timeLimitDays: 15, minDirect: 25, minOnline: 12, minProcessing: 240, priority: 1 }];
/** Two real results (small cities solved): A the plain one, B the social-protection wave. */
let resultA: PlanResult;
let resultB: PlanResult;
const job = (id: string, scenarioId: string, result: PlanResult, hasPlan = true) => ({
  id, scenarioId, scenario: {}, datasetVersion: 1, status: 'done', stage: 'done', progress: 1, summary: { ...planSummary(result), hasPlan }, error: null, createdAt: '2026-11-27T20:00:00.000Z',
});
const comparison = () => ({
  plans: [
    { id: A, scenarioId: 's1', scenarioName: 'Hành trình A', datasetVersion: 1, summary: planSummary(resultA) },
    { id: B, scenarioId: 's2', scenarioName: 'Hành trình B', datasetVersion: 2, summary: planSummary(resultB) },
  ],
  moves: [{ staffId: 'HP-000007', name: 'Nguyễn Văn An', fromCenter: '11329', toCenters: ['11311', '11329'] }],
});

type Reply = { status: number; body: unknown };
let answer: (method: string, path: string) => Reply;
const calls: string[] = [];

beforeEach(async () => {
  [resultA, resultB] = await Promise.all([planResultOf('city-moves'), planResultOf('city-wave')]);
  calls.length = 0;
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${url}`);
    const { status, body } = answer(method, url);
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const base = (method: string, path: string): Reply | undefined =>
  path === 'api/plans' ? { status: 200, body: [job(A, 's1', resultA), job(B, 's2', resultB), job(C, 's3', resultA, false)] }
  : path === 'api/scenarios' ? { status: 200, body: [{ id: 's1', name: 'Hành trình A' }, { id: 's2', name: 'Hành trình B' }, { id: 's3', name: 'Không khả thi' }] }
  : path === `api/plans/${A}/result` ? { status: 200, body: resultA }
  : path === `api/plans/${B}/result` ? { status: 200, body: resultB }
  : method === 'POST' && path === 'api/comparisons' ? { status: 200, body: comparison() }
  : undefined;

const english = { lang: 'en' as const, t: (k: Parameters<typeof translate>[1], v?: Readonly<Record<string, string | number>>) => translate('en', k, v), setLang: () => undefined };
const show = (lang: 'vi' | 'en' = 'vi') => {
  const page = (
    <ReferenceContext.Provider value={makeReference(centers, fields, undefined, () => undefined, () => undefined, 1)}>
      <Compare />
    </ReferenceContext.Provider>
  );
  return render(lang === 'en' ? <I18nContext.Provider value={english}>{page}</I18nContext.Provider> : page);
};
const chooseBoth = async () => {
  fireEvent.click(await screen.findByLabelText(/Hành trình A/));
  fireEvent.click(screen.getByLabelText(/Hành trình B/));
};

describe('Compare', () => {
  it('asks the server for the comparison and shows its key figures and differences in moves, in Vietnamese', async () => {
    answer = (m, p) => base(m, p) ?? { status: 500, body: {} };
    show();
    await chooseBoth();
    fireEvent.click(screen.getByRole('button', { name: 'So sánh' }));
    const heading = await screen.findByRole('heading', { name: 'Chỉ số chính' });
    expect(calls).toContain('POST api/comparisons');
    const table = heading.parentElement?.querySelector('table') as HTMLElement;
    const rowOf = (label: string) => [...(within(table).getByRole('rowheader', { name: label }).closest('tr')?.querySelectorAll('td') ?? [])].map((td) => td.textContent);
    const a = planSummary(resultA);
    const b = planSummary(resultB);
    expect(rowOf('Giờ thiếu')).toEqual([a, b].map((x) => `${formatInt('vi', x.before?.uncoveredHours ?? NaN)} → ${formatInt('vi', x.after?.uncoveredHours ?? NaN)}`));
    expect(rowOf('Kết luận của bộ giải')).toEqual([resultA.verdict.vi, resultB.verdict.vi]);
    const row = screen.getByText('Nguyễn Văn An').closest('tr') as HTMLElement;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['Nguyễn Văn AnHP-000007', 'Kiến An', 'Phù Liễn', 'ở lại']);
    expect(document.activeElement).toBe(heading);
    await waitFor(() => expect(document.querySelector('figure.chart svg')).toBeTruthy());
  });

  it('the same page reads in English', async () => {
    answer = (m, p) => base(m, p) ?? { status: 500, body: {} };
    show('en');
    await chooseBoth();
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    await screen.findByRole('heading', { name: 'Key figures' });
    const a = planSummary(resultA);
    expect(screen.getAllByText(`${formatInt('en', a.before?.uncoveredHours ?? NaN)} → ${formatInt('en', a.after?.uncoveredHours ?? NaN)}`).length).toBeGreaterThan(0);
    expect(screen.getByText('stays')).toBeTruthy();
  });

  it('an error about one plan shows beside that plan\'s checkbox, in words', async () => {
    answer = (m, p) =>
      m === 'POST' && p === 'api/comparisons'
        ? { status: 409, body: { statusCode: 409, error: 'Conflict', message: `plan ${B} is failed: it has no result (the solver stopped unexpectedly)` } }
        : (base(m, p) ?? { status: 500, body: {} });
    show();
    await chooseBoth();
    fireEvent.click(screen.getByRole('button', { name: 'So sánh' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('kết quả giải 22222222 bị lỗi: chưa có kết quả (bộ giải dừng bất thường)');
    const boxB = screen.getByLabelText(/Hành trình B/) as HTMLInputElement;
    expect(boxB.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(boxB.getAttribute('aria-describedby') ?? '')?.contains(alert)).toBe(true);
    expect(screen.queryByRole('heading', { name: 'Chỉ số chính' })).toBeNull();
  });

  it('an error about no plan in particular shows beside the Compare button', async () => {
    answer = (m, p) =>
      m === 'POST' && p === 'api/comparisons'
        ? { status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'body/planIds must NOT have fewer than 2 items' } }
        : (base(m, p) ?? { status: 500, body: {} });
    show();
    await chooseBoth();
    const button = screen.getByRole('button', { name: 'So sánh' });
    fireEvent.click(button);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('planIds: phải có ít nhất 2 mục');
    expect(document.getElementById(button.getAttribute('aria-describedby') ?? '')?.contains(alert)).toBe(true);
  });

  it('shows people besides hours: the people short before and after each plan', async () => {
    answer = (m, p) => base(m, p) ?? { status: 500, body: {} };
    show();
    await chooseBoth();
    fireEvent.click(screen.getByRole('button', { name: 'So sánh' }));
    await screen.findByRole('heading', { name: 'Chỉ số chính' });
    const row = screen.getByRole('rowheader', { name: 'Người còn thiếu (quy đổi)' }).closest('tr') as HTMLElement;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual(
      [resultA, resultB].map((r) => `${formatNumber('vi', planSummary(r).before?.fteShort ?? NaN)} → ${formatNumber('vi', planSummary(r).after?.fteShort ?? NaN)}`),
    );
  });

  it('the added commute reads as on the plan\'s results: the summary\'s figure with one decimal', async () => {
    answer = (m, p) => base(m, p) ?? { status: 500, body: {} };
    show();
    await chooseBoth();
    fireEvent.click(screen.getByRole('button', { name: 'So sánh' }));
    await screen.findByRole('heading', { name: 'Chỉ số chính' });
    const row = screen.getByRole('rowheader', { name: 'Quãng đường đi lại thêm' }).closest('tr') as HTMLElement;
    expect(row.querySelector('td')?.textContent).toBe(`${formatNumber('vi', resultA.outcome?.after.addedCommuteKm ?? NaN, 1)} km`);
  });

  it('a plan of another dataset version says so, naming the plan', async () => {
    answer = (m, p) => base(m, p) ?? { status: 500, body: {} };
    show();
    await chooseBoth();
    fireEvent.click(screen.getByRole('button', { name: 'So sánh' }));
    await screen.findByRole('heading', { name: 'Chỉ số chính' });
    const notes = screen.getAllByRole('note').map((n) => n.textContent);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^Hành trình B · .*: Phương án này tính trên bộ dữ liệu phiên bản 2; bộ dữ liệu đang dùng là phiên bản 1\.$/);
  });

  it('offers only plans that exist: a solve without a plan has nothing to compare', async () => {
    answer = (m, p) => base(m, p) ?? { status: 500, body: {} };
    show();
    await screen.findByLabelText(/Hành trình A/);
    expect(screen.queryByLabelText(/Không khả thi/)).toBeNull();
  });
});
