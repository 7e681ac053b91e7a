/**
 * Reads an .xlsx workbook into the rows the dataset loaders check (solver/dataset/readTable takes
 * them like a CSV's), so a workbook is validated exactly as a CSV is, every problem naming the
 * workbook, sheet, row, column and value.
 *
 * - A sheet named after a table (`staff`, or its Vietnamese name `Công chức`: tableHeadings.ts) is
 *   that table; a workbook of one table (`single`) may name its sheet anything (the first is read).
 * - The header is the first row with a value; headings are the documented column names or the
 *   template's Vietnamese ones. The template's note row under the header is skipped, and so are
 *   blank rows.
 * - Cells become the text the loaders read: numbers as written by JavaScript (`0.5`), a text cell
 *   `1,5` stays so (the loaders take a decimal comma), booleans `true`/`false`, dates `YYYY-MM-DD`
 *   (`YYYY-MM` in a month column), rich text as its plain text, a formula its value as last
 *   calculated (with one warning per sheet; none calculated is a problem).
 * - Refused, naming the workbook: not a zip archive or damaged, password-protected (an encrypted
 *   workbook is an OLE file, not a zip), an old .xls, macros (xl/vbaProject.bin), merged header
 *   cells, an empty sheet, a table asked for but not found.
 *
 * Sheets are read with exceljs's streaming reader, row by row, so the sheet's XML is never held,
 * and their rows are kept compactly (sheetRows.ts) until the loaders check them.
 */
import ExcelJS from 'exceljs';
import type { InputProblem, LoadResult } from '../../solver/domain.ts';
import type { CodedInputProblem, ImportProblemCode } from '../../solver/dataset/problemCodes.ts';
import { columnOfHeading, headingKey, TABLE_HEADINGS, tableOfSheet, type WorkbookTable } from '../../solver/dataset/tableHeadings.ts';
import type { NamedRows } from '../../solver/dataset/types.ts';
import type { MessageParams } from '../../solver/messageCode.ts';
import { SheetRows } from './sheetRows.ts';
import { Utf8WorkbookReader } from './utf8WorkbookReader.ts';
import { entriesInOrder, entryStream, entryText, storedEntry, zipEntries, type ZipEntry } from './zipEntries.ts';

export interface WorkbookTables {
  /** The tables found, each named `FILE, sheet SHEET`. */
  readonly tables: Partial<Record<WorkbookTable, NamedRows>>;
}

export interface WorkbookOptions {
  /** The tables to read; other sheets are left alone. A table not found is a problem. */
  readonly tables: readonly WorkbookTable[];
  /** The table a one-table workbook holds: read from its first sheet when no sheet is named after it. */
  readonly single?: WorkbookTable;
  /** When true, a table without a sheet is no problem (but a workbook with none of them is). */
  readonly optional?: boolean;
}

/** The parts exceljs needs before any sheet (the sheets' names, shared strings, date formats). */
const READ_FIRST = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];

/** A shared strings part with no strings, for a workbook whose text is all in its cells. */
const NO_SHARED_STRINGS = storedEntry('xl/sharedStrings.xml', Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>', 'utf8'));

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream an encrypted OOXML file keeps its key in, as its OLE directory writes the name (UTF-16LE). */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

const coded = (file: string, code: ImportProblemCode, message: string, params: MessageParams = {}, at: { line?: number; column?: string; value?: string } = {}): CodedInputProblem => ({
  file,
  ...at,
  message,
  code,
  params,
});

const fail = (problems: readonly InputProblem[]): { ok: false; problems: readonly InputProblem[] } => ({ ok: false, problems });

/** What is wrong with the file before any sheet is read: not an .xlsx, encrypted, macros. */
const fileProblem = (file: string, bytes: Buffer, entries: readonly ZipEntry[] | undefined): CodedInputProblem | undefined => {
  if (bytes.subarray(0, 8).equals(OLE_SIGNATURE)) {
    return bytes.includes(ENCRYPTION_INFO)
      ? coded(file, 'import.workbook_encrypted', 'the workbook is password-protected: remove the password (File > Info > Protect Workbook) and save it again')
      : unreadable(file, 'an Excel 97-2003 (.xls) or other OLE file: save it as "Excel Workbook (.xlsx)"');
  }
  if (entries === undefined) return unreadable(file, 'not a zip archive (the file is damaged, cut short, or not an .xlsx)');
  if (entries.some((e) => e.name.toLowerCase() === 'xl/vbaproject.bin')) {
    return coded(file, 'import.workbook_macros', 'the workbook contains macros (VBA): save it as "Excel Workbook (.xlsx)", without macros');
  }
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) return unreadable(file, 'no xl/workbook.xml: this zip archive is not an Excel workbook');
  return undefined;
};

