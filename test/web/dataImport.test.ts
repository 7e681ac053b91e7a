import { describe, expect, it } from 'vitest';
import { PERIODS } from '../../web/src/components/PeriodControls.tsx';
import { uploadParts } from '../../web/src/pages/DataPage.tsx';

const file = (name: string) => ({ name });

describe('uploadParts (which chosen file is which upload part)', () => {
  it('recognises the four tables by the start of their file names, whatever follows', () => {
    const m = uploadParts([file('staff-2026.csv'), file('Centers.csv'), file('fields.xlsx'), file('history_q3.csv')]);
    expect(m.unmatched).toEqual([]);
    expect(m.parts.centers?.name).toBe('Centers.csv');
    expect(m.parts.fields?.name).toBe('fields.xlsx');
    expect(m.parts.history?.name).toBe('history_q3.csv');
  });

  it('one table alone is that table, CSV or workbook (the others stay the active version\'s)', () => {
    expect(uploadParts([file('staff.csv')])).toEqual({ parts: { staff: file('staff.csv') }, unmatched: [] });
    expect(uploadParts([file('staff.xlsx')])).toEqual({ parts: { staff: file('staff.xlsx') }, unmatched: [] });
  });

  it('one file named otherwise is a dossier export as CSV, and a workbook of sheets as .xlsx (unless named dossiers...)', () => {
    expect(uploadParts([file('export-march.csv')]).parts).toEqual({ dossiers: file('export-march.csv') });
    expect(uploadParts([file('haiphong.xlsx')]).parts).toEqual({ workbook: file('haiphong.xlsx') });
    expect(uploadParts([file('dossiers-march.xlsx')]).parts).toEqual({ dossiers: file('dossiers-march.xlsx') });
  });

  it('names a file it cannot place beside the tables', () => {
    expect(uploadParts([file('centers.csv'), file('notes.csv')]).unmatched).toEqual([file('notes.csv')]);
  });
});

describe('PERIODS (months offered)', () => {
  it('run from the July 2025 reform to December 2027, one per month', () => {
    expect(PERIODS[0]).toBe('2025-07');
    expect(PERIODS[PERIODS.length - 1]).toBe('2027-12');
    expect(PERIODS).toHaveLength(30);
  });
});
