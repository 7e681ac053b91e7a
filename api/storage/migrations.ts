/**
 * The planner's schema: its migrations, and the tables a database at each schema version has.
 */
import Database from 'better-sqlite3';

/**
 * Schema migrations, applied in order; `PRAGMA user_version` holds how many have run.
 * Times are ISO 8601 UTC text; JSON bodies are text.
 */
export const MIGRATIONS: readonly string[] = [
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

/** Schema version of a database with every migration applied. */
export const SCHEMA_VERSION = MIGRATIONS.length;

const tablesByVersion = new Map<number, readonly string[]>();

/**
 * Tables (sorted, SQLite's own `sqlite_*` left out) of a database at schema `version`, found by
 * running the first `version` migrations on an in-memory database, so the list cannot drift from
 * the migrations.
 */
export const expectedTables = (version: number): readonly string[] => {
  const known = tablesByVersion.get(version);
  if (known !== undefined) return known;
  const db = new Database(':memory:');
  try {
    for (const migration of MIGRATIONS.slice(0, version)) db.exec(migration);
    const tables = tablesOf(db);
    tablesByVersion.set(version, tables);
    return tables;
  } finally {
    db.close();
  }
};

/** Tables of an open database, sorted, without SQLite's own. */
export const tablesOf = (db: Database.Database): readonly string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
