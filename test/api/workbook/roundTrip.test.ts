/**
 * The embedded Hai Phong tables exported to one workbook and read back give the dataset hash of
 * the CSV files: the workbook path changes nothing in the data (also the Vietnamese names, whose
 * letters exceljs's streaming reader broke at chunk boundaries: utf8WorkbookReader.ts).
 */
import { describe, expect, it } from 'vitest';
import { loadDatasetDir } from '../../../api/dataset-files.ts';
import { readWorkbook } from '../../../api/workbook/readWorkbook.ts';
import { workbookDatasetHash } from '../../../api/workbook/workbookImport.ts';
import { writeTableWorkbook } from '../../../api/workbook/writeTableWorkbook.ts';
import { datasetToCsv } from '../../../solver/dataset/datasetToCsv.ts';
import { loadDataset } from '../../../solver/dataset/loadDataset.ts';

const TABLES = ['centers', 'fields', 'history', 'staff'] as const;

describe('workbook round trip', () => {
  it('the embedded tables written to a workbook and read back hash as the CSV files do', async () => {
    const embedded = await loadDatasetDir();
    if (!embedded.ok) expect.fail('the embedded dataset does not load');
    const cells = datasetToCsv(embedded.value);
    const bytes = await writeTableWorkbook(TABLES.map((table) => ({ table, rows: cells[table].rows })));
    const read = await readWorkbook('haiphong.xlsx', bytes, { tables: TABLES });
    if (!read.ok) expect.fail(JSON.stringify(read.problems.slice(0, 3)));
    const loaded = loadDataset(read.value.tables as Parameters<typeof loadDataset>[0]);
    if (!loaded.ok) expect.fail(JSON.stringify(loaded.problems.slice(0, 3)));
    expect(workbookDatasetHash(loaded.value)).toBe(embedded.hash);
  }, 300_000);
});
