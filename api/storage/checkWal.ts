/**
 * Reads a SQLite write-ahead log (`planner.sqlite-wal`) as SQLite's recovery does, and says whether
 * recovery would silently drop committed transactions. Pure: it is given the file's bytes.
 *
 * Format (https://www.sqlite.org/fileformat.html#the_write_ahead_log): a 32-byte header (magic,
 * format 3007000, page size, checkpoint sequence, two salts, checksum of its first 24 bytes), then
 * frames of a 24-byte header (page number; database size in pages after commit, 0 unless the
 * frame ends a transaction; the two salts; a checksum) and one page. Every field is big-endian; the
 * checksums are cumulative (each frame's starts from the previous one's) and are computed over
 * 32-bit words read little-endian when the magic is 0x377f0682, big-endian when 0x377f0683.
 *
 * Recovery ignores the whole log when its header fails (magic, version, page size, checksum), and
 * otherwise keeps frames up to the first one that fails (page number 0, salts other than the
 * header's, wrong checksum), and of those only the ones up to the last commit frame. A failing
 * frame with no commit frame of this log after it is a torn tail: the transaction it belongs to
 * never committed, so it was never acknowledged and nothing is lost. A failing frame followed by a
 * commit frame carrying the header's salts is damage: the transactions ending at those commit
 * frames were written, synced and acknowledged, and recovery would drop them without a word.
 */

const MAGIC_LITTLE_ENDIAN = 0x377f0682;
const MAGIC_BIG_ENDIAN = 0x377f0683;
const FORMAT_VERSION = 3007000;
export const WAL_HEADER_BYTES = 32;
export const FRAME_HEADER_BYTES = 24;

export type WalCheck =
  | {
    readonly state: 'intact';
    /** Whole frames in the file, valid or not. */
    readonly frames: number;
    /** Frames recovery keeps: up to the last valid commit frame. */
    readonly recoveredFrames: number;
    /** Committed transactions recovery keeps. */
    readonly transactions: number;
  }
  | {
    readonly state: 'damaged';
    /** 1-based frame where recovery stops, 0 when the header itself is damaged. */
    readonly frame: number;
    /** Byte offset of that frame (0 for the header). */
    readonly offset: number;
    /** Committed transactions recovery keeps, before the damage. */
    readonly transactions: number;
    /** Commit frames after the damage carrying the header's salts: acknowledged transactions recovery would drop. */
    readonly droppedTransactions: number;
    readonly reason: string;
  };

const isPageSize = (size: number): boolean => size >= 512 && size <= 65536 && (size & (size - 1)) === 0;

/**
 * SQLite's checksum: for each pair of 32-bit words (x0, x1), s1 += x0 + s2, s2 += x1 + s1 (mod 2^32),
 * starting from `seed`. `length` is a multiple of 8.
 */
export const walChecksum = (bytes: Uint8Array, offset: number, length: number, bigEndian: boolean, seed: readonly [number, number]): [number, number] => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let [s1, s2] = seed;
  for (let i = offset; i < offset + length; i += 8) {
    s1 = (s1 + view.getUint32(i, !bigEndian) + s2) >>> 0;
    s2 = (s2 + view.getUint32(i + 4, !bigEndian) + s1) >>> 0;
  }
  return [s1, s2];
};

export const checkWal = (wal: Uint8Array): WalCheck => {
  if (wal.length < WAL_HEADER_BYTES) return { state: 'intact', frames: 0, recoveredFrames: 0, transactions: 0 };
  const view = new DataView(wal.buffer, wal.byteOffset, wal.byteLength);
  const word = (offset: number): number => view.getUint32(offset, false);
  const magic = word(0);
  const pageSize = word(8);
  const bigEndian = magic === MAGIC_BIG_ENDIAN;
  const salt1 = word(16);
  const salt2 = word(20);
  const headerSum = walChecksum(wal, 0, 24, bigEndian, [0, 0]);
  const readable = (magic === MAGIC_LITTLE_ENDIAN || magic === MAGIC_BIG_ENDIAN) && isPageSize(pageSize);
  const frameBytes = FRAME_HEADER_BYTES + (readable ? pageSize : 0);
  const frames = readable ? Math.floor((wal.length - WAL_HEADER_BYTES) / frameBytes) : 0;
  const frameOffset = (index: number): number => WAL_HEADER_BYTES + index * frameBytes;
  const isCommit = (index: number): boolean => word(frameOffset(index) + 4) !== 0;
  const hasSalts = (index: number): boolean => word(frameOffset(index) + 8) === salt1 && word(frameOffset(index) + 12) === salt2;
  /** Commit frames from `from` on that carry the header's salts: transactions of this log. */
  const commitsFrom = (from: number): number => {
    let count = 0;
    for (let i = from; i < frames; i += 1) if (hasSalts(i) && isCommit(i)) count += 1;
    return count;
  };
  const plural = (n: number): string => `${n} committed transaction${n === 1 ? '' : 's'}`;

  if (!readable || word(4) !== FORMAT_VERSION || headerSum[0] !== word(24) || headerSum[1] !== word(28)) {
    // SQLite ignores the whole log when its header fails. A header is written in one sector and
    // synced with the first transaction after a checkpoint: a failing header with frames after
    // it is damage, whether or not the committed frames can still be counted.
    if (wal.length === WAL_HEADER_BYTES) return { state: 'intact', frames: 0, recoveredFrames: 0, transactions: 0 };
    const dropped = commitsFrom(0);
    return {
      state: 'damaged',
      frame: 0,
      offset: 0,
      transactions: 0,
      droppedTransactions: dropped,
      reason: `its header is damaged (${readable ? 'it fails its checksum' : `magic 0x${magic.toString(16)}, page size ${pageSize}`}), so SQLite would ignore all ${wal.length} bytes of it` +
        (dropped > 0 ? `, ${plural(dropped)} among them` : ''),
    };
  }

  let sum: [number, number] = headerSum;
  let recoveredFrames = 0;
  let transactions = 0;
  for (let i = 0; i < frames; i += 1) {
    const at = frameOffset(i);
    const pageNumber = word(at);
    let valid = pageNumber !== 0 && hasSalts(i);
    if (valid) {
      const head = walChecksum(wal, at, 8, bigEndian, sum);
      const next = walChecksum(wal, at + FRAME_HEADER_BYTES, pageSize, bigEndian, head);
      valid = next[0] === word(at + 16) && next[1] === word(at + 20);
      if (valid) sum = next;
    }
    if (!valid) {
      const dropped = commitsFrom(i + 1);
      if (dropped === 0) return { state: 'intact', frames, recoveredFrames, transactions };
      const why = pageNumber === 0 ? 'has page number 0' : hasSalts(i) ? 'fails its checksum' : 'carries salts other than the header\'s';
      return {
        state: 'damaged',
        frame: i + 1,
        offset: at,
        transactions,
        droppedTransactions: dropped,
        reason: `frame ${i + 1} (byte ${at}) ${why}, and ${plural(dropped)} after it would be silently dropped`,
      };
    }
    if (isCommit(i)) {
      recoveredFrames = i + 1;
      transactions += 1;
    }
  }
  return { state: 'intact', frames, recoveredFrames, transactions };
};
