/**
 * Results the commands prepare once and read back on the next run (issue 14, "quick to start"): a
 * validated dataset, a transfer potential. One file per kind and key, in the forecast files' folder
 * (node_modules/.cache/commune-planner), each a pure function of what its key names:
 *
 * - `key`: a hash of the inputs (a dataset's content hash, or of the plan input's parts a computation reads);
 * - `code`: the hash of the modules that compute it (sourceHash.ts), so changed code never reads an old file;
 * - the format version of the body.
 *
 * A file is one header line of JSON (kind, key, code, format, byte length and SHA-256 of the body),
 * then the body's bytes. It is trusted only when its header names what was asked and its body has
 * that length and checksum; anything else (cut short, edited, another key) is a miss with its
 * reason, so the caller computes the result again and replaces the file. Files are written to a
 * temporary name and renamed into place, so a reader never sees half of one; a folder that cannot
 * be written costs the next run the time, never the result.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a prepared file holds. */
export interface PreparedKey {
  /** What was prepared, e.g. `dataset`, `potential` (also the file name's start). */
  readonly kind: string;
  /** Hash of the inputs. */
  readonly key: string;
  /** Hash of the code that computed it. */
  readonly code: string;
  /** The body's format version. */
  readonly format: number;
}

interface Header extends PreparedKey {
  readonly bytes: number;
  readonly sha256: string;
}

export type PreparedRead = { readonly ok: true; readonly body: Buffer; readonly file: string } | { readonly ok: false; readonly reason: string; readonly file: string };

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** The file of `key` in `dir` (its name carries every part of the key). */
export const preparedFileName = (dir: string, key: PreparedKey): string =>
  join(dir, `${key.kind}-${sha256(`${key.kind}|${key.key}|${key.code}|v${key.format}`).slice(0, 24)}.bin`);

const sameKey = (header: Partial<Header>, key: PreparedKey): boolean =>
  header.kind === key.kind && header.key === key.key && header.code === key.code && header.format === key.format;

/** The prepared file of `key`, or why there is none to use (`missing` is the normal first time). */
export const readPrepared = (dir: string, key: PreparedKey): PreparedRead => {
  const file = preparedFileName(dir, key);
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch {
    return { ok: false, reason: 'missing', file };
  }
  const newline = content.indexOf(10);
  let header: Partial<Header>;
  try {
    header = JSON.parse(content.subarray(0, newline < 0 ? content.length : newline).toString('utf8')) as Partial<Header>;
  } catch {
    return { ok: false, reason: 'damaged (its header is not JSON)', file };
  }
  if (header === null || typeof header !== 'object' || !sameKey(header, key)) return { ok: false, reason: 'of another input, code or format', file };
  const body = newline < 0 ? Buffer.alloc(0) : content.subarray(newline + 1);
  if (body.length !== header.bytes || sha256(body) !== header.sha256) return { ok: false, reason: 'damaged (its checksum does not match)', file };
  return { ok: true, body, file };
};

/** Writes `body` as the prepared file of `key`; the file's path, or the reason it could not be written. */
export const writePrepared = (dir: string, key: PreparedKey, body: Uint8Array): { readonly ok: true; readonly file: string } | { readonly ok: false; readonly reason: string } => {
  const file = preparedFileName(dir, key);
  const header: Header = { ...key, bytes: body.length, sha256: sha256(body) };
  const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), body]));
    renameSync(tmp, file);
    return { ok: true, file };
  } catch (error) {
    return { ok: false, reason: (error as NodeJS.ErrnoException).code ?? String(error) };
  } finally {
    rmSync(tmp, { force: true });
  }
};
