/**
 * What a worker thread reads: the parsed dataset and its forecasts, from the cache table the main
 * thread writes (keys carry the dataset's content hash, so what is found is never stale). Each
 * worker opens the database read-only and keeps the last dataset it parsed.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Dataset } from '../../solver/domain.ts';
import type { DossierForecast } from '../../solver/forecast/forecastHistory.ts';
import { DATABASE_FILE } from '../storage/openDatabase.ts';

/** Cache key of a dataset's parsed tables. */
export const datasetKey = (hash: string): string => `dataset:${hash}`;
/** Cache key of a dataset's forecasts. */
export const forecastKey = (hash: string, horizon: number): string => `forecast:${hash}:h${horizon}`;

/** Months forecast after the last month of history. */
export const FORECAST_HORIZON = 12;
/** First month after the July 2025 reform of commune-level units (a structural break). */
export const REFORM_MONTH = '2025-07';

export interface WorkerStore {
  readonly dataset: (hash: string) => Dataset;
  readonly forecasts: (hash: string) => readonly DossierForecast[] | undefined;
  /** Keeps forecasts this worker computed (the main thread stores them; reading them back would parse them again). */
  readonly rememberForecasts: (hash: string, forecasts: readonly DossierForecast[]) => void;
}

export const workerStore = (dataDir: string): WorkerStore => {
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
      const row = select.get(forecastKey(hash, FORECAST_HORIZON)) as { body: string } | undefined;
      if (row === undefined) return undefined;
      lastForecasts = { hash, forecasts: JSON.parse(row.body) as DossierForecast[] };
      return lastForecasts.forecasts;
    },
    rememberForecasts: (hash, forecasts) => {
      lastForecasts = { hash, forecasts };
    },
  };
};
