import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InputProblem } from '../../../solver/domain.ts';
import { capProblems, loadDataset, PROBLEM_LIMIT } from '../../../solver/dataset/loadDataset.ts';
import { writeCsv } from '../../../solver/csv.ts';
import { datasetToCsv } from '../../../solver/dataset/datasetToCsv.ts';
import { fixture, fixtureDataset, IMPORTS_DIR, type Table } from './fixtures.ts';

interface BadCase {
  readonly claim: string;
  readonly table: Table;
  readonly file: string;
  readonly problems: readonly (Omit<InputProblem, 'file'> & { readonly file?: string })[];
}

const badCases = (JSON.parse(readFileSync(`${IMPORTS_DIR}bad/cases.json`, 'utf-8')) as { cases: BadCase[] }).cases;

describe('loadDataset on good input', () => {
  it('loads every row of the good fixture with its values typed', () => {
    const result = loadDataset(fixtureDataset('good'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { centers, fields, history, staff } = result.value;
    expect([centers.length, fields.length, history.length, staff.length]).toEqual([4, 4, 11, 6]);
    expect(centers[1]).toEqual({
      code: '11446',
      nameVi: 'Phường Phù Liễn',
      nameAscii: 'Phuong Phu Lien',
      type: 'ward',
      formerDistrict: 'Quận Kiến An, TP Hải Phòng',
      areaKm2: 18.46,
      population: 60733,
      lat: 20.79396,
      lon: 106.63288,
      desks: 4,
      maxStaff: 8,
      areaAdequate: false,
      meetingRooms: 1,
    });
    expect(history[0]).toEqual({
      centerCode: '11443',
      month: '2025-07',
      field: 'certification',
      channel: 'direct',
      received: 2998,
      resolvedOnTime: 2998,
      resolvedLate: 0,
      pending: 0,
    });
    expect(staff[2]).toMatchObject({ staffId: 'HP-000003', fields: ['land', 'civil_status'], fte: 1, locked: true });
    expect(staff[3]).toMatchObject({ fte: 0.5, locked: false });
    expect(result.warnings).toEqual([]);
  });

  it('reads an Excel-style export (BOM, `;`, CRLF, decimal commas, có/không, yes/0) to the same objects', () => {
    const plain = loadDataset(fixtureDataset('good'));
    const excel = loadDataset(fixtureDataset('good-excel'));
    expect(excel.ok && plain.ok).toBe(true);
    if (!excel.ok || !plain.ok) return;
    expect(excel.value).toEqual(plain.value);
  });

  it('warns about an unknown extra column and still loads', () => {
    const excel = loadDataset(fixtureDataset('good-excel'));
    expect(excel.ok).toBe(true);
    if (!excel.ok) return;
    expect(excel.warnings).toEqual([
      { file: 'centers.csv', line: 1, column: 'ghi_chu', message: 'unknown column "ghi_chu" is ignored', code: 'import.unknown_column', params: { column: 'ghi_chu' } },
    ]);
  });
});

describe('loadDataset on bad input: each class of problem names file, line, column and value', () => {
  it.each(badCases.map((c) => [c.claim, c] as const))('%s', (_claim, c) => {
    const files = { ...fixtureDataset('good'), [c.table]: fixture(`bad/${c.file}`) };
    const result = loadDataset(files);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(c.problems.map((p) => ({ file: c.file, ...p })));
  });
});

describe('loadDataset is all or nothing', () => {
  it('returns no dataset when one history row among good ones is bad', () => {
    const result = loadDataset({ ...fixtureDataset('good'), history: fixture('bad/history-negative-count.csv') });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          file: 'history-negative-count.csv',
          line: 5,
          column: 'received',
          value: '-3',
          message: 'must be a whole number >= 0',
          code: 'import.number',
          params: { min: 0, integer: 1, minExclusive: 0 },
        },
      ],
    });
  });

  it('lists the problems of every file at once, in file order', () => {
    const result = loadDataset({
      ...fixtureDataset('good'),
      fields: fixture('bad/fields-zero-priority.csv'),
      history: fixture('bad/history-negative-count.csv'),
      staff: fixture('bad/staff-duplicate-id.csv'),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.file}:${p.line}:${p.column}`)).toEqual([
      'fields-zero-priority.csv:2:priority',
      'history-negative-count.csv:5:received',
      'staff-duplicate-id.csv:5:staff_id',
    ]);
  });

  it('lists every bad row of a large file up to the limit, then says how many more', () => {
    const header = 'center_code,month,field,channel,received,resolved_on_time,resolved_late,pending';
    const bad = Array.from({ length: PROBLEM_LIMIT + 250 }, (_, i) => {
      const month = `${1900 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
      return `11443,${month},certification,direct,-${i + 1},0,0,0`;
    });
    const result = loadDataset({ ...fixtureDataset('good'), history: { name: 'history.csv', text: [header, ...bad].join('\n') } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(PROBLEM_LIMIT + 1);
    expect(result.problems[PROBLEM_LIMIT - 1]).toMatchObject({ line: PROBLEM_LIMIT + 1, value: `-${PROBLEM_LIMIT}` });
    expect(result.problems[PROBLEM_LIMIT]).toEqual({
      file: 'history.csv',
      message: 'and 250 more problems not listed',
      code: 'import.more_problems',
      params: { count: 250 },
    });
  });
});

