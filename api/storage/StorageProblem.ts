/**
 * The one error the storage layer throws for a database it will not use, a directory it cannot
 * write, or a backup it will not take or restore. Its message is a plain paragraph for the person
 * running the server (what is wrong, what it means, what to do) and is printed as it is, without a
 * stack: `api/server.ts` and the admin commands print it and exit non-zero.
 */

export type StorageProblemCode =
  /** The database file is 0 bytes. */
  | 'empty-database'
  /** The database file does not start with SQLite's header. */
  | 'not-a-database'
  /** A SQLite database without the planner's schema version or with other tables. */
  | 'not-ours'
  /** A schema version newer than this planner's migrations. */
  | 'newer-schema'
  /** A `-wal` or `-shm` file without its database file. */
  | 'wal-without-database'
  /** `PRAGMA quick_check` is not ok, or SQLite reports the file corrupt. */
  | 'damaged'
  /** The WAL holds committed transactions SQLite's recovery would drop. */
  | 'damaged-wal'
  | 'read-only'
  | 'full'
  | 'not-a-directory'
  | 'cannot-open'
  | 'io-error'
  /** Another process holds the database (a server, during a restore). */
  | 'in-use'
  /** No database in the data directory (for commands that need one: backup, check). */
  | 'no-database'
  /** backup: the target file exists and --force was not given. */
  | 'backup-exists'
  /** restore: the file to restore is missing or fails the checks. */
  | 'bad-backup';

export class StorageProblem extends Error {
  override readonly name = 'StorageProblem';
  readonly code: StorageProblemCode;
  /**
   * What is wrong with the file, as a phrase that follows its path (`is empty (0 bytes)`), for
   * the problems a database file can have in itself: restore says it of the backup it refuses.
   */
  readonly finding: string | undefined;

  constructor(code: StorageProblemCode, message: string, finding?: string) {
    super(message);
    this.code = code;
    this.finding = finding;
  }
}

/** What to do about a damaged or foreign database: restore, which keeps the current files aside. */
export const restoreAdvice = (dataDir: string): string =>
  `Stop the server and restore your latest backup with "npm run admin -- restore BACKUP_FILE --data-dir ${dataDir}" ` +
  '(the current files are kept aside, not deleted). Without a backup, copy the whole directory somewhere safe before trying anything else.';
