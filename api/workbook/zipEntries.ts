/**
 * The entries of a zip archive (an .xlsx workbook is one), read from its central directory, and the
 * bytes of one entry as a stream. Enough to tell what a workbook holds before exceljs reads it (a
 * macro project, the sheets' merged cells), which exceljs's streaming reader does not say.
 * Zip64 archives (over 4 GB) are not read: no workbook a city sends is that large.
 */
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

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

/** The entries of `bytes`, or undefined when it is not a zip archive (no end-of-directory record, or a damaged directory). */
export const zipEntries = (bytes: Buffer): readonly ZipEntry[] | undefined => {
  // The end-of-directory record is 22 bytes plus a comment of at most 65,535 bytes, at the end.
  const earliest = Math.max(0, bytes.length - 22 - 65535);
  let end = -1;
  for (let i = bytes.length - 22; i >= earliest; i -= 1) {
    if (bytes.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
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
