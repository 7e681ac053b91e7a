// @vitest-environment happy-dom
/**
 * The planner renders the one plan result the server sends (PlanResult v2, solver/plan/planResult.ts):
 * a plan that does not exist has no figures and no exports and says why; a plan that exists shows
 * the server's sentences in the planner's language, its before figures as sent, people besides
 * hours, and the move's per-field changes. Results are real: small cities solved by the solver
 * (planResultCases.ts), served by the fake server as the API answers them.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { PlanResult } from '../../solver/plan/planResult.ts';
import { formatInt, formatNumber } from '../../web/src/format.ts';
import { Planner } from '../../web/src/pages/Planner.tsx';
import { fakeServer, type FakeServer } from './fakeServer.ts';
import { caseTables, planResultOf } from './planResultCases.ts';
import { caseReference, scenarioRecord, servePlan, showWith } from './planServer.tsx';

let server: FakeServer;
let moves: PlanResult;
let infeasible: PlanResult;
let wave: PlanResult;

beforeEach(async () => {
  [moves, infeasible, wave] = await Promise.all([planResultOf('city-moves'), planResultOf('city-infeasible'), planResultOf('city-wave')]);
  server = fakeServer('local');
  server.routes.set('GET staff', { status: 200, body: caseTables('city-moves').staff });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** Opens the planner on scenario s1 whose only finished plan is `result`. */
const reopen = async (result: PlanResult, lang: 'vi' | 'en' = 'vi', options: { datasetVersion?: number; activeVersion?: number } = {}) => {
  server.routes.set('GET scenarios', { status: 200, body: [scenarioRecord('s1', 'Ba phường', result)] });
  const record = servePlan(server, 'p1', result, { datasetVersion: options.datasetVersion ?? 1 });
  server.routes.set('GET plans', { status: 200, body: [record] });
  showWith(caseReference('city-moves', { datasetVersion: options.activeVersion ?? 1 }), <Planner scenarioId="s1" />, lang);
  const stamp = await screen.findByText(/^(Phương án đã tính lúc|Plan solved at)/);
  // The tables and charts follow the key figures in a background render.
  await vi.waitFor(() => expect(document.querySelector('.plan-results table.heatmap')).not.toBeNull(), { timeout: 5000 });
  return stamp;
};

/** Opens the scenario, presses Solve, and lets the job end with `result`. */
const solveTo = async (result: PlanResult, setActivePlanId = vi.fn(), lang: 'vi' | 'en' = 'vi') => {
  server.routes.set('GET scenarios', { status: 200, body: [scenarioRecord('s1', 'Tối thiểu 9 người', result)] });
  server.routes.set('GET plans', { status: 200, body: [] });
  const record = servePlan(server, 'p9', result);
  server.routes.set('POST plans', { status: 202, body: { ...record, status: 'queued', summary: null, finishedAt: null } });
  showWith(caseReference('city-moves', { setActivePlanId }), <Planner scenarioId="s1" />, lang);
  await vi.waitFor(() => expect((screen.getByLabelText(/Tên phương án|Scenario name/) as HTMLInputElement).value).toBe('Tối thiểu 9 người'));
  await vi.waitFor(() => expect(server.calls.some((c) => c.path === 'plans')).toBe(true));
  // happy-dom finds number inputs with step 0.1 invalid whatever their value, so the form is submitted as Enter would.
  fireEvent.submit(screen.getByRole('button', { name: lang === 'vi' ? 'Tính phương án' : 'Solve' }).closest('form') as HTMLFormElement);
  await vi.waitFor(() => expect(server.calls.map((c) => c.method + ' ' + c.path)).toContain('GET plans/p9/result'), { timeout: 5000 });
  return setActivePlanId;
};

