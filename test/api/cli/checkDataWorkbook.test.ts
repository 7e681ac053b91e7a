/**
 * The command line takes workbooks where it takes CSV: `npm run template` writes the templates,
 * `check-data -- FILE.xlsx` checks one table (the others embedded) or a workbook of several, and
 * `--dossiers FILE.xlsx` aggregates a dossier-level sheet with Excel dates.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../../solver/csv.ts';
import { parseDate } from '../../../solver/dataset/parseDate.ts';
import { TABLE_HEADINGS } from '../../../solver/dataset/tableHeadings.ts';
import { IMPORTS_DIR } from '../../solver/dataset/fixtures.ts';

const root = join(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'check-data-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (command: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', `api/cli/${command}.ts`, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });

/** The staff template filled with two civil servants of the embedded centers, `fte` of the second as given. */
const filledStaff = async (path: string, fte: string | number): Promise<void> => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(dir, 'templates', 'staff.xlsx'));
  const sheet = book.getWorksheet('Công chức');
  if (sheet === undefined) throw new Error('no sheet Công chức in the template');
  sheet.getRow(3).values = ['NEW-1', 'Nguyễn Thị Mới', '11446', '11446', 'civil_status;land', 'chuyen_vien', 1, 'có'];
  sheet.getRow(4).values = ['NEW-2', 'Trần Văn Hai', '11446', '11443', 'civil_status', 'can_su', fte, false];
  await book.xlsx.writeFile(path);
};

describe('workbooks on the command line', () => {
  it('npm run template writes one workbook per table with Vietnamese headings, the note row and a drop-down list of center codes', { timeout: 120_000 }, async () => {
    const out = run('template', '--out', join(dir, 'templates'));
    expect(out.status, out.stderr).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'templates', 'staff.xlsx'));
    const sheet = book.getWorksheet('Công chức');
    const headings = TABLE_HEADINGS.staff.columns;
    expect((sheet?.getRow(1).values as unknown[]).slice(1)).toEqual(headings.map((c) => c.vi));
    expect((sheet?.getRow(2).values as unknown[]).slice(1)).toEqual(headings.map((c) => c.note));
    const centerColumn = String.fromCharCode(65 + headings.findIndex((c) => c.column === 'center_code'));
    expect(sheet?.getCell(`${centerColumn}3`).dataValidation).toMatchObject({ type: 'list', formulae: ["'Danh mục'!$A$2:$A$115"] });
    const lists = book.getWorksheet('Danh mục');
    const firstCode = readFileSync(join(root, 'data/haiphong/centers.csv'), 'utf8').split('\n')[1]?.slice(0, 5);
    expect(lists?.getCell('A2').value).toBe(firstCode);
  });

  it('a filled-in staff template passes check-data, the other tables being the embedded ones', { timeout: 120_000 }, async () => {
    const path = join(dir, 'staff.xlsx');
    await filledStaff(path, '0,5');
    const out = run('check-data', path);
    expect(out.status, out.stdout + out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^OK: 114 centers, \d+ fields, \d+ history rows, 2 civil servants; from the workbook: staff; the others from /);
  });

  it('check-data names the workbook, sheet, row, column and value of a bad cell and loads nothing', { timeout: 120_000 }, async () => {
    const path = join(dir, 'staff-bad.xlsx');
    await filledStaff(path, '1,5');
    const out = run('check-data', path);
    expect(out.status).toBe(1);
    expect(out.stdout).toBe('staff-bad.xlsx, sheet Công chức, row 4, column fte, value "1,5": must be a number > 0 and <= 1\n1 problem found; nothing was loaded.\n');
  });

  it('--dossiers FILE.xlsx with Excel dates gives the history table of the same dossiers as CSV', { timeout: 120_000 }, async () => {
    const csv = readCsv('good.csv', readFileSync(join(IMPORTS_DIR, 'dossiers/good.csv'), 'utf8'));
    if (!csv.ok) expect.fail('fixture');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Hồ sơ');
    sheet.addRow(TABLE_HEADINGS.dossiers.columns.map((c) => c.vi));
    const asDate = (text: string): Date | null => {
      const iso = parseDate(text);
      return iso === undefined ? null : new Date(`${iso}T00:00:00Z`);
    };
    for (const row of csv.table.rows) {
      const c = row.cells;
      sheet.addRow([c['dossier_id'], c['center_code'], c['field'], c['channel'], asDate(c['received_date'] ?? ''), asDate(c['due_date'] ?? ''), asDate(c['finished_date'] ?? '')]);
    }
    for (const column of [5, 6, 7]) sheet.getColumn(column).numFmt = 'dd/mm/yyyy';
    const path = join(dir, 'dossiers.xlsx');
    writeFileSync(path, Buffer.from(await book.xlsx.writeBuffer()));
    const out = run('check-data', '--dossiers', path, '--data', join(IMPORTS_DIR, 'good'));
    expect(out.status, out.stdout + out.stderr).toBe(0);
    expect(out.stdout).toBe(readFileSync(join(IMPORTS_DIR, 'dossiers/good.expected.csv'), 'utf8'));
  });
});
