/**
 * A dataset directory loaded as loadDatasetDir does, with the validated dataset kept as a prepared
 * file (preparedFiles.ts) per dataset content hash and loader code: the next command on the same
 * files reads the checked dataset back (~0.2 s for the embedded 125,856 history rows) instead of
 * parsing and checking the CSVs again (~0.7 s). The files are still read and hashed every time, so
 * an edited table is a new key; a dataset with problems is never kept (its problems are found
 * afresh each time), and an unreadable or damaged prepared file is a miss, never an error.
 */
import v8 from 'node:v8';
import type { Dataset, InputProblem } from '../../solver/domain.ts';
import { loadDataset } from '../../solver/dataset/loadDataset.ts';
import { DEFAULT_DATASET_DIR, readDatasetDir, type DatasetLoad } from '../dataset-files.ts';
import { REPO_ROOT } from '../repoPaths.ts';
import { DEFAULT_FORECAST_DIR } from './forecastFiles.ts';
import { readPrepared, writePrepared, type PreparedKey } from './preparedFiles.ts';
import { sourceHash } from './sourceHash.ts';

/** Bumped when the body's shape changes. */
export const PREPARED_DATASET_FORMAT = 1;

let codeHash: string | undefined;
/** The loader's code (solver/dataset/loadDataset.ts and its imports) and V8's serialization version. */
export const datasetCodeHash = (): string => (codeHash ??= `${sourceHash(REPO_ROOT, ['solver/dataset/loadDataset.ts'])}|v8 ${process.versions.v8}`);

interface Kept {
  readonly value: Dataset;
  readonly warnings: readonly InputProblem[];
}

const isKept = (x: unknown): x is Kept =>
  typeof x === 'object' && x !== null && 'value' in x && 'warnings' in x && Array.isArray((x as Kept).warnings) &&
  typeof (x as Kept).value === 'object' && (x as Kept).value !== null && Array.isArray((x as Kept).value.history) && Array.isArray((x as Kept).value.staff) && Array.isArray((x as Kept).value.centers);

export interface PreparedDatasetOptions {
  /** Folder of the prepared files (default: the forecast files' folder). */
  readonly preparedDir?: string;
  /** Says where the dataset came from (a prepared file, or checked and kept). */
  readonly log?: (message: string) => void;
}

/** loadDatasetDir's answer for `dir`, from a prepared file when one matches. */
export const loadPreparedDatasetDir = async (dir: string = DEFAULT_DATASET_DIR, options: PreparedDatasetOptions = {}): Promise<DatasetLoad> => {
  const read = await readDatasetDir(dir);
  if (!read.ok) return read;
  const { hash, files } = read.value;
  const preparedDir = options.preparedDir ?? DEFAULT_FORECAST_DIR;
  const key: PreparedKey = { kind: 'dataset', key: hash, code: datasetCodeHash(), format: PREPARED_DATASET_FORMAT };
  const prepared = readPrepared(preparedDir, key);
  if (prepared.ok) {
    let kept: unknown = null;
    try {
      kept = v8.deserialize(prepared.body);
    } catch {
      kept = null;
    }
    if (isKept(kept)) {
      options.log?.(`dataset checked before (prepared file ${prepared.file})`);
      return { ok: true, value: kept.value, warnings: kept.warnings, hash };
    }
    options.log?.(`the prepared dataset ${prepared.file} cannot be read back: checked again`);
  } else if (prepared.reason !== 'missing') options.log?.(`the prepared dataset ${prepared.file} is ${prepared.reason}: checked again`);
  const loaded = loadDataset(files);
  if (loaded.ok) {
    const written = writePrepared(preparedDir, key, v8.serialize({ value: loaded.value, warnings: loaded.warnings }));
    if (!written.ok) options.log?.(`the checked dataset could not be kept (${written.reason}): the next run checks it again`);
  }
  return { ...loaded, hash };
};
