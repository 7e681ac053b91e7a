/**
 * Calibration benchmark (issue 12): prints, as markdown tables,
 * 1. how well calibrateNorms recovers the hidden true minutes per field (data/gen/trueWork.ts) and
 *    the hidden capacity factors, on the embedded dataset and on other seeds of the generator;
 * 2. the model check with official and with calibrated norms: correlation of modelled load and
 *    observed late share over all judged center-months, and the center-months flagged;
 * 3. the published July 2025 centers' modelled load, official against calibrated;
 * 4. calibrateNorms' wall time on the embedded dataset (first run, then the median of RUNS);
 * 5. the default plan (DEFAULT_SCENARIO) under official and under calibrated norms, through the
 *    plan pipeline the server's worker runs (scenarioPlanInput, solvePlan, scenarioPlanResult: the
 *    plan result every surface renders).
 *
 *   npm run bench:calibration                 (seeds: the embedded one, 1 and 2; RUNS=5)
 *   SEEDS=7,8 RUNS=9 npm run bench:calibration
 *   BENCH_QUICK=1 npm run bench:calibration   (embedded seed only, 3 timing runs, no plans)
 *
 * Errors are calibrated / true - 1 of the minutes per dossier on the listed staff, per field and
 * channel (counter or online reception + processing: what the outcomes identify, see
 * calibrateNorms.ts). "Weighted" weighs each field and channel by its hours at official norms over
 * the fitted months (its share of the city's work); "supported" keeps the fields whose evidence is
 * at least WEAK_EVIDENCE.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { DEFAULT_DATASET_DIR, loadDatasetDir } from '../api/dataset-files.ts';
import { cachedForecasts } from '../api/cli/cliForecasts.ts';
import { FIELD_SPECS } from '../data/gen/fieldSpecs.ts';
import { DEFAULT_SEED, generateTables, generateTruth, type HiddenTruth } from '../data/gen/generateTables.ts';
import { trueMinutes } from '../data/gen/trueWork.ts';
import type { Dataset } from '../solver/domain.ts';
import { loadDataset } from '../solver/dataset/loadDataset.ts';
import { scenarioPlanResult } from '../solver/plan/scenarioPlanResult.ts';
import { computeWorkload } from '../solver/workload/computeWorkload.ts';
import { loadHighs } from '../solver/plan/loadHighs.ts';
import { scenarioPlanInput } from '../solver/plan/scenarioPlanInput.ts';
import { solvePlan } from '../solver/plan/solvePlan.ts';
import { DEFAULT_SCENARIO, type Scenario } from '../solver/scenario.ts';
import { calibrateNorms } from '../solver/workload/calibrateNorms.ts';
import { WEAK_EVIDENCE, type NormCalibration } from '../solver/workload/calibrationTypes.ts';
import { modelCheck, type ModelCheck } from '../solver/workload/modelCheck.ts';

type Calibrated = Extract<NormCalibration, { ok: true }>;

const quick = process.env['BENCH_QUICK'] === '1';
const runs = Number(process.env['RUNS'] ?? (quick ? 3 : 5));
const seeds = quick ? [] : (process.env['SEEDS'] ?? '1,2').split(',').filter((s) => s !== '').map(Number);
const log = (message: string): void => {
  process.stderr.write(`[bench ${(performance.now() / 1000).toFixed(1)} s] ${message}\n`);
};
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const pct = (x: number, digits = 1): string => `${(x * 100).toFixed(digits)}%`;
const signed = (x: number, digits = 1): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(digits)}%`;
const num = (x: number): string => Math.round(x).toLocaleString('en-US');
const table = (titles: readonly string[], rows: readonly (readonly string[])[]): string =>
  [`| ${titles.join(' | ')} |`, `|${titles.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

const unitsCsv = readFileSync(join(DEFAULT_DATASET_DIR, '..', 'sources', 'haiphong_units.csv'), 'utf8');
const specs = new Map(FIELD_SPECS.map((s) => [s.field, s]));
const highs = await loadHighs();
const out: string[] = [];
const load = loadavg().map((x) => x.toFixed(1)).join(' ');
out.push(`Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, load average at the start ${load}, ${runs} timing runs.`, '');

// 1. Recovery -----------------------------------------------------------------------------------

interface FieldError {
  readonly field: string;
  readonly channel: 'direct' | 'online';
  readonly official: number;
  readonly truth: number;
  readonly calibrated: number;
  readonly error: number;
  readonly evidence: number;
  /** Hours at official norms over the fitted months. */
  readonly hours: number;
}

