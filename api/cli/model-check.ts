/**
 * The model check: does the load the norms give agree with what happened (on time, late, pending)?
 *
 *   npm run model-check -- [--norms official|calibrated] [--center CODE] [--all] [--top N] [--json] [--data DIR]
 *
 * Prints the summary (center-months judged, flagged, correlation of load and late share), the
 * flagged center-months in words, the first `--top` (`--all`: every judged one; `--center`: every
 * month of one center, all of them), the calibration (official against calibrated minutes per field, the capacity factors
 * above 1) and its warnings. `--json` prints the check as the API answers it. Default norms:
 * official. Exit codes: 0 done (also when the history records no outcomes: the check says it cannot
 * be done), 1 invalid dataset, 2 bad flags. The work is in runModelCheck (dependencies passed in).
 */
import { pathToFileURL } from 'node:url';
import { formatProblem } from '../../solver/csv.ts';
import type { Dataset } from '../../solver/domain.ts';
import { CAPACITY_FACTOR_MAX, WEAK_EVIDENCE, type NormCalibration, type NormsChoice } from '../../solver/workload/calibrationTypes.ts';
import { modelCheck, type ModelCheck, type ModelCheckRow } from '../../solver/workload/modelCheck.ts';
import { normsSentence } from '../../solver/workload/normsSentence.ts';
import type { DatasetLoad } from '../dataset-files.ts';
import { calibrateWithHighs } from './cliCalibration.ts';
import { parseOptions } from './commandLine.ts';

export interface ModelCheckArgs {
  readonly norms: NormsChoice;
  readonly center: string | null;
  readonly all: boolean;
  readonly top: number;
  readonly json: boolean;
  readonly dataDir: string | null;
}

export const USAGE = 'usage: npm run model-check -- [--norms official|calibrated] [--center CODE] [--all] [--top N] [--json] [--data DIR]';

const HELP = `Do the norms agree with what happened? For every center and month of the history, the load the
norms give beside the outcomes recorded (on time, late, pending); the center-months where they disagree
in words; the calibration of the norms (official against calibrated minutes per field, with their
evidence) and its warnings.

  --norms official       the minutes per dossier of fields.csv (default)
          calibrated     the minutes fitted to the recorded outcomes
  --center CODE          every month of one center
  --all                  every judged center-month, not only the first --top
  --top N                how many center-months to list (default 30)
  --json                 the check as GET /api/model-check answers it
  --data DIR             a city's own four tables instead of the embedded dataset

Exit codes: 0 done (also when the history records no outcomes: the check says it cannot be done),
1 invalid dataset, 2 bad options.`;

/** Parses the command line; a bad flag is a message, not an exception. */
export const parseModelCheckArgs = (argv: readonly string[]): { ok: true; args: ModelCheckArgs } | { ok: false; message: string; help?: true } => {
  const read = parseOptions(
    argv,
    { norms: { type: 'string' }, center: { type: 'string' }, all: { type: 'boolean' }, top: { type: 'string' }, json: { type: 'boolean' }, data: { type: 'string' } },
    { usage: USAGE, help: HELP },
  );
  if (!read.ok) return read;
  const { values } = read;
  const norms = values.norms ?? 'official';
  if (norms !== 'official' && norms !== 'calibrated') return { ok: false, message: `--norms must be official or calibrated, got "${norms}"\n${USAGE}` };
  const top = values.top === undefined ? 30 : Number(values.top);
  if (!Number.isInteger(top) || top < 1) return { ok: false, message: `--top must be a whole number >= 1, got "${values.top ?? ''}"\n${USAGE}` };
  return { ok: true, args: { norms, center: values.center ?? null, all: values.all === true, top, json: values.json === true, dataDir: values.data ?? null } };
};

export interface ModelCheckDeps {
  readonly loadDataset: (dir: string | null) => Promise<DatasetLoad>;
  /** Default: calibrateNorms with HiGHS. */
  readonly calibrate?: (dataset: Dataset) => Promise<NormCalibration>;
}

