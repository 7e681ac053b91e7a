/**
 * Turns an error from the file system or SQLite while opening or writing the database into a
 * StorageProblem naming the data directory and what to do: a read-only directory, a full disk, a
 * file where the directory should be. Errors that say nothing about the directory give undefined.
 */
import { accessSync, constants, statfsSync, statSync } from 'node:fs';
import { StorageProblem } from './StorageProblem.ts';

/** Free space below which a failed open or write is put down to a full disk, bytes. */
const NEARLY_FULL_BYTES = 1024 * 1024;

const READ_ONLY_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);
const FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

const freeBytes = (dir: string): number | undefined => {
  try {
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return undefined;
  }
};

/** Why this process may not write `path` (EACCES, EROFS...), undefined when it may or when nothing is there. */
export const writeDenied = (path: string): string | undefined => {
  try {
    accessSync(path, constants.W_OK);
    return undefined;
  } catch (error) {
    const code = codeOf(error) ?? 'EACCES';
    return code === 'ENOENT' ? undefined : code;
  }
};

const writable = (path: string): boolean => writeDenied(path) === undefined;

const isFile = (path: string): boolean => {
  try {
    return !statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** The problem of a data directory or database file this process may not write (the file when it is there and read-only). */
export const readOnly = (dataDir: string, file: string, code: string): StorageProblem =>
  new StorageProblem('read-only', `${isFile(file) && !writable(file) && writable(dataDir) ? `The database file ${file}` : `The data directory ${dataDir}`} is read-only for this process (${code}): ` +
    'the planner cannot write its database there. Give the user that runs the planner write permission on the directory and the files in it, ' +
    'or set DATA_DIR to a writable directory. Nothing was changed.');

const full = (dataDir: string, code: string): StorageProblem =>
  new StorageProblem('full', `The disk that holds the data directory ${dataDir} is full (${code}): the planner cannot write its database. ` +
    'Free some space on that disk, or set DATA_DIR to a directory on another disk. A write that failed was not acknowledged; nothing acknowledged was lost.');

/** `file` is the database file (or the backup being written) the error came from, for the message. */
export const environmentProblem = (error: unknown, dataDir: string, file: string): StorageProblem | undefined => {
  if (error instanceof StorageProblem) return error;
  const code = codeOf(error);
  if (code === 'ENOTDIR' || (code === 'EEXIST' && isFile(dataDir)) || (code === undefined && isFile(dataDir))) {
    return new StorageProblem('not-a-directory', `The data directory ${dataDir} is not a directory (a file, or a path through a file, is there). ` +
      'Set DATA_DIR to a directory (it is created when missing), or move that file away. Nothing was changed.');
  }
  if (code === undefined) return undefined;
  if (FULL_CODES.has(code)) return full(dataDir, code);
  if (READ_ONLY_CODES.has(code) || code.startsWith('SQLITE_READONLY')) return readOnly(dataDir, file, code);
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR')) {
    // SQLite reports a directory it may not write as "cannot open" (the -wal and -shm files are
    // created beside the database) and a full disk as an I/O error on the shared-memory file.
    if (!writable(dataDir) || (!writable(file) && isFile(file))) return readOnly(dataDir, file, code);
    const free = freeBytes(dataDir);
    if (free !== undefined && free < NEARLY_FULL_BYTES) return full(dataDir, code);
    if (code.startsWith('SQLITE_CANTOPEN')) {
      return new StorageProblem('cannot-open', `SQLite cannot open ${file} (${code}). Check that ${dataDir} is a directory the user running the planner can read and write, or set DATA_DIR. Nothing was changed.`);
    }
    return new StorageProblem('io-error', `Reading or writing ${file} failed with a disk I/O error (${code}). Check the disk (its system log, free space, a network mount that went away) before starting again; ` +
      'if the disk is failing, copy the data directory elsewhere and restore your latest backup there with "npm run admin -- restore BACKUP_FILE --data-dir DIR".');
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StorageProblem('in-use', `${file} is locked by another process (${code}), for example a restore in progress. Wait for it to finish, then start again.`);
  }
  return undefined;
};
