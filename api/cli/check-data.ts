/**
 * Checks a dataset directory, or turns a per-dossier export into the monthly history table.
 *
 *   npm run check-data                       # the embedded dataset, data/haiphong
 *   npm run check-data -- DIR                # a user's dataset: centers.csv, fields.csv, history.csv, staff.csv
 *   npm run check-data -- BOOK.xlsx [MORE.xlsx...] [--data DIR]   # workbooks: one sheet per table, or one workbook per table
 *   npm run check-data -- --dossiers FILE.csv|FILE.xlsx [--out history.csv] [--data DIR] [--as-of YYYY-MM-DD]
 *
 * Prints one line per problem (`file:line column C value "V": message`) and exits 1 on any problem;
 * otherwise prints what was loaded and exits 0. Warnings go to stderr. With --dossiers, center codes
 * and field ids are checked against the centers and fields tables of --data (default: embedded);
 * without --out the history table is written to stdout. With workbooks, the tables they do not hold
 * are --data's (default: embedded), and the hash printed is that of the tables as an import stores them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { formatProblem, writeCsv } from '../../solver/csv.ts';
import type { InputProblem, LoadResult } from '../../solver/domain.ts';
import { loadDataset } from '../../solver/dataset/loadDataset.ts';
import type { TableSource } from '../../solver/dataset/types.ts';
import { readWorkbook } from '../workbook/readWorkbook.ts';
import { DATASET_TABLES, importSources, isWorkbookName, workbookDatasetHash, type DatasetTable, type NamedBytes } from '../workbook/workbookImport.ts';
import { aggregateDossiers } from '../../solver/dataset/aggregateDossiers.ts';
import { historyCells } from '../../solver/dataset/datasetToCsv.ts';
import { parseDate } from '../../solver/dataset/parseDate.ts';
import { parseCenters } from '../../solver/dataset/parseCenters.ts';
import { parseFields } from '../../solver/dataset/parseFields.ts';
import { HISTORY_COLUMNS } from '../../solver/dataset/parseHistory.ts';
import { DATASET_FILE_NAMES, DEFAULT_DATASET_DIR, loadDatasetDir, readDatasetDir, readNamedText } from '../dataset-files.ts';
import { endParse, parseCommandLine } from './commandLine.ts';

const TEXT = {
  usage: 'usage: npm run check-data -- [DIR] | BOOK.xlsx... [--data DIR] | --dossiers FILE.csv|FILE.xlsx [--out history.csv] [--data DIR] [--as-of YYYY-MM-DD]',
  help: `Checks a city's four tables, or turns a one-stop-shop export (one row per dossier) into the monthly
history table, with every problem named by file, line, column and value; nothing is loaded when any
problem is found.

  DIR                    a directory with centers.csv, fields.csv, history.csv, staff.csv
                         (default: the embedded Hai Phong data); the columns are in data/README.md
  BOOK.xlsx...           Excel workbooks instead: one with a sheet per table (sheet names
                         centers, fields, history, staff or Trung tâm, Lĩnh vực, Lịch sử hồ sơ,
                         Công chức), or one per table named after it (staff.xlsx); headings in
                         Vietnamese or the documented names (npm run template writes templates).
                         The tables left out are those of --data (default: embedded)
  --dossiers FILE        one row per dossier (.csv or .xlsx): dossier_id, center_code, field, channel,
                         received_date, due_date, finished_date (dates YYYY-MM-DD or DD/MM/YYYY)
  --out FILE             where the history table goes (default: standard output)
  --data DIR             the centers and fields the dossiers are checked against (default: embedded)
  --as-of YYYY-MM-DD     the export's date: dossiers finished after it count as pending

CSV files may be UTF-8 with or without BOM, separated by "," or ";" (Excel in a Vietnamese locale).
Workbooks: dates as Excel dates or text, numbers with decimal commas; a formula gives its value
as last calculated (with a warning); password-protected, damaged or macro workbooks, merged
header cells and empty sheets are refused by name.
Exit codes: 0 valid, 1 problems found (one line each), 2 bad options.`,
};

/** Prints every problem and the total (the capped list ends with "and N more problems not listed"). */
const fail = (problems: readonly InputProblem[]): number => {
  for (const p of problems) console.log(formatProblem(p));
  const more = /^and (\d+) more problems not listed$/.exec(problems.at(-1)?.message ?? '');
  const total = more === null ? problems.length : problems.length - 1 + Number(more[1]);
  console.log(`${total} problem${total === 1 ? '' : 's'} found; nothing was loaded.`);
  return 1;
};

const warn = (warnings: readonly InputProblem[]): void => {
  for (const w of warnings) console.error(`warning: ${formatProblem(w)}`);
};

const checkDir = async (dir: string): Promise<number> => {
  const loaded = await loadDatasetDir(dir);
  if (!loaded.ok) return fail(loaded.problems);
  warn(loaded.warnings);
  const { centers, fields, history, staff } = loaded.value;
  console.log(
    `OK: ${centers.length} centers, ${fields.length} fields, ${history.length} history rows, ` +
      `${staff.length} civil servants (hash ${loaded.hash ?? '?'})`,
  );
  return 0;
};

