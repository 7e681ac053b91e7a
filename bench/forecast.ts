/**
 * Forecast benchmark on the embedded Hai Phong dataset (`npm run bench:forecast`).
 *
 * Holds out the last 12 months of every center x field x channel series, forecasts them from the
 * rest (break at the July 2025 reform, pooled seasonality, calendar), and prints:
 * - mean MASE (seasonal scale from the training part) and mean sMAPE on the held-out year, for each
 *   method alone, for the automatic choice, and for plain seasonal naive ignoring the break;
 * - wall time, CPU time and peak resident memory (RSS sampled every 50 series) of forecasting
 *   every series with model choice, single-threaded;
 * - how often the held-out values fell inside the 80% and 95% intervals.
 * Options: `--dir DIR` (dataset directory, default data/haiphong), `--origins K` (backtest origins).
 */
import { loadDatasetDir } from '../api/dataset-files.ts';
import { formatProblem } from '../solver/csv.ts';
import { maseScale, mase, smape } from '../solver/forecast/accuracy.ts';
import { forecastHistory, historySeries, VIETNAM } from '../solver/forecast/forecastHistory.ts';
import { forecastSeries } from '../solver/forecast/forecastSeries.ts';
import type { DossierForecast } from '../solver/forecast/forecastHistory.ts';
import { METHOD_NAMES } from '../solver/forecast/methods.ts';
import { monthNumber, monthText } from '../solver/forecast/months.ts';

const HOLDOUT = 12;
const BREAK = '2025-07';

const argument = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

const main = async (): Promise<void> => {
  const dir = argument('--dir');
  const origins = argument('--origins');
  const loaded = await loadDatasetDir(...(dir === undefined ? [] : [dir]));
  if (!loaded.ok) {
    for (const p of loaded.problems) console.error(formatProblem(p));
    process.exitCode = 1;
    return;
  }
  const history = loaded.value.history;
  const last = history.reduce((a, r) => Math.max(a, monthNumber(r.month)), Number.NEGATIVE_INFINITY);
  const cut = last - HOLDOUT;
  const train = history.filter((r) => monthNumber(r.month) <= cut);
  const actual = new Map<string, number[]>();
  const key = (r: { centerCode: string; field: string; channel: string }): string => `${r.centerCode}|${r.field}|${r.channel}`;
  for (const r of history) {
    const k = monthNumber(r.month) - cut - 1;
    if (k < 0) continue;
    const list = actual.get(key(r)) ?? new Array<number>(HOLDOUT).fill(Number.NaN);
    list[k] = r.received;
    actual.set(key(r), list);
  }
  const trainSeries = new Map<string, number[]>();
  for (const r of [...train].sort((a, b) => a.month.localeCompare(b.month))) {
    const list = trainSeries.get(key(r)) ?? [];
    list.push(r.received);
    trainSeries.set(key(r), list);
  }
  const backtestOrigins = origins === undefined ? {} : { backtestOrigins: Number(origins) };
  console.log(`dataset: ${history.length} rows, ${trainSeries.size} series; training to ${monthText(cut)}, held out ${monthText(cut + 1)}..${monthText(last)}; break ${BREAK}`);

  // 1. Every series with model choice: wall time and peak RSS (sampled every 50 series).
  let peak = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const auto = forecastHistory(train, {
    horizon: HOLDOUT,
    breakMonth: BREAK,
    ...backtestOrigins,
    onProgress: (done) => {
      if (done % 50 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    },
  });
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  peak = Math.max(peak, process.memoryUsage().rss);
  const timing = `forecast of all ${auto.length} series with model choice: ${seconds.toFixed(2)} s wall (target <= 10 s), ${((1000 * seconds) / auto.length).toFixed(2)} ms/series, ${cpuSeconds.toFixed(2)} s CPU (the machine is shared: CPU time is the steadier figure); peak RSS ${(peak / 2 ** 20).toFixed(0)} MB (target < 1024 MB)`;
  console.log(timing);

  // 2. Hold-out accuracy.
  const score = (forecasts: readonly DossierForecast[]): { mase: number; smape: number } => {
    let m = 0;
    let s = 0;
    for (const f of forecasts) {
      const y = actual.get(key(f)) as number[];
      m += mase(f.mean, y, maseScale(trainSeries.get(key(f)) as number[], 12));
      s += smape(f.mean, y);
    }
    return { mase: m / forecasts.length, smape: s / forecasts.length };
  };
  const rows: [string, { mase: number; smape: number }, number][] = [];
  const naive = score(forecastHistory(train, { horizon: HOLDOUT, methods: ['snaive'] }));
  rows.push(['seasonal naive (no break handling)', naive, auto.length]);
  const { series } = historySeries(train, BREAK);
  for (const method of METHOD_NAMES) {
    const forecasts: DossierForecast[] = [];
    for (const s of series) {
      try {
        const f = forecastSeries(s.values, {
          horizon: HOLDOUT,
          firstMonth: s.firstMonth,
          calendar: VIETNAM,
          methods: [method],
          ...(s.breakIndex === undefined ? {} : { breakIndex: s.breakIndex }),
          ...(s.pooledSeasonality === undefined ? {} : { pooledSeasonality: s.pooledSeasonality }),
        });
        forecasts.push({ ...s, months: [], ...f });
      } catch {
        // The method does not apply to this series (e.g. ets_mul on a series with zeros).
      }
    }
    rows.push([method, score(forecasts), forecasts.length]);
  }
  const chosen = score(auto);
  rows.push(['AUTOMATIC CHOICE', chosen, auto.length]);
  console.log('');
  console.log(`${'method'.padEnd(36)} ${'series'.padStart(6)} ${'mean MASE'.padStart(10)} ${'mean sMAPE %'.padStart(13)}`);
  for (const [name, r, count] of rows) console.log(`${name.padEnd(36)} ${String(count).padStart(6)} ${r.mase.toFixed(3).padStart(10)} ${r.smape.toFixed(2).padStart(13)}`);
  const gain = 1 - chosen.mase / naive.mase;
  console.log('');
  console.log(`automatic choice vs seasonal naive: ${(100 * gain).toFixed(1)}% lower mean MASE (target >= 20%): ${gain >= 0.2 ? 'MET' : 'NOT MET'}`);
  // The automatic choice averages the best three methods of each series' backtest: count how often
  // each method is among them.
  const counts = new Map<string, number>();
  for (const f of auto) for (const m of f.method.replace(/^mean\((.*)\)$/, '$1').split('+')) counts.set(m, (counts.get(m) ?? 0) + 1);
  console.log(`series whose forecast includes each method: ${[...counts].sort((a, b) => b[1] - a[1]).map(([m, c]) => `${m} ${c}`).join(', ')}`);
  let covered80 = 0;
  let covered95 = 0;
  let points = 0;
  for (const f of auto) {
    const y = actual.get(key(f)) as number[];
    y.forEach((v, k) => {
      points += 1;
      if (v >= f.lo80[k] && v <= f.hi80[k]) covered80 += 1;
      if (v >= f.lo95[k] && v <= f.hi95[k]) covered95 += 1;
    });
  }
  console.log(`hold-out interval coverage: 80% -> ${((100 * covered80) / points).toFixed(1)}%, 95% -> ${((100 * covered95) / points).toFixed(1)}%`);
  console.log('');
  console.log(timing);
};

await main();
