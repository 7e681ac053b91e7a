/**
 * The server's SQLite database: one file, `planner.sqlite`, in the data directory, created with its
 * tables on first open. WAL journal with `synchronous = FULL`: a write is on disk when its statement
 * returns, so a scenario acknowledged with a 2xx survives a SIGKILL or a power cut right after.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** File name of the database inside the data directory. */
export const DATABASE_FILE = 'planner.sqlite';

/**
 * Schema migrations, applied in order; `PRAGMA user_version` holds how many have run.
 * Times are ISO 8601 UTC text; JSON bodies are text.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE datasets (
    version INTEGER PRIMARY KEY AUTOINCREMENT,
    hash TEXT NOT NULL,
    name TEXT NOT NULL,
    source TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    counts TEXT NOT NULL,
    centers_csv TEXT NOT NULL,
    fields_csv TEXT NOT NULL,
    history_csv TEXT NOT NULL,
    staff_csv TEXT NOT NULL
  );
  CREATE INDEX datasets_hash ON datasets(hash);
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE scenarios (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    body TEXT NOT NULL,
    revision INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    created_by TEXT NOT NULL
  );
  CREATE TABLE plans (
    id TEXT PRIMARY KEY,
    scenario_id TEXT,
    scenario TEXT NOT NULL,
    dataset_version INTEGER NOT NULL,
    dataset_hash TEXT NOT NULL,
    status TEXT NOT NULL,
    stage TEXT NOT NULL,
    progress REAL NOT NULL,
    summary TEXT,
    result TEXT,
    error TEXT,
    created_at TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT,
    created_by TEXT NOT NULL
  );
  CREATE INDEX plans_created ON plans(created_at);
  CREATE TABLE users (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  );
  CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    detail TEXT NOT NULL
  );
  CREATE TABLE cache (
    key TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    body TEXT NOT NULL
  );
  `,
];

/** Opens (creating when missing) the data directory and its database, and brings the schema up to date. */
export const openDatabase = (dataDir: string): Db => {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const applied = db.pragma('user_version', { simple: true }) as number;
  for (let i = applied; i < MIGRATIONS.length; i += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[i] as string);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
  return db;
};
