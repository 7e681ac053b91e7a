// @vitest-environment happy-dom
/**
 * The overview and the center page (no plan yet) read GET /api/workload for the period in the
 * address, keep a change of period there, and say people besides hours: the workload's hours
 * divided by its hoursPerFte. The workloads are real: the embedded Hai Phong dataset's history
 * months through the workload module, answered by the fake server for the month asked.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from '../../solver/dataset/loadDataset.ts';
import type { Dataset } from '../../solver/domain.ts';
import { computeWorkload } from '../../solver/workload/computeWorkload.ts';
import type { CityWorkload } from '../../solver/workload/workloadTypes.ts';
import { formatNumber } from '../../web/src/format.ts';
import { CenterPage } from '../../web/src/pages/CenterPage.tsx';
import { Overview } from '../../web/src/pages/Overview.tsx';
import { makeReference } from '../../web/src/reference.ts';
import { fakeServer, type FakeServer } from './fakeServer.ts';
import { showWith } from './planServer.tsx';

let dataset: Dataset;
const workloads = new Map<string, CityWorkload>();
const workloadOf = (period: string, quantile: number): CityWorkload => {
  const key = `${period}|${quantile}`;
  const kept = workloads.get(key) ?? computeWorkload(dataset, [], { period, quantile });
  workloads.set(key, kept);
  return kept;
};
let server: FakeServer;
const PHU_LIEN = '11446';

beforeAll(() => {
  // Read by path: api/dataset-files.ts finds the directory from import.meta.url, which happy-dom does not give as a file URL.
  const dir = join(import.meta.dirname, '..', '..', 'data', 'haiphong');
  const table = (name: string) => ({ name: `${name}.csv`, text: readFileSync(join(dir, `${name}.csv`), 'utf8') });
  const loaded = loadDataset({ centers: table('centers'), fields: table('fields'), history: table('history'), staff: table('staff') });
  if (!loaded.ok) throw new Error('the embedded dataset does not load');
  dataset = loaded.value;
});
beforeEach(() => {
  server = fakeServer('local');
  server.routes.set('GET workload', (q) =>
    new Response(JSON.stringify(workloadOf(q.get('period') ?? '', Number(q.get('quantile')))), { status: 200, headers: { 'content-type': 'application/json' } }),
  );
  server.routes.set('GET staff', { status: 200, body: dataset.staff.filter((p) => p.centerCode === PHU_LIEN) });
  server.routes.set('GET history', { status: 200, body: { total: 0, offset: 0, limit: 10_000, rows: dataset.history.filter((r) => r.centerCode === PHU_LIEN) } });
  server.routes.set('GET forecasts', { status: 200, body: [] });
  server.routes.set('GET plans', { status: 200, body: [] });
  server.routes.set('GET scenarios', { status: 200, body: [] });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.location.hash = '';
});

const reference = () => makeReference(dataset.centers, dataset.fields, undefined, () => undefined, () => undefined, 1);
const workloadAsked = () => server.calls.filter((c) => c.path === 'workload').map((c) => Object.fromEntries(new URLSearchParams(c.query)));
const hoursPerFte = (w: CityWorkload) => w.hoursPerFte;

describe('the center page', () => {
  it('opens on the period and forecast level in the address', async () => {
    window.location.hash = `#/center/${PHU_LIEN}?period=2026-09&quantile=0.5`;
    showWith(reference(), <CenterPage code={PHU_LIEN} />);
    await waitFor(() => expect(workloadAsked()).toContainEqual({ period: '2026-09', quantile: '0.5' }));
    expect(workloadAsked().every((q) => q['period'] === '2026-09')).toBe(true);
  });

  it('has the overview\'s period control; a change is kept in the address and asks that month\'s workload', async () => {
    window.location.hash = `#/center/${PHU_LIEN}?period=2026-10&quantile=0.8`;
    showWith(reference(), <CenterPage code={PHU_LIEN} />);
    fireEvent.change(await screen.findByLabelText('Kỳ kế hoạch'), { target: { value: '2026-09' } });
    await waitFor(() => expect(window.location.hash).toBe(`#/center/${PHU_LIEN}?period=2026-09&quantile=0.8`));
    await waitFor(() => expect(workloadAsked()).toContainEqual({ period: '2026-09', quantile: '0.8' }));
  });

  it('choosing another center keeps the period', async () => {
    window.location.hash = `#/center/${PHU_LIEN}?period=2026-09&quantile=0.8`;
    showWith(reference(), <CenterPage code={PHU_LIEN} />);
    fireEvent.change(await screen.findByLabelText('Chọn trung tâm'), { target: { value: '11443' } });
    expect(window.location.hash).toBe('#/center/11443?period=2026-09&quantile=0.8');
  });

  it('says the former district as what it was, not as if it still existed', async () => {
    window.location.hash = `#/center/${PHU_LIEN}?period=2026-10&quantile=0.8`;
    showWith(reference(), <CenterPage code={PHU_LIEN} />);
    const facts = await screen.findByText(/trước đây thuộc/);
    expect(facts.textContent).toContain('trước đây thuộc Quận Kiến An, TP Hải Phòng');
    expect(facts.textContent).not.toMatch(/· Quận Kiến An/);
  });

  it('says what the center needs, has and lacks in people, and in which fields', async () => {
    window.location.hash = `#/center/${PHU_LIEN}?period=2026-10&quantile=0.8`;
    showWith(reference(), <CenterPage code={PHU_LIEN} />);
    const w = workloadOf('2026-10', 0.8);
    const c = w.centers.find((x) => x.centerCode === PHU_LIEN);
    if (!c) throw new Error('no Phù Liễn in the workload');
    const tile = (label: string) => screen.getByText(label, { selector: '.kpi-label' }).closest('.kpi')?.querySelector('.kpi-value')?.textContent;
    await waitFor(() => expect(tile('Người cần (quy đổi)')).toBe(formatNumber('vi', c.requiredFte)));
    expect(tile('Người còn thiếu (quy đổi)')).toBe(formatNumber('vi', c.uncoveredHours / hoursPerFte(w)));
    const needs = Math.ceil(c.uncoveredHours / hoursPerFte(w) - 1e-9);
    expect(screen.getByText(new RegExp(`^Phường Phù Liễn cần thêm ${needs} người, trong đó \\d+ `))).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Độ phủ theo lĩnh vực' });
    const land = w.fields.find((f) => f.centerCode === PHU_LIEN && f.field === 'land');
    const row = within(table).getByRole('rowheader', { name: 'Đất đai' }).closest('tr') as HTMLElement;
    expect(row.textContent).toContain(formatNumber('vi', (land?.requiredHours ?? NaN) / hoursPerFte(w)));
    expect(row.textContent).toContain(formatNumber('vi', (land?.uncoveredHours ?? NaN) / hoursPerFte(w)));
  });
});

describe('the overview', () => {
  it('opens on the period in the address and keeps a change there', async () => {
    window.location.hash = '#/overview?period=2026-09&quantile=0.8';
    showWith(reference(), <Overview />);
    await waitFor(() => expect(workloadAsked()).toContainEqual({ period: '2026-09', quantile: '0.8' }));
    fireEvent.change(await screen.findByLabelText('Kỳ kế hoạch'), { target: { value: '2026-10' } });
    await waitFor(() => expect(window.location.hash).toBe('#/overview?period=2026-10&quantile=0.8'));
  });

  it('says how many people the city lacks', async () => {
    window.location.hash = '#/overview?period=2026-10&quantile=0.8';
    showWith(reference(), <Overview />);
    const w = workloadOf('2026-10', 0.8);
    const label = await screen.findByText('Người thiếu toàn thành phố (quy đổi)', { selector: '.kpi-label' });
    expect(label.closest('.kpi')?.querySelector('.kpi-value')?.textContent).toBe(formatNumber('vi', w.totals.uncoveredHours / w.hoursPerFte));
  });

  it('each overloaded center says how many people it lacks and in which fields', async () => {
    window.location.hash = '#/overview?period=2026-10&quantile=0.8';
    showWith(reference(), <Overview />);
    const list = await screen.findByRole('table', { name: /^Quá tải/ });
    const w = workloadOf('2026-10', 0.8);
    const worst = [...w.centers].sort((a, b) => (b.utilization ?? 0) - (a.utilization ?? 0))[0];
    const name = dataset.centers.find((c) => c.code === worst?.centerCode)?.nameVi ?? '';
    const row = within(list).getByRole('link', { name }).closest('tr') as HTMLElement;
    expect(row.textContent).toMatch(new RegExp(`cần thêm ${Math.ceil((worst?.uncoveredHours ?? 0) / w.hoursPerFte - 1e-9)} người, trong đó`));
  });

  it('a link to a center carries the period shown', async () => {
    window.location.hash = '#/overview?period=2026-09&quantile=0.95';
    showWith(reference(), <Overview />);
    const list = await screen.findByRole('table', { name: /^Quá tải/ });
    const first = within(list).getAllByRole('link')[0] as HTMLAnchorElement;
    expect(first.getAttribute('href')).toMatch(/^#\/center\/\d+\?period=2026-09&quantile=0.95$/);
  });
});
