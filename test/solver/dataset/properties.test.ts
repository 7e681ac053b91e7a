import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../../solver/csv.ts';
import type { Dataset } from '../../../solver/domain.ts';
import { datasetToCsv, tablesToCsv, type CsvCells } from '../../../solver/dataset/datasetToCsv.ts';
import { codeOfProblem } from '../../../solver/dataset/problemCodes.ts';
import { loadDataset } from '../../../solver/dataset/loadDataset.ts';
import type { DatasetFiles } from '../../../solver/dataset/types.ts';
import { datasetArb, styleArb, toCsvText, type CsvStyle } from './arbitraries.ts';

const TABLES = ['centers', 'fields', 'history', 'staff'] as const;
type Table = (typeof TABLES)[number];

const filesOf = (tables: Record<Table, CsvCells>, style: CsvStyle): DatasetFiles => ({
  centers: { name: 'centers.csv', text: toCsvText(tables.centers, style) },
  fields: { name: 'fields.csv', text: toCsvText(tables.fields, style) },
  history: { name: 'history.csv', text: toCsvText(tables.history, style) },
  staff: { name: 'staff.csv', text: toCsvText(tables.staff, style) },
});

/** A code not used by any center of the dataset (an unknown reference). */
const absentCode = (dataset: Dataset): string =>
  ['99999', '99998', '99997', '99996', '99995'].find((c) => !dataset.centers.some((x) => x.code === c)) ?? 'xxxxx';

/** Values each column must refuse, whatever the rest of its row. */
const badValues = (dataset: Dataset, table: Table, column: string, row: number): readonly string[] => {
  const count = ['-1', '2.5', 'many', ''];
  const text = [''];
  const code = ['abc', '1234', '123456', ''];
  const byColumn: Record<Table, Record<string, readonly string[]>> = {
    centers: {
      code, name_vi: text, name_ascii: text, type: ['xa', 'Ward', ''], former_district: text,
      area_km2: ['-1', 'abc', ''], population: count, lat: ['106.6', '-5', 'x'], lon: ['20.8', '200', ''],
      desks: count, max_staff: count, area_adequate: ['maybe', '2', ''], meeting_rooms: count,
    },
    fields: {
      field: ['Land', 'đất', '1abc', 'a-b', ''], name_vi: text, name_en: text, time_limit_days: count,
      min_direct: ['-1', 'x', ''], min_online: ['-0.5', ''], min_processing: ['-3', 'n/a'], priority: ['0', '-1', 'x', ''],
    },
    history: {
      center_code: [...code, absentCode(dataset)], month: ['2025-13', '2025-00', '2025-7', '07/2025', ''],
      field: ['Land', 'zz_unknown', ''], channel: ['phone', 'Direct', ''],
      received: count, resolved_on_time: count, resolved_late: count, pending: count,
    },
    staff: {
      staff_id: row > 0 ? ['', dataset.staff[0]!.staffId] : [''], name: text,
      center_code: [...code, absentCode(dataset)], home_code: [...code, absentCode(dataset)],
      fields: ['', 'Land', 'zz_unknown'], grade: text, fte: ['0', '1.5', '-0.5', 'x', ''], locked: ['maybe', ''],
      leaves_on: ['2099-13', '03/2099', '1999-12'],
    },
  };
  return byColumn[table][column] ?? [];
};

describe('loading is the inverse of writing', () => {
  it('any valid dataset written with writeCsv loads back to the same objects', () => {
    fc.assert(
      fc.property(datasetArb, (dataset) => {
        const tables = datasetToCsv(dataset);
        const files = Object.fromEntries(TABLES.map((t) => [t, { name: `${t}.csv`, text: writeCsv(tables[t].header, tables[t].rows) }]));
        expect(loadDataset(files as unknown as DatasetFiles)).toEqual({ ok: true, value: dataset, warnings: [] });
      }),
      { numRuns: 150 },
    );
  });

  it('tablesToCsv, a row at a time, writes exactly what writeCsv writes of datasetToCsv\'s cells', () => {
    fc.assert(
      fc.property(datasetArb, (dataset) => {
        const tables = datasetToCsv(dataset);
        const texts = tablesToCsv(dataset, TABLES);
        for (const t of TABLES) expect(texts[t]).toBe(writeCsv(tables[t].header, tables[t].rows));
      }),
      { numRuns: 150 },
    );
  });

  it('the same holds with `;` separators, a BOM and CRLF line ends', () => {
    fc.assert(
      fc.property(datasetArb, styleArb, (dataset, style) => {
        expect(loadDataset(filesOf(datasetToCsv(dataset), style))).toEqual({ ok: true, value: dataset, warnings: [] });
      }),
      { numRuns: 150 },
    );
  });
});

describe('one corrupted cell', () => {
  it('yields no dataset and one problem in that file, naming exactly its line, column and value', () => {
    const caseArb = fc
      .tuple(datasetArb, styleArb, fc.constantFrom(...TABLES))
      .chain(([dataset, style, table]) => {
        const cells = datasetToCsv(dataset)[table];
        return fc
          .tuple(fc.nat(cells.rows.length - 1), fc.nat(cells.header.length - 1))
          .chain(([row, col]) =>
            fc.constantFrom(...badValues(dataset, table, cells.header[col]!, row)).map((bad) => ({ dataset, style, table, row, col, bad })),
          );
      });
    fc.assert(
      fc.property(caseArb, ({ dataset, style, table, row, col, bad }) => {
        const tables = datasetToCsv(dataset);
        const rows = tables[table].rows.map((r, i) => (i === row ? r.map((cell, j) => (j === col ? bad : cell)) : r));
        const result = loadDataset(filesOf({ ...tables, [table]: { header: tables[table].header, rows } }, style));
        expect(result.ok).toBe(false);
        if (result.ok) return;
        const inFile = result.problems.filter((p) => p.file === `${table}.csv`);
        expect(inFile).toHaveLength(1);
        // A quoted cell may hold a line break: the row starts on the file line after all earlier ones.
        const breaks = rows.slice(0, row).flat().reduce<number>((n, cell) => n + String(cell).split('\n').length - 1, 0);
        expect(inFile[0]).toMatchObject({ line: row + 2 + breaks, column: tables[table].header[col], value: bad });
        expect(codeOfProblem(inFile[0]!)?.code).toMatch(/^import\.[a-z_]+$/);
      }),
      { numRuns: 300 },
    );
  });
});