export interface ModelCheckRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly check?: ModelCheck;
}

const num = (x: number, digits = 0): string => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (x: number | null, digits = 0): string => (x === null ? '-' : `${num(x * 100, digits)}%`);
const signedPts = (x: number | null): string => (x === null ? '' : ` (${x >= 0 ? '+' : ''}${num(x * 100, 1)})`);
const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const padLeft = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

const rowTable = (rows: readonly ModelCheckRow[], name: (code: string) => string): string[] => [
  `  ${pad('Center', 26)} ${pad('Month', 7)} ${padLeft('Dossiers', 8)} ${padLeft('Load', 6)} ${padLeft('On time', 7)} ${padLeft('Late', 6)} ${padLeft('Pending (change, pts)', 22)}  Verdict`,
  ...rows.map((r) =>
    `  ${pad(`${name(r.centerCode)} (${r.centerCode})`, 26)} ${pad(r.month, 7)} ${padLeft(num(r.received), 8)} ${padLeft(pct(r.load), 6)} ` +
    `${padLeft(pct(r.onTimeShare, 1), 7)} ${padLeft(pct(r.lateShare, 1), 6)} ${padLeft(`${pct(r.pendingShare, 1)}${signedPts(r.pendingShareChange)}`, 22)}  ${r.message}`),
];

/** The check as text for the terminal. */
export const formatModelCheck = (check: ModelCheck, dataset: Dataset, args: Pick<ModelCheckArgs, 'center' | 'all' | 'top'>): string => {
  const names = new Map(dataset.centers.map((c) => [c.code, c.nameVi.normalize('NFC')]));
  const name = (code: string): string => names.get(code) ?? code;
  const out: string[] = [`Model check: ${normsSentence(check.norms)}`];
  if (!check.possible) {
    out.push(`  ${check.reason ?? ''}`);
    return `${out.join('\n')}\n`;
  }
  const s = check.summary;
  const v = s.verdicts;
  out.push(
    `  ${num(s.judged)} center-months judged (${check.from}..${check.to}); ${num(v.not_judged)} not judged (earlier months, no staff or no outcomes)`,
    `  Flagged: ${s.flagged} (${v.overloaded_unseen} modelled above the overtime band with nothing late: norms or staff count likely wrong; ` +
      `${v.late_unexplained} late or backlogged at a low load)`,
    `  Consistent: ${v.overloaded} overloaded and late, ${v.overtime} busy within the overtime band, ${v.consistent} at or below capacity`,
    `  Correlation of modelled load and late share over the judged center-months: ${s.loadLateCorrelation === null ? '-' : s.loadLateCorrelation.toFixed(3)}`,
    '',
  );
  const judged = check.rows.filter((r) => r.verdict !== 'not_judged');
  const shown = args.center !== null
    ? check.rows.filter((r) => r.centerCode === args.center)
    : args.all ? judged : judged.filter((r) => r.verdict === 'overloaded_unseen' || r.verdict === 'late_unexplained');
  const title = args.center !== null ? `Every month of ${name(args.center)} (${args.center})` : args.all ? 'Every judged center-month' : 'Flagged center-months, highest load first';
  const ordered = args.center !== null ? shown : [...shown].sort((a, b) => (b.load ?? 0) - (a.load ?? 0));
  // One center's months are all shown; across the city, the first --top.
  const limit = args.center !== null ? ordered.length : args.top;
  out.push(`${title} (${Math.min(ordered.length, limit)} shown of ${ordered.length})`);
  out.push(...(ordered.length === 0 ? ['  (none)'] : rowTable(ordered.slice(0, limit), name)));
  const cal = check.calibration;
  out.push('');
  if (!cal.ok) {
    out.push(`Calibration: none (${cal.message})`);
  } else {
    out.push(
      `Calibration, fitted on ${cal.from}..${cal.to}: ${num(cal.months.backlog)} backlog, ${num(cal.months.late)} late and ${num(cal.months.calm)} calm center-months; ` +
        `LP ${cal.solver.columns} columns x ${cal.solver.rows} rows, ${cal.solver.status} in ${cal.solver.seconds.toFixed(2)} s`,
      `  ${pad('Field', 34)} ${padLeft('Official min direct/online', 27)} ${padLeft('Calibrated', 14)} ${padLeft('Change', 7)} ${padLeft('Evidence', 8)}  Note`,
    );
    const fieldName = new Map(dataset.fields.map((f) => [f.field, f.nameEn]));
    for (const f of cal.fields) {
      const notes = [
        ...(f.evidence < WEAK_EVIDENCE ? ['little evidence: read with care'] : []),
        ...(f.atBound.length > 0 ? [`at its bound: ${f.atBound.join(', ')}`] : []),
      ];
      out.push(
        `  ${pad(fieldName.get(f.field) ?? f.field, 34).slice(0, 34)} ${padLeft(`${num(f.officialDirect, 1)} / ${num(f.officialOnline, 1)}`, 27)} ` +
          `${padLeft(`${num(f.calibratedDirect, 1)} / ${num(f.calibratedOnline, 1)}`, 14)} ${padLeft(`${f.deviation >= 0 ? '+' : ''}${pct(f.deviation)}`, 7)} ` +
          `${padLeft(pct(f.evidence), 8)}  ${notes.join('; ')}`,
      );
    }
    const helped = cal.centers.filter((c) => c.capacityFactor > 1.005).sort((a, b) => b.capacityFactor - a.capacityFactor);
    out.push('', `Capacity factors above 1 (${helped.length}): work done per hour of the listed staff; the rest by people not on the list`);
    for (const c of helped) {
      out.push(`  ${pad(`${name(c.centerCode)} (${c.centerCode})`, 30)} ${padLeft(c.capacityFactor.toFixed(2), 5)}  ${c.backlogMonths} backlog, ${c.lateMonths} late, ${c.calmMonths} calm months${c.atBound ? `; at the maximum ${CAPACITY_FACTOR_MAX}` : ''}`);
    }
  }
  const warnings = cal.warnings;
  if (warnings.length > 0) out.push('', 'Warnings:', ...warnings.map((w) => `  ${w.message}`));
  return `${out.join('\n')}\n`;
};

