/**
 * What can be told from the database's files before SQLite opens them. This must come first:
 * opening runs SQLite's recovery of the WAL, and the first write after it overwrites the log from
 * where recovery stopped, so transactions recovery dropped are gone for good once the server writes.
 */
import { existsSync, openSync, readFileSync, readSync, closeSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { checkWal, type WalCheck } from './checkWal.ts';
import { restoreAdvice, StorageProblem } from './StorageProblem.ts';

/** The first 16 bytes of every SQLite database file. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

const firstBytes = (file: string, count: number): Buffer => {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const read = readSync(fd, buffer, 0, count, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
};

/**
 * Reads the WAL; when it looks damaged, reads it once more. A server writing the log while it is
 * read (a command run beside a running server) can show a frame half old, half new; real damage
 * is still there on the second read.
 */
const walDamage = (wal: string): (WalCheck & { state: 'damaged' }) | undefined => {
  const first = checkWal(readFileSync(wal));
  if (first.state === 'intact') return undefined;
  const second = checkWal(readFileSync(wal));
  return second.state === 'damaged' && second.offset === first.offset ? second : undefined;
};

/**
 * `missing` when there is no database file and no WAL or shared-memory file beside it (a first
 * start creates it); `present` when the files can be opened. Throws a StorageProblem otherwise.
 */
export const inspectDatabaseFiles = (file: string): 'missing' | 'present' => {
  const dataDir = dirname(file);
  const name = basename(file);
  const wal = `${file}-wal`;
  const shm = `${file}-shm`;
  if (!existsSync(file)) {
    const orphan = [wal, shm].find((f) => existsSync(f));
    if (orphan === undefined) return 'missing';
    throw new StorageProblem('wal-without-database', `${orphan} exists but the database file ${file} does not: the database file was moved or deleted, ` +
      `and the -wal file may hold its last changes. The planner will not create a new database beside it; nothing was changed. Put ${name} back if you moved it. ` +
      restoreAdvice(dataDir));
  }
  const size = statSync(file).size;
  if (size === 0) {
    const finding = 'is empty (0 bytes)';
    throw new StorageProblem('empty-database', `The database file ${file} ${finding}: the planner's data is not in it, and the planner will not start ` +
      `a new database over it, which would hide the loss. Nothing was changed. ${restoreAdvice(dataDir)} If this directory is meant to start empty, move ${name} out of it.`, finding);
  }
  const head = firstBytes(file, SQLITE_HEADER.length);
  if (!head.equals(SQLITE_HEADER)) {
    const finding = `(${size} bytes) is not a SQLite database: it does not start with "SQLite format 3"`;
    throw new StorageProblem('not-a-database', `The database file ${file} ${finding}. ` +
      `Nothing was changed. Check that DATA_DIR points at the planner's data directory. ${restoreAdvice(dataDir)}`, finding);
  }
  if (existsSync(wal)) {
    const damage = walDamage(wal);
    if (damage !== undefined) {
      throw new StorageProblem('damaged-wal', `The write-ahead log ${wal} is damaged: ${damage.reason}. ` +
        `Opening the database would lose ${damage.droppedTransactions === 0 ? 'the whole log' : 'those transactions'} without a word, so the planner does not open it; nothing was changed. ${restoreAdvice(dataDir)}`,
        `has a damaged write-ahead log beside it (${basename(wal)}: ${damage.reason})`);
    }
  }
  return 'present';
};
