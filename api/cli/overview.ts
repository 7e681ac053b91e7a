/**
 * The city table: which centers are overloaded or idle in a period, and which fields are short of
 * expertise, with today's staff.
 *
 *   npm run overview -- [--period YYYY-MM] [--quantile 0.5|0.8|0.95] [--scope center|series] [--norms official|calibrated] [--top N] [--json] [--data DIR]
 *
 * Default period: the month after the last history month (a forecast). A month inside the history
 * uses its received dossiers instead; forecasts reach FORECAST_HORIZON months past the history and
 * are the server's (api/cli/cliForecasts.ts), so the CLI and the web show the same figures. Exit codes: 0 done, 1 invalid dataset, 2 bad flags.
 * The work is in runOverview (testable: dependencies passed in); this file's main only wires I/O.
 */
import { pathToFileURL } from 'node:url';
import { formatProblem } from '../../solver/csv.ts';
import type { Dataset } from '../../solver/domain.ts';
import { CALENDAR_YEARS } from '../../solver/calendar.ts';
import { computeWorkload, QUANTILES } from '../../solver/workload/computeWorkload.ts';
import { cityOverview, type CenterLine, type CityOverview } from '../../solver/workload/cityOverview.ts';
import type { DossierForecast } from '../../solver/forecast/forecastHistory.ts';
import type { DatasetLoad } from '../dataset-files.ts';
import { calibrateWithHighs } from './cliCalibration.ts';
import { parseOptions } from './commandLine.ts';
import { cachedForecasts, FORECAST_HORIZON } from './cliForecasts.ts';
import { isMonth } from '../../solver/forecast/months.ts';
import type { NormCalibration, NormsChoice } from '../../solver/workload/calibrationTypes.ts';
import { normsSentence } from '../../solver/workload/normsSentence.ts';

export interface OverviewArgs {
  readonly period: string | null;
  readonly quantile: number;
  /** What the quantile applies to (see solver/workload/periodDemand.ts). Default center. */
  readonly scope: 'center' | 'series';
  /** Which norms the hours are computed with (solver/workload/calibrateNorms.ts). Default official. */
  readonly norms: NormsChoice;
  readonly top: number;
  readonly json: boolean;
  readonly dataDir: string | null;
}

export const USAGE =
  'usage: npm run overview -- [--period YYYY-MM] [--quantile 0.5|0.8|0.95] [--scope center|series] [--norms official|calibrated] [--top N] [--json] [--data DIR]';

const HELP = `The city table of one month with today's staff: the most overloaded and the idlest centers,
and the fields short of expertise, from the same forecasts and workload as the server.

  --period YYYY-MM       the month (default: the first month after the history); a month of the
                         history uses its counts, a later one the forecasts (12 months at most)
  --quantile Q           the forecast quantile to staff to: 0.5, 0.8 (default) or 0.95
  --scope center|series  P80 of each center's total (default) or of each series summed
  --top N                rows per table (default 10)
  --json                 the whole workload as JSON instead of tables
  --data DIR             a city's own four tables (default: the embedded Hai Phong data)

Exit codes: 0 done, 1 invalid dataset, 2 bad options or a month past the forecasts.`;

/** Parses the command line; a bad flag is a message, not an exception. */
export const parseOverviewArgs = (argv: readonly string[]): { ok: true; args: OverviewArgs } | { ok: false; message: string; help?: true } => {
  const read = parseOptions(
    argv,
    {
      period: { type: 'string' },
      quantile: { type: 'string' },
      scope: { type: 'string' },
      norms: { type: 'string' },
      top: { type: 'string' },
      json: { type: 'boolean' },
      data: { type: 'string' },
    },
    { usage: USAGE, help: HELP },
  );
  if (!read.ok) return read;
  const { values } = read;
  const period = values.period ?? null;
  if (period !== null && !isMonth(period)) {
    return { ok: false, message: `--period must be a month YYYY-MM, got "${period}"\n${USAGE}` };
  }
  const quantile = values.quantile === undefined ? 0.8 : Number(values.quantile);
  if (!QUANTILES.includes(quantile)) {
    return { ok: false, message: `--quantile must be 0.5, 0.8 or 0.95, got "${values.quantile ?? ''}"\n${USAGE}` };
  }
  const scope = values.scope ?? 'center';
  if (scope !== 'center' && scope !== 'series') {
    return { ok: false, message: `--scope must be center or series, got "${scope}"\n${USAGE}` };
  }
  const norms = values.norms ?? 'official';
  if (norms !== 'official' && norms !== 'calibrated') {
    return { ok: false, message: `--norms must be official or calibrated, got "${norms}"\n${USAGE}` };
  }
  const top = values.top === undefined ? 10 : Number(values.top);
  if (!Number.isInteger(top) || top < 1) {
    return { ok: false, message: `--top must be a whole number >= 1, got "${values.top ?? ''}"\n${USAGE}` };
  }
  return { ok: true, args: { period, quantile, scope, norms, top, json: values.json === true, dataDir: values.data ?? null } };
};

