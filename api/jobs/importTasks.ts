/**
 * Validating an import, run in a worker thread: the loaders take seconds on a city's history
 * (~126k rows), which the event loop must not wait for. The parsed dataset goes back as JSON text
 * (one string copies fast between threads; an object graph of 126k rows does not).
 */
import { writeCsv } from '../../solver/csv.ts';
import type { Dataset, InputProblem, LoadResult } from '../../solver/domain.ts';
import { aggregateDossiers } from '../../solver/dataset/aggregateDossiers.ts';
import { historyCells } from '../../solver/dataset/datasetToCsv.ts';
import { loadDataset } from '../../solver/dataset/loadDataset.ts';
import { HISTORY_COLUMNS } from '../../solver/dataset/parseHistory.ts';
import type { DatasetFiles, DatasetSources, NamedText, TableSource } from '../../solver/dataset/types.ts';
// Types only: the workbook modules load exceljs (1.4-2.9 s at start), imported when an import needs them.
import type { DatasetTable, ImportFile } from '../workbook/workbookImport.ts';
import type { DatasetCounts } from '../storage/datasetStore.ts';

export type ValidatedImport =
  | {
      readonly ok: true;
      /**
       * The tables the import made: the history a dossier import merges, the CSV text of a table sent
       * as a workbook. A table sent as CSV is absent: the caller holds it already (a large table is
       * not copied back between threads).
       */
      readonly made?: Partial<DatasetFiles>;
      /** The tables the import sent (as CSV or in workbooks); the others are the base's. */
      readonly given?: readonly DatasetTable[];
      readonly json: string;
      readonly counts: DatasetCounts;
      readonly warnings: readonly InputProblem[];
    }
  | { readonly ok: false; readonly problems: readonly InputProblem[] };

export const countsOf = (d: Dataset): DatasetCounts => ({
  centers: d.centers.length,
  fields: d.fields.length,
  historyRows: d.history.length,
  staff: d.staff.length,
});

/** The four tables through the loaders (all or nothing). */
export const validateTables = (files: DatasetSources): ValidatedImport => {
  const loaded = loadDataset(files);
  if (!loaded.ok) return loaded;
  return { ok: true, json: JSON.stringify(loaded.value), counts: countsOf(loaded.value), warnings: loaded.warnings };
};

/**
 * The tables sent (CSV text or workbooks, see workbookImport.ts) over `base` (the active version's
 * files, for the tables left out), through the loaders as one dataset. A table read from a workbook
 * comes back as the CSV text an import stores.
 */
export const validateImport = async (files: Partial<Record<DatasetTable | 'workbook', ImportFile>>, base: Partial<DatasetFiles>): Promise<ValidatedImport> => {
  const { csvFilesOf, DATASET_TABLES, importSources } = await import('../workbook/workbookImport.ts');
  const read = await importSources(files);
  if (!read.ok) return read;
  const { sources, fromWorkbooks } = read.value;
  const given = DATASET_TABLES.filter((t) => sources[t] !== undefined);
  const missing = DATASET_TABLES.filter((t) => sources[t] === undefined && base[t] === undefined);
  if (missing.length > 0) throw new Error(`validateImport: no base for the tables ${missing.join(', ')}`);
  const validated = validateTables({ ...base, ...sources } as DatasetSources);
  if (!validated.ok) return validated;
  const dataset = JSON.parse(validated.json) as Dataset;
  return { ...validated, warnings: [...read.warnings, ...validated.warnings], made: csvFilesOf(dataset, fromWorkbooks), given };
};

/**
 * Dossier-level rows aggregated onto `base`: for every (center, month) the export covers, its
 * history rows replace the base's; other months and centers keep theirs. The result goes through
 * the loaders like any import.
 */
export const mergeDossiers = (base: Dataset, baseFiles: DatasetFiles, file: TableSource, asOf?: string): ValidatedImport => {
  const known = { centers: new Set(base.centers.map((c) => c.code)), fields: new Set(base.fields.map((f) => f.field)) };
  const aggregated = aggregateDossiers(file, known, asOf === undefined ? {} : { asOf });
  if (!aggregated.ok) return aggregated;
  const covered = new Set(aggregated.value.map((r) => `${r.centerCode} ${r.month}`));
  const kept = base.history.filter((r) => !covered.has(`${r.centerCode} ${r.month}`));
  const history = [...kept, ...aggregated.value].sort((a, b) =>
    a.centerCode.localeCompare(b.centerCode) || a.month.localeCompare(b.month) || a.field.localeCompare(b.field) || a.channel.localeCompare(b.channel));
  const merged: NamedText = { name: 'history.csv', text: writeCsv(HISTORY_COLUMNS, history.map(historyCells)) };
  const validated = validateTables({ ...baseFiles, history: merged });
  return validated.ok ? { ...validated, made: { history: merged } } : validated;
};

/** A dossier export sent as CSV text or a workbook, as the source aggregateDossiers reads. */
export const dossierSource = async (file: ImportFile): Promise<LoadResult<TableSource>> => {
  if (!('bytes' in file)) return { ok: true, value: file, warnings: [] };
  const { readWorkbook } = await import('../workbook/readWorkbook.ts');
  const read = await readWorkbook(file.name, Buffer.from(file.bytes), { tables: ['dossiers'], single: 'dossiers' });
  if (!read.ok) return read;
  return { ok: true, value: read.value.tables.dossiers as TableSource, warnings: read.warnings };
};
