// @vitest-environment happy-dom
/**
 * The planner's levers of a plan over several months (HorizonLevers in LeverEditor): the horizon,
 * the year's levers taking the year's defaults as the server would, and each lever's refusal
 * beside it, the same the API gives (validateScenario's codes in the planner's language).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { CivilServant, Field } from '../../solver/domain.ts';
import { NEUTRAL_HORIZON_RULES, YEAR_HORIZON_RULES } from '../../solver/horizon/horizonRules.ts';
import { validateScenario } from '../../solver/scenario.ts';
import { LeverEditor } from '../../web/src/components/LeverEditor.tsx';
import { I18nContext, translate } from '../../web/src/i18n.ts';
import { DEFAULT_LEVERS, withHorizon } from '../../web/src/scenario.ts';

const english = { lang: 'en' as const, t: (k: Parameters<typeof translate>[1], v?: Readonly<Record<string, string | number>>) => translate('en', k, v), setLang: () => undefined };
const fields: Field[] = [{ field: 'land', nameVi: 'Đất đai', nameEn: 'Land', timeLimitDays: 15, minDirect: 25, minOnline: 12, minProcessing: 240, priority: 1 }];
const YEAR = { ...DEFAULT_LEVERS, horizon: 12, ...YEAR_HORIZON_RULES };

afterEach(cleanup);

describe('the levers of a plan over several months', () => {
  it('a one-month scenario shows the horizon only; set to 12 months, the year levers take the defaults the server gives a scenario that leaves them out', () => {
    const onChange = vi.fn();
    render(<LeverEditor levers={DEFAULT_LEVERS} fields={fields} onChange={onChange} />);
    expect(screen.queryByLabelText(/Biệt phái tối đa/)).toBeNull();
    fireEvent.change(screen.getByLabelText(/Số tháng kế hoạch/), { target: { value: '12' } });
    const next = onChange.mock.calls[0]?.[0];
    expect(next).toEqual(YEAR);
    const server = validateScenario({ horizon: 12 });
    expect(server.ok ? server.scenario : null).toEqual(next);
  });

  it('a lever the planner set is kept across the horizon, the others follow it back to one month', () => {
    const set = { ...YEAR, secondmentMonths: 7 };
    expect(withHorizon(set, 1)).toEqual({ ...DEFAULT_LEVERS, ...NEUTRAL_HORIZON_RULES, secondmentMonths: 7 });
    expect(withHorizon(set, 6)).toEqual({ ...set, horizon: 6 });
  });

  it('shows every year lever for more than one month and changes each by its label', () => {
    const onChange = vi.fn();
    render(<LeverEditor levers={YEAR} fields={fields} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText(/Biệt phái tối đa/), { target: { value: '30' } });
    fireEvent.change(screen.getByLabelText(/Thời gian tuyển dụng/), { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText(/Tỷ lệ tối đa rời một trung tâm/), { target: { value: '40' } });
    expect(onChange.mock.calls.map((c) => c[0])).toEqual([{ ...YEAR, secondmentMonths: 30 }, { ...YEAR, hireLeadMonths: 3 }, { ...YEAR, maxLeavingShare: 0.4 }]);
  });

  it('what one move disrupts (moveHours) changes by its label, switches off to the one-month weight and back on at the year default', () => {
    const onChange = vi.fn();
    render(<LeverEditor levers={YEAR} fields={fields} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText(/Chỉ điều động khi mỗi lượt bù được ít nhất/), { target: { value: '60' } });
    fireEvent.click(screen.getByLabelText('Theo trọng số điều động của phương án một tháng'));
    expect(onChange.mock.calls.map((c) => c[0])).toEqual([{ ...YEAR, moveHours: 60 }, { ...YEAR, moveHours: null }]);
    cleanup();
    onChange.mockClear();
    render(<LeverEditor levers={{ ...YEAR, moveHours: null }} fields={fields} onChange={onChange} />);
    fireEvent.click(screen.getByLabelText('Theo trọng số điều động của phương án một tháng'));
    expect(onChange).toHaveBeenCalledWith({ ...YEAR, moveHours: YEAR_HORIZON_RULES.moveHours });
  });

  it('a negative moveHours is refused beside it, as the API refuses it', () => {
    render(<LeverEditor levers={{ ...YEAR, moveHours: -5 }} fields={fields} onChange={() => undefined} />);
    const server = validateScenario({ horizon: 12, moveHours: -5 });
    expect(server.ok ? [] : server.problems.map((p) => p.field)).toContain('moveHours');
    expect(screen.getByRole('alert').closest('.horizon-levers')).not.toBeNull();
  });

  it('a staff quota switched on starts at the active dataset\'s headcount', () => {
    const onChange = vi.fn();
    const staff = Array.from({ length: 7 }, (_, i) => ({ staffId: `CC${i}`, name: `N${i}`, centerCode: 'A', homeCode: 'A', fields: ['land'], grade: 'chuyen_vien', fte: 1, locked: false })) satisfies CivilServant[];
    render(<LeverEditor levers={YEAR} fields={fields} onChange={onChange} staff={staff} />);
    fireEvent.click(screen.getByLabelText('Theo số hiện có và số được tuyển'));
    expect(onChange).toHaveBeenCalledWith({ ...YEAR, staffQuota: 7 });
  });

  it('a secondment minimum above its maximum is refused beside the minimum, in Vietnamese and in English', () => {
    const levers = { ...YEAR, secondmentMinMonths: 7, secondmentMaxMonths: 3 };
    const { unmount } = render(<LeverEditor levers={levers} fields={fields} onChange={() => undefined} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('không được lớn hơn thời gian biệt phái dài nhất (3 tháng)');
    expect(alert.previousElementSibling?.textContent).toContain('Biệt phái dài nhất');
    unmount();
    render(
      <I18nContext.Provider value={english}>
        <LeverEditor levers={levers} fields={fields} onChange={() => undefined} />
      </I18nContext.Provider>,
    );
    expect(screen.getByRole('alert').textContent).toBe('must be at most secondmentMaxMonths (3)');
  });

  it('a lead time not shorter than the horizon, with hires allowed, is refused beside the lead time: no hire could start', () => {
    render(<LeverEditor levers={{ ...withHorizon(DEFAULT_LEVERS, 3), hiresAllowedByField: { land: 2 } }} fields={fields} onChange={() => undefined} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('phải ngắn hơn thời gian kế hoạch 3 tháng: không người tuyển mới nào kịp bắt đầu làm việc');
    expect(alert.previousElementSibling?.textContent).toContain('Thời gian tuyển dụng');
  });

  it('the server\'s refusal of a horizon past the forecast shows beside the horizon', () => {
    render(<LeverEditor levers={YEAR} fields={fields} onChange={() => undefined} errors={{ horizon: 'body/scenario/horizon must be <= 36' }} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('phải ≤ 36');
    expect(alert.previousElementSibling?.textContent).toContain('1 = kế hoạch một tháng');
  });
});
