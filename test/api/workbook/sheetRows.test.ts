/**
 * A sheet's rows as the workbook reader keeps them (api/workbook/sheetRows.ts): read back by the
 * loaders exactly as they were given, whatever the texts, with their sheet row numbers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SheetRows } from '../../../api/workbook/sheetRows.ts';

const COLUMNS = ['center_code', 'month', 'received'];

describe('a sheet\'s rows kept compactly', () => {
  it('give back each row as pushed, cells by column name and line by sheet row, in order, however many', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 2, max: 1_048_576 }), fc.array(fc.string({ maxLength: 40 }), { minLength: 3, maxLength: 3 })), { maxLength: 3000 }), (given) => {
        const rows = new SheetRows(COLUMNS);
        for (const [line, cells] of given) rows.push(line, cells);
        expect(rows.length).toBe(given.length);
        expect([...rows]).toEqual(given.map(([line, cells]) => ({ line, cells: Object.fromEntries(COLUMNS.map((c, i) => [c, cells[i]])) })));
      }),
      { numRuns: 60 },
    );
  });

  it('can be read more than once', () => {
    const rows = new SheetRows(COLUMNS);
    rows.push(2, ['11446', '2026-01', '12']);
    expect([...rows]).toEqual([...rows]);
  });

  it('refuses a row whose cells do not match its columns', () => {
    expect(() => new SheetRows(COLUMNS).push(2, ['11446'])).toThrow('a sheet row of 1 cells for 3 columns');
  });
});