const fieldErrors = (dataset: Dataset, calibration: Calibrated): FieldError[] => {
  const hours = new Map<string, number>();
  const byField = new Map(dataset.fields.map((f) => [f.field, f]));
  for (const r of dataset.history) {
    if (r.month < calibration.from || r.month > calibration.to) continue;
    const f = byField.get(r.field);
    if (f === undefined) continue;
    const key = `${r.field} ${r.channel}`;
    hours.set(key, (hours.get(key) ?? 0) + (r.received * ((r.channel === 'direct' ? f.minDirect : f.minOnline) + f.minProcessing)) / 60);
  }
  return calibration.fields.flatMap((f) => {
    const spec = specs.get(f.field);
    if (spec === undefined) throw new Error(`no generator spec for field ${f.field}`);
    const t = trueMinutes(spec);
    return (['direct', 'online'] as const).map((channel): FieldError => {
      const calibrated = channel === 'direct' ? f.calibratedDirect : f.calibratedOnline;
      const truth = channel === 'direct' ? t.direct : t.online;
      return {
        field: f.field, channel, official: channel === 'direct' ? f.officialDirect : f.officialOnline, truth, calibrated,
        error: calibrated / truth - 1, evidence: f.evidence, hours: hours.get(`${f.field} ${channel}`) ?? 0,
      };
    });
  });
};

interface Recovery {
  readonly label: string;
  readonly errors: readonly FieldError[];
  readonly capacity: readonly { readonly code: string; readonly error: number }[];
  readonly calibration: Calibrated;
}

const recover = (label: string, dataset: Dataset, truth: HiddenTruth): Recovery => {
  const calibration = calibrateNorms(highs, dataset);
  if (!calibration.ok) throw new Error(`${label}: ${calibration.message}`);
  const capacity = calibration.centers
    .filter((c) => c.backlogMonths >= 3)
    .map((c) => ({ code: c.centerCode, error: c.capacityFactor / (truth.capacityFactors.get(c.centerCode) ?? NaN) - 1 }));
  return { label, errors: fieldErrors(dataset, calibration), capacity, calibration };
};

const summaryRow = (r: Recovery): string[] => {
  const abs = (e: FieldError): number => Math.abs(e.error);
  const total = r.errors.reduce((s, e) => s + e.hours, 0);
  const worst = [...r.errors].sort((a, b) => abs(b) - abs(a))[0] as FieldError;
  const supported = r.errors.filter((e) => e.evidence >= WEAK_EVIDENCE);
  const worstSupported = [...supported].sort((a, b) => abs(b) - abs(a))[0];
  const supportedShare = supported.reduce((s, e) => s + e.hours, 0) / total;
  const capWorst = [...r.capacity].sort((a, b) => Math.abs(b.error) - Math.abs(a.error))[0];
  return [
    r.label,
    `${r.calibration.from}..${r.calibration.to}`,
    pct(r.errors.reduce((s, e) => s + abs(e), 0) / r.errors.length),
    pct(r.errors.reduce((s, e) => s + (abs(e) * e.hours) / total, 0)),
    `${signed(worst.error)} (${worst.field} ${worst.channel}, evidence ${pct(worst.evidence)})`,
    `${supported.length / 2} fields, ${pct(supportedShare, 0)} of the work; mean ${pct(supported.reduce((s, e) => s + abs(e), 0) / Math.max(1, supported.length))}, worst ${worstSupported === undefined ? '-' : `${signed(worstSupported.error)} (${worstSupported.field} ${worstSupported.channel})`}`,
    capWorst === undefined ? '-' : `${r.capacity.length} centers: median ${pct(median(r.capacity.map((c) => Math.abs(c.error))))}, worst ${signed(capWorst.error)} (${capWorst.code})`,
  ];
};