/** What runOverview needs from outside: the dataset loader and the forecaster. */
export interface OverviewDeps {
  readonly loadDataset: (dir: string | null) => Promise<DatasetLoad>;
  /** Forecasts of every center x field x channel series, `horizon` (always FORECAST_HORIZON) months past the history. */
  readonly forecast: (dataset: Dataset, horizon: number) => readonly DossierForecast[] | Promise<readonly DossierForecast[]>;
  /** The calibration of the dataset's norms (asked only with --norms calibrated). Default: calibrateNorms with HiGHS. */
  readonly calibrate?: (dataset: Dataset) => Promise<NormCalibration>;
}


export interface OverviewRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The overview, when one was computed. */
  readonly overview?: CityOverview;
}

const monthIndex = (m: string): number => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthOf = (i: number): string => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

/** Runs the overview for `argv`; never throws for bad flags or bad data (they are exit codes). */
export const runOverview = async (argv: readonly string[], deps: OverviewDeps): Promise<OverviewRun> => {
  const parsed = parseOverviewArgs(argv);
  if (!parsed.ok) return parsed.help === true ? { exitCode: 0, stdout: `${parsed.message}\n`, stderr: '' } : { exitCode: 2, stdout: '', stderr: `${parsed.message}\n` };
  const { args } = parsed;
  const loaded = await deps.loadDataset(args.dataDir);
  if (!loaded.ok) {
    const lines = loaded.problems.map(formatProblem);
    lines.push(`${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'} in the dataset; nothing was computed.`);
    return { exitCode: 1, stdout: '', stderr: `${lines.join('\n')}\n` };
  }
  const dataset = loaded.value;
  if (dataset.history.length === 0) return { exitCode: 1, stdout: '', stderr: 'the dataset has no history rows: nothing to forecast\n' };
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const row of dataset.history) {
    const m = monthIndex(row.month);
    if (m < first) first = m;
    if (m > last) last = m;
  }
  const period = args.period ?? monthOf(last + 1);
  const p = monthIndex(period);
  const [y0, y1] = CALENDAR_YEARS;
  if (p < first || Number(period.slice(0, 4)) < y0 || Number(period.slice(0, 4)) > y1) {
    return {
      exitCode: 2, stdout: '',
      stderr: `--period ${period} is outside what can be computed: from the first history month ${monthOf(first)} to the calendar's end ${y1}-12\n`,
    };
  }
  if (p - last > FORECAST_HORIZON) {
    return {
      exitCode: 2, stdout: '',
      stderr: `--period ${period} is past the forecast: it reaches ${monthOf(last + FORECAST_HORIZON)} (${FORECAST_HORIZON} months after the history's last month ${monthOf(last)})\n`,
    };
  }
  // Always the full horizon, as the server: a month's forecast must not depend on the month asked for.
  const forecasts = p > last ? await deps.forecast(dataset, FORECAST_HORIZON) : [];
  const calibration = args.norms === 'calibrated' ? await (deps.calibrate ?? calibrateWithHighs)(dataset) : undefined;
  const workload = computeWorkload(dataset, forecasts, { period, quantile: args.quantile, quantileScope: args.scope, norms: args.norms }, calibration);
  const overview = cityOverview(dataset, workload, args.top);
  const stdout = args.json ? `${JSON.stringify(overview, null, 2)}\n` : formatOverview(overview);
  return { exitCode: 0, stdout, stderr: '', overview };
};

const num = (x: number, digits = 0): string =>
  x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (u: number | null): string => (u === null ? 'no staff' : `${num(u * 100)}%`);
const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const padLeft = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

const TYPE_WORDS: Readonly<Record<string, string>> = { ward: 'ward', commune: 'commune', special_zone: 'special zone' };

