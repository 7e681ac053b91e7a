// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Center, Field } from '../../solver/domain.ts';
import { I18nContext, translate } from '../../web/src/i18n.ts';
import { Compare } from '../../web/src/pages/Compare.tsx';
import { makeReference, ReferenceContext } from '../../web/src/reference.ts';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const center = (code: string, nameVi: string): Center =>
  ({ code, nameVi, nameAscii: nameVi, type: 'ward', formerDistrict: '', areaKm2: 1, population: 1, lat: 20.8, lon: 106.7, desks: 4, maxStaff: 9, areaAdequate: true, meetingRooms: 1 }) as Center;
const centers = [center('11311', 'Phù Liễn'), center('11329', 'Kiến An'), center('11443', 'Đông Hải')];
const fields: Field[] = [{ field: 'land', nameVi: 'Đất đai', nameEn: 'Land', timeLimitDays: 15, minDirect: 25, minOnline: 12, minProcessing: 240, priority: 1 }];
const job = (id: string, scenarioId: string) => ({ id, scenarioId, scenario: {}, datasetVersion: 1, status: 'done', stage: 'done', progress: 1, summary: null, error: null, createdAt: '2026-11-27T20:00:00.000Z' });
const summary = (status: string, uncovered: number, transfers: number) => ({
  status, message: 'server words', objective: 100, bound: 99, gap: 0.0022, seconds: 2.3, period: '2026-11', quantile: 0.8, requiredHours: 5000,
  uncoveredHoursBefore: 1200, uncoveredHoursAfter: uncovered, overloadedCentersBefore: 3, overloadedCentersAfter: 1,
  maxUtilizationBefore: 3.85, maxUtilizationAfter: 1.1, transfers, hires: 0, addedCommuteKm: 12.5,
});
const comparison = {
  plans: [
    { id: A, scenarioId: 's1', scenarioName: 'Hành trình A', datasetVersion: 1, summary: summary('optimal', 800, 5) },
    { id: B, scenarioId: 's2', scenarioName: 'Hành trình B', datasetVersion: 1, summary: summary('time_limit', 650, 9) },
  ],
  moves: [{ staffId: 'HP-000007', name: 'Nguyễn Văn An', fromCenter: '11329', toCenters: ['11311', '11329'] }],
};

type Reply = { status: number; body: unknown };
let answer: (method: string, path: string) => Reply;
const calls: string[] = [];

beforeEach(() => {
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
  path === 'api/plans' ? { status: 200, body: [job(A, 's1'), job(B, 's2')] }
  : path === 'api/scenarios' ? { status: 200, body: [{ id: 's1', name: 'Hành trình A' }, { id: 's2', name: 'Hành trình B' }] }
  : path.endsWith('/result') ? { status: 200, body: { summary: { status: 'optimal' }, plan: { coverage: [{ centerCode: '11311', field: 'land', uncovered: 40 }] } } }
  : method === 'POST' && path === 'api/comparisons' ? { status: 200, body: comparison }
  : undefined;

const english = { lang: 'en' as const, t: (k: Parameters<typeof translate>[1], v?: Readonly<Record<string, string | number>>) => translate('en', k, v), setLang: () => undefined };
const show = (lang: 'vi' | 'en' = 'vi') => {
  const page = (
    <ReferenceContext.Provider value={makeReference(centers, fields, undefined, () => undefined)}>
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
    expect(within(table).getByText('1.200 → 800')).toBeTruthy();
    expect(within(table).getByText('Tối ưu: chênh lệch 0,22% so với cận dưới hợp lệ.')).toBeTruthy();
    expect(within(table).getByText('Dừng ở giới hạn thời gian; phương án tốt nhất tìm được, chênh lệch 0,22%.')).toBeTruthy();
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
    expect(screen.getByText('1,200 → 800')).toBeTruthy();
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
});
