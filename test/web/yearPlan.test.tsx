// @vitest-environment happy-dom
/**
 * The planner shows a plan over several months as the server's plan result says it (its
 * `schedule`): the month table under P50/P80/P95, the months x centers timeline before and after,
 * each transfer and secondment with the server's reason in months, the Gantt-like view of who
 * works away when, and the hiring and training schedule. The result is real: the city-moves case
 * over three months, solved by solveHorizon (planResultCases.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ScheduleMonth } from '../../solver/horizon/horizonPlan.ts';
import type { PlanResult } from '../../solver/plan/planResult.ts';
import { ScheduleHeatmap } from '../../web/src/charts/ScheduleHeatmap.tsx';
import { formatInt, formatMonth, formatPercent } from '../../web/src/format.ts';
import { Planner } from '../../web/src/pages/Planner.tsx';
import { fakeServer, type FakeServer } from './fakeServer.ts';
import { caseTables, yearPlanResultOf } from './planResultCases.ts';
import { caseReference, scenarioRecord, servePlan, showWith } from './planServer.tsx';

let server: FakeServer;
let year: PlanResult;

beforeEach(async () => {
  year = await yearPlanResultOf();
  server = fakeServer('local');
  server.routes.set('GET staff', { status: 200, body: caseTables('city-moves').staff });
}, 60_000);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const staffName = (id: string) => caseTables('city-moves').staff.find((p) => p.staffId === id)?.name ?? id;
const centerName = (code: string) => caseTables('city-moves').centers.find((c) => c.code === code)?.nameVi ?? code;

const open = async (lang: 'vi' | 'en' = 'vi') => {
  server.routes.set('GET scenarios', { status: 200, body: [scenarioRecord('s1', 'Ba tháng', year)] });
  const record = servePlan(server, 'p1', year);
  server.routes.set('GET plans', { status: 200, body: [record] });
  showWith(caseReference('city-moves'), <Planner scenarioId="s1" />, lang);
  await vi.waitFor(() => expect(document.querySelector('.year-plan table.timeline')).not.toBeNull(), { timeout: 5000 });
  await vi.waitFor(() => expect(server.calls.some((c) => c.path === 'staff')).toBe(true));
};

const schedule = () => {
  if (year.schedule === null) throw new Error('the year case has no schedule');
  return year.schedule;
};

describe('a plan over several months in the planner', () => {
  it('the case has one of everything (so no test below passes on an empty list)', () => {
    const s = schedule();
    expect([s.transfers.length, s.secondments.length, s.hires.length, s.trainings.length].every((n) => n > 0)).toBe(true);
  });

  it('the month table gives each month\'s uncovered hours under P50, P80 and P95, today → with the plan, and the horizon\'s total', async () => {
    await open();
    const table = screen.getByRole('table', { name: 'Giờ thiếu theo tháng: hiện nay → theo phương án' });
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(rows).toEqual(schedule().months.map((m) => [formatMonth(m.month), ...m.uncovered.map((u) => `${formatInt('vi', u.before)} → ${formatInt('vi', u.after)}`), formatInt('vi', m.away)]));
    const total = (q: number, side: 'before' | 'after') => schedule().months.reduce((s, m) => s + (m.uncovered.find((u) => u.quantile === q)?.[side] ?? 0), 0);
    expect([...table.querySelectorAll('tfoot td')].slice(0, 3).map((td) => td.textContent)).toEqual([0.5, 0.8, 0.95].map((q) => `${formatInt('vi', total(q, 'before'))} → ${formatInt('vi', total(q, 'after'))}`));
  });

  it('each lasting transfer and secondment shows the server\'s reason in months, in the planner\'s language', async () => {
    await open('en');
    const table = screen.getByRole('table', { name: 'Transfers and secondments by month' });
    expect([...table.querySelectorAll('td.reason')].map((td) => td.textContent)).toEqual([...schedule().transfers, ...schedule().secondments].map((x) => x.reason.en));
  });

  it('the Gantt-like view fills exactly the months each person works away, from center to center', async () => {
    await open();
    const table = screen.getByRole('table', { name: 'Ai làm việc ở nơi khác, tháng nào' });
    const s = schedule();
    for (const x of [...s.secondments, ...s.transfers.map((t) => ({ ...t, untilMonth: s.until }))]) {
      const row = within(table).getByText(staffName(x.staffId)).closest('tr') as HTMLElement;
      expect(row.querySelector('th .sub')?.textContent).toBe(`${centerName(x.fromCenter)} → ${centerName(x.toCenter)}`);
      const filled = [...row.querySelectorAll('td')].map((td, i) => (td.classList.contains('on') ? s.months[i]?.month : null)).filter((m) => m !== null);
      expect(filled).toEqual(s.months.map((m) => m.month).filter((m) => m >= x.fromMonth && m <= x.untilMonth));
    }
  });

  it('the hiring schedule gives center, field, count and start month; the training schedule person, field and months', async () => {
    await open();
    const hires = screen.getByRole('table', { name: 'Lịch tuyển dụng' });
    expect([...hires.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent))).toEqual(
      schedule().hires.map((h) => [centerName(h.centerCode), caseTables('city-moves').fields.find((f) => f.field === h.field)?.nameVi, formatInt('vi', h.count), formatMonth(h.startMonth)]),
    );
    const training = screen.getByRole('table', { name: 'Lịch đào tạo thêm chuyên môn' });
    const x = schedule().trainings[0];
    expect(training.querySelector('tbody tr')?.textContent).toContain(`từ ${formatMonth(x?.startMonth ?? '')}, đảm nhận được từ ${formatMonth(x?.readyMonth ?? '')}`);
    expect(training.querySelector('tbody tr')?.textContent).toContain(staffName(x?.staffId ?? ''));
  });
});

describe('the timeline (months x centers)', () => {
  const share = (m: ScheduleMonth, code: string, side: 'before' | 'after') => {
    const c = m.centers.find((x) => x.centerCode === code);
    const u = side === 'before' ? c?.uncoveredBefore ?? 0 : c?.uncoveredAfter ?? 0;
    return u / (c?.required ?? 1) >= 0.005 ? formatPercent('vi', u / (c?.required ?? 1)) : '';
  };
  const cellsOf = () => [...document.querySelectorAll('table.timeline tbody tr')].map((tr) => [tr.querySelector('th')?.textContent, ...[...tr.querySelectorAll('td')].map((td) => td.textContent)]);

  it('each cell is the share of the center\'s hours uncovered that month, with the plan or with no change as switched', async () => {
    render(<ScheduleHeatmap months={schedule().months} centerName={centerName} />);
    const codes = schedule().months[0]?.centers.map((c) => c.centerCode) ?? [];
    const expected = (side: 'before' | 'after') => codes.map((code) => [centerName(code), ...schedule().months.map((m) => share(m, code, side))]);
    expect(new Set(cellsOf().map((r) => JSON.stringify(r)))).toEqual(new Set(expected('after').map((r) => JSON.stringify(r))));
    fireEvent.click(screen.getByLabelText('Nếu giữ nguyên'));
    expect(new Set(cellsOf().map((r) => JSON.stringify(r)))).toEqual(new Set(expected('before').map((r) => JSON.stringify(r))));
  });

  it('shows the centers most short with no change first, and all of them on request', () => {
    render(<ScheduleHeatmap months={schedule().months} centerName={centerName} maxRows={1} />);
    const worst = (code: string) => Math.max(...schedule().months.map((m) => {
      const c = m.centers.find((x) => x.centerCode === code);
      return c && c.required > 0 ? c.uncoveredBefore / c.required : 0;
    }));
    const codes = schedule().months[0]?.centers.map((c) => c.centerCode) ?? [];
    const first = [...codes].sort((a, b) => worst(b) - worst(a))[0] ?? '';
    expect(cellsOf().map((r) => r[0])).toEqual([centerName(first)]);
    fireEvent.click(screen.getByRole('button', { name: `Xem cả ${codes.length} trung tâm` }));
    expect(cellsOf()).toHaveLength(codes.length);
    expect(screen.getByRole('button', { name: 'Chỉ xem 1 trung tâm đầu' }).getAttribute('aria-expanded')).toBe('true');
  });
});
