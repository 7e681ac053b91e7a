// @vitest-environment happy-dom
/**
 * The locked-people lever is a search-and-pick over the staff list (GET /api/staff): a name is
 * never split into ids, people with the same name are told apart by id and center, the chosen are
 * chips, and it all works from the keyboard.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { LeverEditor } from '../../web/src/components/LeverEditor.tsx';
import { DEFAULT_LEVERS, type ScenarioLevers } from '../../web/src/scenario.ts';
import { caseTables } from './planResultCases.ts';

const { staff, fields, centers } = caseTables('city-moves');
const centerName = (code: string) => centers.find((c) => c.code === code)?.nameVi ?? code;

afterEach(cleanup);

const editor = (levers: ScenarioLevers = DEFAULT_LEVERS, onChange = vi.fn()) => {
  const view = render(
    <form onSubmit={(e) => e.preventDefault()}>
      <LeverEditor levers={levers} fields={fields} onChange={onChange} staff={staff} centerName={centerName} />
    </form>,
  );
  return { onChange, view, box: screen.getByRole('combobox', { name: /Công chức giữ nguyên/ }) as HTMLInputElement };
};

describe('locked people: search and pick', () => {
  it('typing a name lists everyone with it, told apart by id and center', () => {
    const { box } = editor();
    fireEvent.change(box, { target: { value: 'Hoàng Phương Anh' } });
    const options = within(screen.getByRole('listbox')).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['Hoàng Phương AnhCC0001 · Phường Phù Liễn · Hộ tịch', 'Hoàng Phương AnhCC0004 · Phường Kiến An · Đất đai, Bảo trợ xã hội']);
    expect(box.getAttribute('aria-expanded')).toBe('true');
  });

  it('choosing with the arrow keys and Enter locks that one person\'s id, never the words of the name', () => {
    const { box, onChange } = editor();
    fireEvent.change(box, { target: { value: 'Hoàng Phương Anh' } });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(box.getAttribute('aria-activedescendant')).toBe(within(screen.getByRole('listbox')).getAllByRole('option')[1]?.id);
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_LEVERS, lockedStaffIds: ['CC0004'] });
  });

  it('the search ignores diacritics and case, and finds an id', () => {
    const { box } = editor();
    fireEvent.change(box, { target: { value: 'le minh duc' } });
    expect(within(screen.getByRole('listbox')).getAllByRole('option').map((o) => o.id.endsWith('CC0005'))).toEqual([true]);
    fireEvent.change(box, { target: { value: 'cc0006' } });
    expect(within(screen.getByRole('listbox')).getByRole('option').textContent).toContain('Phạm Thu Hà');
  });

  it('the chosen show as chips with their id and center, and are not offered again', () => {
    const { box } = editor({ ...DEFAULT_LEVERS, lockedStaffIds: ['CC0001'] });
    const chips = screen.getByRole('list', { name: 'Công chức giữ nguyên' });
    expect(within(chips).getByRole('listitem').textContent).toContain('Hoàng Phương Anh · CC0001 · Phường Phù Liễn');
    fireEvent.change(box, { target: { value: 'Hoàng' } });
    expect(within(screen.getByRole('listbox')).getAllByRole('option').map((o) => o.id.slice(-6))).toEqual(['CC0004']);
  });

  it('a chip\'s remove button, or Backspace in the empty box, unlocks the person', () => {
    const { box, onChange } = editor({ ...DEFAULT_LEVERS, lockedStaffIds: ['CC0001', 'CC0005'] });
    fireEvent.click(screen.getByRole('button', { name: 'Bỏ Hoàng Phương Anh (CC0001)' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_LEVERS, lockedStaffIds: ['CC0005'] });
    fireEvent.keyDown(box, { key: 'Backspace' });
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_LEVERS, lockedStaffIds: ['CC0001'] });
  });

  it('Enter in the box picks and never submits the form; Escape closes the list', () => {
    const submitted = vi.fn();
    render(
      <form onSubmit={submitted}>
        <LeverEditor levers={DEFAULT_LEVERS} fields={fields} onChange={() => undefined} staff={staff} centerName={centerName} />
      </form>,
    );
    const box = screen.getByRole('combobox', { name: /Công chức giữ nguyên/ });
    fireEvent.change(box, { target: { value: 'Trần' } });
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(box.getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(submitted).not.toHaveBeenCalled();
  });

  it('an id the active dataset does not have stays as a chip, named as unknown beside the lever', () => {
    editor({ ...DEFAULT_LEVERS, lockedStaffIds: ['HP-000123'] });
    expect(screen.getByText('Không có trong bộ dữ liệu đang dùng: HP-000123')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Công chức giữ nguyên' })).getByRole('listitem').textContent).toContain('HP-000123');
  });
});
