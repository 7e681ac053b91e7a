// @vitest-environment happy-dom
/**
 * Reopening `#/planner/ID` (a reload) shows the scenario's latest finished plan stored on the
 * server, with when it was solved and whether the levers changed since; the overview shows the
 * latest finished plan of the period it shows.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { formatNumber } from '../../web/src/format.ts';
import type { ReactNode } from 'react';
import type { Field } from '../../solver/domain.ts';
import { I18nContext, translate } from '../../web/src/i18n.ts';
import { ActivePlanSummary } from '../../web/src/pages/ActivePlanSummary.tsx';
import { Planner } from '../../web/src/pages/Planner.tsx';
import { makeReference, ReferenceContext } from '../../web/src/reference.ts';
import { DEFAULT_LEVERS } from '../../web/src/scenario.ts';
import { fakeServer, type FakeServer } from './fakeServer.ts';
import { planResultOf } from './planResultCases.ts';
import { planRecord } from './planServer.tsx';

const fields: Field[] = [
  { field: 'land', nameVi: 'Đất đai', nameEn: 'Land', timeLimitDays: 15, minDirect: 25, minOnline: 12, minProcessing: 240, priority: 1 },
];
const reference = makeReference([], fields, undefined, () => undefined);

const scenario = (id: string, name: string, levers = DEFAULT_LEVERS) => ({
  id, name, description: '', scenario: levers, revision: 1, createdAt: '2026-11-27T09:00:00.000Z', updatedAt: '2026-11-27T09:00:00.000Z',
});
/** A stored plan with a real result (a small city solved, planResultCases.ts) and the levers given. */
const plan = (id: string, scenarioId: string, status: 'done' | 'failed', levers = DEFAULT_LEVERS) => ({
  ...planRecord(id, result, { scenarioId }),
  scenario: levers,
  status,
  ...(status === 'done' ? {} : { summary: null }),
});
let result: Awaited<ReturnType<typeof planResultOf>>;

const show = (node: ReactNode) =>
  render(
    <I18nContext.Provider value={{ lang: 'vi', t: (key, values) => translate('vi', key, values), setLang: () => undefined }}>
      <ReferenceContext.Provider value={reference}>{node}</ReferenceContext.Provider>
    </I18nContext.Provider>,
  );