describe('capProblems', () => {
  it('leaves a list at or under the limit untouched', () => {
    const problems = [{ file: 'a.csv', message: 'x' }];
    expect(capProblems(problems, 1)).toBe(problems);
  });

  it('names every file among the problems left off', () => {
    const problems = ['a.csv', 'b.csv', 'c.csv', 'c.csv'].map((file) => ({ file, message: 'x' }));
    expect(capProblems(problems, 1).at(-1)).toEqual({ file: 'b.csv, c.csv', message: 'and 3 more problems not listed', code: 'import.more_problems', params: { count: 3 } });
  });
});

describe('loadDataset on a history without outcomes', () => {
  it('loads a history with no outcome columns, its rows without outcome counts', () => {
    const result = loadDataset({ ...fixtureDataset('good'), history: fixture('no-outcomes/history.csv') });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.history).toHaveLength(11);
    expect(result.value.history[0]).toEqual({ centerCode: '11443', month: '2025-07', field: 'certification', channel: 'direct', received: 2998 });
  });

  it('warns, naming history.csv and its header, that a history without outcome columns cannot be checked against what happened', () => {
    const result = loadDataset({ ...fixtureDataset('good'), history: fixture('no-outcomes/history.csv') });
    expect(result.ok && result.warnings).toEqual([{
      file: 'history.csv', line: 1,
      message: 'no outcome columns (resolved_on_time, resolved_late, pending): the workload is computed, but the model check and the calibration of norms cannot be done, and the official norms are used',
      code: 'import.no_outcomes', params: {},
    }]);
  });

  it('loads a row whose three outcome cells are blank as a row without outcomes, the others with theirs', () => {
    const result = loadDataset({ ...fixtureDataset('good'), history: fixture('no-outcomes/history-one-row-blank.csv') });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.history[4]).toEqual({ centerCode: '11446', month: '2025-07', field: 'certification', channel: 'direct', received: 1600 });
    expect(result.value.history[3]).toMatchObject({ resolvedOnTime: 60, resolvedLate: 0, pending: 63 });
  });

  it('warns once, with the first line and the number of rows, about rows whose three outcome cells are blank', () => {
    const result = loadDataset({ ...fixtureDataset('good'), history: fixture('no-outcomes/history-one-row-blank.csv') });
    expect(result.ok && result.warnings).toEqual([{
      file: 'history-one-row-blank.csv', line: 6, value: '',
      message: 'outcome cells blank on 1 row (first on line 6): its center-months are left out of the model check and the calibration of norms',
      code: 'import.outcomes_blank', params: { rows: 1 },
    }]);
  });

  it('gives no warning about outcomes when every row records them', () => {
    const result = loadDataset(fixtureDataset('good'));
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('writes rows without outcomes with blank cells that load back as rows without outcomes (a stored or merged import)', () => {
    const first = loadDataset({ ...fixtureDataset('good'), history: fixture('no-outcomes/history-one-row-blank.csv') });
    if (!first.ok) throw new Error('fixture does not load');
    const { header, rows } = datasetToCsv(first.value).history;
    const again = loadDataset({ ...fixtureDataset('good'), history: { name: 'history.csv', text: writeCsv(header, rows) } });
    expect(again.ok && again.value.history).toEqual(first.value.history);
  });
});
