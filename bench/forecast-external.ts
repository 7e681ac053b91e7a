/**
 * External accuracy benchmark (issue 3, "Speed and accuracy"): our forecastSeries against R's
 * forecast package (ets, auto.arima, thetaf) and seasonal naive on real public monthly series that
 * nobody on the team chose, the last 12 months held out.
 *
 * Reads bench/external/monthly-series.csv (made by bench/external/standard-forecasts.R; see
 * bench/README.md); needs no R. Prints mean and median MASE (M4 definition, seasonal naive m = 12
 * scaling), mean sMAPE, the number of series, our win rate against each method (share of series
 * where our MASE is lower; ties count half), the coverage of our 80% and 95% intervals, and the
 * same by kind of series (short/long, seasonal, trended: bench/external/seriesFeatures.ts).
 *
 * Usage: npm run bench:forecast-external -- [--ours snaive] [--methods a,b] [--out per-series.csv] [--only ID,ID]
 *   --ours snaive  replaces forecastSeries by seasonal naive (checks the harness alone)
 *   --methods a,b  forecastSeries' candidate methods (names in solver/forecast/methods.ts); default all
 *   --only ID,ID   only these series (ids as in the CSV)
 *   --out FILE     writes one row per series and method (series_id,kinds,method,mase,smape)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatProblem, writeCsv } from '../solver/csv.ts';
import { forecastSeries } from '../solver/forecast/forecastSeries.ts';
import { coverageCount, mase, seasonalNaive, seasonalNaiveScale, smape } from './external/accuracy.ts';
import { readExternalSeries, STANDARD_METHODS, type ExternalSeries } from './external/readExternalSeries.ts';
import { seriesFeatures, seriesKinds, type SeriesKind } from './external/seriesFeatures.ts';
import { mean as ssMean, median as ssMedian } from 'simple-statistics';

const HORIZON = 12;
const PERIOD = 12;
const OURS = 'ours';
const METHODS = [OURS, 'snaive', ...STANDARD_METHODS] as const;
type Method = (typeof METHODS)[number];

interface SeriesResult {
  readonly id: string;
  readonly kinds: readonly SeriesKind[];
  readonly chosen: string;
  readonly seconds: number;
  readonly mase: Readonly<Record<Method, number>>;
  readonly smape: Readonly<Record<Method, number>>;
  readonly inside80: number;
  readonly inside95: number;
}

const evaluate = (s: ExternalSeries, oursIsSnaive: boolean, methods: readonly string[] | undefined): SeriesResult => {
  const started = performance.now();
  const ours = oursIsSnaive
    ? (() => {
        const mean = seasonalNaive(s.train, HORIZON, PERIOD);
        return { method: 'snaive', mean, lo80: mean, hi80: mean, lo95: mean, hi95: mean };
      })()
    : forecastSeries(s.train, { horizon: HORIZON, period: PERIOD, firstMonth: s.firstMonth, ...(methods === undefined ? {} : { methods }) });
  const seconds = (performance.now() - started) / 1000;
  const forecasts: Record<Method, readonly number[]> = {
    ours: ours.mean,
    snaive: seasonalNaive(s.train, HORIZON, PERIOD),
    ...s.standard,
  };
  const scale = seasonalNaiveScale(s.train, PERIOD);
  const pick = (measure: (f: readonly number[]) => number): Record<Method, number> =>
    Object.fromEntries(METHODS.map((m) => [m, measure(forecasts[m])])) as Record<Method, number>;
  return {
    id: s.id,
    kinds: seriesKinds(seriesFeatures(s.train, PERIOD)),
    chosen: ours.method,
    seconds,
    mase: pick((f) => mase(f, s.test, scale)),
    smape: pick((f) => smape(f, s.test)),
    inside80: coverageCount(s.test, ours.lo80, ours.hi80),
    inside95: coverageCount(s.test, ours.lo95, ours.hi95),
  };
};

const mean = (v: readonly number[]): number => ssMean([...v]);
const median = (v: readonly number[]): number => ssMedian([...v]);
const winRate = (results: readonly SeriesResult[], other: Method): number =>
  mean(results.map((r) => (r.mase.ours < r.mase[other] ? 1 : r.mase.ours === r.mase[other] ? 0.5 : 0)));

const pad = (text: string, width: number): string => text.padStart(width);

/** The accuracy table of `results`, one line per method. */
const table = (results: readonly SeriesResult[]): string[] => {
  const lines = [`${'method'.padEnd(8)}${pad('mean MASE', 11)}${pad('median MASE', 13)}${pad('mean sMAPE', 12)}${pad('series', 8)}${pad('ours wins', 11)}`];
  for (const m of METHODS) {
    const mases = results.map((r) => r.mase[m]);
    const wins = m === OURS ? '-' : `${(100 * winRate(results, m)).toFixed(0)}%`;
    lines.push(
      `${m.padEnd(8)}${pad(mean(mases).toFixed(3), 11)}${pad(median(mases).toFixed(3), 13)}${pad(mean(results.map((r) => r.smape[m])).toFixed(2), 12)}${pad(String(results.length), 8)}${pad(wins, 11)}`,
    );
  }
  return lines;
};

