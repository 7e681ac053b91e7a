/**
 * The plan command (issue 4): who should work where next period, within the rules, and why.
 *
 *   npm run plan -- [--scenario FILE.json] [--period YYYY-MM] [--max-transfers N|unlimited]
 *                   [--max-commute-km K] [--time-limit S] [--out DIR] [--export-lp FILE.lp]
 *                   [--data DIR] [--curve] [--lang en|vi] [--norms official|calibrated]
 *                   [--horizon N] [--from YYYY-MM]
 *
 * Pipeline: dataset (api/dataset-files.ts) -> forecasts, FORECAST_HORIZON months ahead as the server
 * computes them (api/cli/cliForecasts.ts; cached by the dataset's content hash and the horizon)
 * -> workload (required hours per center and field) -> solvePlan -> checkPlanRules (self-check)
 * -> explanation. Writes DIR/plan.json and DIR/moves.csv; progress on stderr, tables on stdout.
 * Exit codes: 0 plan written, 1 invalid dataset, 2 bad flags or scenario, 3 the plan broke a rule
 * (a bug: the plan is still written for inspection), 4 infeasible scenario (explanation written).
 */
import type { NormCalibration } from '../../solver/workload/calibrationTypes.ts';
import { normsSentence } from '../../solver/workload/normsSentence.ts';
import { calibrateWithHighs } from './cliCalibration.ts';
import { parseOptions } from './commandLine.ts';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { formatProblem, writeCsv } from '../../solver/csv.ts';
import type { Dataset } from '../../solver/domain.ts';
import { formatScenarioProblem, validateScenario, type Scenario } from '../../solver/scenario.ts';
import type { PlanInput } from '../../solver/plan/planInput.ts';
import type { Plan } from '../../solver/plan/plan.ts';
import { singleMonthOnly } from '../../solver/plan/singleMonthOnly.ts';
import type { CityFigures } from '../../solver/plan/planResult.ts';
import type { DossierForecast } from '../../solver/forecast/forecastHistory.ts';
import type { CityWorkload } from '../../solver/workload/workloadTypes.ts';
import { cachedForecasts, forecastNeed } from './cliForecasts.ts';

const USAGE =
  'usage: npm run plan -- [--scenario FILE.json] [--period YYYY-MM] [--max-transfers N|unlimited] [--max-commute-km K] [--time-limit S] [--out DIR] [--export-lp FILE.lp] [--data DIR] [--curve] [--lang en|vi] [--norms official|calibrated] [--horizon N] [--from YYYY-MM]';

const HELP = `${USAGE}

Plans who works where in one month, within the rules, and says why; writes DIR/plan.json (the plan
result, the same object the server's /api/plans/:id/result answers) and DIR/moves.csv.

  --scenario FILE.json  the levers as POST /api/scenarios takes them (api/README.md); flags override them
  --period YYYY-MM      the month to plan (default 2026-11); history months use their counts
  --max-transfers N     most people whose center changes, or "unlimited" (default 30)
  --max-commute-km K    farthest a person may work from home, km (default 15)
  --time-limit S        seconds for the solver (default 10)
  --out DIR             where plan.json and moves.csv go (default out/plan)
  --export-lp FILE.lp   also write the full model in CPLEX LP format (CBC, GLPK, SCIP read it)
  --data DIR            a directory with centers.csv, fields.csv, history.csv, staff.csv (default: embedded Hai Phong)
  --curve               also print uncovered hours against transfer budgets 0, 5, 10, 20, 40, unlimited
  --lang en|vi          language of the sentences (default en)
  --norms official|calibrated  workload by the official norms (default) or by those calibrated on the
                        history's outcomes (npm run model-check shows the calibration)
  --horizon N           plan N months together from the period (default 1, today's single-month plan);
                        with N > 1: lasting transfers, secondments, hires with lead time, training, and
                        DIR/secondments.csv, hires.csv, training.csv besides plan.json and moves.csv
  --from YYYY-MM        the first month of the horizon (the same as --period)

Exit codes: 0 plan written, 1 invalid dataset or no plan found, 2 bad flags or scenario,
3 the plan broke a rule (a bug: the plan is still written), 4 no plan keeps every rule (why: printed).`;


/** Progress on stderr, each line with the seconds since the process began (where the time goes). */
const log = (message: string): void => {
  process.stderr.write(`[plan ${(performance.now() / 1000).toFixed(1)} s] ${message}\n`);
};

