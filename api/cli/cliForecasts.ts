/**
 * The forecasts the command line uses: the same definition as the server's (api/jobs/workerStore.ts):
 * every center x field x channel series forecast FORECAST_HORIZON (12) months past the history, with
 * the July 2025 reform as the structural break. The horizon is fixed, never "up to the asked month":
 * model choice and interval calibration backtest over the horizon (solver/forecast/backtest.ts), so
 * a month's forecast with horizon 1 differs from the same month's with horizon 12 (2026-11, P80:
 * 33,593 uncovered hours against the server's 33,873 before this module existed).
 *
 * Cached as JSON under node_modules/.cache/commune-planner, keyed by the dataset's content hash, the
 * horizon, the break month and a format version: a changed dataset or definition never reads an old file.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { REPO_ROOT } from '../repoPaths.ts';
import type { Dataset } from '../../solver/domain.ts';
import type { DossierForecast } from '../../solver/forecast/forecastHistory.ts';
import { monthNumber, monthText } from '../../solver/forecast/months.ts';
import { FORECAST_HORIZON, REFORM_MONTH } from '../jobs/workerStore.ts';

export { FORECAST_HORIZON, REFORM_MONTH };

const CACHE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'commune-planner');

/** The last month of the dataset's history, `YYYY-MM` ('' when it has none). */
export const lastHistoryMonth = (dataset: Dataset): string =>
  dataset.history.reduce((m, r) => (r.month > m ? r.month : m), '');

/**
 * Whether `period` needs forecasts and whether they reach it: months up to the history's last use
 * the history; the FORECAST_HORIZON months after it are forecast; later months are refused (the
 * server has no forecast for them either).
 */
export const forecastNeed = (dataset: Dataset, period: string): { ok: true; forecast: boolean } | { ok: false; message: string } => {
  const last = lastHistoryMonth(dataset);
  const ahead = monthNumber(period) - monthNumber(last);
  if (ahead <= 0) return { ok: true, forecast: false };
  if (ahead > FORECAST_HORIZON) {
    return { ok: false, message: `period ${period} is past the forecast: it reaches ${monthText(monthNumber(last) + FORECAST_HORIZON)} (${FORECAST_HORIZON} months after the history's last month ${last})` };
  }
  return { ok: true, forecast: true };
};

/** The cache file of a dataset's forecasts. */
export const forecastCacheFile = (hash: string): string => {
  const key = createHash('sha256').update(`${hash}|h${FORECAST_HORIZON}|${REFORM_MONTH}|v2`).digest('hex').slice(0, 24);
  return join(CACHE_DIR, `forecasts-${key}.json`);
};

/** Forecasts FORECAST_HORIZON months ahead, exactly as the server's worker computes them. */
export const forecastDataset = async (dataset: Dataset, onProgress?: (done: number, total: number) => void): Promise<readonly DossierForecast[]> => {
  const { forecastHistory } = await import('../../solver/forecast/forecastHistory.ts');
  return forecastHistory(dataset.history, {
    horizon: FORECAST_HORIZON,
    breakMonth: REFORM_MONTH,
    ...(onProgress === undefined ? {} : { onProgress }),
  });
};

/**
 * The dataset's forecasts from the cache, or computed and cached. `hash` null (a dataset without a
 * content hash) computes them without caching. `log` reports where they came from.
 */
export const cachedForecasts = async (
  dataset: Dataset,
  hash: string | null,
  options: { readonly log?: (message: string) => void; readonly onProgress?: (done: number, total: number) => void } = {},
): Promise<readonly DossierForecast[]> => {
  const file = hash === null ? null : forecastCacheFile(hash);
  if (file !== null) {
    try {
      const cached = JSON.parse(await readFile(file, 'utf8')) as readonly DossierForecast[];
      options.log?.(`forecasts from cache ${file}`);
      return cached;
    } catch {
      // no cache yet: compute below
    }
  }
  const t = performance.now();
  const forecasts = await forecastDataset(dataset, options.onProgress);
  options.log?.(`forecasts (${FORECAST_HORIZON} months ahead) in ${((performance.now() - t) / 1000).toFixed(1)} s${file === null ? '' : '; caching'}`);
  if (file !== null) {
    await mkdir(CACHE_DIR, { recursive: true });
    await writeFile(file, JSON.stringify(forecasts));
  }
  return forecasts;
};