const unreadable = (file: string, detail: string): CodedInputProblem => coded(file, 'import.workbook_unreadable', `not a readable .xlsx workbook: ${detail}`, { detail });

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const xmlText = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e.startsWith('#x') || e.startsWith('#X') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (XML_ENTITIES[e] ?? ''));
const attribute = (element: string, name: string): string | undefined => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(element);
  return match?.[1] === undefined ? undefined : xmlText(match[1]);
};

/** Each sheet's name and the zip entry of its XML, from xl/workbook.xml and its relationships. */
const sheetParts = async (bytes: Buffer, entries: readonly ZipEntry[]): Promise<Map<string, ZipEntry>> => {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const workbook = await entryText(bytes, byName.get('xl/workbook.xml') as ZipEntry);
  const relsEntry = byName.get('xl/_rels/workbook.xml.rels');
  const rels = relsEntry === undefined ? '' : await entryText(bytes, relsEntry);
  const targets = new Map<string, string>();
  for (const [element] of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(element, 'Id');
    const target = attribute(element, 'Target');
    if (id !== undefined && target !== undefined) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const parts = new Map<string, ZipEntry>();
  for (const [element] of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attribute(element, 'name');
    const target = targets.get(attribute(element, 'r:id') ?? '');
    const entry = target === undefined ? undefined : byName.get(target);
    if (name !== undefined && entry !== undefined) parts.set(name, entry);
  }
  return parts;
};

/** `B3` -> row 3; `AA10` -> row 10. */
const rowOf = (ref: string): number => Number(/\d+$/.exec(ref)?.[0] ?? 0);

/** The merged ranges of a sheet (`A1:C1`), read from the end of its XML (exceljs's streaming reader skips them). */
const mergedRanges = async (bytes: Buffer, entry: ZipEntry): Promise<string[]> => {
  const ranges: string[] = [];
  let tail = '';
  for await (const chunk of entryStream(bytes, entry)) {
    const text = tail + (chunk as Buffer).toString('latin1');
    for (const match of text.matchAll(/<mergeCell\s+ref="([A-Z]+\d+(?::[A-Z]+\d+)?)"/g)) ranges.push(match[1] as string);
    // Keep the end of the chunk: a mergeCell element may straddle two chunks.
    const cut = text.lastIndexOf('<');
    tail = cut >= 0 && text.length - cut < 200 ? text.slice(cut) : '';
  }
  return ranges;
};

const pad = (n: number): string => String(n).padStart(2, '0');
const isoDate = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
/** Excel's day 0 of the 1900 date system (serial 1 is 1900-01-01; 1900-02-29, which never was, is serial 60). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const fromSerial = (serial: number): Date => new Date(EXCEL_EPOCH_MS + Math.round(serial * 86400000));

const isDateColumn = (column: string): boolean => column.endsWith('_date');

type Scalar = string | number | boolean | Date | null | undefined | { readonly error: string };

/** The text the loaders read for a value of `column` (see the module comment). */
const scalarText = (value: Scalar, column: string): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'invalid date' : column === 'month' ? isoDate(value).slice(0, 7) : isoDate(value);
  // A formula's result keeps the serial number even in a date cell (the streaming reader does not
  // apply the format to results); a number in a date column is a date Excel did not format as one.
  if (typeof value === 'number') return isDateColumn(column) ? isoDate(fromSerial(value)) : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'object') return value.error;
  return value;
};

interface CellRead {
  readonly text: string;
  /** The formula when the cell holds one (its text is then the cached value). */
  readonly formula?: string;
  /** True for a formula Excel never calculated. */
  readonly noValue?: boolean;
}

