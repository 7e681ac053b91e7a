// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { Field } from '../../solver/domain.ts';
import { LeverEditor } from '../../web/src/components/LeverEditor.tsx';
import { DEFAULT_LEVERS } from '../../web/src/scenario.ts';

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

  it('shows the server message for a lever next to that lever', () => {
    render(<LeverEditor levers={DEFAULT_LEVERS} fields={fields} onChange={() => undefined} errors={{ maxCommuteKm: 'body/scenario/maxCommuteKm must be <= 500' }} />);
    expect(screen.getByRole('alert').textContent).toBe('body/scenario/maxCommuteKm must be <= 500');
  });
});
