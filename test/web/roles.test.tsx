// @vitest-environment happy-dom
/**
 * What each role may do on the real screens (viewer < planner < admin, as api/auth/access.ts):
 * actions beyond the role are disabled with the reason beside them, a 403 is shown beside the
 * action with the server's words, and plan exports are fetched with the token.
 */
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Field } from '../../solver/domain.ts';
import { I18nContext, translate } from '../../web/src/i18n.ts';
import { DataPage } from '../../web/src/pages/DataPage.tsx';
import { Planner } from '../../web/src/pages/Planner.tsx';
import { PlanResults } from '../../web/src/pages/PlanResults.tsx';
import { makeReference, ReferenceContext } from '../../web/src/reference.ts';
import { SessionGate } from '../../web/src/session/SessionGate.tsx';
import { SessionProvider } from '../../web/src/session/SessionProvider.tsx';
import { TOKEN_KEY } from '../../web/src/session/session.ts';
import { fakeServer, tokenOf, type FakeServer, type Role } from './fakeServer.ts';
import { planResultOf } from './planResultCases.ts';

const fields: Field[] = [
  { field: 'land', nameVi: 'Đất đai', nameEn: 'Land', timeLimitDays: 15, minDirect: 25, minOnline: 12, minProcessing: 240, priority: 1 },
];
const reference = makeReference([], fields, undefined, () => undefined);

let server: FakeServer;
const TOKEN = tokenOf('T');

/** Renders `screenUnderTest` signed in as `role` (the token kept from an earlier sign-in). */
const as = async (role: Role, screenUnderTest: ReactNode) => {
  server.users.set(TOKEN, { name: 'lan', role });
  sessionStorage.setItem(TOKEN_KEY, TOKEN);
  render(
    <I18nContext.Provider value={{ lang: 'vi', t: (key, values) => translate('vi', key, values), setLang: () => undefined }}>
      <SessionProvider>
        <SessionGate>
          <ReferenceContext.Provider value={reference}>{screenUnderTest}</ReferenceContext.Provider>
        </SessionGate>
      </SessionProvider>
    </I18nContext.Provider>,
  );
  await waitFor(() => expect(server.calls.some((c) => c.path === 'me')).toBe(true));
};

const PLANNER_NEEDED = 'Cần vai trò Người lập kế hoạch; bạn là Người xem.';
const isDisabled = (name: string | RegExp) => (screen.getByRole('button', { name }) as HTMLButtonElement).disabled;

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
  server = fakeServer('tokens');
  server.routes.set('GET scenarios', { status: 200, body: [] });
  server.routes.set('GET datasets', {
    status: 200,
    body: [1, 2].map((version) => ({ version, hash: `${version}`.repeat(64), name: `v${version}`, source: 'test', createdAt: '2026-11-01T00:00:00Z', counts: { centers: 4, fields: 2, historyRows: 10, staff: 8 }, active: version === 1 })),
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Planner', () => {
  it('a viewer sees Save and Solve disabled, with the reason beside them', async () => {
    await as('viewer', <Planner scenarioId={undefined} />);
    await screen.findByText(PLANNER_NEEDED);
    expect(isDisabled('Lưu')).toBe(true);
    expect(isDisabled('Tính phương án')).toBe(true);
  });

  it('a planner may save and solve, and sees no role note', async () => {
    await as('planner', <Planner scenarioId={undefined} />);
    await screen.findByRole('button', { name: 'Lưu' });
    expect(isDisabled('Lưu')).toBe(false);
    expect(isDisabled('Tính phương án')).toBe(false);
    expect(screen.queryByText(/^Cần vai trò/)).toBeNull();
  });

  it('a 403 (the role lowered on the server since sign-in) is shown beside the actions in the server\'s words', async () => {
    await as('planner', <Planner scenarioId={undefined} />);
    await screen.findByRole('button', { name: 'Lưu' });
    server.users.set(TOKEN, { name: 'lan', role: 'viewer' });
    server.routes.set('POST scenarios', { status: 201, body: {}, role: 'planner' });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    const form = screen.getByRole('form', { name: 'Tham số' });
    const note = await within(form).findByText(/^Máy chủ báo lỗi \(403\)/);
    // The server's words, possibly put into Vietnamese by ErrorNote: the role needed and the user's.
    expect(note.closest('[role="alert"]')?.textContent).toMatch(/^Máy chủ báo lỗi \(403\): .*planner.*lan.*viewer/);
  });
});

