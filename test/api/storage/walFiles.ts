/**
 * Real write-ahead logs for the WAL tests, written by better-sqlite3 (SQLite itself) and copied
 * while their connection is open, as a SIGKILL would leave them; and SQLite's own reading of a
 * database with such a log, the oracle the checker is held to.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export interface WalPair {
  /** The database file as it was on disk beside the log. */
  readonly db: Buffer;
  readonly wal: Buffer;
  /** Transactions committed into the log, one row each, in order. */
  readonly transactions: number;
}

/** WAL page size of the logs built here, bytes (SQLite's default). */
export const PAGE_SIZE = 4096;
export const FRAME_BYTES = 24 + PAGE_SIZE;

/**
 * A table `t` created and checkpointed, then `transactions` commits of one row each, all left in
 * the log: rows of 1,500 characters (a page holds two), the last of 10,000 so that the last
 * transaction writes several pages (overflow pages, then its commit frame).
 */
export const buildWal = (transactions: number): WalPair => {
  const dir = mkdtempSync(join(tmpdir(), 'planner-wal-'));
  const file = join(dir, 'live.sqlite');
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const insert = db.prepare('INSERT INTO t (id, body) VALUES (?, ?)');
    for (let i = 1; i <= transactions; i += 1) insert.run(i, String(i % 10).repeat(i === transactions ? 10_000 : 1500));
    copyFileSync(file, join(dir, 'copy.sqlite'));
    copyFileSync(`${file}-wal`, join(dir, 'copy.sqlite-wal'));
    return { db: readFileSync(join(dir, 'copy.sqlite')), wal: readFileSync(join(dir, 'copy.sqlite-wal')), transactions };
  } finally {
    db.close();
  }
};

/** Rows SQLite finds in a fresh copy of `db` with `wal` beside it (its recovery of the log decides). */
export const rowsSqliteRecovers = (db: Uint8Array, wal: Uint8Array): number => {
  const dir = mkdtempSync(join(tmpdir(), 'planner-wal-read-'));
  writeFileSync(join(dir, 'read.sqlite'), db);
  writeFileSync(join(dir, 'read.sqlite-wal'), wal);
  const reader = new Database(join(dir, 'read.sqlite'), { readonly: true });
  try {
    return (reader.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n;
  } finally {
    reader.close();
  }
};

/** A copy of `bytes` with the byte at `offset` XORed with `mask` (1-255). */
export const flipped = (bytes: Uint8Array, offset: number, mask = 0xff): Buffer => {
  const copy = Buffer.from(bytes);
  copy[offset] = (copy[offset] as number) ^ mask;
  return copy;
};

/** Byte offset of the page inside frame `frame` (1-based). */
export const pageOffset = (frame: number): number => 32 + (frame - 1) * FRAME_BYTES + 24;

/** 1-based frames that end a transaction (a nonzero database size in their header). */
export const commitFrames = (wal: Uint8Array): number[] => {
  const frames = Math.floor((wal.length - 32) / FRAME_BYTES);
  const view = new DataView(wal.buffer, wal.byteOffset, wal.byteLength);
  return Array.from({ length: frames }, (_, i) => i + 1).filter((f) => view.getUint32(32 + (f - 1) * FRAME_BYTES + 4, false) !== 0);
};