const readCell = (value: ExcelJS.CellValue, column: string): CellRead => {
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    if ('formula' in value || 'sharedFormula' in value) {
      const formula = `=${(value as ExcelJS.CellFormulaValue).formula ?? (value as ExcelJS.CellSharedFormulaValue).sharedFormula}`;
      const result = (value as ExcelJS.CellFormulaValue).result;
      return result === undefined ? { text: '', formula, noValue: true } : { text: scalarText(result as Scalar, column), formula };
    }
    if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
    if ('hyperlink' in value) return { text: String(value.text) };
    if ('error' in value) return { text: value.error };
    return { text: '' };
  }
  return { text: scalarText(value as Scalar, column) };
};

/** The row's cells by column index (1-based, as exceljs numbers them). */
const valuesOf = (row: ExcelJS.Row): readonly ExcelJS.CellValue[] => row.values as ExcelJS.CellValue[];

const isBlank = (values: readonly ExcelJS.CellValue[]): boolean => values.every((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''));

/** Reads one sheet as `table`: header, note row, data rows; problems name `label`. */
const readSheet = async (
  label: string,
  table: WorkbookTable,
  sheet: AsyncIterable<ExcelJS.Row>,
): Promise<{ ok: true; rows: NamedRows; warnings: InputProblem[] } | { ok: false; problems: InputProblem[] }> => {
  let columns: (string | undefined)[] | undefined;
  let header: string[] = [];
  let headerLine = 0;
  let rows = new SheetRows([]);
  const problems: InputProblem[] = [];
  let formulas = 0;
  let firstFormula: { line: number; column: string; formula: string } | undefined;
  const notes = new Map(TABLE_HEADINGS[table].columns.map((c) => [c.column, headingKey(c.note)]));
  for await (const row of sheet) {
    const values = valuesOf(row);
    if (isBlank(values)) continue;
    if (columns === undefined) {
      headerLine = row.number;
      columns = values.map((v, i) => {
        const heading = readCell(v, '').text.trim();
        return i === 0 || heading === '' ? undefined : (columnOfHeading(table, heading) ?? heading);
      });
      header = columns.filter((c): c is string => c !== undefined);
      rows = new SheetRows(header);
      continue;
    }
    const cells: string[] = [];
    let isNote = row.number === headerLine + 1;
    for (let i = 1; i < columns.length; i += 1) {
      const column = columns[i];
      if (column === undefined) continue;
      const cell = readCell(values[i] ?? null, column);
      if (cell.formula !== undefined) {
        formulas += 1;
        firstFormula ??= { line: row.number, column, formula: cell.formula };
        if (cell.noValue === true) {
          problems.push(coded(label, 'import.formula_no_value', `formula ${cell.formula} has no calculated value: open the workbook in Excel and save it again`, { formula: cell.formula }, { line: row.number, column, value: cell.formula }));
        }
      }
      cells.push(cell.text);
      if (cell.text.trim() !== '' && headingKey(cell.text) !== notes.get(column)) isNote = false;
    }
    if (isNote) continue;
    rows.push(row.number, cells);
  }
  if (columns === undefined) return fail([coded(label, 'import.sheet_empty', 'the sheet is empty')]) as { ok: false; problems: InputProblem[] };
  if (problems.length > 0) return { ok: false, problems };
  const warnings: InputProblem[] = firstFormula === undefined ? [] : [coded(
    label,
    'import.formula',
    `${formulas} cell${formulas === 1 ? ' holds a formula' : 's hold formulas'} (the first: ${firstFormula.formula}): their values as last calculated by Excel are used`,
    { cells: formulas, formula: firstFormula.formula },
    { line: firstFormula.line, column: firstFormula.column, value: firstFormula.formula },
  )];
  return { ok: true, rows: { name: label, header, headerLine, rows }, warnings };
};

/**
 * Reads the tables `options.tables` of the workbook `bytes`, reported under `file` (its name as
 * the user gave it). Every problem of every sheet is listed; any problem and no table is given.
 */
