import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closures, isTetMonth, isWorkingDay, workingDays } from '../../solver/calendar.ts';

describe('workingDays', () => {
  it('February 2026 has 15 working days: 20 weekdays minus the 5 weekdays of the 14-22 Feb Tet break', () => {
    // 1 Feb 2026 is a Sunday; 28 days = 4 whole weeks = 20 weekdays.
    // The break 14 (Sat) - 22 (Sun) Feb covers the weekdays Mon 16 - Fri 20 = 5 days. 20 - 5 = 15.
    expect(workingDays('2026-02')).toBe(15);
  });

  it('a month without closures counts its Mondays to Fridays (March 2026: 22, October 2026: 22)', () => {
    // March 2026 starts on a Sunday: weekdays 2-6, 9-13, 16-20, 23-27, 30-31 = 5+5+5+5+2 = 22.
    expect(workingDays('2026-03')).toBe(22);
    // October 2026 starts on a Thursday: 1-2, 5-9, 12-16, 19-23, 26-30 = 2+5+5+5+5 = 22.
    expect(workingDays('2026-10')).toBe(22);
  });

  it('September 2026 loses 1 and 2 September (Tue, Wed): 22 weekdays - 2 = 20', () => {
    // Starts on a Tuesday: 1-4, 7-11, 14-18, 21-25, 28-30 = 4+5+5+5+3 = 22.
    expect(workingDays('2026-09')).toBe(20);
    expect(isWorkingDay('2026-09-01')).toBe(false);
    expect(isWorkingDay('2026-09-02')).toBe(false);
    expect(isWorkingDay('2026-09-03')).toBe(true);
  });

  it('2 September on a Saturday costs only its adjacent Friday (September 2023: 21 - 1 = 20)', () => {
    // Starts on a Friday: 1, 4-8, 11-15, 18-22, 25-29 = 1+5+5+5+5 = 21; Fri 1 Sep closed.
    expect(workingDays('2023-09')).toBe(20);
  });

  it('April 2026 loses Hung Kings (Mon 27) and Reunion day (Thu 30): 22 - 2 = 20', () => {
    // Starts on a Wednesday: 1-3, 6-10, 13-17, 20-24, 27-30 = 3+5+5+5+4 = 22.
    expect(workingDays('2026-04')).toBe(20);
  });

  it('January 2025 loses New Year (Wed 1) and the Tet weekdays 27-31: 23 - 1 - 5 = 17', () => {
    // Starts on a Wednesday: 1-3, 6-10, 13-17, 20-24, 27-31 = 3+5+5+5+5 = 23.
    expect(workingDays('2025-01')).toBe(17);
    // The break runs on to Sun 2 Feb: February 2025 keeps all its 20 weekdays.
    expect(workingDays('2025-02')).toBe(20);
  });

  it('every month of 2023-2027 has between 13 and 23 working days (13: February 2027, approximate break)', () => {
    for (let y = 2023; y <= 2027; y += 1) {
      for (let m = 1; m <= 12; m += 1) {
        const days = workingDays(`${y}-${String(m).padStart(2, '0')}`);
        expect(days).toBeGreaterThanOrEqual(13);
        expect(days).toBeLessThanOrEqual(23);
      }
    }
  });

  it('a year outside the table throws an error naming the year', () => {
    expect(() => workingDays('2022-12')).toThrow(/year 2022 is outside the calendar/);
    expect(() => workingDays('2028-01')).toThrow(/year 2028/);
  });

  it('a malformed month throws an error naming the value', () => {
    expect(() => workingDays('2026-13')).toThrow(/"2026-13"/);
    expect(() => workingDays('2026/01')).toThrow(/YYYY-MM/);
  });
});

describe('isWorkingDay', () => {
  it('weekends are never working days, closures on weekdays are not either', () => {
    expect(isWorkingDay('2026-10-03')).toBe(false); // Saturday
    expect(isWorkingDay('2026-10-04')).toBe(false); // Sunday
    expect(isWorkingDay('2026-10-05')).toBe(true); // Monday
    expect(isWorkingDay('2026-01-01')).toBe(false); // New Year, Thursday
    expect(isWorkingDay('2024-04-18')).toBe(false); // Hung Kings 2024
  });

  it('rejects an impossible date', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(/no such date "2026-02-30"/);
  });

  it('the sum over the days of a month equals workingDays (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2023, max: 2027 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const month = `${y}-${String(m).padStart(2, '0')}`;
        const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
        let n = 0;
        for (let d = 1; d <= days; d += 1) if (isWorkingDay(`${month}-${String(d).padStart(2, '0')}`)) n += 1;
        return n === workingDays(month);
      }),
    );
  });
});

describe('isTetMonth', () => {
  it('is true exactly for the month holding the first day of Tet', () => {
    const tet = ['2023-01', '2024-02', '2025-01', '2026-02', '2027-02'];
    for (let y = 2023; y <= 2027; y += 1) {
      for (let m = 1; m <= 12; m += 1) {
        const month = `${y}-${String(m).padStart(2, '0')}`;
        expect(isTetMonth(month)).toBe(tet.includes(month));
      }
    }
  });
});

describe('closures', () => {
  it('names the 2026 closures, the Tet break day by day (14-22 Feb, weekends included)', () => {
    const list = closures(2026);
    expect(list.filter((c) => c.name === 'Tet break').map((c) => c.date)).toEqual([
      '2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18',
      '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22',
    ]);
    const others = list.filter((c) => c.name !== 'Tet break').map((c) => c.date);
    expect(others).toEqual(['2026-01-01', '2026-04-27', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02']);
  });

  it('is in date order for every year', () => {
    for (let y = 2023; y <= 2027; y += 1) {
      const dates = closures(y).map((c) => c.date);
      expect([...dates].sort()).toEqual(dates);
    }
  });

  it('throws for a year outside 2023-2027', () => {
    expect(() => closures(2030)).toThrow(/closures: year 2030 is outside the calendar \(2023-2027\)/);
  });
});
