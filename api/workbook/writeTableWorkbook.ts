/**
 * Workbooks of the tables in the layout readWorkbook reads: one sheet per table under its
 * Vietnamese name, the Vietnamese headings in row 1, the note row (unit, allowed values) in row 2,
 * data from row 3. Unit codes and other ids are text cells (a number cell would lose a leading 0).
 * Used for the template workbooks (`npm run template`, the Data screen) and to export a dataset.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell } from '../../solver/dataset/datasetToCsv.ts';
import { TABLE_HEADINGS, type WorkbookTable } from '../../solver/dataset/tableHeadings.ts';

/** The codes a template offers in drop-down lists (data validation), from a dataset's tables. */
export interface TemplateLists {
  readonly centerCodes: readonly string[];
  readonly fieldIds: readonly string[];
}

export interface SheetOfTable {
  readonly table: WorkbookTable;
  /** Rows of cells in the table's documented column order (solver/dataset/datasetToCsv.ts); none for an empty template. */
  readonly rows: readonly (readonly Cell[])[];
}

/** Columns that hold codes as text: Excel must not turn `01234` into 1234. */
const TEXT_COLUMNS = new Set(['code', 'center_code', 'home_code', 'field', 'fields', 'staff_id', 'dossier_id', 'month', 'grade']);
/** Columns whose values a drop-down list offers. */
const CENTER_LIST_COLUMNS = new Set(['center_code', 'home_code']);
const FIELD_LIST_COLUMN = 'field';

/** The sheet of the lists the drop-downs refer to (a list over 255 characters must live in cells). */
const LIST_SHEET = 'Danh mục';
/** Rows of a template the drop-down lists cover. */
const TEMPLATE_ROWS = 5000;

const columnLetter = (index: number): string => {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
};

/** A list validation over a column of `LIST_SHEET` (exceljs types `dataValidations` on cells only). */
const addList = (sheet: ExcelJS.Worksheet, range: string, listColumn: string, count: number, what: string): void => {
  const validations = (sheet as unknown as { dataValidations: { add: (range: string, v: ExcelJS.DataValidation) => void } }).dataValidations;
  validations.add(range, {
    type: 'list',
    allowBlank: true,
    formulae: [`'${LIST_SHEET}'!$${listColumn}$2:$${listColumn}$${count + 1}`],
    showErrorMessage: true,
    errorStyle: 'error',
    errorTitle: 'Mã không có trong danh mục',
    error: `Chọn một ${what} trong danh sách (trang tính "${LIST_SHEET}").`,
  });
};

/**
 * The workbook of `sheets`; with `lists`, drop-down lists of center codes and field ids on the code
 * columns. Written with exceljs's streaming writer, row by row (the embedded history's 126k rows
 * took about 50 s through the in-memory workbook on the shared test machine).
 */
export const writeTableWorkbook = async (sheets: readonly SheetOfTable[], lists?: TemplateLists): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: true });
  book.creator = 'commune-staffing-planner';
  for (const { table, rows } of sheets) {
    const headings = TABLE_HEADINGS[table];
    const sheet = book.addWorksheet(headings.sheet, { views: [{ state: 'frozen', ySplit: 2 }] });
    sheet.columns = headings.columns.map((c) => ({
      key: c.column,
      width: Math.max(12, Math.min(40, c.vi.length + 4)),
      ...(TEXT_COLUMNS.has(c.column) ? { style: { numFmt: '@' } } : {}),
    }));
    headings.columns.forEach((c, i) => {
      if (lists === undefined) return;
      const letter = columnLetter(i + 1);
      const range = `${letter}3:${letter}${Math.max(TEMPLATE_ROWS, rows.length + 2)}`;
      if (CENTER_LIST_COLUMNS.has(c.column)) addList(sheet, range, 'A', lists.centerCodes.length, 'mã đơn vị');
      else if (c.column === FIELD_LIST_COLUMN && table !== 'fields') addList(sheet, range, 'B', lists.fieldIds.length, 'mã lĩnh vực');
    });
    const heading = sheet.addRow(headings.columns.map((c) => c.vi));
    heading.font = { bold: true };
    heading.commit();
    const note = sheet.addRow(headings.columns.map((c) => c.note));
    note.font = { italic: true, color: { argb: 'FF666666' } };
    note.commit();
    for (const row of rows) sheet.addRow(row.map((cell) => (cell === '' ? null : cell))).commit();
    sheet.commit();
  }
  if (lists !== undefined) {
    const listSheet = book.addWorksheet(LIST_SHEET);
    listSheet.columns = [{ key: 'code', width: 14, style: { numFmt: '@' } }, { key: 'field', width: 24 }];
    listSheet.addRow(['Mã đơn vị', 'Mã lĩnh vực']).commit();
    const longest = Math.max(lists.centerCodes.length, lists.fieldIds.length);
    for (let i = 0; i < longest; i += 1) listSheet.addRow([lists.centerCodes[i] ?? null, lists.fieldIds[i] ?? null]).commit();
    listSheet.commit();
  }
  await book.commit();
  return Buffer.concat(chunks);
};