export const readWorkbook = async (file: string, bytes: Buffer, options: WorkbookOptions): Promise<LoadResult<WorkbookTables>> => {
  const entries = bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50 ? zipEntries(bytes) : undefined;
  const refused = fileProblem(file, bytes, entries);
  if (refused !== undefined) return fail([refused]);
  let parts: Map<string, ZipEntry>;
  try {
    parts = await sheetParts(bytes, entries as readonly ZipEntry[]);
  } catch (error) {
    return fail([unreadable(file, (error as Error).message)]);
  }
  const sheetNames = [...parts.keys()];
  const tableOf = (sheet: string): WorkbookTable | undefined => {
    const named = tableOfSheet(sheet);
    if (named !== undefined) return named;
    const single = options.single;
    return single !== undefined && !sheetNames.some((s) => tableOfSheet(s) === single) && sheet === sheetNames[0] ? single : undefined;
  };
  const wanted = new Set(options.tables);
  let tables: Partial<Record<WorkbookTable, NamedRows>> = {};
  let problems: InputProblem[] = [];
  let warnings: InputProblem[] = [];
  // exceljs 4.4's own streaming reader, reading back sheets it had copied to temporary files, now
  // and then reached a sheet without the workbook part that names it (its `model` unset: "reading
  // 'sheets'") on bytes that read well the next time (1 of 150 reads of one test workbook). With the
  // parts given first no sheet is copied and it has not been seen since; the read is still repeated,
  // at most three times in all, before the workbook is called unreadable.
  for (let attempt = 1; ; attempt += 1) {
    tables = {};
    problems = [];
    warnings = [];
    let reader: Utf8WorkbookReader | undefined;
    try {
      // The workbook's parts first (and an empty shared strings part when it has none): exceljs
      // then reads each sheet as it comes, instead of copying the sheets it meets before the
      // shared strings to temporary files and reading them back, a detour that loses sheets
      // under load (deferredSheets.test.ts).
      const sharedStrings = (entries as readonly ZipEntry[]).some((e) => e.name === 'xl/sharedStrings.xml') ? [] : [NO_SHARED_STRINGS];
      reader = new Utf8WorkbookReader(entriesInOrder(bytes, entries as readonly ZipEntry[], READ_FIRST, sharedStrings), {
        worksheets: 'emit',
        sharedStrings: 'cache',
        // Styles say which numbers are dates.
        styles: 'cache',
        hyperlinks: 'ignore',
        entries: 'ignore',
      });
      for await (const worksheet of reader) {
        const name = (worksheet as unknown as { name?: string }).name ?? '';
        const table = tableOf(name);
        if (table === undefined || !wanted.has(table) || tables[table] !== undefined) continue;
        const label = `${file}, sheet ${name}`;
        const read = await readSheet(label, table, worksheet as unknown as AsyncIterable<ExcelJS.Row>);
        if (!read.ok) {
          problems.push(...read.problems);
          continue;
        }
        const entry = parts.get(name);
        const merged = entry === undefined ? [] : (await mergedRanges(bytes, entry)).filter((range) => {
          const [from, to = from] = range.split(':') as [string, string?];
          return rowOf(from) <= read.rows.headerLine && read.rows.headerLine <= rowOf(to);
        });
        if (merged.length > 0) {
          problems.push(coded(label, 'import.merged_header', `merged header cells ${merged.join(', ')}: unmerge them so that each column has its own heading`, { range: merged.join(', ') }, { line: read.rows.headerLine }));
          continue;
        }
        tables[table] = read.rows;
        warnings.push(...read.warnings);
      }
    } catch (error) {
      if (attempt < 3 && /reading 'sheets'/.test((error as Error).message)) continue;
      return fail([unreadable(file, (error as Error).message)]);
    } finally {
      reader?.release();
    }
    break;
  }
  const sheetProblem = (table: WorkbookTable): boolean => problems.some((p) => p.file.startsWith(`${file}, sheet `) && tableOf(p.file.slice(file.length + ', sheet '.length)) === table);
  const missing = options.tables.filter((t) => tables[t] === undefined && !sheetProblem(t));
  const lacking = options.optional === true ? (missing.length === options.tables.length ? [missing] : []) : missing.map((t) => [t]);
  for (const group of lacking) {
    const table = group.join(', ');
    const sheet = group.map((t) => TABLE_HEADINGS[t].sheet).join('", "');
    problems.push(coded(file, 'import.sheet_missing', `no sheet for the table ${table}: name a sheet "${sheet}" or "${table}"`, { table, sheet }));
  }
  if (problems.length > 0) return fail(problems);
  return { ok: true, value: { tables }, warnings };
};
