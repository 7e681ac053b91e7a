/**
 * Checks a database file SQLite can open: `PRAGMA quick_check`, then that it is the planner's (a
 * schema version this planner knows, exactly the tables of that version). The connection is
 * read-only, so nothing is written, not even a checkpoint of the WAL on close; files it had to
 * create beside a database it refuses (an empty -wal, the -shm) are removed again.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { expectedTables, SCHEMA_VERSION, tablesOf } from './migrations.ts';
import { restoreAdvice, StorageProblem } from './StorageProblem.ts';

/** Lines of quick_check's report quoted in the message. */
const QUOTED_LINES = 3;

const isCorrupt = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
};

const list = (names: readonly string[]): string => names.join(', ');

/** The problem with an opened database, or undefined when it is the planner's and whole. */
const problemOf = (db: Database.Database, file: string): StorageProblem | undefined => {
  const dataDir = dirname(file);
  const report = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
  if (report.length !== 1 || report[0] !== 'ok') {
    const finding = `is damaged: SQLite's quick_check reports ` +
      `${report.slice(0, QUOTED_LINES).map((line) => `"${line}"`).join('; ')}${report.length > QUOTED_LINES ? ` and ${report.length - QUOTED_LINES} more` : ''}`;
    return new StorageProblem('damaged', `The database file ${file} ${finding}. ` +
      `The planner does not read or write a damaged database. Nothing was changed. ${restoreAdvice(dataDir)}`, finding);
  }
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = tablesOf(db);
  if (version === 0) {
    const finding = `is a SQLite database but not the planner's: it has no schema version${tables.length === 0 ? ' and no tables' : ` and the tables ${list(tables)}`}`;
    return new StorageProblem('not-ours', `${file} ${finding}. Nothing was changed. Check that DATA_DIR points at the planner's data directory. ${restoreAdvice(dataDir)}`, finding);
  }
  if (version > SCHEMA_VERSION) {
    const finding = `has schema version ${version}, and this planner knows versions up to ${SCHEMA_VERSION}`;
    return new StorageProblem('newer-schema', `${file} ${finding}: ` +
      'it was written by a newer version of the planner. Run that version, or restore a backup made with this one. Nothing was changed.', finding);
  }
  const expected = expectedTables(version);
  const unknown = tables.filter((t) => !expected.includes(t));
  const missing = expected.filter((t) => !tables.includes(t));
  if (unknown.length > 0 || missing.length > 0) {
    const finding = `is not a planner database of schema version ${version}: ` +
      [unknown.length > 0 ? `unknown tables ${list(unknown)}` : '', missing.length > 0 ? `missing tables ${list(missing)}` : ''].filter((s) => s !== '').join('; ');
    return new StorageProblem('not-ours', `${file} ${finding}. Nothing was changed. Check that DATA_DIR points at the planner's data directory. ${restoreAdvice(dataDir)}`, finding);
  }
  return undefined;
};

/** Runs the checks on `file` (which exists and starts with SQLite's header); returns its schema version, throws a StorageProblem. */
export const checkDatabase = (file: string): number => {
  const beside = [`${file}-wal`, `${file}-shm`].filter((f) => !existsSync(f));
  // Only files this check created and that are still as it left them (the -wal empty).
  const removeCreated = (): void => {
    for (const f of beside) if (existsSync(f) && (f.endsWith('-shm') || statSync(f).size === 0)) rmSync(f, { force: true });
  };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const problem = problemOf(db, file);
    if (problem !== undefined) throw problem;
    return db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    db?.close();
    db = undefined;
    removeCreated();
    if (!isCorrupt(error)) throw error;
    const finding = `is damaged: SQLite reports "${(error as Error).message}"`;
    throw new StorageProblem('damaged', `The database file ${file} ${finding}. ` +
      `The planner does not read or write a damaged database. Nothing was changed. ${restoreAdvice(dirname(file))}`, finding);
  } finally {
    db?.close();
  }
};
