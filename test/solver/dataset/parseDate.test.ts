import { describe, expect, it } from 'vitest';
import { daysInMonth, parseDate } from '../../../solver/dataset/parseDate.ts';

describe('parseDate', () => {
  it.each([
    ['2026-03-05', '2026-03-05'],
    ['05/03/2026', '2026-03-05'],
    ['5/3/2026', '2026-03-05'],
    ['2026-3-5', '2026-03-05'],
    ['2026-03-05 08:15', '2026-03-05'],
    ['2026-03-05T08:15:30Z', '2026-03-05'],
    ['05/03/2026 16:40:00', '2026-03-05'],
    ['29/02/2024', '2024-02-29'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each(['31/02/2026', '29/02/2026', '2026-04-31', '2026-13-01', '00/01/2026', '2026/03/05', '03-05-2026', '', 'hôm nay', '2026-03'])(
    'refuses %j',
    (text) => {
      expect(parseDate(text)).toBeUndefined();
    },
  );

  it('reads day first: 02/03/2026 is the 2nd of March', () => {
    expect(parseDate('02/03/2026')).toBe('2026-03-02');
  });
});

describe('daysInMonth', () => {
  it('follows the Gregorian leap-year rule', () => {
    expect([2024, 2026, 2000, 1900].map((y) => daysInMonth(y, 2))).toEqual([29, 28, 29, 28]);
  });
});