describe('a plan that does not exist', () => {
  it('shows no key figures and offers no export', async () => {
    await solveTo(infeasible);
    await screen.findByText(infeasible.infeasibility?.lead.text.vi ?? '-');
    expect(document.querySelectorAll('.kpi')).toHaveLength(0);
    expect(screen.queryByRole('link', { name: 'CSV' })).toBeNull();
    expect(screen.queryByRole('group', { name: 'Xuất' })).toBeNull();
  });

  it('leads with the key conflict in the planner\'s language, then each group under its title', async () => {
    await solveTo(infeasible, vi.fn(), 'en');
    const why = await screen.findByRole('region', { name: 'Why no plan exists' });
    const texts = [...why.querySelectorAll('p, h3, li')].map((e) => e.textContent);
    expect(texts[0]).toBe(infeasible.infeasibility?.lead.text.en);
    for (const g of infeasible.infeasibility?.groups ?? []) {
      expect(texts).toContain(g.title.en);
      for (const c of g.conflicts) expect(texts).toContain(c.text.en);
    }
  });

  it('names no rule by its internal id', async () => {
    await solveTo(infeasible);
    await screen.findByText(infeasible.infeasibility?.lead.text.vi ?? '-');
    expect(document.body.textContent).not.toMatch(/max_staff|min_staff|transfer_budget/);
  });

  it('never becomes the plan the overview shows', async () => {
    const setActive = await solveTo(infeasible);
    await screen.findByText(infeasible.infeasibility?.lead.text.vi ?? '-');
    expect(setActive).not.toHaveBeenCalled();
  });

  it('a solve that ends with a plan does become it', async () => {
    const setActive = await solveTo(moves);
    await vi.waitFor(() => expect(setActive).toHaveBeenCalledWith('p9'));
  });
});

describe('a reopened scenario shows its latest plan that exists', () => {
  it('skips a newer solve without a plan, and says that solve found none', async () => {
    server.routes.set('GET scenarios', { status: 200, body: [scenarioRecord('s1', 'Ba phường', moves)] });
    const none = servePlan(server, 'p2', infeasible, { finishedAt: '2026-11-27T11:00:00.000Z' });
    const found = servePlan(server, 'p1', moves);
    server.routes.set('GET plans', { status: 200, body: [none, found] });
    showWith(caseReference('city-moves'), <Planner scenarioId="s1" />);
    await screen.findByRole('table', { name: 'Danh sách điều động' }, { timeout: 5000 });
    expect(server.calls.some((c) => c.path === 'plans/p1/result')).toBe(true);
    expect(server.calls.some((c) => c.path === 'plans/p2/result')).toBe(false);
    expect(screen.getByText(new RegExp(`không có phương án.*${escape(infeasible.infeasibility?.lead.text.vi)}`))).toBeTruthy();
  });
});

describe('a reopened scenario whose solves found no plan', () => {
  it('says why its newest solve found none, with no figures', async () => {
    server.routes.set('GET scenarios', { status: 200, body: [scenarioRecord('s1', 'Tối thiểu 9 người', infeasible)] });
    server.routes.set('GET plans', { status: 200, body: [servePlan(server, 'p2', infeasible)] });
    showWith(caseReference('city-moves'), <Planner scenarioId="s1" />);
    expect(await screen.findByText(infeasible.infeasibility?.lead.text.vi ?? '-')).toBeTruthy();
    expect(screen.getByText(/^Lần tính lúc .* không có phương án\.$/)).toBeTruthy();
    expect(document.querySelectorAll('.kpi')).toHaveLength(0);
  });
});