const loaded = await loadDatasetDir();
if (!loaded.ok) throw new Error('the embedded dataset does not load');
const dataset = loaded.value;
log('embedded dataset loaded; generating its hidden truth');
const recoveries: Recovery[] = [recover(`embedded (seed ${DEFAULT_SEED})`, dataset, generateTruth(unitsCsv, DEFAULT_SEED))];
for (const seed of seeds) {
  log(`generating seed ${seed}`);
  const tables = generateTables(unitsCsv, seed);
  const other = loadDataset({
    centers: { name: 'centers.csv', text: tables['centers.csv'] },
    fields: { name: 'fields.csv', text: tables['fields.csv'] },
    history: { name: 'history.csv', text: tables['history.csv'] },
    staff: { name: 'staff.csv', text: tables['staff.csv'] },
  });
  if (!other.ok) throw new Error(`seed ${seed}: the generated tables do not load`);
  recoveries.push(recover(`seed ${seed}`, other.value, generateTruth(unitsCsv, seed)));
}
const embedded = recoveries[0] as Recovery;
const calibration = embedded.calibration;

out.push(
  '### Recovery of the hidden truth (minutes per dossier on the listed staff, per field and channel; 24 values)',
  '',
  table(
    ['dataset', 'fitted', 'mean abs error', 'work-weighted mean', 'worst', `fields with evidence >= ${pct(WEAK_EVIDENCE, 0)}`, 'capacity factor, centers with >= 3 backlog months'],
    recoveries.map(summaryRow),
  ),
  '',
  '### Embedded dataset, per field: official, true and calibrated minutes per dossier (direct / online)',
  '',
  table(
    ['field', 'official', 'true', 'calibrated', 'error', 'evidence', 'share of work'],
    calibration.fields.map((f) => {
      const [d, o] = embedded.errors.filter((e) => e.field === f.field) as [FieldError, FieldError];
      const total = embedded.errors.reduce((s, e) => s + e.hours, 0);
      return [
        f.field,
        `${d.official.toFixed(1)} / ${o.official.toFixed(1)}`,
        `${d.truth.toFixed(1)} / ${o.truth.toFixed(1)}`,
        `${d.calibrated.toFixed(1)} / ${o.calibrated.toFixed(1)}`,
        `${signed(d.error)} / ${signed(o.error)}`,
        pct(f.evidence),
        pct((d.hours + o.hours) / total),
      ];
    }),
  ),
  '',
);

// 2. and 3. Model check ---------------------------------------------------------------------------

const official = modelCheck(dataset, 'official', calibration);
const fitted = modelCheck(dataset, 'calibrated', calibration);
const checkRow = (name: string, c: ModelCheck): string[] => [
  name,
  num(c.summary.judged),
  c.summary.loadLateCorrelation === null ? '-' : c.summary.loadLateCorrelation.toFixed(3),
  String(c.summary.verdicts.overloaded_unseen),
  String(c.summary.verdicts.late_unexplained),
  String(c.summary.verdicts.overloaded),
  String(c.summary.verdicts.overtime),
  num(c.summary.verdicts.consistent),
];
out.push(
  `### Model check, embedded dataset, ${official.from}..${official.to}`,
  '',
  table(
    ['norms', 'center-months judged', 'correlation load / late share', 'implausible: high load, nothing late', 'late at a low load', 'overloaded and late', 'busy within the band', 'consistent'],
    [checkRow('official', official), checkRow('calibrated', fitted)],
  ),
  '',
);
const PUBLISHED = [['11446', 'Phù Liễn'], ['11411', 'Đông Hải'], ['11629', 'An Lão'], ['11443', 'Kiến An']] as const;
const julyRow = (check: ModelCheck, code: string) => check.rows.find((r) => r.centerCode === code && r.month === '2025-07');
out.push(
  '### Published centers, July 2025: modelled load (work over capacity)',
  '',
  table(
    ['center', 'dossiers', 'on time', 'pending', 'official norms', 'calibrated norms (capacity factor)', 'verdict, calibrated'],
    PUBLISHED.map(([code, name]) => {
      const a = julyRow(official, code);
      const b = julyRow(fitted, code);
      const factor = calibration.centers.find((c) => c.centerCode === code)?.capacityFactor ?? 1;
      return [
        `${name} (${code})`, num(a?.received ?? 0), a?.onTimeShare === null || a === undefined ? '-' : pct(a.onTimeShare, 2),
        a?.pendingShare === null || a === undefined ? '-' : pct(a.pendingShare, 1),
        a?.load == null ? '-' : `${pct(a.load, 0)} (${a.verdict})`, b?.load == null ? '-' : `${pct(b.load, 0)} (${factor.toFixed(2)})`, b?.message ?? '-',
      ];
    }),
  ),
  '',
);

