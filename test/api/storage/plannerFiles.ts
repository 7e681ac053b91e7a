/**
 * Real planner data directories for the storage tests (written by openStorage, with the small
 * dataset of test/cases/imports/good, scenarios, a plan and a user), the damage done to them, and
 * a snapshot of a directory's files to show that a refusal changed nothing.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../../api/storage/openDatabase.ts';
import { datasetService } from '../../../api/storage/datasetService.ts';
import { openStorage, type Storage } from '../../../api/storage/openStorage.ts';
import type { StorageProblemCode } from '../../../api/storage/StorageProblem.ts';
import { GOOD_DIR, tempDataDir } from '../server/testApp.ts';
import { commitFrames, FRAME_BYTES, flipped } from './walFiles.ts';

const noImports = async (): Promise<never> => {
  throw new Error('the storage tests import nothing');
};

export const scenarioNamed = (i: number): { name: string; scenario: Record<string, unknown> } =>
  ({ name: `scenario ${i}`, scenario: { period: '2026-03', maxTransfers: i % 6, demandMultiplierByField: { certification: 1 + (i % 5) / 10 } } });

/** Stores the good dataset, a user and a plan in an open storage. */
const fill = async (storage: Storage, dataDir: string): Promise<void> => {
  const version = await datasetService(storage, dataDir, noImports).seed(GOOD_DIR, 'system');
  storage.users.create('lan', 'planner', 'test');
  storage.plans.create({ scenarioId: null, scenario: { maxTransfers: 3 }, datasetVersion: version.version, datasetHash: version.hash }, 'test');
};

/** A closed planner data directory with `scenarios` saved scenarios (named "scenario 1"...). */
export const plannerDataDir = async (scenarios = 30): Promise<string> => {
  const dataDir = tempDataDir();
  const storage = openStorage(dataDir);
  try {
    await fill(storage, dataDir);
    for (let i = 1; i <= scenarios; i += 1) storage.scenarios.create(scenarioNamed(i), 'test');
  } finally {
    storage.close();
  }
  return dataDir;
};

/**
 * A data directory as a SIGKILL leaves it: the database and its -wal, copied while the server's
 * connection was open, with the last `scenarios` saves (one transaction each) still only in the
 * log. Returns the directory and the 1-based commit frames of the log.
 */
export const crashedDataDir = async (scenarios = 12): Promise<{ readonly dataDir: string; readonly commits: readonly number[] }> => {
  const live = tempDataDir();
  const storage = openStorage(live);
  try {
    await fill(storage, live);
    storage.db.pragma('wal_checkpoint(TRUNCATE)');
    storage.db.pragma('wal_autocheckpoint = 0');
    for (let i = 1; i <= scenarios; i += 1) storage.scenarios.create(scenarioNamed(i), 'test');
    const dataDir = tempDataDir();
    copyFileSync(join(live, DATABASE_FILE), join(dataDir, DATABASE_FILE));
    copyFileSync(join(live, `${DATABASE_FILE}-wal`), join(dataDir, `${DATABASE_FILE}-wal`));
    return { dataDir, commits: commitFrames(readFileSync(join(dataDir, `${DATABASE_FILE}-wal`))) };
  } finally {
    storage.close();
  }
};

/** Every file in a directory with its bytes, to compare before and after. */
export const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));

export interface DamageCase {
  readonly name: string;
  readonly code: StorageProblemCode;
  /** A data directory with the damage done. */
  readonly make: () => Promise<string>;
  /** What the message must say, besides the file's path. */
  readonly says: RegExp;
}

const databaseIn = (dataDir: string): string => join(dataDir, DATABASE_FILE);

/** Overwrites whole pages in the middle of the database file with bytes from a seeded generator. */
export const overwritePages = (file: string, pages: readonly number[], seed: number): void => {
  const bytes = readFileSync(file);
  const pageSize = bytes.readUInt16BE(16);
  let state = seed >>> 0;
  for (const page of pages) {
    for (let i = 0; i < pageSize; i += 1) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0; // Numerical Recipes' LCG
      bytes[(page - 1) * pageSize + i] = state >>> 24;
    }
  }
  writeFileSync(file, bytes);
};