const escape = (s: string | undefined): string => (s ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('moves', () => {
  it('each reason is the server\'s sentence in Vietnamese', async () => {
    await reopen(moves);
    const table = screen.getByRole('table', { name: 'Danh sách điều động' });
    const reasons = [...table.querySelectorAll('td.reason')].map((td) => td.textContent);
    expect(reasons).toEqual(moves.outcome?.moves.map((m) => m.sentence.vi));
  });

  it('and in English', async () => {
    await reopen(moves, 'en');
    const table = screen.getByRole('table', { name: 'Moves' });
    const reasons = [...table.querySelectorAll('td.reason')].map((td) => td.textContent);
    expect(reasons).toEqual(moves.outcome?.moves.map((m) => m.sentence.en));
  });

  it('each row shows the signed change per field at the destination and at the origin, from the same move', async () => {
    await reopen(moves);
    const table = screen.getByRole('table', { name: 'Danh sách điều động' });
    const loser = moves.outcome?.moves.find((m) => m.atOrigin.fields.length > 0);
    expect(loser).toBeDefined();
    const row = within(table).getByText(loser?.name ?? '-').closest('tr') as HTMLElement;
    const at = (cls: string) => [...row.querySelectorAll(`.${cls} li`)].map((li) => li.textContent);
    expect(at('at-destination')).toEqual(loser?.atDestination.fields.map((f) => `${caseField(f.field)} +${formatNumber('vi', f.change)} giờ`));
    expect(at('at-origin')).toEqual(loser?.atOrigin.fields.map((f) => `${caseField(f.field)} −${formatNumber('vi', -f.change)} giờ`));
  });
});

const caseField = (id: string) => caseTables('city-moves').fields.find((f) => f.field === id)?.nameVi ?? id;

describe('key figures', () => {
  it('"before" is the result\'s own before: today\'s staff, no hire, no move', async () => {
    await reopen(moves);
    const tile = screen.getByText('Giờ thiếu', { selector: '.kpi-label' }).closest('.kpi') as HTMLElement;
    expect(tile.querySelector('.kpi-value')?.textContent).toBe(formatInt('vi', moves.outcome?.after.uncoveredHours ?? NaN));
    expect(tile.querySelector('.kpi-before')?.textContent).toBe(`Trước: ${formatInt('vi', moves.outcome?.before.uncoveredHours ?? NaN)}`);
  });

  it('the added commute is the result\'s after.addedCommuteKm, with one decimal', async () => {
    await reopen(moves);
    const tile = screen.getByText('Quãng đường đi lại thêm', { selector: '.kpi-label' }).closest('.kpi') as HTMLElement;
    expect(tile.querySelector('.kpi-value')?.textContent).toBe(`${formatNumber('vi', moves.outcome?.after.addedCommuteKm ?? NaN, 1)} km`);
  });

  it('the headline is the server\'s sentence', async () => {
    await reopen(moves, 'en');
    expect(screen.getByText(moves.outcome?.headline.en ?? '-')).toBeTruthy();
  });
});

describe('people, not only hours', () => {
  it('the people short before and after, and the shortage split sentence', async () => {
    await reopen(moves);
    const tile = screen.getByText('Người còn thiếu (quy đổi)', { selector: '.kpi-label' }).closest('.kpi') as HTMLElement;
    expect(tile.querySelector('.kpi-value')?.textContent).toBe(formatNumber('vi', moves.outcome?.after.fteShort ?? NaN));
    expect(tile.querySelector('.kpi-before')?.textContent).toBe(`Trước: ${formatNumber('vi', moves.outcome?.before.fteShort ?? NaN)}`);
    expect(screen.getByText(moves.outcome?.shortage?.sentence.vi ?? '-')).toBeTruthy();
  });

  it('each short center\'s sentence, as the server wrote it', async () => {
    await reopen(moves);
    const sentences = moves.outcome?.centers.flatMap((c) => (c.shortSentence ? [c.shortSentence.vi] : [])) ?? [];
    expect(sentences.length).toBeGreaterThan(0);
    for (const s of sentences) expect(screen.getByText(s)).toBeTruthy();
  });

  it('the people with (nearly) no work: who, where, their expertise and idle hours', async () => {
    await reopen(moves);
    const list = screen.getByRole('table', { name: /^Người gần như không có việc/ });
    for (const p of moves.outcome?.idle ?? []) {
      const row = within(list).getByText(p.name).closest('tr') as HTMLElement;
      expect(row.textContent).toContain('Phường Đông Hải');
      expect(row.textContent).toContain('Bảo trợ xã hội');
      expect(row.textContent).toContain(formatNumber('vi', p.idleHours));
    }
  });

  it('a wave scenario says what the wave adds in people', async () => {
    await reopen(wave);
    expect(screen.getByText(new RegExp(`thêm ${escape(formatNumber('vi', wave.outcome?.demand?.addedFte ?? NaN))} người`))).toBeTruthy();
  });
});

describe('the coverage heat map', () => {
  it('its title says what its cells show: the share of required hours still short after the plan', async () => {
    await reopen(moves);
    const heading = screen.getByRole('heading', { name: /^Tỷ lệ giờ còn thiếu sau phương án/ });
    const table = heading.parentElement?.querySelector('table.heatmap') as HTMLElement;
    const phuLien = moves.outcome?.centers.find((c) => c.centerCode === '11446');
    const land = phuLien?.fields.find((f) => f.field === 'land');
    const cell = within(table).getByTitle(new RegExp(`^Phường Phù Liễn · Đất đai`));
    expect(cell.textContent).toBe(`${Math.round(((land?.uncoveredAfter ?? 0) / (land?.requiredHours ?? 1)) * 100)}%`);
  });
});

describe('a plan of another dataset version', () => {
  it('says which version it was computed on and which one is active', async () => {
    await reopen(moves, 'vi', { datasetVersion: 1, activeVersion: 2 });
    expect(screen.getByText('Phương án này tính trên bộ dữ liệu phiên bản 1; bộ dữ liệu đang dùng là phiên bản 2.')).toBeTruthy();
  });

  it('says nothing when the versions agree', async () => {
    await reopen(moves, 'vi', { datasetVersion: 2, activeVersion: 2 });
    expect(screen.queryByText(/bộ dữ liệu đang dùng là phiên bản/)).toBeNull();
  });
});
