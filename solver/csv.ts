/**
 * Reading delimited text as users' spreadsheets export it: UTF-8 with or without a BOM, `,` or `;`
 * separators (Excel in a Vietnamese locale writes `;`), quoted fields, Vietnamese diacritics.
 * Pure: takes text, returns rows with their line numbers, so every later error can point at a line.
 */
import { parse } from 'csv-parse/sync';
import type { InputProblem } from './domain.ts';

/** One data row: cells by header name, and the 1-based line where the row starts (header = line 1). */
export interface CsvRow {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
  readonly delimiter: ',' | ';';
}

export type CsvResult =
  | { readonly ok: true; readonly table: CsvTable }
  | { readonly ok: false; readonly problems: readonly InputProblem[] };

/** Picks the separator from the header line: whichever of `;` and `,` occurs more outside quotes. */
export const detectDelimiter = (text: string): ',' | ';' => {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas += 1;
    else if (!quoted && ch === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
};

/** A parsed record and the 1-based line where it ends (what csv-parse's `info.lines` reports). */
export interface CsvRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

/** Full CSV grammar (quotes, doubled quotes, quoted separators and line breaks) by csv-parse. */
export const parseQuoted = (body: string, delimiter: ',' | ';'): readonly CsvRecord[] =>
  parse(body, {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
  }) as unknown as CsvRecord[];

/**
 * The same records for text without any `"`: then no cell can hold a separator or a line break, so a
 * split is exact. Measured on the embedded 5.6 MB history table: about 0.2 s against 1.3-1.6 s of CPU
 * for csv-parse with line info, which dominated loading the dataset.
 */
export const splitPlain = (body: string, delimiter: ',' | ';'): readonly CsvRecord[] => [...plainRecords(body, delimiter)];

/**
 * splitPlain's records one at a time, so that a large table is never held twice (all its records,
 * then all its rows): a 41 MB import peaked at 2.3 GB when every stage kept a full copy.
 */
function* plainRecords(body: string, delimiter: ',' | ';'): Generator<CsvRecord> {
  const breaks = /\r\n|\n|\r/g;
  let start = 0;
  let lineNumber = 0;
  for (;;) {
    const found = breaks.exec(body);
    const end = found === null ? body.length : found.index;
    lineNumber += 1;
    const line = body.slice(start, end);
    if (line.trim() !== '') {
      const record = line.split(delimiter);
      for (let i = 0; i < record.length; i += 1) record[i] = (record[i] as string).trim();
      yield { record, info: { lines: lineNumber } };
    }
    if (found === null) return;
    start = breaks.lastIndex;
  }
}

/** A header's columns that appear twice and the `required` ones it lacks, as problems on `line`. */
export const headerProblems = (file: string, header: readonly string[], required: readonly string[], line: number): InputProblem[] => {
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) problems.push({ file, line, column: name, message: `column "${name}" appears twice in the header` });
    seen.add(name);
  }
  for (const name of required) {
    if (!seen.has(name)) problems.push({ file, line, column: name, message: `missing column "${name}"` });
  }
  return problems;
};

/**
 * Parses `text` (the content of `file`) into rows keyed by the header's column names.
 * Checks only the shape: an empty file, a missing header, missing `required` columns, duplicate
 * column names, and rows whose cell count differs from the header's. Values are left as text, with
 * the apostrophe csvCell puts before a would-be formula removed (restoreFormula).
 */
export const readCsv = (file: string, text: string, required: readonly string[] = []): CsvResult => {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, problems: [{ file, message: 'the file is empty' }] };
  const delimiter = detectDelimiter(body);
  let records: Iterator<CsvRecord>;
  try {
    records = (body.includes('"') ? parseQuoted(body, delimiter) : plainRecords(body, delimiter))[Symbol.iterator]();
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    return {
      ok: false,
      problems: [{ file, ...(e.lines === undefined ? {} : { line: e.lines }), message: `not readable as CSV: ${e.message ?? String(error)}` }],
    };
  }
  const first = records.next();
  if (first.done === true) return { ok: false, problems: [{ file, message: 'the file is empty' }] };
  const headerRecord = first.value;
  const dataRecords: Iterable<CsvRecord> = { [Symbol.iterator]: () => records };
  const header = headerRecord.record.map((name) => restoreFormula(name.trim()));
  const problems: InputProblem[] = [...headerProblems(file, header, required, 1)];
  if (problems.length > 0) return { ok: false, problems };
  // csv-parse reports the line where a record ends; a record spanning several lines (a quoted
  // line break) starts after the previous record's end, which is what a user looks for.
  let previousEnd = headerRecord.info.lines;
  const rows: CsvRow[] = [];
  for (const { record, info } of dataRecords) {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    if (record.length === 1 && record[0] === '') continue;
    if (record.length !== header.length) {
      problems.push({ file, line, message: `expected ${header.length} cells, found ${record.length}` });
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((name, i) => {
      cells[name] = restoreFormula(record[i] ?? '');
    });
    rows.push({ line, cells });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, table: { header, rows, delimiter } };
};

