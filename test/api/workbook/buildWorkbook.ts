/**
 * Builds the workbooks of test/cases/imports/workbooks/cases.json (test helper, not a test file):
 * sheets from the CSV fixtures, typed as Excel would hold them, then changed as each case says.
 */
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { readCsv } from '../../../solver/csv.ts';
import { TABLE_HEADINGS, tableOfSheet, type WorkbookTable } from '../../../solver/dataset/tableHeadings.ts';
import { entryStream, zipEntries } from '../../../api/workbook/zipEntries.ts';
import { fixture } from '../../solver/dataset/fixtures.ts';

export interface CellChange {
  readonly row: number;
  readonly column: string;
  readonly value?: string;
  readonly formula?: string;
  readonly result?: number;
}

export interface SheetCase {
  readonly name: string;
  readonly from?: string;
  readonly vi?: boolean;
  readonly note?: boolean;
  readonly text?: boolean;
  readonly decimalComma?: boolean;
  readonly empty?: boolean;
  readonly set?: readonly CellChange[];
  readonly merge?: readonly string[];
}

export interface WorkbookCase {
  readonly name: string;
  readonly file: string;
  readonly tables: readonly WorkbookTable[];
  readonly single?: WorkbookTable;
  readonly sheets: readonly SheetCase[];
  readonly zip?: 'macros' | 'encrypted' | 'xls' | 'truncated' | 'damaged-sheet';
  /** Text in the cells themselves (inline strings) and no shared strings part, as some exporters write. */
  readonly inlineStrings?: boolean;
}

/** Columns a spreadsheet user keeps as text (codes, ids, months). */
const TEXT = new Set(['code', 'center_code', 'home_code', 'field', 'fields', 'staff_id', 'dossier_id', 'month', 'grade', 'name_vi', 'name_ascii', 'name_en', 'name']);

const typed = (text: string, column: string, sheet: SheetCase): ExcelJS.CellValue => {
  if (text === '') return null;
  if (sheet.text === true || TEXT.has(column)) return sheet.decimalComma === true && /^\d+\.\d+$/.test(text) ? text.replace('.', ',') : text;
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
};

const addSheet = (book: ExcelJS.Workbook, sheet: SheetCase): void => {
  const ws = book.addWorksheet(sheet.name);
  if (sheet.empty === true || sheet.from === undefined) return;
  const csv = readCsv(sheet.from, fixture(sheet.from).text);
  if (!csv.ok) throw new Error(`fixture ${sheet.from} does not read`);
  const table = tableOfSheet(sheet.name) ?? (sheet.from.split('/').at(-1)?.replace('.csv', '') as WorkbookTable);
  const headings = new Map(TABLE_HEADINGS[table].columns.map((c) => [c.column, c]));
  const { header, rows } = csv.table;
  ws.addRow(header.map((h) => (sheet.vi === true ? (headings.get(h)?.vi ?? h) : h)));
  if (sheet.note === true) ws.addRow(header.map((h) => headings.get(h)?.note ?? ''));
  for (const row of rows) ws.addRow(header.map((h) => typed(row.cells[h] ?? '', h, sheet)));
  for (const change of sheet.set ?? []) {
    const cell = ws.getRow(change.row).getCell(header.indexOf(change.column) + 1);
    cell.value = change.formula === undefined
      ? (change.value ?? null)
      : change.result === undefined ? { formula: change.formula } as ExcelJS.CellFormulaValue : { formula: change.formula, result: change.result };
  }
  for (const range of sheet.merge ?? []) ws.mergeCells(range);
};

/** A zip of `files`, stored (not compressed): enough for a test to add or replace an entry. */
export const storedZip = (files: readonly { readonly name: string; readonly data: Buffer }[]): Buffer => {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    directory.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
};

/** Every entry of a zip with its uncompressed bytes. */
export const unzipped = async (bytes: Buffer): Promise<{ name: string; data: Buffer }[]> => {
  const entries = zipEntries(bytes) ?? [];
  return Promise.all(entries.map(async (entry) => {
    const chunks: Buffer[] = [];
    for await (const chunk of entryStream(bytes, entry)) chunks.push(chunk as Buffer);
    return { name: entry.name, data: Buffer.concat(chunks) };
  }));
};

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** An OLE compound file's first sector and a directory naming `stream` (what readWorkbook looks at; not a whole OLE file). */
const oleFile = (stream: string): Buffer => Buffer.concat([OLE, Buffer.alloc(504), Buffer.from(stream, 'utf16le'), Buffer.alloc(512)]);

/** The workbook with each shared string written into its cells (t="inlineStr") and no shared strings part. */
const inlineStrings = (files: readonly { name: string; data: Buffer }[]): Buffer => {
  const shared = files.find((f) => f.name === 'xl/sharedStrings.xml')?.data.toString('utf8') ?? '';
  const strings = [...shared.matchAll(/<si>(.*?)<\/si>/gs)].map((m) => m[1] as string);
  return storedZip(files.filter((f) => f.name !== 'xl/sharedStrings.xml').map((f) => (!f.name.startsWith('xl/worksheets/') ? f : {
    name: f.name,
    data: Buffer.from(f.data.toString('utf8').replace(/<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_, a: string, b: string, i: string) => `<c ${a}t="inlineStr"${b}><is>${strings[Number(i)] ?? ''}</is></c>`)),
  })));
};

export const buildWorkbook = async (c: WorkbookCase): Promise<Buffer> => {
  if (c.zip === 'encrypted') return oleFile('EncryptionInfo');
  if (c.zip === 'xls') return oleFile('Workbook');
  const book = new ExcelJS.Workbook();
  for (const sheet of c.sheets) addSheet(book, sheet);
  const bytes = Buffer.from(await book.xlsx.writeBuffer(c.inlineStrings === true ? ({ useSharedStrings: false } as ExcelJS.XlsxWriteOptions) : undefined));
  if (c.inlineStrings === true) return inlineStrings(await unzipped(bytes));
  if (c.zip === 'truncated') return bytes.subarray(0, Math.floor(bytes.length / 2));
  if (c.zip === 'macros') return storedZip([...(await unzipped(bytes)), { name: 'xl/vbaProject.bin', data: Buffer.from('VBA project') }]);
  if (c.zip === 'damaged-sheet') {
    const files = await unzipped(bytes);
    return storedZip(files.map((f) => (f.name === 'xl/worksheets/sheet1.xml' ? { name: f.name, data: Buffer.from('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></row></sheetData></worksheet>') } : f)));
  }
  return bytes;
};
