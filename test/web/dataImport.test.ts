import { describe, expect, it } from 'vitest';
import { PERIODS } from '../../web/src/components/PeriodControls.tsx';
import { matchTables } from '../../web/src/pages/DataPage.tsx';

const file = (name: string) => ({ name, text: `text of ${name}` });

describe('matchTables (which chosen file is which table)', () => {
  it('recognises the four tables by the start of their file names, whatever follows', () => {
    const m = matchTables([file('staff-2026.csv'), file('Centers.csv'), file('fields.csv'), file('history_q3.csv')]);
    expect(m.missing).toEqual([]);
    expect(m.found.centers?.name).toBe('Centers.csv');
    expect(m.found.history?.text).toBe('text of history_q3.csv');
  });

  it('names the tables that are missing', () => {
    expect(matchTables([file('centers.csv'), file('dossiers.csv')]).missing).toEqual(['fields', 'history', 'staff']);
  });
});

describe('PERIODS (months offered)', () => {
  it('run from the July 2025 reform to December 2027, one per month', () => {
    expect(PERIODS[0]).toBe('2025-07');
    expect(PERIODS[PERIODS.length - 1]).toBe('2027-12');
    expect(PERIODS).toHaveLength(30);
  });
});