let server: FakeServer;
beforeEach(async () => {
  result = { ...(await planResultOf('city-moves')), period: '2026-11' };
  server = fakeServer('local');
  server.routes.set('GET plans/p1/result', { status: 200, body: result });
  server.routes.set('GET datasets', { status: 200, body: [{ version: 1, hash: 'h', name: 'v1', source: 't', createdAt: '', counts: { centers: 1, fields: 1, historyRows: 0, staff: 0 }, active: true }] });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('a reload keeps the solved plan', () => {
  it('reopening a scenario shows its latest done plan and when it was solved', async () => {
    server.routes.set('GET scenarios', { status: 200, body: [scenario('s1', 'Sóng +60%')] });
    server.routes.set('GET plans', { status: 200, body: [plan('p2', 's1', 'failed'), plan('p1', 's1', 'done'), plan('p0', 's1', 'done')] });
    show(<Planner scenarioId="s1" />);
    expect(await screen.findByText(/^Phương án đã tính lúc \d\d:\d\d:07 27\/11\/2026/)).toBeTruthy();
    expect(document.querySelector('.plan-results')).not.toBeNull();
    expect(server.calls.some((c) => c.path === 'plans/p1/result')).toBe(true);
    expect(screen.queryByText(/Kịch bản đã thay đổi/)).toBeNull();
  });

  it('says so when the scenario changed after its latest plan was solved', async () => {
    server.routes.set('GET scenarios', { status: 200, body: [scenario('s1', 'Sóng +60%', { ...DEFAULT_LEVERS, maxTransfers: 10 })] });
    server.routes.set('GET plans', { status: 200, body: [plan('p1', 's1', 'done')] });
    show(<Planner scenarioId="s1" />);
    expect(await screen.findByText(/Kịch bản đã thay đổi sau lần tính này/)).toBeTruthy();
  });

  it('shows no results for a scenario that has no finished plan', async () => {
    server.routes.set('GET scenarios', { status: 200, body: [scenario('s2', 'Mới')] });
    server.routes.set('GET plans', { status: 200, body: [plan('p1', 's1', 'done')] });
    show(<Planner scenarioId="s2" />);
    await vi.waitFor(() => expect((screen.getByLabelText('Tên phương án') as HTMLInputElement).value).toBe('Mới'));
    await vi.waitFor(() => expect(server.calls.some((c) => c.path === 'plans')).toBe(true));
    await new Promise((r) => setTimeout(r, 50));
    expect(document.querySelector('.plan-results')).toBeNull();
  });

  it('the overview shows the latest done plan of the period shown, and says when the period has none', async () => {
    server.routes.set('GET scenarios', { status: 200, body: [scenario('s1', 'Sóng +60%')] });
    server.routes.set('GET plans', { status: 200, body: [plan('p1', 's1', 'done')] });
    show(<ActivePlanSummary period="2026-11" />);
    expect(await screen.findByText(/Phương án mới nhất cho tháng 11\/2026/)).toBeTruthy();
    expect(screen.getByText(/«Sóng \+60%»/)).toBeTruthy();
    cleanup();
    show(<ActivePlanSummary period="2026-12" />);
    expect(await screen.findByText('Chưa có phương án nào được tính cho tháng 12/2026: số liệu theo biên chế hiện tại.')).toBeTruthy();
  });

  it('the overview\'s latest plan is never a solve that found no plan', async () => {
    const none = { ...plan('p2', 's1', 'done'), summary: { ...planRecord('p2', result).summary, hasPlan: false, before: null, after: null, transfers: null } };
    server.routes.set('GET scenarios', { status: 200, body: [scenario('s1', 'Sóng +60%')] });
    server.routes.set('GET plans', { status: 200, body: [none] });
    show(<ActivePlanSummary period="2026-11" />);
    expect(await screen.findByText('Chưa có phương án nào được tính cho tháng 11/2026: số liệu theo biên chế hiện tại.')).toBeTruthy();
  });

  it('the overview\'s latest plan says so when it was computed on another dataset version', async () => {
    server.routes.set('GET scenarios', { status: 200, body: [scenario('s1', 'Sóng +60%')] });
    server.routes.set('GET plans', { status: 200, body: [plan('p1', 's1', 'done')] });
    render(
      <I18nContext.Provider value={{ lang: 'vi', t: (key, values) => translate('vi', key, values), setLang: () => undefined }}>
        <ReferenceContext.Provider value={makeReference([], fields, undefined, () => undefined, () => undefined, 2)}>
          <ActivePlanSummary period="2026-11" />
        </ReferenceContext.Provider>
      </I18nContext.Provider>,
    );
    expect(await screen.findByText('Phương án này tính trên bộ dữ liệu phiên bản 1; bộ dữ liệu đang dùng là phiên bản 2.')).toBeTruthy();
  });

  it('the overview\'s latest plan shows the people short before and after, from its summary', async () => {
    server.routes.set('GET scenarios', { status: 200, body: [scenario('s1', 'Sóng +60%')] });
    server.routes.set('GET plans', { status: 200, body: [plan('p1', 's1', 'done')] });
    show(<ActivePlanSummary period="2026-11" />);
    const s = planRecord('p1', result).summary;
    expect(await screen.findByText(new RegExp(`Người còn thiếu \\(quy đổi\\): ${formatNumber('vi', s.before?.fteShort ?? NaN)} → ${formatNumber('vi', s.after?.fteShort ?? NaN)}`))).toBeTruthy();
  });

  it('the overview\'s latest plan is found by the period solved, also when its scenario was saved without one (the default month)', async () => {
    server.routes.set('GET scenarios', { status: 200, body: [scenario('s1', 'Sóng +60%')] });
    server.routes.set('GET plans', { status: 200, body: [{ ...plan('p1', 's1', 'done'), scenario: { maxTransfers: 20 } }] });
    show(<ActivePlanSummary period="2026-11" />);
    expect(await screen.findByText(/Phương án mới nhất cho tháng 11\/2026/)).toBeTruthy();
  });
});
