/**
 * checkWal against real logs written by SQLite, with SQLite's own recovery as the oracle: what the
 * checker says recovery keeps is what SQLite reads back, and damage is reported exactly where
 * recovery would drop a committed transaction.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkWal, walChecksum } from '../../../api/storage/checkWal.ts';
import { buildWal, commitFrames, FRAME_BYTES, flipped, PAGE_SIZE, pageOffset, rowsSqliteRecovers } from './walFiles.ts';

const TRANSACTIONS = 8;
const pair = buildWal(TRANSACTIONS);
const commits = commitFrames(pair.wal);
const lastCommit = commits[commits.length - 1] as number;

/** The same log with big-endian checksums (magic 0x377f0683), as a big-endian machine writes it. */
const bigEndianCopy = (wal: Buffer): Buffer => {
  const copy = Buffer.from(wal);
  copy.writeUInt32BE(0x377f0683, 0);
  let sum = walChecksum(copy, 0, 24, true, [0, 0]);
  copy.writeUInt32BE(sum[0], 24);
  copy.writeUInt32BE(sum[1], 28);
  for (let at = 32; at + FRAME_BYTES <= copy.length; at += FRAME_BYTES) {
    sum = walChecksum(copy, at + 24, PAGE_SIZE, true, walChecksum(copy, at, 8, true, sum));
    copy.writeUInt32BE(sum[0], at + 16);
    copy.writeUInt32BE(sum[1], at + 20);
  }
  return copy;
};

describe('checkWal', () => {
  it('a log copied while its connection is open is intact, and keeps every committed transaction, as SQLite does', () => {
    const check = checkWal(pair.wal);
    expect(check).toEqual({ state: 'intact', frames: lastCommit, recoveredFrames: lastCommit, transactions: TRANSACTIONS });
    expect(rowsSqliteRecovers(pair.db, pair.wal)).toBe(TRANSACTIONS);
  });

  it('a frame damaged in the middle, with committed transactions after it, is damage: SQLite silently keeps only the transactions before it', () => {
    const middle = commits[2] as number; // the commit frame of the third transaction
    const damaged = flipped(pair.wal, pageOffset(middle) + 100);
    const check = checkWal(damaged);
    expect(check).toMatchObject({ state: 'damaged', frame: middle, offset: 32 + (middle - 1) * FRAME_BYTES, transactions: 2, droppedTransactions: TRANSACTIONS - 3 });
    expect(check.state === 'damaged' ? check.reason : '').toBe(`frame ${middle} (byte ${32 + (middle - 1) * FRAME_BYTES}) fails its checksum, and 5 committed transactions after it would be silently dropped`);
    expect(rowsSqliteRecovers(pair.db, damaged)).toBe(2);
  });

  it('a torn tail (the last frame cut short) is intact: only the unfinished last transaction is missing, in SQLite too', () => {
    const torn = pair.wal.subarray(0, pair.wal.length - FRAME_BYTES / 2);
    expect(checkWal(torn)).toMatchObject({ state: 'intact', transactions: TRANSACTIONS - 1 });
    expect(rowsSqliteRecovers(pair.db, torn)).toBe(TRANSACTIONS - 1);
  });

  it('the last frame garbled with nothing after it is a torn tail, not damage', () => {
    const torn = flipped(pair.wal, pageOffset(lastCommit) + 7);
    expect(checkWal(torn)).toMatchObject({ state: 'intact', transactions: TRANSACTIONS - 1 });
    expect(rowsSqliteRecovers(pair.db, torn)).toBe(TRANSACTIONS - 1);
  });

  it('frames of an unfinished transaction after a failing frame are not damage: nothing committed follows', () => {
    // Cut the log inside the last transaction, after its first frame, and garble that frame.
    const lastStart = (commits[commits.length - 2] as number) + 1;
    expect(lastCommit - lastStart).toBeGreaterThanOrEqual(1);
    const unfinished = flipped(pair.wal.subarray(0, 32 + (lastCommit - 1) * FRAME_BYTES), pageOffset(lastStart) + 3);
    expect(checkWal(unfinished)).toMatchObject({ state: 'intact', transactions: TRANSACTIONS - 1 });
  });

  it('an empty log, or one shorter than its header, is intact with no frames', () => {
    expect(checkWal(new Uint8Array(0))).toEqual({ state: 'intact', frames: 0, recoveredFrames: 0, transactions: 0 });
    expect(checkWal(pair.wal.subarray(0, 20))).toEqual({ state: 'intact', frames: 0, recoveredFrames: 0, transactions: 0 });
    expect(checkWal(pair.wal.subarray(0, 32))).toEqual({ state: 'intact', frames: 0, recoveredFrames: 0, transactions: 0 });
  });

  it('a header failing its checksum, with committed frames after it, is damage: SQLite ignores the whole log', () => {
    const damaged = flipped(pair.wal, 13); // the checkpoint sequence number, covered by the header checksum
    expect(checkWal(damaged)).toMatchObject({ state: 'damaged', frame: 0, offset: 0, transactions: 0, droppedTransactions: TRANSACTIONS });
    expect(rowsSqliteRecovers(pair.db, damaged)).toBe(0);
  });

  it('a header SQLite cannot read (its magic garbled) with frames after it is damage', () => {
    const damaged = flipped(pair.wal, 1);
    const check = checkWal(damaged);
    expect(check).toMatchObject({ state: 'damaged', frame: 0 });
    expect(check.state === 'damaged' ? check.reason : '').toMatch(/^its header is damaged \(magic 0x3780/);
    expect(rowsSqliteRecovers(pair.db, damaged)).toBe(0);
  });

  it('big-endian checksums (magic 0x377f0683) are read as SQLite reads them', () => {
    const big = bigEndianCopy(pair.wal);
    expect(rowsSqliteRecovers(pair.db, big)).toBe(TRANSACTIONS); // SQLite accepts the converted log
    expect(checkWal(big)).toMatchObject({ state: 'intact', transactions: TRANSACTIONS });
    expect(checkWal(flipped(big, pageOffset(commits[1] as number)))).toMatchObject({ state: 'damaged', frame: commits[1], transactions: 1 });
  });

  it('for any one byte changed anywhere in the log, checkWal keeps what SQLite keeps, and reports damage whenever SQLite drops more than the last transaction', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: pair.wal.length - 1 }), fc.integer({ min: 1, max: 255 }), (offset, mask) => {
      const changed = flipped(pair.wal, offset, mask);
      const check = checkWal(changed);
      const sqlite = rowsSqliteRecovers(pair.db, changed);
      expect(check.transactions).toBe(sqlite);
      if (sqlite < TRANSACTIONS - 1) expect(check.state).toBe('damaged');
      if (offset >= 32 + (lastCommit - 1) * FRAME_BYTES) expect(check.state).toBe('intact'); // inside the last frame: a torn tail
    }), { numRuns: 150 });
  });
});
