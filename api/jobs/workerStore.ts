/**
 * What a worker thread reads: the parsed dataset from the cache table the main thread writes, and
 * its forecasts from the forecast files the commands share (api/storage/forecastFiles.ts, checked
 * before use); keys carry the content hash, so what is found is never stale. Each worker opens the
 * database read-only and keeps the last dataset and forecasts it parsed.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Dataset } from '../../solver/domain.ts';
import type { DossierForecast } from '../../solver/forecast/forecastHistory.ts';
import { forecastFiles, forecastKeyOf } from '../storage/forecastFiles.ts';
import { DATABASE_FILE } from '../storage/openDatabase.ts';

/** Cache key of a dataset's parsed tables. */
export const datasetKey = (hash: string): string => `dataset:${hash}`;

export interface WorkerStore {
  readonly dataset: (hash: string) => Dataset;
  /** The stored forecasts of a dataset; undefined when none is stored or the file is damaged (then computed again). */
  readonly forecasts: (hash: string) => readonly DossierForecast[] | undefined;
  /** Keeps forecasts this worker computed (the main thread stores them; reading them back would parse them again). */
  readonly rememberForecasts: (hash: string, forecasts: readonly DossierForecast[]) => void;
}

export const workerStore = (dataDir: string, forecastDir: string): WorkerStore => {
  const files = forecastFiles(forecastDir);
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  const select = db.prepare('SELECT body FROM cache WHERE key = ?');
  let last: { hash: string; dataset: Dataset } | undefined;
  let lastForecasts: { hash: string; forecasts: readonly DossierForecast[] } | undefined;
  return {
    dataset: (hash) => {
      if (last?.hash === hash) return last.dataset;
      const row = select.get(datasetKey(hash)) as { body: string } | undefined;
      if (row === undefined) throw new Error(`the dataset ${hash.slice(0, 12)} is not in the cache`);
      last = { hash, dataset: JSON.parse(row.body) as Dataset };
      return last.dataset;
    },
    forecasts: (hash) => {
      if (lastForecasts?.hash === hash) return lastForecasts.forecasts;
      const stored = files.read(forecastKeyOf(hash));
      if (!stored.ok) return undefined;
      lastForecasts = { hash, forecasts: JSON.parse(stored.text) as DossierForecast[] };
      return lastForecasts.forecasts;
    },
    rememberForecasts: (hash, forecasts) => {
      lastForecasts = { hash, forecasts };
    },
  };
};
