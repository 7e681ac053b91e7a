/**
 * Workbooks as imports: the tables a workbook (or a workbook per table) sends, read into the rows
 * the loaders check, and what an import stores of them: the CSV text of the tables as loaded,
 * written as the embedded tables are (solver/dataset/datasetToCsv.ts), so that a workbook holding
 * the embedded tables stores and hashes exactly as their CSV files.
 */
import type { Dataset, InputProblem, LoadResult } from '../../solver/domain.ts';
import { tablesToCsv } from '../../solver/dataset/datasetToCsv.ts';
import type { WorkbookTable } from '../../solver/dataset/tableHeadings.ts';
import type { NamedText, TableSource } from '../../solver/dataset/types.ts';
import { DATASET_FILE_NAMES, textDatasetHash } from '../dataset-files.ts';
import { readWorkbook } from './readWorkbook.ts';

export type DatasetTable = 'centers' | 'fields' | 'history' | 'staff';
export const DATASET_TABLES: readonly DatasetTable[] = ['centers', 'fields', 'history', 'staff'];

/** The bytes of an .xlsx file as sent, and the name it is reported under. */
export interface NamedBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A file of an import: CSV text, or a workbook's bytes. */
export type ImportFile = NamedText | NamedBytes;

export const isWorkbook = (file: ImportFile): file is NamedBytes => 'bytes' in file;

/** Whether a file name is a workbook's (`.xlsx`, also `.xlsm`, refused later for its macros). */
export const isWorkbookName = (name: string): boolean => /\.xls[xm]?$/i.test(name);

/** The four tables' CSV text as the loaders gave them, under their canonical file names. */
export const csvFilesOf = <K extends DatasetTable>(dataset: Pick<Dataset, K>, tables: readonly K[]): { [T in K]: NamedText } => {
  const texts = tablesToCsv(dataset, tables);
  return Object.fromEntries(tables.map((t) => [t, { name: DATASET_FILE_NAMES[t], text: texts[t] }])) as unknown as { [T in K]: NamedText };
};

/** The content hash (api/dataset-files.ts) of a dataset stored from workbooks: that of its CSV text. */
export const workbookDatasetHash = (dataset: Dataset): string => {
  const files = csvFilesOf(dataset, DATASET_TABLES);
  return textDatasetHash(DATASET_TABLES.map((t) => files[t]));
};

/** The bytes as a Buffer, without copying them. */
const asBuffer = (bytes: Uint8Array): Buffer => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

/**
 * The sources of an import: CSV files as they are, each workbook read for its table (a workbook
 * sent as `workbook` is read for every table it has a sheet for). Every workbook problem is listed.
 */
export const importSources = async (
  files: Partial<Record<DatasetTable | 'workbook', ImportFile>>,
): Promise<LoadResult<{ readonly sources: Partial<Record<DatasetTable, TableSource>>; readonly fromWorkbooks: readonly DatasetTable[] }>> => {
  const sources: Partial<Record<DatasetTable, TableSource>> = {};
  const fromWorkbooks: DatasetTable[] = [];
  const problems: InputProblem[] = [];
  const warnings: InputProblem[] = [];
  const take = (tables: Partial<Record<WorkbookTable, TableSource>>) => {
    for (const t of DATASET_TABLES) {
      const source = tables[t];
      if (source === undefined) continue;
      sources[t] = source;
      fromWorkbooks.push(t);
    }
  };
  const whole = files.workbook;
  if (whole !== undefined) {
    if (!isWorkbook(whole)) return { ok: false, problems: [{ file: whole.name, message: 'the workbook part must be an .xlsx file' }] };
    const read = await readWorkbook(whole.name, asBuffer(whole.bytes), { tables: DATASET_TABLES, optional: true });
    if (read.ok) {
      take(read.value.tables);
      warnings.push(...read.warnings);
    } else problems.push(...read.problems);
  }
  for (const table of DATASET_TABLES) {
    const file = files[table];
    if (file === undefined) continue;
    if (!isWorkbook(file)) {
      sources[table] = file;
      continue;
    }
    const read = await readWorkbook(file.name, asBuffer(file.bytes), { tables: [table], single: table });
    if (read.ok) {
      take(read.value.tables);
      warnings.push(...read.warnings);
    } else problems.push(...read.problems);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { sources, fromWorkbooks }, warnings };
};
