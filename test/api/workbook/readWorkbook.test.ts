/**
 * Workbooks read into the loaders: the good cases load to exactly the dataset of the CSV fixtures,
 * every bad class is a named problem (workbook, sheet, row, column, value) and nothing loads
 * (test/cases/imports/workbooks/cases.json).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../api/workbook/readWorkbook.ts';
import type { InputProblem } from '../../../solver/domain.ts';
import { loadDataset } from '../../../solver/dataset/loadDataset.ts';
import { codeOfProblem } from '../../../solver/dataset/problemCodes.ts';
import { fixtureDataset, IMPORTS_DIR } from '../../solver/dataset/fixtures.ts';
import { buildWorkbook, type WorkbookCase } from './buildWorkbook.ts';

interface Expected { code: string; file: string; line?: number; column?: string; value?: string }
const cases = JSON.parse(readFileSync(`${IMPORTS_DIR}workbooks/cases.json`, 'utf8')) as {
  good: (WorkbookCase & { warnings: Expected[] })[];
  bad: (WorkbookCase & { problems: Expected[] })[];
};

/** The parts of a problem a case states. */
const shape = (p: InputProblem, like: Expected): Expected => ({
  code: codeOfProblem(p)?.code ?? '',
  file: p.file,
  ...(like.line === undefined ? {} : { line: p.line as number }),
  ...(like.column === undefined ? {} : { column: p.column as string }),
  ...(like.value === undefined ? {} : { value: p.value as string }),
});

const read = async (c: WorkbookCase) => readWorkbook(c.file, await buildWorkbook(c), { tables: c.tables, ...(c.single === undefined ? {} : { single: c.single }) });

describe('good workbooks load to the dataset of the same CSV tables', () => {
  const good = loadDataset(fixtureDataset('good'));
  it.each(cases.good.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const result = await read(c);
    if (!result.ok) expect.fail(JSON.stringify(result.problems));
    expect(result.warnings.map((w, i) => shape(w, c.warnings[i] ?? { code: '', file: '' }))).toEqual(c.warnings);
    const loaded = loadDataset({ ...fixtureDataset('good'), ...result.value.tables });
    if (!loaded.ok) expect.fail(JSON.stringify(loaded.problems));
    expect(loaded.value).toEqual(good.ok ? good.value : undefined);
  });
});

describe('bad workbooks are named problems and give no table', () => {
  it.each(cases.bad.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const result = await read(c);
    const problems = result.ok ? loadDataset({ ...fixtureDataset('good'), ...result.value.tables }) : result;
    if (problems.ok) expect.fail('loaded');
    expect(problems.problems.map((p, i) => shape(p, c.problems[i] ?? { code: '', file: '' }))).toEqual(c.problems);
  });

  it('the problem of fte 1,5 says it as the issue does: workbook, sheet, row 4, column fte, value 1,5', async () => {
    const c = cases.bad[0] as WorkbookCase;
    const result = await read(c);
    if (!result.ok) expect.fail(JSON.stringify(result.problems));
    const loaded = loadDataset({ ...fixtureDataset('good'), ...result.value.tables });
    expect(loaded.ok ? [] : loaded.problems).toEqual([
      expect.objectContaining({ file: 'staff.xlsx, sheet Công chức', line: 4, column: 'fte', value: '1,5', message: 'must be a number > 0 and <= 1' }),
    ]);
  });
});