/** Runs the check for `argv`; never throws for bad flags or bad data (they are exit codes). */
export const runModelCheck = async (argv: readonly string[], deps: ModelCheckDeps): Promise<ModelCheckRun> => {
  const parsed = parseModelCheckArgs(argv);
  if (!parsed.ok) return parsed.help === true ? { exitCode: 0, stdout: `${parsed.message}\n`, stderr: '' } : { exitCode: 2, stdout: '', stderr: `${parsed.message}\n` };
  const { args } = parsed;
  const loaded = await deps.loadDataset(args.dataDir);
  if (!loaded.ok) {
    const lines = loaded.problems.map(formatProblem);
    lines.push(`${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'} in the dataset; nothing was checked.`);
    return { exitCode: 1, stdout: '', stderr: `${lines.join('\n')}\n` };
  }
  const dataset = loaded.value;
  if (args.center !== null && !dataset.centers.some((c) => c.code === args.center)) {
    return { exitCode: 2, stdout: '', stderr: `--center ${args.center} is not a center of the dataset\n${USAGE}\n` };
  }
  const calibration = await (deps.calibrate ?? calibrateWithHighs)(dataset);
  const check = modelCheck(dataset, args.norms, calibration);
  return { exitCode: 0, stdout: args.json ? `${JSON.stringify(check, null, 2)}\n` : formatModelCheck(check, dataset, args), stderr: '', check };
};

const main = async (): Promise<void> => {
  const { loadDatasetDir } = await import('../dataset-files.ts');
  const run = await runModelCheck(process.argv.slice(2), { loadDataset: (dir) => (dir === null ? loadDatasetDir() : loadDatasetDir(dir)) });
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  process.exitCode = run.exitCode;
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`model-check: ${(error as Error).message}\n`);
    process.exitCode = 1;
  });
}
