/**
 * Creates the planner's database whole or not at all: built with every migration in a temporary
 * file beside it, synced, then linked to its name. A crash part way leaves a stray temporary file,
 * never an empty or half-built `planner.sqlite` (which the next start would refuse).
 */
import { closeSync, fsyncSync, linkSync, openSync, renameSync, rmSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.ts';

/** Flushes a file or directory to disk (a directory: the names in it). */
export const syncPath = (path: string): void => {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

/** Makes a rename or link in `dir` durable. Windows cannot open a directory to sync it, and needs not. */
export const syncDirectory = (dir: string): void => {
  if (process.platform !== 'win32') syncPath(dir);
};

/** Creates `file` with the planner's schema unless it exists by then (another process may have been first). */
export const createDatabase = (file: string): void => {
  const temp = `${file}.creating-${process.pid}`;
  for (const f of [temp, `${temp}-wal`, `${temp}-shm`]) rmSync(f, { force: true });
  try {
    const db = new Database(temp);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.transaction(() => {
        for (const migration of MIGRATIONS) db.exec(migration);
        db.pragma(`user_version = ${MIGRATIONS.length}`);
      })();
    } finally {
      db.close(); // the last connection checkpoints the WAL into the file and removes it
    }
    syncPath(temp);
    try {
      linkSync(temp, file); // fails when `file` exists: the first creator wins, nobody's file is replaced
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'EEXIST') return;
      // A file system without hard links: a rename, which replaces nothing because none is there.
      if ((code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP') && !existsSync(file)) renameSync(temp, file);
      else throw error;
    }
    syncDirectory(dirname(file));
  } finally {
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`]) rmSync(f, { force: true });
  }
};
