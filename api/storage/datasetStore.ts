/**
 * Dataset versions: the four CSV tables as they were imported (so a version can be exported and
 * re-validated by the same loaders), their content hash, and which version is active. Versions are
 * never changed or deleted: a stored plan names the version and hash it was computed from.
 */
import type { DatasetFiles } from '../../solver/dataset/types.ts';
import type { AuditLog } from './auditLog.ts';
import type { Db } from './openDatabase.ts';

/** How a version came in. */
export type DatasetSource = 'embedded' | 'import-tables' | 'import-dossiers';

export interface DatasetCounts {
  readonly centers: number;
  readonly fields: number;
  readonly historyRows: number;
  readonly staff: number;
}

export interface DatasetVersion {
  readonly version: number;
  /** SHA-256 (hex) of the four files, as api/dataset-files.ts datasetHash computes it. */
  readonly hash: string;
  readonly name: string;
  readonly source: DatasetSource;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly counts: DatasetCounts;
  readonly active: boolean;
}

export interface NewDatasetVersion {
  readonly hash: string;
  readonly name: string;
  readonly source: DatasetSource;
  readonly counts: DatasetCounts;
  readonly files: DatasetFiles;
}

export interface DatasetStore {
  /** Stores a new version; it becomes active when `activate` is true or no version is active yet. */
  readonly add: (input: NewDatasetVersion, actor: string, activate: boolean) => DatasetVersion;
  /** Newest first. */
  readonly list: () => DatasetVersion[];
  readonly get: (version: number) => DatasetVersion | undefined;
  readonly findByHash: (hash: string) => DatasetVersion | undefined;
  readonly files: (version: number) => DatasetFiles | undefined;
  readonly activeVersion: () => number | undefined;
  /** Makes `version` the active one; false when there is no such version. */
  readonly activate: (version: number, actor: string) => boolean;
}

interface Row {
  version: number;
  hash: string;
  name: string;
  source: DatasetSource;
  created_at: string;
  created_by: string;
  counts: string;
}

const ACTIVE_KEY = 'active_dataset_version';

export const datasetStore = (db: Db, audit: AuditLog, now: () => string): DatasetStore => {
  const columns = 'version, hash, name, source, created_at, created_by, counts';
  const insert = db.prepare(
    'INSERT INTO datasets (hash, name, source, created_at, created_by, counts, centers_csv, fields_csv, history_csv, staff_csv) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const selectAll = db.prepare(`SELECT ${columns} FROM datasets ORDER BY version DESC`);
  const select = db.prepare(`SELECT ${columns} FROM datasets WHERE version = ?`);
  const selectByHash = db.prepare(`SELECT ${columns} FROM datasets WHERE hash = ? ORDER BY version LIMIT 1`);
  const selectFiles = db.prepare('SELECT centers_csv, fields_csv, history_csv, staff_csv FROM datasets WHERE version = ?');
  const selectActive = db.prepare('SELECT value FROM settings WHERE key = ?');
  const upsertActive = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');

  // The active version is read on every request (each read route serves the active dataset), so it
  // is kept in memory once read outside a transaction (one that may still roll back); `activate`
  // forgets it.
  let known: { version: number | undefined } | undefined;
  const activeVersion = (): number | undefined => {
    if (known !== undefined) return known.version;
    const row = selectActive.get(ACTIVE_KEY) as { value: string } | undefined;
    const version = row === undefined ? undefined : Number(row.value);
    if (!db.inTransaction) known = { version };
    return version;
  };
  const toVersion = (row: Row): DatasetVersion => ({
    version: row.version,
    hash: row.hash,
    name: row.name,
    source: row.source,
    createdAt: row.created_at,
    createdBy: row.created_by,
    counts: JSON.parse(row.counts) as DatasetCounts,
    active: row.version === activeVersion(),
  });
  const get = (version: number): DatasetVersion | undefined => {
    const row = select.get(version) as Row | undefined;
    return row === undefined ? undefined : toVersion(row);
  };
  const activate = db.transaction((version: number, actor: string): boolean => {
    if (select.get(version) === undefined) return false;
    known = undefined;
    upsertActive.run(ACTIVE_KEY, String(version));
    audit.record(actor, 'dataset.activate', String(version));
    return true;
  });
  const add = db.transaction((input: NewDatasetVersion, actor: string, makeActive: boolean): DatasetVersion => {
    const { files } = input;
    const info = insert.run(
      input.hash, input.name, input.source, now(), actor, JSON.stringify(input.counts),
      files.centers.text, files.fields.text, files.history.text, files.staff.text,
    );
    const version = Number(info.lastInsertRowid);
    audit.record(actor, 'dataset.add', String(version), `${input.source} ${input.name} ${input.hash}`);
    if (makeActive || activeVersion() === undefined) activate(version, actor);
    return get(version) as DatasetVersion;
  });
  return {
    add,
    list: () => (selectAll.all() as Row[]).map(toVersion),
    get,
    findByHash: (hash) => {
      const row = selectByHash.get(hash) as Row | undefined;
      return row === undefined ? undefined : toVersion(row);
    },
    files: (version) => {
      const row = selectFiles.get(version) as { centers_csv: string; fields_csv: string; history_csv: string; staff_csv: string } | undefined;
      if (row === undefined) return undefined;
      return {
        centers: { name: 'centers.csv', text: row.centers_csv },
        fields: { name: 'fields.csv', text: row.fields_csv },
        history: { name: 'history.csv', text: row.history_csv },
        staff: { name: 'staff.csv', text: row.staff_csv },
      };
    },
    activeVersion,
    activate,
  };
};