interface Args {
  readonly scenario: Scenario;
  readonly out: string;
  readonly exportLp: string | null;
  readonly dataDir: string | null;
  readonly curve: boolean;
  /** Language of the sentences printed and written in moves.csv. */
  readonly lang: 'vi' | 'en';
  /** The levers as given (scenario file, then flags), before defaults: the dataset check reads them. */
  readonly given: Readonly<Record<string, unknown>>;
}

const parse = async (argv: readonly string[]): Promise<{ ok: true; args: Args } | { ok: false; message: string; help?: true }> => {
  const read = parseOptions(
    argv,
    {
      scenario: { type: 'string' },
      period: { type: 'string' },
      'max-transfers': { type: 'string' },
      'max-commute-km': { type: 'string' },
      'time-limit': { type: 'string' },
      out: { type: 'string' },
      'export-lp': { type: 'string' },
      data: { type: 'string' },
      curve: { type: 'boolean' },
      lang: { type: 'string' },
      norms: { type: 'string' },
      horizon: { type: 'string' },
      from: { type: 'string' },
    },
    { usage: USAGE, help: HELP },
  );
  if (!read.ok) return read;
  const { values } = read;
  if (values.from !== undefined && values.period !== undefined && values.from !== values.period) return { ok: false, message: `--from and --period name the same month; got ${values.from} and ${values.period}\n${USAGE}` };
  if (values.lang !== undefined && values.lang !== 'vi' && values.lang !== 'en') return { ok: false, message: `--lang must be vi or en, got "${values.lang}"\n${USAGE}` };
  let json: Record<string, unknown> = {};
  if (values.scenario !== undefined) {
    try {
      json = JSON.parse(await readFile(values.scenario, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      return { ok: false, message: `--scenario ${values.scenario}: ${(error as Error).message}` };
    }
  }
  const flagNumber = (text: string | undefined): number | undefined => (text === undefined ? undefined : Number(text));
  const overrides: Record<string, unknown> = {
    ...(values.period !== undefined ? { period: values.period } : {}),
    ...(values.from !== undefined ? { period: values.from } : {}),
    ...(values.horizon !== undefined ? { horizon: flagNumber(values.horizon) } : {}),
    ...(values['max-transfers'] !== undefined
      ? { maxTransfers: values['max-transfers'] === 'unlimited' ? null : flagNumber(values['max-transfers']) }
      : {}),
    ...(values['max-commute-km'] !== undefined ? { maxCommuteKm: flagNumber(values['max-commute-km']) } : {}),
    ...(values['time-limit'] !== undefined ? { timeLimitSeconds: flagNumber(values['time-limit']) } : {}),
    ...(values.norms !== undefined ? { norms: values.norms } : {}),
  };
  const checked = validateScenario({ ...json, ...overrides });
  if (!checked.ok) return { ok: false, message: `invalid scenario:\n${checked.problems.map(formatScenarioProblem).join('\n')}` };
  return {
    ok: true,
    args: {
      scenario: checked.scenario,
      out: values.out ?? 'out/plan',
      exportLp: values['export-lp'] ?? null,
      dataDir: values.data ?? null,
      curve: values.curve === true,
      lang: values.lang === 'vi' ? 'vi' : 'en',
      given: { ...json, ...overrides },
    },
  };
};

/** Progress of the forecasts on stderr, about every tenth of the series. */
const progressLog = (): ((done: number, total: number) => void) => {
  let shown = 0;
  return (done, total) => {
    if (done === total || done - shown >= Math.ceil(total / 10)) {
      shown = done;
      log(`forecasting ${done}/${total} series`);
    }
  };
};

const pct = (x: number | null): string => (x === null ? '-' : `${(x * 100).toFixed(0)}%`);
const num = (x: number): string => Math.round(x).toLocaleString('en-US');
const pad = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

/** The result's city figures as a terminal table (the same numbers as the screens, memo and workbook). */
const kpiTable = (before: CityFigures, after: CityFigures): string => {
  const rows: [string, (k: CityFigures) => string][] = [
    ['required hours', (k) => num(k.requiredHours)],
    ['uncovered hours', (k) => num(k.uncoveredHours)],
    ['people short (FTE)', (k) => k.fteShort.toFixed(1)],
    ['priority-weighted uncovered hours', (k) => num(k.weightedUncoveredHours)],
    ['overloaded centers (>100%)', (k) => String(k.overloadedCenters)],
    ['max utilization', (k) => pct(k.maxUtilization)],
    ['utilization spread (std dev)', (k) => pct(k.utilizationSpread)],
    ['staff (with hires)', (k) => String(k.staff)],
    ['transfers', (k) => String(k.transfers)],
    ['hires', (k) => String(k.hires)],
    ['added commute km', (k) => k.addedCommuteKm.toFixed(1)],
  ];
  return [
    `${'KPI'.padEnd(36)}${pad('before', 10)}${pad('after', 10)}`,
    ...rows.map(([name, f]) => `${name.padEnd(36)}${pad(f(before), 10)}${pad(f(after), 10)}`),
  ].join('\n');
};

/** What the plan needs from the dataset for one scenario: the pipeline up to the plan input. */
export const planInputFor = async (
  scenario: Scenario,
  dataDir: string | null,
): Promise<{ ok: true; input: PlanInput; hash: string; source: string; dataset: Dataset; workload: CityWorkload; forecasts: readonly DossierForecast[]; calibration: NormCalibration | undefined } | { ok: false; message: string; exitCode: 1 | 2 }> => {
  const { loadPreparedDatasetDir } = await import('../storage/preparedDataset.ts');
  const loaded = dataDir === null ? await loadPreparedDatasetDir(undefined, { log }) : await loadPreparedDatasetDir(dataDir, { log });
  if (!loaded.ok) return { ok: false, exitCode: 1, message: `invalid dataset:\n${loaded.problems.map(formatProblem).join('\n')}` };
  const dataset = loaded.value;
  log(`dataset loaded (${dataset.centers.length} centers, ${dataset.staff.length} staff, ${dataset.history.length} history rows)`);
  const hash = loaded.hash ?? 'unhashed';
  const need = forecastNeed(dataset, scenario.period);
  if (!need.ok) return { ok: false, exitCode: 2, message: need.message };
  const forecasts = need.forecast ? await cachedForecasts(dataset, loaded.hash ?? null, { log, onProgress: progressLog() }) : [];
  const { scenarioPlanInput } = await import('../../solver/plan/scenarioPlanInput.ts');
  const calibration = scenario.norms === 'calibrated' ? await calibrateWithHighs(dataset) : undefined;
  const { workload, input } = scenarioPlanInput(dataset, forecasts, scenario, calibration);
  log(normsSentence(workload.norms));
  return { ok: true, input, hash, source: workload.source, dataset, workload, forecasts, calibration };
};

const main = async (): Promise<number> => {
  const parsed = await parse(process.argv.slice(2));
  log('arguments read (Node and the command module loaded)');
  if (!parsed.ok) {
    if (parsed.help === true) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    process.stderr.write(`${parsed.message}\n`);
    return 2;
  }
  const { scenario, out } = parsed.args;
  if (scenario.horizon > 1) {
    // The curve and the LP file are of the single-month model: refused, never a first month's answer.
    for (const [flag, given, answer] of [['--curve', parsed.args.curve, 'trade-off curve'], ['--export-lp', parsed.args.exportLp !== null, 'LP export']] as const) {
      const problem = given ? singleMonthOnly(scenario.horizon, answer) : null;
      if (problem !== null) {
        process.stderr.write(`${flag}: --${problem.field} ${problem.message}\n`);
        return 2;
      }
    }
    return (await import('./planHorizon.ts')).planHorizon(parsed.args, log);
  }
  const wall = performance.now();
  // HiGHS's WebAssembly (3.5 MB): by default V8 compiles it lazily with the baseline tier and moves hot
  // functions to the optimizing tier as they run. PLAN_WASM=eager compiles all of it with the optimizing
  // tier up front (in the background while the dataset loads): faster solves, but ~6 s more CPU that
  // 2 cores cannot hide; measured 10.1-10.3 s wall against 7.1-8.0 s lazy (quiet machine, forecasts
  // cached; bench/README.md). PLAN_WASM=tierN sets V8's tiering budget to N.
  const wasmMode = process.env['PLAN_WASM'] ?? 'lazy';
  if (wasmMode === 'eager') {
    v8.setFlagsFromString('--no-liftoff');
    v8.setFlagsFromString('--no-wasm-lazy-compilation');
  } else if (wasmMode.startsWith('tier')) {
    v8.setFlagsFromString(`--wasm-tiering-budget=${wasmMode.slice(4) || '20000'}`);
  }
  const { loadHighs } = await import('../../solver/plan/loadHighs.ts');
  const highsLoading = loadHighs();
  const prepared = await planInputFor(scenario, parsed.args.dataDir);
  if (!prepared.ok) {
    process.stderr.write(`${prepared.message}\n`);
    return prepared.exitCode;
  }
  const { input, hash, dataset } = prepared;
  const workload = { source: prepared.source, hoursPerFte: input.hoursPerFte };
  log(`workload ${scenario.period} (${workload.source}, P${Math.round(scenario.quantile * 100)}): ${num(input.requiredHours.reduce((s, r) => s + r.hours, 0))} h required, ${input.staff.length} staff, ${workload.hoursPerFte.toFixed(1)} h per FTE`);
  // The transfer potential (what moving people could close at most) does not depend on the plan: it
  // is read back when an earlier run kept it for the same input (only the budget, minimums, hires or
  // weights changed), else a second thread computes it while this one solves (~1.2 s on Hai Phong
  // the command does not wait for after the solve; bench:startup).
  const { preparedPotential, keepPotential } = await import('../storage/preparedPotential.ts');
  const known = preparedPotential(input, { log });
  const { potentialThread } = await import('./potentialThread.ts');
  const potentialRun = known !== null
    ? { potential: Promise.resolve(known), stop: () => {} }
    : potentialThread(input, (reason) => log(`transfer potential on a second thread failed (${reason}): computed after the solve`));
  const { solvePlan } = await import('../../solver/plan/solvePlan.ts');
  const { checkPlanRules } = await import('../../solver/plan/checkPlanRules.ts');
  const { scenarioPlanResult } = await import('../../solver/plan/scenarioPlanResult.ts');
  const loadStart = performance.now();
  const highs = await highsLoading;
  log(`HiGHS ready (waited ${((performance.now() - loadStart) / 1000).toFixed(1)} s for its compilation)`);
  log(`solving (time limit ${scenario.timeLimitSeconds} s)`);
  let fullModel: import('../../solver/plan/linearModel.ts').LinearModel | null = null;
  const plan: Plan = solvePlan(highs, input, {
    timeLimitSeconds: scenario.timeLimitSeconds,
    now: () => performance.now(),
    onFullModel: (m) => {
      fullModel = m;
    },
  });
  log(`${plan.status}: ${plan.message} (${plan.seconds.toFixed(2)} s: ${JSON.stringify(plan.timings ?? {})})`);
  const why = (await import('../../solver/plan/whyNotCertified.ts')).whyNotCertified(plan);
  if (why !== null) log(`not within 1% of the bound: ${why}`);
  if (parsed.args.exportLp !== null && fullModel !== null) {
    const { exportLp } = await import('../../solver/plan/solveWithHighs.ts');
    await writeFile(parsed.args.exportLp, exportLp(highs, fullModel));
    log(`full model written to ${parsed.args.exportLp} (CPLEX LP format)`);
  }
  await mkdir(out, { recursive: true });
  const { computeWorkload } = await import('../../solver/workload/computeWorkload.ts');
  // A plan without a solution has no potential to show: the thread is stopped, not waited for.
  if (plan.objective === null) potentialRun.stop();
  const potential = plan.objective === null ? null : await potentialRun.potential;
  const { result, potential: shown } = scenarioPlanResult({ highs, dataset, scenario, workload: prepared.workload, input, plan, ...(potential === null ? {} : { potential }), workloadOf: (options) => computeWorkload(dataset, prepared.forecasts, options, prepared.calibration) });
  if (known === null && shown !== null) keepPotential(input, shown, { log });
  const lang = parsed.args.lang;
  if (result.outcome === null) {
    await writeFile(join(out, 'plan.json'), JSON.stringify({ datasetHash: hash, result }, null, 2));
    const groups = result.infeasibility?.groups ?? [];
    process.stdout.write(`${result.verdict[lang]}\n${result.infeasibility === null ? '' : `${result.infeasibility.lead.text[lang]}\n`}${groups.map((g) => `${g.title[lang]}\n${g.conflicts.map((c) => `- ${c.text[lang]}`).join('\n')}`).join('\n')}\n`);
    return plan.status === 'infeasible' ? 4 : 1;
  }
  const outcome = result.outcome;
  const violations = checkPlanRules(input, { assignments: outcome.assignments, hires: outcome.hires, coverage: outcome.centers.flatMap((c) => c.fields.map((f) => ({ centerCode: c.centerCode, field: f.field, required: f.requiredHours, assigned: f.coveredAfter, uncovered: f.uncoveredAfter }))) });
  log('self-check and result done');
  const curve = parsed.args.curve
    ? (await import('../../solver/plan/tradeoffCurve.ts')).tradeoffCurve(highs, input, undefined, { timeLimitSeconds: Math.min(scenario.timeLimitSeconds, 2), now: () => performance.now() })
    : null;
  await writeFile(join(out, 'plan.json'), JSON.stringify({ datasetHash: hash, result, ruleViolations: violations, tradeoffCurve: curve }, null, 2));
  const { namesOf } = await import('../../solver/words.ts');
  const names = namesOf(dataset);
  // UTF-8 with a byte order mark: Excel in a Vietnamese locale then keeps the diacritics.
  await writeFile(
    join(out, 'moves.csv'),
    '\uFEFF' + writeCsv(
      ['staff_id', 'name', 'from_center', 'from_name', 'to_center', 'to_name', 'home_km', 'added_commute_km', 'fields', 'field_names', 'hours_at_new_center', 'covered_at_new_center_hours', 'lost_at_center_left_hours', 'reason'],
      outcome.moves.map((m) => [
        m.staffId, m.name, m.from, names.center(m.from), m.to, names.center(m.to), m.homeKm.toFixed(1), m.addedCommuteKm.toFixed(1),
        m.expertise.join(';'), m.expertise.map((f) => names.field(f, 'vi')).join(';'), Object.values(m.hours).reduce((x, v) => x + v, 0).toFixed(1),
        m.atDestination.change.toFixed(1), (-m.atOrigin.change).toFixed(1), m.sentence[lang],
      ]),
    ),
  );
  const fieldName = (f: string) => names.field(f, lang);
  const lines = [
    `Plan for ${scenario.period}: ${result.verdict[lang]}`,
    `objective ${(plan.objective ?? 0).toFixed(1)}, bound ${plan.bound === null ? '-' : plan.bound.toFixed(1)} (${plan.boundKind}), gap ${plan.gap === null ? '-' : `${(plan.gap * 100).toFixed(2)}%`}, solve ${plan.seconds.toFixed(2)} s`,
    result.normsSentence[lang],
    '',
    outcome.headline[lang],
    ...(outcome.shortage === null ? [] : [outcome.shortage.sentence[lang]]),
    '',
    kpiTable(outcome.before, outcome.after),
    '',
    `Main moves (${outcome.moves.length} in all; every one in ${join(out, 'moves.csv')}):`,
    ...outcome.moves.slice(0, 10).map((m) => `- ${m.sentence[lang]}`),
    '',
    'Where one more person would cover most (hours in the period, 1 FTE with that expertise):',
    ...outcome.shadowPrices.slice(0, 8).map((x) => `- ${names.center(x.centerCode)} (${x.centerCode}), ${fieldName(x.field)}: ${x.hoursCovered.toFixed(1)} h`),
    ...(outcome.hires.length > 0 ? ['', 'Hires placed:', ...outcome.hires.map((h) => `- ${h.count} x ${fieldName(h.field)} at ${names.center(h.centerCode)}: ${h.hours.toFixed(1)} h`)] : []),
    ...(outcome.crossTraining.length > 0
      ? ['', 'Cross-training that would cover most:', ...outcome.crossTraining.slice(0, 8).map((c) => `- ${c.staffId} at ${names.center(c.centerCode)} learns ${fieldName(c.field)}: ${c.hoursCovered.toFixed(1)} h`)]
      : []),
    ...(outcome.idle.length > 0 ? ['', `People with (nearly) no work in the plan: ${outcome.idle.length} (plan.json, outcome.idle)`] : []),
    ...(curve
      ? ['', 'Trade-off: transfer budget -> uncovered hours', ...curve.map((p) => `- ${p.maxTransfers ?? 'unlimited'}: ${p.uncoveredHours === null ? '-' : num(p.uncoveredHours)} h (${p.transfers} transfers, ${p.status}, gap ${p.gap === null ? '-' : `${(p.gap * 100).toFixed(1)}%`}, ${p.seconds.toFixed(1)} s)`)]
      : []),
    '',
    violations.length === 0 ? 'Self-check: every rule holds.' : `Self-check FAILED:\n${violations.map((v) => `- ${v.rule}: ${v.message}`).join('\n')}`,
    `Written: ${join(out, 'plan.json')}, ${join(out, 'moves.csv')} (${((performance.now() - wall) / 1000).toFixed(1)} s wall)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return violations.length === 0 ? 0 : 3;
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main();
