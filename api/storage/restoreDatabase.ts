/**
 * Puts a backup in place of the server's database: the backup is copied into the data directory
 * and checked there before anything else is touched; then, under an exclusive lock that no
 * running server can share, the current database and its -wal are renamed aside with a
 * timestamp (never deleted), its -shm (only an index of the -wal) removed, and the checked copy
 * renamed to `planner.sqlite`.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { verifyCopy } from './backupDatabase.ts';
import { syncDirectory, syncPath } from './createDatabase.ts';
import type { DatabaseContents } from './databaseContents.ts';
import { environmentProblem } from './environmentProblem.ts';
import { DATABASE_FILE } from './openDatabase.ts';
import { StorageProblem } from './StorageProblem.ts';

export interface RestoreOutcome {
  readonly file: string;
  readonly contents: DatabaseContents;
  /** Where the database that was there is kept, with `-wal` appended for its log; undefined when there was none. */
  readonly aside: string | undefined;
}

const codeOf = (error: unknown): string => String((error as { code?: unknown } | null)?.code ?? '');

/**
 * Takes SQLite's exclusive lock on the database, which fails while any other connection (a
 * server, its workers, an admin command) has it open: each holds a shared lock for as long as it
 * is open in WAL mode. Held while the files are renamed; as the file has moved by the time the
 * connection closes, SQLite then neither checkpoints nor deletes anything. Undefined for a file
 * SQLite cannot read, which no server can be using either (it refuses such a file at start).
 */
const holdExclusively = (file: string, dataDir: string): Database.Database | undefined => {
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    const code = codeOf(error);
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw new StorageProblem('in-use', `${file} is open in a running server (or another admin command): the restore would pull the database out from under it. ` +
        `Stop the server first (Ctrl+C, or SIGTERM), then run the restore again. Nothing was changed in ${dataDir}.`);
    }
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return undefined;
    throw error;
  }
};

/** `planner.sqlite.before-restore-2026-01-05T08-30-00Z`, with `-2`, `-3`... when taken. */
const asideName = (file: string, at: Date): string => {
  const stamp = at.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');
  const base = `${file}.before-restore-${stamp}`;
  let name = base;
  for (let n = 2; existsSync(name) || existsSync(`${name}-wal`); n += 1) name = `${base}-${n}`;
  return name;
};

/** Restores `backup` into `dataDir`; `now` names the aside copy. Throws a StorageProblem. */
export const restoreDatabase = (dataDir: string, backup: string, now: () => Date = () => new Date()): RestoreOutcome => {
  const source = resolve(backup);
  const file = join(dataDir, DATABASE_FILE);
  if (!existsSync(source)) throw new StorageProblem('bad-backup', `The backup ${source} does not exist. Nothing was changed in ${dataDir}.`);
  const temp = `${file}.restoring-${process.pid}`;
  const removeTemp = (): void => {
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`]) rmSync(f, { force: true });
  };
  try {
    mkdirSync(dataDir, { recursive: true });
    removeTemp();
    copyFileSync(source, temp);
    // A database set aside by an earlier restore comes with its -wal: both are needed.
    if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${temp}-wal`);
    let contents: DatabaseContents;
    try {
      contents = verifyCopy(temp); // the -wal, if any, is checkpointed into the copy
    } catch (error) {
      if (error instanceof StorageProblem && error.finding !== undefined) {
        throw new StorageProblem('bad-backup', `The backup ${source} ${error.finding}, so it cannot be restored. Nothing was changed in ${dataDir}. ` +
          'Choose another backup (npm run admin -- check --data-dir DIR checks a data directory; a backup is checked the same way when restored).');
      }
      throw error;
    }
    syncPath(temp);
    const holder = existsSync(file) ? holdExclusively(file, dataDir) : undefined;
    try {
      const kept = [file, `${file}-wal`].some((f) => existsSync(f)) ? asideName(file, now()) : undefined;
      if (kept !== undefined) {
        if (existsSync(file)) renameSync(file, kept);
        if (existsSync(`${file}-wal`)) renameSync(`${file}-wal`, `${kept}-wal`);
      }
      rmSync(`${file}-shm`, { force: true });
      renameSync(temp, file);
      syncDirectory(dataDir);
      return { file, contents, aside: kept };
    } finally {
      holder?.close();
    }
  } catch (error) {
    removeTemp();
    throw environmentProblem(error, dataDir, file) ?? error;
  }
};
