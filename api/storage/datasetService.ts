/**
 * Datasets as the server uses them: validated by the same loaders as every other entry point
 * (solver/dataset/loadDataset), stored as versions with their content hash, and kept parsed in
 * memory for the active version. Parsing the embedded history (~126k rows) takes seconds, so the
 * parsed dataset is also cached as JSON under its content hash and later starts skip the parse.
 */
import type { Dataset, InputProblem } from '../../solver/domain.ts';
import { loadDataset } from '../../solver/dataset/loadDataset.ts';
import type { DatasetFiles } from '../../solver/dataset/types.ts';
import type { DatasetTable, ImportFile } from '../workbook/workbookImport.ts';
import { countsOf, type ValidatedImport } from '../jobs/importTasks.ts';
import { DATASET_FILE_NAMES, datasetHash, readDatasetDir } from '../dataset-files.ts';
import { datasetKey } from '../jobs/workerStore.ts';
import type { DatasetSource, DatasetVersion } from './datasetStore.ts';
import type { Storage } from './openStorage.ts';

export interface LoadedDataset {
  readonly version: number;
  readonly hash: string;
  readonly dataset: Dataset;
}

/** Outcome of an import: the new version and the loaders' warnings, or every problem (nothing stored). */
export type ImportOutcome =
  | { readonly ok: true; readonly version: DatasetVersion; readonly warnings: readonly InputProblem[]; readonly replaced?: readonly string[] }
  | { readonly ok: false; readonly problems: readonly InputProblem[] };

export interface DatasetService {
  /** Stores the dataset of `dir` unless a version with its hash exists; returns that version. Throws on invalid data. */
  readonly seed: (dir: string, actor: string) => Promise<DatasetVersion>;
  /** The active version, parsed. Throws when no version is active (the server seeds one at start). */
  readonly active: () => LoadedDataset;
  /** A stored version, parsed; undefined when there is no such version. */
  readonly load: (version: number) => LoadedDataset | undefined;
  /**
   * Imports one or more of the four tables; a table left out is taken from the active version (so a
   * staff list alone updates the staff), and the whole goes through the loaders as one dataset.
   */
  readonly importTables: (files: Partial<Record<DatasetTable | 'workbook', ImportFile>>, name: string, actor: string, activate: boolean) => Promise<ImportOutcome>;
  /**
   * Builds a version from the active one with its history replaced, for every (center, month) the
   * export covers, by the aggregated dossiers; other months and centers keep their rows.
   */
  readonly importDossiers: (file: ImportFile, name: string, asOf: string | undefined, actor: string, activate: boolean) => Promise<ImportOutcome>;
}

/**
 * Runs an import's validation, in a worker thread in the server: `tables` with `{ files, base }`,
 * `dossiers` with `{ dataDir, hash, baseFiles, file, asOf }` (the base dataset read by hash).
 */
export type RunImport = (kind: 'importTables' | 'importDossiers', payload: unknown) => Promise<ValidatedImport>;

const TABLES = ['centers', 'fields', 'history', 'staff'] as const;

/** Hash of texts as the files `centers.csv`... would hash on disk (UTF-8 bytes). */
const hashTexts = (files: DatasetFiles): string =>
  datasetHash(TABLES.map((t) => ({ name: DATASET_FILE_NAMES[t], bytes: Buffer.from(files[t].text, 'utf8') })));

/** The files under their canonical names, as stored. */
const canonical = (files: DatasetFiles): DatasetFiles => ({
  centers: { name: DATASET_FILE_NAMES.centers, text: files.centers.text },
  fields: { name: DATASET_FILE_NAMES.fields, text: files.fields.text },
  history: { name: DATASET_FILE_NAMES.history, text: files.history.text },
  staff: { name: DATASET_FILE_NAMES.staff, text: files.staff.text },
});

/** Most parsed versions kept in memory (the active one and one more, e.g. a plan's older version). */
const MEMORY_VERSIONS = 2;