const centerTable = (title: string, lines: readonly CenterLine[]): string[] => {
  if (lines.length === 0) return [title, '  (none)'];
  const head = `  ${pad('Center', 28)} ${pad('Type', 12)} ${padLeft('Staff', 5)} ${padLeft('Required h', 10)} ${padLeft('Available h', 11)} ${padLeft('Utilization', 11)} ${padLeft('Counters/desks', 14)}`;
  return [
    title,
    head,
    ...lines.map((l) =>
      `  ${pad(l.name.normalize('NFC'), 28)} ${pad(TYPE_WORDS[l.type] ?? l.type, 12)} ${padLeft(String(l.staff), 5)} ` +
      `${padLeft(num(l.requiredHours), 10)} ${padLeft(num(l.availableHours), 11)} ${padLeft(pct(l.utilization), 11)} ` +
      `${padLeft(`${l.countersNeeded}/${l.desks}`, 14)}`),
  ];
};

const REASON_WORDS = {
  no_expertise: 'nobody holds it',
  too_few_experts: 'too few people hold it',
} as const;

/** The overview as a text table for the terminal. */
export const formatOverview = (o: CityOverview): string => {
  const t = o.totals;
  const out: string[] = [
    `Hai Phong service centers, ${o.period} (${o.source === 'history' ? 'history: dossiers received' : `forecast P${Math.round(o.quantile * 100)} ${o.quantileScope === 'center' ? 'of each center\'s hours' : 'of every series'}`}), ` +
      `${o.workingDays} working days, 1 FTE = ${num(o.hoursPerFte, 1)} h; ${normsSentence(o.norms)}`,
    `  Dossiers: ${num(t.direct + t.online)} (${num(t.direct)} direct, ${num(t.online)} online)`,
    `  Required: ${num(t.requiredHours)} h = ${num(t.requiredFte, 1)} FTE; available: ${num(t.availableHours)} h ` +
      `(${t.staffCount} civil servants, ${num(t.staffFte, 1)} FTE); utilization ${pct(t.utilization)}`,
    `  Uncovered with today's staff: ${num(t.uncoveredHours)} h; overloaded centers (>100%): ${t.overloadedCenters}; ` +
      `idle (<60%): ${t.idleCenters}; counters needed at peak ${t.countersNeeded} of ${t.desks} desks`,
    '',
    ...centerTable(`Most overloaded centers (${o.overloaded.length} shown of ${t.overloadedCenters})`, o.overloaded),
    '',
    ...centerTable(`Most idle centers (${o.idle.length} shown of ${t.idleCenters})`, o.idle),
    '',
    `Fields short of expertise (${o.shortOfExpertise.length} shown of ${o.shortOfExpertiseCount})`,
  ];
  if (o.shortOfExpertise.length === 0) out.push('  (none)');
  else {
    out.push(`  ${pad('Center', 28)} ${pad('Field', 24)} ${padLeft('Required h', 10)} ${padLeft('Uncovered h', 11)} ${padLeft('Holders', 7)}  Why`);
    for (const s of o.shortOfExpertise) {
      out.push(
        `  ${pad(s.name.normalize('NFC'), 28)} ${pad(s.fieldName.normalize('NFC'), 24)} ${padLeft(num(s.requiredHours), 10)} ` +
          `${padLeft(num(s.uncoveredHours), 11)} ${padLeft(String(s.expertStaff), 7)}  ${REASON_WORDS[s.reason]}`,
      );
    }
  }
  return `${out.join('\n')}\n`;
};

const main = async (): Promise<void> => {
  const { loadDatasetDir } = await import('../dataset-files.ts');
  const hashes = new WeakMap<Dataset, string>();
  const run = await runOverview(process.argv.slice(2), {
    loadDataset: async (dir) => {
      const loaded = dir === null ? await loadDatasetDir() : await loadDatasetDir(dir);
      if (loaded.ok && loaded.hash !== undefined) hashes.set(loaded.value, loaded.hash);
      return loaded;
    },
    forecast: defaultForecast((dataset) => hashes.get(dataset) ?? null),
  });
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  process.exitCode = run.exitCode;
};

/** The forecasts of cliForecasts.ts (cached by content hash), with a progress bar on a terminal's stderr. */
const defaultForecast = (hashOf: (dataset: Dataset) => string | null) => async (dataset: Dataset): Promise<readonly DossierForecast[]> => {
  const hash = hashOf(dataset);
  if (!process.stderr.isTTY) return cachedForecasts(dataset, hash);
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  const bar = new SingleBar({ format: 'forecasting {bar} {value}/{total} series', stream: process.stderr, clearOnComplete: true }, Presets.shades_classic);
  let started = false;
  try {
    return await cachedForecasts(dataset, hash, {
      onProgress: (done, total) => {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      },
    });
  } finally {
    if (started) bar.stop();
  }
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`overview: ${(error as Error).message}\n`);
    process.exitCode = 1;
  });
}