describe('Data', () => {
  it('a planner sees import and activation disabled, with the reason', async () => {
    await as('planner', <DataPage />);
    await screen.findByText('v2');
    expect(screen.getAllByText('Cần vai trò Quản trị viên; bạn là Người lập kế hoạch.')).toHaveLength(2);
    expect(isDisabled('Kiểm tra và nhập')).toBe(true);
    expect(isDisabled('Dùng phiên bản này')).toBe(true);
  });

  it('an admin may activate a version', async () => {
    await as('admin', <DataPage />);
    await screen.findByText('v2');
    expect(isDisabled('Dùng phiên bản này')).toBe(false);
    expect(screen.queryByText(/^Cần vai trò/)).toBeNull();
  });
});

describe('plan results', () => {
  const PLAN = '0f1e2d3c-0000-4000-8000-000000000000';
  const result = () => planResultOf('city-moves');

  it('a viewer sees the trade-off curve disabled with the reason, and may still export', async () => {
    server.routes.set('GET staff', { status: 200, body: [] });
    await as('viewer', <PlanResults result={await result()} planId={PLAN} scenarioId="s1" datasetVersion={1} />);
    // The trade-off panel follows the key figures in a background render.
    await screen.findByText(PLANNER_NEEDED, {}, { timeout: 5000 });
    expect(isDisabled('Tính đường đánh đổi')).toBe(true);
    expect((screen.getByRole('link', { name: 'CSV' }) as HTMLAnchorElement).getAttribute('href')).toBe(`api/plans/${PLAN}/export/csv`);
  });

  it('a click on CSV fetches it with the token and saves it under the server\'s file name', async () => {
    server.routes.set('GET staff', { status: 200, body: [] });
    server.routes.set(`GET plans/${PLAN}/export/csv`, () => new Response('staff_id,name\nHP-1,An\n', { status: 200, headers: { 'content-type': 'text/csv', 'content-disposition': 'attachment; filename="plan-0f1e2d3c.csv"' } }));
    const saved: { name: string; text: Promise<string> }[] = [];
    vi.stubGlobal('URL', Object.assign(Object.create(URL), { createObjectURL: (blob: Blob) => { saved.push({ name: '', text: blob.text() }); return 'blob:test'; }, revokeObjectURL: () => undefined }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      const last = saved.at(-1);
      if (last && this.href.startsWith('blob:')) last.name = this.download;
    });
    await as('viewer', <PlanResults result={await result()} planId={PLAN} scenarioId="s1" datasetVersion={1} />);
    fireEvent.click(await screen.findByRole('link', { name: 'CSV' }));
    await waitFor(() => expect(saved[0]?.name).toBe('plan-0f1e2d3c.csv'));
    expect(await saved[0]?.text).toBe('staff_id,name\nHP-1,An\n');
    expect(server.calls.at(-1)).toEqual({ method: 'GET', path: `plans/${PLAN}/export/csv`, query: '', token: TOKEN });
    click.mockRestore();
  });

  it('a refused export is shown beside the export buttons in the server\'s words', async () => {
    server.routes.set('GET staff', { status: 200, body: [] });
    server.routes.set(`GET plans/${PLAN}/export/xlsx`, { status: 403, body: { statusCode: 403, error: 'Forbidden', message: 'this needs the viewer role' } });
    await as('viewer', <PlanResults result={await result()} planId={PLAN} scenarioId="s1" datasetVersion={1} />);
    fireEvent.click(await screen.findByRole('link', { name: 'Excel (XLSX)' }));
    const alert = await screen.findByText(/^Máy chủ báo lỗi \(403\)/);
    expect(alert.closest('[role="alert"]')?.textContent).toMatch(/^Máy chủ báo lỗi \(403\): .*viewer/);
    expect(alert.closest('.panel')?.querySelector('.exports')).not.toBeNull();
  });
});
