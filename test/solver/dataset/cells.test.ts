import { describe, expect, it } from 'vitest';
import type { InputProblem } from '../../../solver/domain.ts';
import { cellReader, isFieldId, isMonth, isUnitCode, parseBoolean, parseNumber } from '../../../solver/dataset/cells.ts';

describe('parseBoolean', () => {
  it.each(['true', 'TRUE', '1', 'yes', 'Yes', 'có', 'Có', 'CÓ', 'co\u0301'])('reads %j as true', (word) => {
    expect(parseBoolean(word)).toBe(true);
  });
  it.each(['false', 'False', '0', 'no', 'NO', 'không', 'Không', 'KHÔNG'])('reads %j as false', (word) => {
    expect(parseBoolean(word)).toBe(false);
  });
  it.each(['', 'x', 'co', 'khong', '2', 'y'])('refuses %j', (word) => {
    expect(parseBoolean(word)).toBeUndefined();
  });
});

describe('parseNumber', () => {
  it('reads plain decimals, signs and exponents', () => {
    expect(['12', '12.5', '-3', '+4', '.5', '1e3'].map((s) => parseNumber(s, false))).toEqual([12, 12.5, -3, 4, 0.5, 1000]);
  });
  it('reads a decimal comma only when asked to (a `;`-separated file)', () => {
    expect(parseNumber('12,5', true)).toBe(12.5);
    expect(parseNumber('12,5', false)).toBeUndefined();
  });
  it.each(['', 'abc', '1,234,5', '12 5', 'NaN', 'Infinity', '0x10'])('refuses %j', (text) => {
    expect(parseNumber(text, true)).toBeUndefined();
  });
});

describe('code and month checks', () => {
  it('accepts a 5-digit unit code only', () => {
    expect(['11443', '00004', '1144', '114430', '1144a'].map(isUnitCode)).toEqual([true, true, false, false, false]);
  });
  it('accepts lower snake case field ids only', () => {
    expect(['land', 'civil_status', 'a1_b2', 'Land', 'civil-status', '_land', 'land_', 'đất'].map(isFieldId)).toEqual([
      true, true, true, false, false, false, false, false,
    ]);
  });
  it('accepts YYYY-MM with a real month only', () => {
    expect(['2025-07', '2025-12', '2025-01', '2025-00', '2025-13', '2025-7', '07/2025', '2025-07-01'].map(isMonth)).toEqual([
      true, true, true, false, false, false, false, false,
    ]);
  });
});

describe('cellReader', () => {
  const row = { line: 7, cells: { n: ' -2 ', t: '', w: 'ward' } };
  it('records the file, line, column and trimmed value of a bad cell', () => {
    const problems: InputProblem[] = [];
    const cells = cellReader('x.csv', problems, false);
    expect(cells.number(row, 'n', { min: 0, integer: true, message: 'must be a whole number >= 0' })).toBeUndefined();
    expect(cells.text(row, 't')).toBeUndefined();
    expect(cells.oneOf(row, 'w', ['ward', 'commune'] as const)).toBe('ward');
    expect(problems).toEqual([
      { file: 'x.csv', line: 7, column: 'n', value: '-2', message: 'must be a whole number >= 0', code: 'import.number', params: { min: 0, integer: 1, minExclusive: 0 } },
      { file: 'x.csv', line: 7, column: 't', value: '', message: 'must not be empty', code: 'import.empty', params: {} },
    ]);
  });
  it('refuses a fraction where a whole number is needed, and accepts 12.0', () => {
    const problems: InputProblem[] = [];
    const cells = cellReader('x.csv', problems, false);
    const whole = { min: 0, integer: true, message: 'm' };
    expect(cells.number({ line: 2, cells: { n: '2.5' } }, 'n', whole)).toBeUndefined();
    expect(cells.number({ line: 3, cells: { n: '12.0' } }, 'n', whole)).toBe(12);
    expect(problems.map((p) => p.line)).toEqual([2]);
  });
});