/** A file's bytes, or the problem of reading it (missing, unreadable), reported under its base name. */
const readBytes = async (path: string): Promise<LoadResult<NamedBytes>> => {
  try {
    return { ok: true, value: { name: basename(path), bytes: await readFile(path) }, warnings: [] };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, problems: [{ file: basename(path), message: code === 'ENOENT' ? 'the file does not exist' : `the file cannot be read (${code ?? String(error)})` }] };
  }
};

/** The table a workbook's file name says (`staff.xlsx`, `history-2026.xlsx`); undefined for a workbook of several. */
const tableOfFile = (name: string): DatasetTable | undefined => DATASET_TABLES.find((t) => name.toLowerCase().startsWith(t));

const checkWorkbooks = async (paths: readonly string[], dataDir: string): Promise<number> => {
  const read = await Promise.all(paths.map(readBytes));
  const unreadable = read.flatMap((r) => (r.ok ? [] : r.problems));
  if (unreadable.length > 0) return fail(unreadable);
  const files: Partial<Record<DatasetTable | 'workbook', NamedBytes>> = {};
  for (const r of read) if (r.ok) files[tableOfFile(r.value.name) ?? 'workbook'] = r.value;
  const sources = await importSources(files);
  if (!sources.ok) return fail(sources.problems);
  const base = await readDatasetDir(dataDir);
  if (!base.ok) return fail(base.problems);
  const loaded = loadDataset({ ...base.value.files, ...sources.value.sources });
  if (!loaded.ok) return fail(loaded.problems);
  warn([...sources.warnings, ...loaded.warnings]);
  const { centers, fields, history, staff } = loaded.value;
  const given = sources.value.fromWorkbooks;
  console.log(
    `OK: ${centers.length} centers, ${fields.length} fields, ${history.length} history rows, ` +
      `${staff.length} civil servants; from the workbook${paths.length === 1 ? '' : 's'}: ${given.join(', ')}` +
      `${given.length < DATASET_TABLES.length ? `; the others from ${dataDir}` : ''} (hash ${workbookDatasetHash(loaded.value)})`,
  );
  return 0;
};

/** The dossier export as CSV text or a workbook's sheet. */
const readDossiers = async (path: string): Promise<LoadResult<TableSource>> => {
  if (!isWorkbookName(path)) return readNamedText(path);
  const bytes = await readBytes(path);
  if (!bytes.ok) return bytes;
  const book = await readWorkbook(bytes.value.name, Buffer.from(bytes.value.bytes), { tables: ['dossiers'], single: 'dossiers' });
  if (!book.ok) return book;
  const sheet = book.value.tables.dossiers;
  return sheet === undefined ? { ok: false, problems: [{ file: bytes.value.name, message: 'no dossier sheet' }] } : { ok: true, value: sheet, warnings: book.warnings };
};

const importDossiers = async (dossiers: string, dataDir: string, out: string | undefined, asOf: string | undefined): Promise<number> => {
  const [centersText, fieldsText, dossierText] = await Promise.all([
    readNamedText(join(dataDir, DATASET_FILE_NAMES.centers)),
    readNamedText(join(dataDir, DATASET_FILE_NAMES.fields)),
    readDossiers(dossiers),
  ]);
  const readProblems = [centersText, fieldsText, dossierText].flatMap((r) => (r.ok ? [] : r.problems));
  if (!centersText.ok || !fieldsText.ok || !dossierText.ok) return fail(readProblems);
  const centers = parseCenters(centersText.value);
  const fields = parseFields(fieldsText.value);
  if (centers.problems.length + fields.problems.length > 0) return fail([...centers.problems, ...fields.problems]);
  const known = { centers: new Set(centers.rows.map((c) => c.code)), fields: new Set(fields.rows.map((f) => f.field)) };
  const result = aggregateDossiers(dossierText.value, known, asOf === undefined ? {} : { asOf });
  if (!result.ok) return fail(result.problems);
  warn([...dossierText.warnings, ...result.warnings]);
  const csv = writeCsv(HISTORY_COLUMNS, result.value.map(historyCells));
  const count = result.value.reduce((sum, row) => sum + row.received, 0);
  if (out === undefined) process.stdout.write(csv);
  else await writeFile(out, csv);
  console.error(`OK: ${count} dossiers -> ${result.value.length} history rows${out === undefined ? '' : ` written to ${out}`}`);
  return 0;
};

const main = async (): Promise<number> => {
  const parsed = parseCommandLine(process.argv.slice(2), {
    dossiers: { type: 'string' },
    out: { type: 'string' },
    data: { type: 'string' },
    'as-of': { type: 'string' },
  }, TEXT, true);
  if (!parsed.ok) return endParse(parsed);
  const { values, positionals } = parsed;
  if (values.dossiers !== undefined) {
    const asOf = values['as-of'];
    if (asOf !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || parseDate(asOf) === undefined)) {
      console.log(`--as-of must be a date as YYYY-MM-DD, got "${asOf}"`);
      return 2;
    }
    return importDossiers(values.dossiers, values.data ?? positionals[0] ?? DEFAULT_DATASET_DIR, values.out, asOf);
  }
  const workbooks = positionals.filter(isWorkbookName);
  if (workbooks.length > 0) {
    if (workbooks.length < positionals.length) {
      console.log('give either one dataset directory or one or more workbooks (.xlsx), not both');
      return 2;
    }
    return checkWorkbooks(workbooks, values.data ?? DEFAULT_DATASET_DIR);
  }
  return checkDir(positionals[0] ?? DEFAULT_DATASET_DIR);
};

process.exitCode = await main();
