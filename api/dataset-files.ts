/**
 * The file-system side of the dataset loaders: reads the four CSV tables of a dataset directory,
 * computes the dataset's content hash, and validates them with solver/dataset/loadDataset.
 *
 * Other entry points (forecast, overview, plan, the server) load data with:
 *   const loaded = await loadDatasetDir();            // the embedded Hai Phong dataset
 *   if (!loaded.ok) { loaded.problems.map(formatProblem) ... } else { loaded.value, loaded.hash }
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Dataset, InputProblem, LoadResult } from '../solver/domain.ts';
import { loadDataset } from '../solver/dataset/loadDataset.ts';
import type { DatasetFiles, NamedText } from '../solver/dataset/types.ts';
import { REPO_ROOT } from './repoPaths.ts';

/** Absolute path of the embedded default dataset, `<repo>/data/haiphong`. */
export const DEFAULT_DATASET_DIR = join(REPO_ROOT, 'data', 'haiphong');

/** File name of each table inside a dataset directory. */
export const DATASET_FILE_NAMES = {
  centers: 'centers.csv',
  fields: 'fields.csv',
  history: 'history.csv',
  staff: 'staff.csv',
} as const satisfies Record<keyof DatasetFiles, string>;

const TABLES = ['centers', 'fields', 'history', 'staff'] as const;

/**
 * Reads one file as UTF-8 text, reported under its base name. A missing or unreadable file, or one
 * that is not valid UTF-8 (e.g. saved as Windows-1258), is a problem, not a crash.
 */
export const readNamedText = async (path: string): Promise<LoadResult<NamedText & { readonly bytes: Buffer }>> => {
  const name = basename(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'the file does not exist' : `the file cannot be read (${code ?? String(error)})`;
    return { ok: false, problems: [{ file: name, message }] };
  }
  try {
    // ignoreBOM keeps a BOM in the text (readCsv drops it), so the text re-encoded gives back the
    // same bytes and the same datasetHash as the file.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, value: { name, text, bytes }, warnings: [] };
  } catch {
    return { ok: false, problems: [{ file: name, message: 'the file is not UTF-8 text (save it as "CSV UTF-8")' }] };
  }
};

/**
 * Content hash of a dataset: SHA-256, hex, over each table's file name, byte length and bytes, in
 * the order centers, fields, history, staff. Equal files give equal hashes wherever they lie, so a
 * stored plan can name exactly the data it was computed from.
 */
export const datasetHash = (files: readonly { readonly name: string; readonly bytes: Uint8Array }[]): string => {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file.name}\n${file.bytes.length}\n`);
    hash.update(file.bytes);
  }
  return hash.digest('hex');
};

/** datasetHash of files given as text (UTF-8), without making their bytes. */
export const textDatasetHash = (files: readonly { readonly name: string; readonly text: string }[]): string => {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file.name}\n${Buffer.byteLength(file.text, 'utf8')}\n`);
    hash.update(file.text, 'utf8');
  }
  return hash.digest('hex');
};

/** Reads the four tables of `dir`; every missing or unreadable file is listed. */
export const readDatasetDir = async (dir: string): Promise<LoadResult<{ readonly files: DatasetFiles; readonly hash: string }>> => {
  const read = await Promise.all(TABLES.map((table) => readNamedText(join(dir, DATASET_FILE_NAMES[table]))));
  const problems: InputProblem[] = read.flatMap((r) => (r.ok ? [] : r.problems));
  if (problems.length > 0) return { ok: false, problems };
  const texts = read.map((r) => (r.ok ? r.value : undefined)).filter((v) => v !== undefined);
  const [centers, fields, history, staff] = texts.map(({ name, text }) => ({ name, text })) as [NamedText, NamedText, NamedText, NamedText];
  return { ok: true, value: { files: { centers, fields, history, staff }, hash: datasetHash(texts) }, warnings: [] };
};

/**
 * A validated dataset with its content hash (when all four files could be read, even if invalid),
 * or every problem found.
 */
export type DatasetLoad = LoadResult<Dataset> & { readonly hash?: string };

/** Reads and validates the dataset in `dir` (default: the embedded Hai Phong dataset). */
export const loadDatasetDir = async (dir: string = DEFAULT_DATASET_DIR): Promise<DatasetLoad> => {
  const read = await readDatasetDir(dir);
  if (!read.ok) return read;
  return { ...loadDataset(read.value.files), hash: read.value.hash };
};
