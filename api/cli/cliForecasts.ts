/**
 * The forecasts the command line uses: the same definition and files as the server's (api/storage/forecastFiles.ts):
 * every center x field x channel series forecast FORECAST_HORIZON (12) months past the history, with
 * the July 2025 reform as the structural break. The horizon is fixed, never "up to the asked month":
 * model choice and interval calibration backtest over the horizon (solver/forecast/backtest.ts), so
 * a month's forecast with horizon 1 differs from the same month's with horizon 12 (2026-11, P80:
 * 33,593 uncovered hours against the server's 33,873 before this module existed).
 *
 * Cached under node_modules/.cache/commune-planner, one file per dataset content hash, horizon, break
 * month and forecasting code, shared with the server and checked before use (api/storage/forecastFiles.ts): a changed
 * dataset or definition never reads an old file, and a damaged file is computed again.
 */
import type { Dataset } from '../../solver/domain.ts';
import type { DossierForecast } from '../../solver/forecast/forecastHistory.ts';
import { monthNumber, monthText } from '../../solver/forecast/months.ts';
import { DEFAULT_FORECAST_DIR, FORECAST_HORIZON, forecastFiles, forecastKeyOf, REFORM_MONTH } from '../storage/forecastFiles.ts';

export { FORECAST_HORIZON, REFORM_MONTH };

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
  options: { readonly log?: (message: string) => void; readonly onProgress?: (done: number, total: number) => void; readonly cacheDir?: string } = {},
): Promise<readonly DossierForecast[]> => {
  const files = forecastFiles(options.cacheDir ?? DEFAULT_FORECAST_DIR);
  const key = hash === null ? null : forecastKeyOf(hash);
  if (key !== null) {
    const cached = files.read(key);
    if (cached.ok) {
      options.log?.(`forecasts from cache ${cached.file}`);
      return JSON.parse(cached.text) as readonly DossierForecast[];
    }
    if (cached.reason !== 'missing') options.log?.(`the forecast file ${cached.file} is ${cached.reason}: not used, computed again`);
  }
  const t = performance.now();
  const forecasts = await forecastDataset(dataset, options.onProgress);
  options.log?.(`forecasts (${FORECAST_HORIZON} months ahead) in ${((performance.now() - t) / 1000).toFixed(1)} s${key === null ? '' : '; caching'}`);
  if (key !== null) files.write(key, JSON.stringify(forecasts));
  return forecasts;
};