// 4. Time ------------------------------------------------------------------------------------------

const seconds: number[] = [];
const lpSeconds: number[] = [];
for (let i = 0; i <= runs; i += 1) {
  const t = performance.now();
  const again = calibrateNorms(highs, dataset);
  seconds.push((performance.now() - t) / 1000);
  if (again.ok) lpSeconds.push(again.solver.seconds);
}
const [first, ...rest] = seconds as [number, ...number[]];
out.push(
  '### Calibration time, embedded dataset (calibrateNorms: read the history, build and solve the LP)',
  '',
  table(
    ['LP', 'first run after the ones above', `median of the next ${runs}`, 'range', "HiGHS's own seconds, median"],
    [[
      `${calibration.solver.columns} columns x ${calibration.solver.rows} rows, ${calibration.solver.status}`,
      `${first.toFixed(2)} s`, `${median(rest).toFixed(2)} s`, `${Math.min(...rest).toFixed(2)}-${Math.max(...rest).toFixed(2)} s`,
      `${median(lpSeconds).toFixed(2)} s`,
    ]],
  ),
  '',
);

// 5. The default plan under each norms ----------------------------------------------------------------

if (!quick) {
  log('forecasts for the default plan');
  const forecasts = await cachedForecasts(dataset, loaded.hash ?? null, { log });
  const planOf = (scenario: Scenario) => {
    const { workload, input } = scenarioPlanInput(dataset, forecasts, scenario, calibration);
    log(`solving the default plan, norms ${scenario.norms}`);
    const plan = solvePlan(highs, input, { timeLimitSeconds: scenario.timeLimitSeconds, now: () => performance.now() });
    if (plan.objective === null) throw new Error(`no plan under ${scenario.norms} norms: ${plan.message}`);
    const { result } = scenarioPlanResult({ highs, dataset, scenario, workload, input, plan, workloadOf: (options) => computeWorkload(dataset, forecasts, options, calibration) });
    if (result.outcome === null) throw new Error(`no plan under ${scenario.norms} norms`);
    return { workload, plan, explanation: result.outcome };
  };
  const plans = (['official', 'calibrated'] as const).map((norms) => ({ norms, ...planOf({ ...DEFAULT_SCENARIO, norms }) }));
  const moved = plans.map((p) => new Set(p.explanation.moves.map((m: { staffId: string; to: string }) => `${m.staffId} ${m.to}`)));
  const same = [...(moved[0] ?? [])].filter((m) => moved[1]?.has(m)).length;
  out.push(
    `### Default plan (${DEFAULT_SCENARIO.period}, P${Math.round(DEFAULT_SCENARIO.quantile * 100)}, at most ${DEFAULT_SCENARIO.maxTransfers} transfers, ${DEFAULT_SCENARIO.maxCommuteKm} km) under each norms`,
    '',
    table(
      ['norms', 'required hours', 'uncovered today', 'uncovered after the plan', 'overloaded centers today / after', 'highest utilization today / after', 'moves', 'status, gap, solve'],
      plans.map((p) => {
        const { before, after } = p.explanation;
        return [
          p.norms, num(p.workload.totals.requiredHours), num(before.uncoveredHours), num(after.uncoveredHours),
          `${before.overloadedCenters} / ${after.overloadedCenters}`, `${pct(before.maxUtilization, 0)} / ${pct(after.maxUtilization, 0)}`,
          String(after.transfers), `${p.plan.status}, ${p.plan.gap === null ? '-' : pct(p.plan.gap, 2)}, ${p.plan.seconds.toFixed(1)} s`,
        ];
      }),
    ),
    '',
    'Hours under calibrated norms are hours of the listed staff: each center\'s work over its capacity factor (applyCalibration.ts).',
    `Moves in both plans (the same person to the same center): ${same}, of ${moved[0]?.size ?? 0} under official and ${moved[1]?.size ?? 0} under calibrated norms.`,
    '',
  );
}

process.stdout.write(`${out.join('\n')}\n`);
