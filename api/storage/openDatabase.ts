/**
 * The server's SQLite database: one file, `planner.sqlite`, in the data directory, created with its
 * tables on first open. WAL journal with `synchronous = FULL`: a write is on disk when its statement
 * returns, so a scenario acknowledged with a 2xx survives a SIGKILL or a power cut right after.
 *
 * A database that is there is checked before anything writes to it, and refused with a
 * StorageProblem rather than repaired or replaced: an empty or foreign file, a -wal without its
 * database, a WAL whose recovery would drop committed transactions, a failed `quick_check`. A
 * data directory that cannot be written (read-only, full) is refused at open too: the open ends
 * with a write.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { checkDatabase } from './checkDatabase.ts';
import { createDatabase } from './createDatabase.ts';
import { environmentProblem, readOnly, writeDenied } from './environmentProblem.ts';
import { inspectDatabaseFiles } from './inspectDatabaseFiles.ts';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.ts';

export type Db = Database.Database;

/** File name of the database inside the data directory. */
export const DATABASE_FILE = 'planner.sqlite';

/**
 * Runs the start-up checks on the database of `dataDir` without writing to it: its files, that
 * the directory and the file may be written, quick_check, the schema. Returns the schema version,
 * or undefined when there is no database yet (a first start creates it). Throws a StorageProblem.
 */
export const checkStorage = (dataDir: string): number | undefined => {
  const file = join(dataDir, DATABASE_FILE);
  try {
    if (inspectDatabaseFiles(file) === 'missing') return undefined;
    const denied = writeDenied(dataDir) ?? writeDenied(file);
    if (denied !== undefined) throw readOnly(dataDir, file, denied);
    return checkDatabase(file);
  } catch (error) {
    throw environmentProblem(error, dataDir, file) ?? error;
  }
};

/**
 * Opens (creating when missing) the data directory and its database, and brings the schema up to
 * date. Throws a StorageProblem for a database it will not use or a directory it cannot write.
 */
export const openDatabase = (dataDir: string): Db => {
  const file = join(dataDir, DATABASE_FILE);
  try {
    mkdirSync(dataDir, { recursive: true });
    let applied = checkStorage(dataDir);
    if (applied === undefined) {
      const denied = writeDenied(dataDir);
      if (denied !== undefined) throw readOnly(dataDir, file, denied);
      createDatabase(file);
      applied = checkDatabase(file); // another process may have created it first
    }
    const db = new Database(file, { fileMustExist: true });
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      for (let i = applied; i < MIGRATIONS.length; i += 1) {
        db.transaction(() => {
          db.exec(MIGRATIONS[i] as string);
          db.pragma(`user_version = ${i + 1}`);
        })();
      }
      // A write now, so that a read-only file or a full disk is reported at start, not at the
      // first save (rewriting the schema version appends one page to the WAL).
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  } catch (error) {
    throw environmentProblem(error, dataDir, file) ?? error;
  }
};
