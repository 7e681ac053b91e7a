// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { Field } from '../../solver/domain.ts';
import { LeverEditor } from '../../web/src/components/LeverEditor.tsx';
import { DEFAULT_LEVERS } from '../../web/src/scenario.ts';
import { I18nContext, translate } from '../../web/src/i18n.ts';

const english = { lang: 'en' as const, t: (k: Parameters<typeof translate>[1], v?: Readonly<Record<string, string | number>>) => translate('en', k, v), setLang: () => undefined };

const fields: Field[] = [
  { field: 'land', nameVi: 'Đất đai', nameEn: 'Land', timeLimitDays: 15, minDirect: 25, minOnline: 12, minProcessing: 240, priority: 1 },
  { field: 'certification', nameVi: 'Chứng thực', nameEn: 'Certification', timeLimitDays: 0, minDirect: 7, minOnline: 4, minProcessing: 8, priority: 1 },
];

afterEach(cleanup);

describe('LeverEditor', () => {
  it('changes the commute radius from its labelled slider, in km', () => {
    const onChange = vi.fn();
    render(<LeverEditor levers={DEFAULT_LEVERS} fields={fields} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText(/Bán kính đi lại/, { selector: 'input' }), { target: { value: '25' } });
    expect(onChange).toHaveBeenCalledWith({ ...DEFAULT_LEVERS, maxCommuteKm: 25 });
  });

  it('makes the transfer budget unlimited (null) with its checkbox', () => {
    const onChange = vi.fn();
    render(<LeverEditor levers={DEFAULT_LEVERS} fields={fields} onChange={onChange} />);
    fireEvent.click(screen.getByLabelText('Không giới hạn'));
    expect(onChange).toHaveBeenCalledWith({ ...DEFAULT_LEVERS, maxTransfers: null });
  });

  it('sets a field demand multiplier and drops it again at 100%', () => {
    const onChange = vi.fn();
    const { rerender } = render(<LeverEditor levers={DEFAULT_LEVERS} fields={fields} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText('Hệ số nhu cầu: Đất đai'), { target: { value: '160' } });
    const raised = onChange.mock.calls[0]?.[0];
    expect(raised.demandMultiplierByField).toEqual({ land: 1.6 });
    rerender(<LeverEditor levers={raised} fields={fields} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText('Hệ số nhu cầu: Đất đai'), { target: { value: '100' } });
    expect(onChange.mock.calls[1]?.[0].demandMultiplierByField).toEqual({});
  });

  it('shows the server message for a lever next to that lever, in Vietnamese', () => {
    render(<LeverEditor levers={DEFAULT_LEVERS} fields={fields} onChange={() => undefined} errors={{ maxCommuteKm: 'body/scenario/maxCommuteKm must be <= 500' }} />);
    expect(screen.getByRole('alert').textContent).toBe('phải ≤ 500');
  });

  it('shows the server message as sent in English', () => {
    render(
      <I18nContext.Provider value={english}>
        <LeverEditor levers={DEFAULT_LEVERS} fields={fields} onChange={() => undefined} errors={{ maxCommuteKm: 'body/scenario/maxCommuteKm must be <= 500' }} />
      </I18nContext.Provider>,
    );
    expect(screen.getByRole('alert').textContent).toBe('body/scenario/maxCommuteKm must be <= 500');
  });

  it('a server message it cannot read stays in the server\'s words, never blank', () => {
    render(<LeverEditor levers={DEFAULT_LEVERS} fields={fields} onChange={() => undefined} errors={{ period: 'body/scenario/period is odd in a new way' }} />);
    expect(screen.getByRole('alert').textContent).toBe('body/scenario/period is odd in a new way');
  });

  it('the solver\'s own check of a lever shows beside it in both languages, from its code', () => {
    const levers = { ...DEFAULT_LEVERS, maxCommuteKm: 900 };
    const { unmount } = render(<LeverEditor levers={levers} fields={fields} onChange={() => undefined} />);
    expect(screen.getByRole('alert').textContent).toBe('phải nằm trong khoảng từ 0 đến 500');
    unmount();
    render(
      <I18nContext.Provider value={english}>
        <LeverEditor levers={levers} fields={fields} onChange={() => undefined} />
      </I18nContext.Provider>,
    );
    expect(screen.getByRole('alert').textContent).toBe('must be between 0 and 500');
  });
});