const main = (): void => {
  const { values } = parseArgs({ options: { ours: { type: 'string' }, methods: { type: 'string' }, out: { type: 'string' }, only: { type: 'string' } } });
  const file = join(dirname(fileURLToPath(import.meta.url)), 'external', 'monthly-series.csv');
  const read = readExternalSeries('monthly-series.csv', readFileSync(file, 'utf8'), HORIZON);
  if (!read.ok) {
    for (const p of read.problems) console.error(formatProblem(p));
    process.exit(1);
  }
  const only = values.only?.split(',');
  const series = only === undefined ? read.series : read.series.filter((s) => only.includes(s.id));
  const oursIsSnaive = values.ours === 'snaive';
  const results: SeriesResult[] = [];
  for (const [i, s] of series.entries()) {
    process.stderr.write(`\r${i + 1}/${series.length} ${s.id}`.padEnd(60));
    results.push(evaluate(s, oursIsSnaive, values.methods?.split(',')));
  }
  process.stderr.write('\n');
  const points = results.length * HORIZON;
  const totalSeconds = results.reduce((a, r) => a + r.seconds, 0);
  const slowest = results.reduce((a, r) => (r.seconds > a.seconds ? r : a));
  console.log(`External monthly series: ${results.length} (R data sets; bench/README.md), horizon ${HORIZON}, ours = ${oursIsSnaive ? 'seasonal naive (--ours snaive)' : `forecastSeries${values.methods === undefined ? '' : ` --methods ${values.methods}`}`}`);
  console.log(table(results).join('\n'));
  console.log(
    `ours: 80% interval covers ${((100 * results.reduce((a, r) => a + r.inside80, 0)) / points).toFixed(1)}%, ` +
      `95% interval covers ${((100 * results.reduce((a, r) => a + r.inside95, 0)) / points).toFixed(1)}% of ${points} held-out months`,
  );
  console.log(`ours: ${totalSeconds.toFixed(1)} s in all, slowest ${slowest.id} ${slowest.seconds.toFixed(2)} s`);
  const chosen = new Map<string, number>();
  for (const r of results) chosen.set(r.chosen, (chosen.get(r.chosen) ?? 0) + 1);
  console.log(`ours chose: ${[...chosen].sort((a, b) => b[1] - a[1]).map(([m, c]) => `${m} ${c}`).join(', ')}`);
  const kinds: SeriesKind[] = ['short', 'long', 'seasonal', 'non-seasonal', 'trended', 'untrended'];
  console.log('\nmean MASE by kind of series');
  console.log(`${'kind'.padEnd(14)}${pad('series', 7)}${METHODS.map((m) => pad(m, 8)).join('')}`);
  for (const kind of kinds) {
    const group = results.filter((r) => r.kinds.includes(kind));
    if (group.length === 0) continue;
    console.log(`${kind.padEnd(14)}${pad(String(group.length), 7)}${METHODS.map((m) => pad(mean(group.map((r) => r.mase[m])).toFixed(3), 8)).join('')}`);
  }
  if (values.out !== undefined) {
    const rows = results.flatMap((r) => METHODS.map((m) => [r.id, r.kinds.join(';'), m === OURS ? `ours:${r.chosen}` : m, r.mase[m].toFixed(4), r.smape[m].toFixed(3)]));
    writeFileSync(values.out, writeCsv(['series_id', 'kinds', 'method', 'mase', 'smape'], rows));
    console.log(`per-series results written to ${values.out}`);
  }
};

main();
