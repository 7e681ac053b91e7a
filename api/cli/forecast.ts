/**
 * `npm run forecast -- --input FILE.csv --horizon H [--out OUT.csv] [--period 12] [--calendar vietnam|none]`
 *
 * Forecasts every monthly series of a CSV file (`series_id,month,value`) with automatic model
 * choice and writes `series_id,month,mean,lo80,hi80,lo95,hi95,method` (to stdout without --out).
 * Working days and Tet of Vietnam's calendar (2023-2027) are regressors unless `--calendar none`.
 * Gaps and per-series errors go to stderr; a bad series never stops the others.
 * Exit code: 0 if at least one series was forecast, 1 if none was, 2 if the input is unusable.
 * The logic lives in solver/forecast/forecastCsv.ts.
 */
import { readFile, writeFile } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import { forecastCsv } from '../../solver/forecast/forecastCsv.ts';

import { endParse, parseCommandLine } from './commandLine.ts';

const USAGE = 'usage: npm run forecast -- --input FILE.csv --horizon H [--out OUT.csv] [--period 12] [--calendar vietnam|none]';

const HELP = `Forecasts every monthly series of a CSV file with the planner's automatic model choice (rolling-
origin backtest on MASE, the mean of the 3 best methods) and 80% and 95% intervals.

Input (--input): a CSV file, UTF-8, "," or ";" between cells, a header row and one row per series
and month:
  series_id   any text naming the series (rows of a series may come in any order)
  month       YYYY-MM; a month missing inside a series is a gap, filled and reported
  value       a number ("." for decimals; "," also in a ";"-separated file); empty = a gap
A series needs at least 3 values. A bad row is reported with its line and the series it belongs to
is skipped; the other series are still forecast.

Output (--out, default standard output): series_id, month, mean, lo80, hi80, lo95, hi95, method,
one row per series and forecast month.

  --horizon H            months to forecast after each series' last month (1 or more)
  --period P             seasonal period in months (default 12)
  --calendar vietnam     working days and Tet of Vietnam's calendar (2023-2027) as regressors (default);
             none        no calendar

Exit codes: 0 at least one series forecast, 1 none, 2 unusable input or options.`;

const main = async (): Promise<number> => {
  const parsed = parseCommandLine(process.argv.slice(2), { input: { type: 'string' }, horizon: { type: 'string' }, out: { type: 'string' }, period: { type: 'string' }, calendar: { type: 'string' } }, { usage: USAGE, help: HELP });
  if (!parsed.ok) return endParse(parsed);
  const { values } = parsed;
  if (values.input === undefined || values.horizon === undefined) {
    console.error(USAGE);
    return 2;
  }
  if (values.calendar !== undefined && values.calendar !== 'vietnam' && values.calendar !== 'none') {
    console.error(`--calendar: "vietnam" (default) or "none", got "${values.calendar}"`);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(values.input, 'utf8');
  } catch (error) {
    console.error(`${values.input}: cannot read: ${(error as Error).message}`);
    return 2;
  }
  const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ stream: process.stderr, format: 'forecast [{bar}] {value}/{total} series' }, cliProgress.Presets.shades_classic) : undefined;
  let started = false;
  const result = forecastCsv(values.input, text, {
    horizon: Number(values.horizon),
    ...(values.period === undefined ? {} : { period: Number(values.period) }),
    ...(values.calendar === 'none' ? { calendar: null } : {}),
    onProgress: (done, total) => {
      if (bar === undefined || total < 50) return;
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
  });
  if (started) bar?.stop();
  if (!result.ok) {
    for (const p of result.problems) console.error(p);
    return 2;
  }
  for (const note of result.notes) console.error(`gap: ${note}`);
  for (const error of result.errors) console.error(`error: ${error}`);
  if (values.out === undefined) process.stdout.write(result.csv);
  else await writeFile(values.out, result.csv, 'utf8');
  console.error(`${result.succeeded} series forecast, ${result.failed} failed${values.out === undefined ? '' : `; written to ${values.out}`}`);
  return result.succeeded > 0 ? 0 : 1;
};

process.exitCode = await main();
