/**
 * What a planner database holds, counted, for the admin commands to say what a backup, a restore
 * or a check found.
 */
import Database from 'better-sqlite3';

export interface DatabaseContents {
  readonly schemaVersion: number;
  readonly datasets: number;
  readonly scenarios: number;
  readonly plans: number;
  readonly users: number;
}

const count = (db: Database.Database, table: 'datasets' | 'scenarios' | 'plans' | 'users'): number =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/**
 * Counts the contents of a planner database that passed checkDatabase. The connection is a
 * writable one, so that when it is the last to close SQLite checkpoints the WAL and removes the
 * -wal and -shm files as it does for the server; nothing else is written.
 */
export const databaseContents = (file: string): DatabaseContents => {
  const db = new Database(file, { fileMustExist: true });
  try {
    return {
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      datasets: count(db, 'datasets'),
      scenarios: count(db, 'scenarios'),
      plans: count(db, 'plans'),
      users: count(db, 'users'),
    };
  } finally {
    db.close();
  }
};

const counted = (n: number, noun: string): string => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

/** `schema version 1; 1 dataset, 30 scenarios, 1 plan, 1 user`. */
export const describeContents = (c: DatabaseContents): string =>
  `schema version ${c.schemaVersion}; ${counted(c.datasets, 'dataset')}, ${counted(c.scenarios, 'scenario')}, ${counted(c.plans, 'plan')}, ${counted(c.users, 'user')}`;