/**
 * Text a spreadsheet reads as a number: optional sign, digits with an optional `.` fraction, an
 * optional exponent (`-3.5`, `-12`, `+4`, `1e-7`). Such a cell is never escaped, so a number keeps
 * its meaning; a spreadsheet evaluates it to itself, which is no injection.
 */
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Cells a spreadsheet would evaluate as a formula start with `=`, `+`, `-`, `@`, a tab or a carriage
 * return (OWASP's list for CSV injection). Such a cell, and one that already starts with apostrophes
 * before such a character, gets one more leading `'`: spreadsheets show the text as it was, and
 * `readCsv` removes exactly that one apostrophe, so writing and reading back is the identity.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const ESCAPED_START = /^'+[=+\-@\t\r]/;

/** The text of one cell as written: a leading `'` before what a spreadsheet would evaluate; numbers as they are. */
export const neutralizeFormula = (text: string): string => (FORMULA_START.test(text) && !NUMBER_TEXT.test(text) ? `'${text}` : text);

/** The inverse of neutralizeFormula on every text (readCsv applies it to each cell it reads). */
export const restoreFormula = (text: string): string => (ESCAPED_START.test(text) ? text.slice(1) : text);

/**
 * One cell for CSV output: a cell a spreadsheet would evaluate is neutralized (neutralizeFormula),
 * then quoted when it holds a separator, a quote or a line break. Every CSV the product writes goes
 * through here (writeCsv).
 */
export const csvCell = (value: string | number | boolean, delimiter: ',' | ';' = ','): string => {
  const text = neutralizeFormula(String(value));
  // With `,`, a `;` is quoted too (as the embedded tables have always been written: their bytes are
  // their content hash); with `;`, a decimal comma stays unquoted, so Excel reads it as a number.
  const special = delimiter === ',' ? /[",;\r\n]/ : /[";\r\n]/;
  return special.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * Formats rows as CSV text with a header and `\n` line ends (stable bytes for generated files);
 * `;` between cells for Excel in a Vietnamese locale (numbers then written with decimal commas by the caller).
 */
export const writeCsv = (header: readonly string[], rows: Iterable<readonly (string | number | boolean)[]>, delimiter: ',' | ';' = ','): string => {
  // Lines are joined a batch at a time, so a table of a million rows never holds a million line
  // strings at once (nor the cells, when `rows` is a generator).
  const batches: string[] = [];
  let batch: string[] = [header.map((h) => csvCell(h, delimiter)).join(delimiter)];
  for (const row of rows) {
    batch.push(row.map((cell) => csvCell(cell, delimiter)).join(delimiter));
    if (batch.length === CSV_BATCH_LINES) {
      batches.push(batch.join('\n'));
      batch = [];
    }
  }
  if (batch.length > 0) batches.push(batch.join('\n'));
  return batches.join('\n') + '\n';
};

/** Lines per batch in writeCsv. */
const CSV_BATCH_LINES = 10_000;

/**
 * Formats a problem as one line: `file:line column C value "V": message`; a workbook sheet's
 * (file `staff.xlsx, sheet Công chức`, api/workbook) as `staff.xlsx, sheet Công chức, row 21, column fte, value "1,5": message`.
 */
export const formatProblem = (p: InputProblem): string => {
  if (p.file.includes(', sheet ')) {
    const parts = [p.file, p.line === undefined ? undefined : `row ${p.line}`, p.column === undefined ? undefined : `column ${p.column}`, p.value === undefined ? undefined : `value "${p.value}"`];
    return `${parts.filter((x) => x !== undefined).join(', ')}: ${p.message}`;
  }
  const where = [p.file, p.line === undefined ? undefined : String(p.line)].filter((x) => x !== undefined).join(':');
  const column = p.column === undefined ? '' : ` column ${p.column}`;
  const value = p.value === undefined ? '' : ` value "${p.value}"`;
  return `${where}${column}${value}: ${p.message}`;
};
