/**
 * The forecasts the server and the commands use, kept as files, one per dataset content hash and
 * forecasting code (default folder node_modules/.cache/commune-planner): the one definition (horizon,
 * break month) and the one store, so a start with a new data directory, or a command after a start,
 * finds the forecasts the other computed, and the two cannot disagree.
 *
 * A file is one header line of JSON (format, dataset hash, horizon, break month, code hash, byte
 * length and SHA-256 of the body), then the body: the forecasts' JSON text. A file is trusted only when its
 * header names what was asked and its body has that length and checksum; anything else (cut short,
 * edited, another format, another dataset) is ignored, so the forecasts are computed again and the
 * file is replaced. Files are written to a temporary name and renamed into place, so a reader never
 * sees half of one.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../repoPaths.ts';
import { sourceHash } from './sourceHash.ts';

/** Months forecast after the last month of history. */
export const FORECAST_HORIZON = 12;
/** First month after the July 2025 reform of commune-level units (a structural break). */
export const REFORM_MONTH = '2025-07';

/** The module that computes the forecasts (solver/forecast/forecastHistory.ts); its imports are hashed with it. */
export const FORECAST_CODE_ENTRY = 'solver/forecast/forecastHistory.ts';

let codeHash: string | undefined;
/** Hash of the forecasting code (sourceHash.ts), computed once per process (~30 modules, a few ms). */
export const forecastCodeHash = (): string => (codeHash ??= sourceHash(REPO_ROOT, [FORECAST_CODE_ENTRY]));

/** Where the server and the commands keep forecast files unless told otherwise. */
export const DEFAULT_FORECAST_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'commune-planner');

/** Bumped when the body's shape changes: files of another format are ignored. */
export const FORECAST_FILE_FORMAT = 4;

/** What a forecast file holds forecasts of. */
export interface ForecastFileKey {
  readonly datasetHash: string;
  /** Months forecast after the history. */
  readonly horizon: number;
  /** The structural break's month, `YYYY-MM`. */
  readonly breakMonth: string;
  /** Hash of the code that computed them (forecastCodeHash): changed code never reads old forecasts. */
  readonly code: string;
}

/** The key of the forecasts of a dataset as the server and the commands define them. */
export const forecastKeyOf = (datasetHash: string, code: string = forecastCodeHash()): ForecastFileKey =>
  ({ datasetHash, horizon: FORECAST_HORIZON, breakMonth: REFORM_MONTH, code });

interface Header extends ForecastFileKey {
  readonly format: number;
  readonly bytes: number;
  readonly sha256: string;
}

/** Why a file was not used (for the log line); `missing` is the normal first time. */
export type ForecastFileRead = { readonly ok: true; readonly text: string; readonly file: string } | { readonly ok: false; readonly reason: string; readonly file: string };

export interface ForecastFiles {
  readonly read: (key: ForecastFileKey) => ForecastFileRead;
  readonly write: (key: ForecastFileKey, text: string) => string;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The file of `key` in `dir` (the name carries every part of the key). */
export const forecastFileName = (dir: string, key: ForecastFileKey): string =>
  join(dir, `forecasts-${sha256(`${key.datasetHash}|h${key.horizon}|${key.breakMonth}|${key.code}|v${FORECAST_FILE_FORMAT}`).slice(0, 24)}.json`);

const sameKey = (header: Partial<Header>, key: ForecastFileKey): boolean =>
  header.format === FORECAST_FILE_FORMAT && header.datasetHash === key.datasetHash && header.horizon === key.horizon && header.breakMonth === key.breakMonth && header.code === key.code;

export const forecastFiles = (dir: string): ForecastFiles => ({
  read: (key) => {
    const file = forecastFileName(dir, key);
    let content: string;
    try {
      content = readFileSync(file, 'utf8');
    } catch {
      return { ok: false, reason: 'missing', file };
    }
    const newline = content.indexOf('\n');
    let header: Partial<Header>;
    try {
      header = JSON.parse(newline < 0 ? content : content.slice(0, newline)) as Partial<Header>;
    } catch {
      return { ok: false, reason: 'damaged (its header is not JSON)', file };
    }
    if (header === null || typeof header !== 'object' || !sameKey(header, key)) return { ok: false, reason: 'of another dataset, code or format', file };
    const text = newline < 0 ? '' : content.slice(newline + 1);
    if (Buffer.byteLength(text) !== header.bytes || sha256(text) !== header.sha256) return { ok: false, reason: 'damaged (its checksum does not match)', file };
    return { ok: true, text, file };
  },
  write: (key, text) => {
    const file = forecastFileName(dir, key);
    const header: Header = { format: FORECAST_FILE_FORMAT, ...key, bytes: Buffer.byteLength(text), sha256: sha256(text) };
    const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(tmp, `${JSON.stringify(header)}\n${text}`);
      renameSync(tmp, file);
    } finally {
      rmSync(tmp, { force: true });
    }
    return file;
  },
});
