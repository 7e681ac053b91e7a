import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../solver/csv.ts';
import { codeCsvProblem, codeOfProblem } from '../../../solver/dataset/problemCodes.ts';
import { readTable } from '../../../solver/dataset/readTable.ts';

const problemsOf = (text: string, columns: readonly string[] = ['a', 'b']) => {
  const read = readTable({ name: 'x.csv', text }, columns);
  return read.problems;
};

describe('the problems of readCsv get their codes in readTable', () => {
  it.each([
    ['an empty file', '', { code: 'import.file_empty', params: {} }],
    ['a column twice in the header', 'a,b,a\n1,2,3\n', { code: 'import.column_twice', params: { column: 'a' } }],
    ['a missing column', 'a\n1\n', { code: 'import.missing_column', params: { column: 'b' } }],
    ['a row with too many cells', 'a,b\n1,2,3\n', { code: 'import.cell_count', params: { expected: 2, found: 3 } }],
    ['an unclosed quote', 'a,b\n"1,2\n', { code: 'import.not_csv' }],
  ] as const)('%s', (_what, text, expected) => {
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(codeOfProblem(problems[0]!)).toMatchObject(expected);
  });

  it('keeps readCsv\'s English message and place unchanged', () => {
    const csv = readCsv('x.csv', 'a,b\n1,2,3\n', ['a', 'b']);
    expect(csv.ok).toBe(false);
    if (csv.ok) return;
    expect(problemsOf('a,b\n1,2,3\n')).toEqual(csv.problems.map((p) => ({ ...p, code: 'import.cell_count', params: { expected: 2, found: 3 } })));
  });

  it('a sentence it does not know keeps no code, so a client shows the English', () => {
    const p = { file: 'x.csv', message: 'something new' };
    expect(codeCsvProblem(p)).toBe(p);
    expect(codeOfProblem(p)).toBeUndefined();
  });

  it('a header without rows, and an unknown column (a warning), have their codes', () => {
    expect(codeOfProblem(problemsOf('a,b\n')[0]!)).toEqual({ code: 'import.no_rows', params: {} });
    const read = readTable({ name: 'x.csv', text: 'a,b,ghi_chu\n1,2,3\n' }, ['a', 'b']);
    expect(read.ok && read.warnings.map((w) => codeOfProblem(w))).toEqual([{ code: 'import.unknown_column', params: { column: 'ghi_chu' } }]);
  });
});
