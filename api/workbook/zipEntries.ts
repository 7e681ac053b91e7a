/**
 * The entries of a zip archive (an .xlsx workbook is one), read from its central directory, and the
 * bytes of one entry as a stream. Enough to tell what a workbook holds before exceljs reads it (a
 * macro project, the sheets' merged cells), which exceljs's streaming reader does not say.
 * Zip64 archives (over 4 GB) are not read: no workbook a city sends is that large.
 */
import { Readable } from 'node:stream';
import { crc32, createInflateRaw } from 'node:zlib';

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  readonly localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** Where the end-of-directory record is (-1: none). */
const endOfDirectory = (bytes: Buffer): number => {
  // The end-of-directory record is 22 bytes plus a comment of at most 65,535 bytes, at the end.
  const earliest = Math.max(0, bytes.length - 22 - 65535);
  for (let i = bytes.length - 22; i >= earliest; i -= 1) if (bytes.readUInt32LE(i) === END_OF_DIRECTORY) return i;
  return -1;
};

/**
 * The archive as a stream of its entries (local header, data, data descriptor), the entries named
 * in `first` first, then the others in the archive's order; the central directory last. Nothing
 * is copied: the stream gives slices of `bytes`. A reader that reads entries as they come (exceljs)
 * thus meets the workbook's parts before its sheets.
 */
export const entriesInOrder = (bytes: Buffer, entries: readonly ZipEntry[], first: readonly string[], added: readonly Buffer[] = []): Readable => {
  const end = endOfDirectory(bytes);
  const directory = end < 0 ? bytes.length : bytes.readUInt32LE(end + 16);
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  const slices = new Map(byOffset.map((e, i) => [e.name, bytes.subarray(e.localHeaderOffset, byOffset[i + 1]?.localHeaderOffset ?? directory)]));
  const rank = (name: string): number => {
    const i = first.indexOf(name);
    return i < 0 ? first.length : i;
  };
  const order = byOffset.map((e, i) => ({ name: e.name, i })).sort((a, b) => rank(a.name) - rank(b.name) || a.i - b.i);
  return Readable.from([...added, ...order.map((e) => slices.get(e.name) as Buffer), bytes.subarray(directory)], { objectMode: false });
};

/** A stored (uncompressed) entry's local header and data, for entriesInOrder's `added`. */
export const storedEntry = (name: string, data: Buffer): Buffer => {
  const fileName = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL_HEADER, 0);
  header.writeUInt16LE(20, 4); // version needed: 2.0
  header.writeUInt16LE(0x0800, 6); // UTF-8 name, sizes in the header (no data descriptor)
  header.writeUInt16LE(0, 8); // stored
  header.writeUInt32LE(crc32(data), 14);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(fileName.length, 26);
  return Buffer.concat([header, fileName, data]);
};

/** The entries of `bytes`, or undefined when it is not a zip archive (no end-of-directory record, or a damaged directory). */
export const zipEntries = (bytes: Buffer): readonly ZipEntry[] | undefined => {
  const end = endOfDirectory(bytes);
  if (end < 0) return undefined;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) return undefined;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    entries.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
};

/** The uncompressed bytes of `entry` as a stream (it errors when the data is damaged). */
export const entryStream = (bytes: Buffer, entry: ZipEntry): Readable => {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_HEADER) {
    return new Readable({ read() { this.destroy(new Error(`zip entry ${entry.name}: no local header`)); } });
  }
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = Readable.from([bytes.subarray(start, start + entry.compressedSize)]);
  if (entry.method === 0) return data;
  if (entry.method !== 8) return new Readable({ read() { this.destroy(new Error(`zip entry ${entry.name}: compression method ${entry.method}`)); } });
  return data.pipe(createInflateRaw());
};

/** The whole text of a small entry (e.g. xl/workbook.xml), UTF-8. */
export const entryText = async (bytes: Buffer, entry: ZipEntry): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of entryStream(bytes, entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};