export const datasetService = (storage: Storage, dataDir: string, runImport: RunImport): DatasetService => {
  const memory = new Map<number, LoadedDataset>();
  const remember = (loaded: LoadedDataset): LoadedDataset => {
    memory.delete(loaded.version);
    memory.set(loaded.version, loaded);
    while (memory.size > MEMORY_VERSIONS) memory.delete(memory.keys().next().value as number);
    return loaded;
  };
  const cacheKey = datasetKey;

  const load = (version: number): LoadedDataset | undefined => {
    const known = memory.get(version);
    if (known !== undefined) return remember(known);
    const stored = storage.datasets.get(version);
    if (stored === undefined) return undefined;
    const cached = storage.cache.get(cacheKey(stored.hash));
    if (cached !== undefined) return remember({ version, hash: stored.hash, dataset: JSON.parse(cached) as Dataset });
    const files = storage.datasets.files(version) as DatasetFiles;
    const loaded = loadDataset(files);
    if (!loaded.ok) throw new Error(`dataset version ${version} no longer passes validation: ${loaded.problems[0]?.message ?? ''}`);
    storage.cache.put(cacheKey(stored.hash), JSON.stringify(loaded.value));
    return remember({ version, hash: stored.hash, dataset: loaded.value });
  };

  /** Stores a validated import as a new version; the parsed dataset is read back from the cache when first used. */
  const store = (validated: ValidatedImport, sent: Partial<DatasetFiles>, name: string, source: DatasetSource, actor: string, activate: boolean): ImportOutcome => {
    if (!validated.ok) return validated;
    const files = { ...sent, ...validated.made } as DatasetFiles;
    const hash = hashTexts(files);
    const version = storage.db.transaction(() => {
      storage.cache.put(cacheKey(hash), validated.json);
      return storage.datasets.add({ hash, name, source, counts: validated.counts, files: canonical(files) }, actor, activate);
    })();
    return { ok: true, version, warnings: validated.warnings };
  };

  const active = (): LoadedDataset => {
    const version = storage.datasets.activeVersion();
    const loaded = version === undefined ? undefined : load(version);
    if (loaded === undefined) throw new Error('datasetService.active: no dataset version is active');
    return loaded;
  };

  return {
    seed: async (dir, actor) => {
      const read = await readDatasetDir(dir);
      if (!read.ok) throw new Error(`cannot read the dataset in ${dir}: ${read.problems.map((p) => `${p.file}: ${p.message}`).join('; ')}`);
      const existing = storage.datasets.findByHash(read.value.hash);
      if (existing !== undefined) {
        if (storage.datasets.activeVersion() === undefined) storage.datasets.activate(existing.version, actor);
        return storage.datasets.get(existing.version) as DatasetVersion;
      }
      const loaded = loadDataset(read.value.files);
      if (!loaded.ok) throw new Error(`the dataset in ${dir} is invalid: ${loaded.problems.slice(0, 3).map((p) => `${p.file}:${p.line ?? ''} ${p.message}`).join('; ')}`);
      const outcome = storage.db.transaction(() => {
        storage.cache.put(cacheKey(read.value.hash), JSON.stringify(loaded.value));
        return storage.datasets.add({ hash: read.value.hash, name: 'Hai Phong (embedded)', source: 'embedded', counts: countsOf(loaded.value), files: canonical(read.value.files) }, actor, false);
      })();
      remember({ version: outcome.version, hash: read.value.hash, dataset: loaded.value });
      return outcome;
    },
    active,
    load,
    importTables: async (given, name, actor, activate) => {
      // A workbook part may hold any of the tables: the active version's files are sent unless all four come as CSV.
      const csv = Object.fromEntries(TABLES.flatMap((t) => { const f = given[t]; return f === undefined || 'bytes' in f ? [] : [[t, f]]; })) as Partial<DatasetFiles>;
      const base = Object.keys(csv).length === TABLES.length ? {} : (storage.datasets.files(active().version) as DatasetFiles);
      const validated = await runImport('importTables', { files: given, base });
      const outcome = store(validated, { ...base, ...csv }, name, 'import-tables', actor, activate);
      return outcome.ok && validated.ok ? { ...outcome, replaced: validated.given ?? [] } : outcome;
    },
    importDossiers: async (file, name, asOf, actor, activate) => {
      const base = active();
      const baseFiles = storage.datasets.files(base.version) as DatasetFiles;
      const validated = await runImport('importDossiers', { dataDir, hash: base.hash, baseFiles, file, ...(asOf === undefined ? {} : { asOf }) });
      return store(validated, baseFiles, name, 'import-dossiers', actor, activate);
    },
  };
};
