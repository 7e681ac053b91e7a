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
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { forecastCsv } from '../../solver/forecast/forecastCsv.ts';

const USAGE = 'usage: npm run forecast -- --input FILE.csv --horizon H [--out OUT.csv] [--period 12] [--calendar vietnam|none]';

const main = async (): Promise<number> => {
  let values;
  try {
    ({ values } = parseArgs({
      options: { input: { type: 'string' }, horizon: { type: 'string' }, out: { type: 'string' }, period: { type: 'string' }, calendar: { type: 'string' } },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
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