/** Pages in the database file, and its free-list pages (a free page holds nothing to damage). */
export const pagesOf = (file: string): { readonly pages: number; readonly free: number } => {
  const db = new Database(file, { readonly: true });
  try {
    return { pages: db.pragma('page_count', { simple: true }) as number, free: db.pragma('freelist_count', { simple: true }) as number };
  } finally {
    db.close();
  }
};

export const DAMAGE: readonly DamageCase[] = [
  {
    name: 'an empty (0-byte) database file',
    code: 'empty-database',
    make: async () => {
      const dataDir = tempDataDir();
      writeFileSync(databaseIn(dataDir), '');
      return dataDir;
    },
    says: /is empty \(0 bytes\).*will not start a new database over it.*npm run admin -- restore BACKUP_FILE --data-dir /,
  },
  {
    name: 'a database file that is not SQLite (a CSV copied over it)',
    code: 'not-a-database',
    make: async () => {
      const dataDir = tempDataDir();
      copyFileSync(join(GOOD_DIR, 'history.csv'), databaseIn(dataDir));
      return dataDir;
    },
    says: /is not a SQLite database: it does not start with "SQLite format 3"/,
  },
  {
    name: 'another program\'s SQLite database (no schema version)',
    code: 'not-ours',
    make: async () => {
      const dataDir = tempDataDir();
      const db = new Database(databaseIn(dataDir));
      db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
      db.close();
      return dataDir;
    },
    says: /is a SQLite database but not the planner's: it has no schema version and the tables notes/,
  },
  {
    name: 'a planner database with a table the planner does not have',
    code: 'not-ours',
    make: async () => {
      const dataDir = await plannerDataDir(3);
      const db = new Database(databaseIn(dataDir));
      db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
      db.close();
      return dataDir;
    },
    says: /is not a planner database of schema version 1: unknown tables invoices/,
  },
  {
    name: 'a database of a newer planner (schema version 7)',
    code: 'newer-schema',
    make: async () => {
      const dataDir = await plannerDataDir(3);
      const db = new Database(databaseIn(dataDir));
      db.pragma('user_version = 7');
      db.close();
      return dataDir;
    },
    says: /has schema version 7, and this planner knows versions up to 1/,
  },
  {
    name: 'pages overwritten in the middle of the database file',
    code: 'damaged',
    make: async () => {
      const dataDir = await plannerDataDir(60);
      const { pages } = pagesOf(databaseIn(dataDir));
      const middle = Math.floor(pages / 2);
      overwritePages(databaseIn(dataDir), [middle, middle + 1, middle + 2], 42);
      return dataDir;
    },
    says: /is damaged: SQLite(?:'s quick_check)? reports ".+"\. The planner does not read or write a damaged database/,
  },
  {
    name: 'a WAL with a damaged frame in the middle and committed transactions after it',
    code: 'damaged-wal',
    make: async () => {
      const { dataDir, commits } = await crashedDataDir();
      const wal = `${databaseIn(dataDir)}-wal`;
      const middle = commits[Math.floor(commits.length / 2)] as number;
      writeFileSync(wal, flipped(readFileSync(wal), 32 + (middle - 1) * FRAME_BYTES + 24 + 50));
      return dataDir;
    },
    says: /planner\.sqlite-wal is damaged: frame \d+ \(byte \d+\) fails its checksum, and \d+ committed transactions? after it would be silently dropped/,
  },
  {
    name: 'a -wal file without its database file',
    code: 'wal-without-database',
    make: async () => {
      const { dataDir } = await crashedDataDir(3);
      rmSync(databaseIn(dataDir));
      return dataDir;
    },
    says: /planner\.sqlite-wal exists but the database file .* does not/,
  },
  {
    name: 'a -shm file without its database file',
    code: 'wal-without-database',
    make: async () => {
      const dataDir = tempDataDir();
      writeFileSync(`${databaseIn(dataDir)}-shm`, Buffer.alloc(32768));
      return dataDir;
    },
    says: /planner\.sqlite-shm exists but the database file .* does not/,
  },
];

export const hasDatabase = (dataDir: string): boolean => existsSync(databaseIn(dataDir));
