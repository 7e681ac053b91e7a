/**
 * A backup of the server's database while it runs: SQLite's online backup API copies a
 * consistent snapshot (WAL readers do not block the server's writes), into a temporary file
 * beside the target that is checked like a database at start and only then renamed to its name.
 */
import { existsSync, rmSync, renameSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { checkDatabase } from './checkDatabase.ts';
import { syncDirectory, syncPath } from './createDatabase.ts';
import { databaseContents, type DatabaseContents } from './databaseContents.ts';
import { environmentProblem } from './environmentProblem.ts';
import { inspectDatabaseFiles } from './inspectDatabaseFiles.ts';
import { checkStorage, DATABASE_FILE } from './openDatabase.ts';
import { StorageProblem } from './StorageProblem.ts';

/**
 * Pages per step of the backup: all of them in one step, so that the copy is one snapshot even
 * while the server writes (a write by another connection between steps would restart it, and a
 * server that keeps writing could keep restarting it).
 */
const ALL_PAGES = 0x7fffffff;

export interface BackupOutcome {
  readonly file: string;
  readonly bytes: number;
  readonly contents: DatabaseContents;
}

/** Checks a file this process made and nobody else opens (a backup, a copy to restore); returns what it holds. */
export const verifyCopy = (file: string): DatabaseContents => {
  if (inspectDatabaseFiles(file) === 'missing') throw new StorageProblem('bad-backup', `${file} does not exist.`);
  checkDatabase(file);
  return databaseContents(file);
};

export const backupDatabase = async (dataDir: string, target: string, force: boolean): Promise<BackupOutcome> => {
  const file = resolve(target);
  if (existsSync(file) && !force) {
    throw new StorageProblem('backup-exists', `${file} exists already; the backup does not overwrite it. Choose another file name, or add --force to replace it.`);
  }
  if (!existsSync(dirname(file))) throw new StorageProblem('cannot-open', `The directory of the backup file, ${dirname(file)}, does not exist. Create it first, or choose another place.`);
  if (checkStorage(dataDir) === undefined) {
    throw new StorageProblem('no-database', `${dataDir} holds no database (${DATABASE_FILE}) to back up. Check --data-dir (or DATA_DIR); the server creates the database on its first start.`);
  }
  const temp = `${file}.partial-${process.pid}`;
  const removeTemp = (): void => {
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`]) rmSync(f, { force: true });
  };
  const source = new Database(join(dataDir, DATABASE_FILE), { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(temp, { progress: () => ALL_PAGES });
    syncPath(temp);
    const contents = verifyCopy(temp);
    renameSync(temp, file);
    syncDirectory(dirname(file));
    return { file, bytes: statSync(file).size, contents };
  } catch (error) {
    removeTemp();
    throw environmentProblem(error, dirname(file), file) ?? error;
  } finally {
    source.close();
  }
};
