// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { Field } from '../../solver/domain.ts';
import type { PlanJob } from '../../web/src/api.ts';
import { LeverEditor, unknownNamesOf } from '../../web/src/components/LeverEditor.tsx';
import { PeriodControls } from '../../web/src/components/PeriodControls.tsx';
import { formatPlanTime, latestPlan, sameLevers } from '../../web/src/components/storedPlans.ts';
import { sourceOf } from '../../web/src/components/useHistoryEnd.ts';
import { coveredShareOf } from '../../web/src/pages/CenterPage.tsx';
import { DEFAULT_LEVERS } from '../../web/src/scenario.ts';

const fields: Field[] = [
  { field: 'land', nameVi: 'Đất đai', nameEn: 'Land', timeLimitDays: 15, minDirect: 25, minOnline: 12, minProcessing: 240, priority: 1 },
];

/** A plan record; `hasPlan` is its summary's (a done job without a plan: infeasible, or none in time). */
const job = (id: string, scenarioId: string, status: PlanJob['status'], period = '2026-11', hasPlan = true): PlanJob => ({
  id, scenarioId, scenario: { ...DEFAULT_LEVERS, period }, datasetVersion: 1, datasetHash: 'h', status, stage: '', progress: 1,
  summary: status === 'done' ? ({ hasPlan } as PlanJob['summary']) : null, error: null,
  createdAt: '2026-11-27T10:00:00.000Z', startedAt: null, finishedAt: null, createdBy: 'local',
});

afterEach(cleanup);

describe('stored plans', () => {
  it('the latest plan of a scenario is the first done one with a plan in the newest-first list, skipping running and failed ones', () => {
    const plans = [job('p4', 'a', 'running'), job('p3', 'b', 'done'), job('p2', 'a', 'failed'), job('p1', 'a', 'done'), job('p0', 'a', 'done')];
    expect(latestPlan(plans, (p) => p.scenarioId === 'a')?.id).toBe('p1');
    expect(latestPlan(plans, (p) => p.scenarioId === 'c')).toBeUndefined();
  });

  it('a solve that finished without a plan is never the latest plan', () => {
    const plans = [job('p2', 'a', 'done', '2026-11', false), job('p1', 'a', 'done')];
    expect(latestPlan(plans)?.id).toBe('p1');
    expect(latestPlan([job('p2', 'a', 'done', '2026-11', false)])).toBeUndefined();
  });

  it('the latest plan of a period ignores plans of other months', () => {
    const plans = [job('p2', 'a', 'done', '2026-12'), job('p1', 'b', 'done', '2026-11')];
    expect(latestPlan(plans, (p) => p.scenario.period === '2026-11')?.id).toBe('p1');
  });

  it('levers compare by content, not key order', () => {
    expect(sameLevers({ a: 1, b: { x: 1, y: 2 } }, { b: { y: 2, x: 1 }, a: 1 })).toBe(true);
    expect(sameLevers({ ...DEFAULT_LEVERS }, { ...DEFAULT_LEVERS, maxTransfers: 5 })).toBe(false);
  });

  it('a plan time is written to the second', () => {
    expect(formatPlanTime('vi', '2026-11-27T10:05:09.000Z')).toMatch(/^\d\d:\d\d:09 \d\d\/11\/2026$/);
  });
});

describe('history and forecast months', () => {
  it('a month up to the last history month is history, a later one a forecast, and unknown while the end is unknown', () => {
    expect(sourceOf('2026-10', '2026-10')).toBe('history');
    expect(sourceOf('2026-11', '2026-10')).toBe('forecast');
    expect(sourceOf('2026-11', undefined)).toBeUndefined();
  });

  it('for a history month the quantile radios are disabled and the reason is said', () => {
    render(<PeriodControls period="2026-10" quantile={0.8} onPeriod={() => undefined} onQuantile={() => undefined} source="history" />);
    for (const radio of screen.getAllByRole('radio')) expect((radio as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toContain('P50/P80/P95 không thay đổi gì');
  });

  it('for a forecast month the radios work and the level is said', () => {
    const onQuantile = vi.fn();
    render(<PeriodControls period="2026-11" quantile={0.8} onPeriod={() => undefined} onQuantile={onQuantile} source="forecast" />);
    fireEvent.click(screen.getByLabelText('P95'));
    expect(onQuantile).toHaveBeenCalledWith(0.95);
    expect(screen.getByRole('status').textContent).toContain('dự báo, ở mức P80');
  });
});

describe('levers checked against the active dataset', () => {
  const names = { fieldIds: new Set(['land']), staffIds: new Set(['CC1005']), centerCodes: new Set(['11446']) };

  it('names unknown staff ids, field codes and center codes per lever', () => {
    const found = unknownNamesOf(
      { ...DEFAULT_LEVERS, lockedStaffIds: ['CC1005', 'HP-000123'], demandMultiplierByField: { lnd: 2 }, minStaffByCenter: { '99999': 3 } },
      names,
    );
    expect(found.get('lockedStaffIds')).toEqual({ kind: 'staff', values: ['HP-000123'] });
    expect(found.get('demandMultiplierByField')).toEqual({ kind: 'field', values: ['lnd'] });
    expect(found.get('minStaffByCenter')).toEqual({ kind: 'center', values: ['99999'] });
  });

  it('finds nothing when every name is known, and checks no staff while the staff list is unknown', () => {
    expect(unknownNamesOf({ ...DEFAULT_LEVERS, lockedStaffIds: ['CC1005'] }, names).size).toBe(0);
    expect(unknownNamesOf({ ...DEFAULT_LEVERS, lockedStaffIds: ['X'] }, { ...names, staffIds: undefined }).size).toBe(0);
  });


  it('keeps a negative transfer budget as typed and refuses it in words', () => {
    const onChange = vi.fn();
    const { rerender } = render(<LeverEditor levers={DEFAULT_LEVERS} fields={fields} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText(/Số điều động tối đa/), { target: { value: '-4' } });
    const typed = onChange.mock.calls[0]?.[0];
    expect(typed.maxTransfers).toBe(-4);
    rerender(<LeverEditor levers={typed} fields={fields} onChange={onChange} />);
    expect(screen.getByText('Phải là số không âm (đã nhập -4).')).toBeTruthy();
  });
});

describe('field coverage on the center page', () => {
  it('a field whose every hour stays uncovered is 0% covered, whatever its experts\' hours', () => {
    expect(coveredShareOf({ requiredHours: 25, coveredHours: 0 })).toBe(0);
    expect(coveredShareOf({ requiredHours: 200, coveredHours: 150 })).toBe(0.75);
    expect(coveredShareOf({ requiredHours: 0, coveredHours: 0 })).toBe(1);
  });
});
