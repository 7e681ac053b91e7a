import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluatedCells } from '../spreadsheetCells.ts';
import { type CsvRecord, detectDelimiter, parseQuoted, readCsv, splitPlain, writeCsv } from '../../solver/csv.ts';

const cell = fc.stringMatching(/^[ a-zA-Z0-9ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ._-]{0,12}$/);

describe('readCsv', () => {
  it('reads text without quotes exactly as the full CSV grammar does (lines, cells, blank lines)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(',', ';' as const),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.boolean(), { maxLength: 20 }),
        fc.constantFrom('\n', '\r\n'),
        (delimiter, rows, blanks, eol) => {
          const lines: string[] = [];
          rows.forEach((row, i) => {
            if (blanks[i] === true) lines.push('');
            lines.push(row.join(delimiter));
          });
          const text = lines.join(eol) + eol;
          const shape = (records: readonly CsvRecord[]) => records.map((r) => ({ cells: r.record, line: r.info.lines }));
          expect(shape(splitPlain(text, delimiter as ',' | ';'))).toEqual(shape(parseQuoted(text, delimiter as ',' | ';')));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names the line of a row with the wrong number of cells, counting blank and multi-line rows', () => {
    const result = readCsv('a.csv', '\uFEFFa;b\n1;"x;y"\n\n"multi\nline";3\n4\n', ['a', 'b']);
    expect(result).toEqual({ ok: false, problems: [{ file: 'a.csv', line: 6, message: 'expected 2 cells, found 1' }] });
  });

  it('names every missing column on the header line', () => {
    const result = readCsv('a.csv', 'a,b\n1,2\n', ['a', 'c', 'd']);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.column)).toEqual(['c', 'd']);
  });

  it('refuses an empty file, also one holding only a BOM and blank lines', () => {
    expect(readCsv('e.csv', '\uFEFF\n\n')).toEqual({ ok: false, problems: [{ file: 'e.csv', message: 'the file is empty' }] });
  });

  it('keeps separators and diacritics inside quoted cells', () => {
    const result = readCsv('c.csv', 'name,fields\n"Phường Lê, Chân","land;civil_status"\n');
    expect(result.ok && result.table.rows[0]?.cells).toEqual({ name: 'Phường Lê, Chân', fields: 'land;civil_status' });
  });

  it('detects the separator from the header, ignoring quoted ones', () => {
    expect(detectDelimiter('"a,b";c;d\n')).toBe(';');
    expect(detectDelimiter('a,b,"c;d;e"\n')).toBe(',');
  });

  it('reads back what writeCsv wrote, separators, quotes and line breaks included', () => {
    const text = fc.string({ minLength: 1 }).filter((t) => t.trim() === t && t !== '');
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 10 }), (rows) => {
        const result = readCsv('w.csv', writeCsv(['x', 'y'], rows));
        expect(result.ok && result.table.rows.map((r) => r.cells)).toEqual(rows.map(([x, y]) => ({ x, y })));
      }),
    );
  });
});

describe('writeCsv over many rows', () => {
  it('writes the rows of a generator, across its batches of lines, as one text: header, each row once and in order, one final newline', () => {
    function* rows(): Generator<[number, string]> {
      for (let i = 0; i < 25_001; i += 1) yield [i, `r${i}`];
    }
    const text = writeCsv(['n', 'name'], rows());
    const lines = text.split('\n');
    expect(lines.length).toBe(25_003);
    expect(lines[0]).toBe('n,name');
    expect(lines.slice(1, -1).every((line, i) => line === `${i},r${i}`)).toBe(true);
    expect(lines.at(-1)).toBe('');
  });

  it('writes a header alone as one line when there is no row', () => {
    expect(writeCsv(['a', 'b'], [])).toBe('a,b\n');
  });
});

/** Starts a spreadsheet would evaluate as a formula (OWASP's list for CSV injection). */
const HOSTILE = ['=', '+', '-', '@', '\t', '\r', "'=", "''+", "'-", "'"] as const;


describe('writeCsv against formula injection', () => {
  it('puts an apostrophe before every cell a spreadsheet would evaluate, whatever follows it', () => {
    expect(writeCsv(['name'], [['=HYPERLINK("http://x","y")'], ['+cmd|/c calc'], ['@SUM(A1)'], ['-2+3'], ['\tx'], ['\rx']])).toBe(
      'name\n"\'=HYPERLINK(""http://x"",""y"")"\n\'+cmd|/c calc\n\'@SUM(A1)\n\'-2+3\n\'\tx\n"\'\rx"\n',
    );
  });

  it('leaves numbers as they are: JS numbers and texts that are exactly a decimal number, negative ones included', () => {
    expect(writeCsv(['a', 'b', 'c', 'd', 'e'], [[-3.5, '-12', '-3.5', -0.001, '+4']])).toBe('a,b,c,d,e\n-3.5,-12,-3.5,-0.001,+4\n');
  });

  it('no raw cell of any written table is one a spreadsheet would evaluate, names starting with =, +, -, @, tab or CR included', () => {
    const hostile = fc.tuple(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 8 })).map(([start, rest]) => start + rest);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(hostile, fc.string()), fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), hostile)), { minLength: 1, maxLength: 10 }), (rows) => {
        expect(evaluatedCells(writeCsv(['x', 'y'], rows))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('readCsv gives back exactly what writeCsv was given, apostrophes, formula starts and negative numbers included', () => {
    const start = fc.constantFrom(...HOSTILE.filter((h) => h !== '\t' && h !== '\r'), '', "'''-");
    const text = fc.tuple(start, fc.string({ maxLength: 8 }), fc.constantFrom('', '-3.5', '-12'))
      .map(([a, b, c]) => a + b + c)
      .filter((t) => t.trim() === t && t !== '');
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 10 }), (rows) => {
        const result = readCsv('w.csv', writeCsv(['x', 'y'], rows));
        expect(result.ok && result.table.rows.map((r) => r.cells)).toEqual(rows.map(([x, y]) => ({ x, y })));
      }),
      { numRuns: 300 },
    );
  });

  it('a cell starting with a tab keeps it through the round trip (the apostrophe protects it from trimming)', () => {
    const result = readCsv('t.csv', writeCsv(['x', 'y'], [['\t=1', 'b']]));
    expect(result.ok && result.table.rows[0]?.cells).toEqual({ x: '\t=1', y: 'b' });
  });
});
