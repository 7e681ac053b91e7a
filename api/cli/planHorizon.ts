/**
 * The plan command over several months (issue 13): `npm run plan -- --horizon 12 [--from YYYY-MM]`.
 * Pipeline as the single-month plan's (dataset, forecasts cached by the dataset's hash, workload of
 * each month), then solveHorizon with the scenario's horizon levers, checkHorizonRules on every
 * month (self-check), and the plan reckoned under P50, P80 and P95 demand. Writes DIR/plan.json (the
 * plan over the horizon, with datasetHash and the rule violations), DIR/moves.csv (lasting
 * transfers with their month and reason), DIR/secondments.csv (with reasons), DIR/hires.csv, DIR/training.csv; a progress
 * bar on stderr while it solves, and the month-by-month summary on stdout.
 * Exit codes as the plan command's: 0 written, 1 invalid dataset or no plan, 2 bad scenario (a
 * horizon past the forecast is named), 3 a rule broken (a bug: still written), 4 infeasible.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FORECAST_HORIZON } from '../storage/forecastFiles.ts';
import { writeCsv } from '../../solver/csv.ts';
import { checkScenario, scenarioFacts } from '../../solver/checkScenario.ts';
import { formatScenarioProblem, type Scenario } from '../../solver/scenario.ts';
import type { HorizonPlan } from '../../solver/horizon/horizonPlan.ts';

export interface HorizonArgs {
  readonly scenario: Scenario;
  /** The levers as given (flags over the scenario file), for the dataset check. */
  readonly given: Readonly<Record<string, unknown>>;
  readonly out: string;
  readonly dataDir: string | null;
  readonly lang: 'vi' | 'en';
}

const num = (x: number): string => Math.round(x).toLocaleString('en-US');
const pad = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

/** The month-by-month summary: uncovered hours under P50, P80 (or the quantile planned for), P95; people away; measures begun. */
export const monthTable = (plan: HorizonPlan, quantile: number): string => {
  const under = (q: number, t: number): string => {
    const m = plan.under.find((x) => x.quantile === q)?.months[t];
    return m === undefined ? '-' : num(m.uncovered);
  };
  const qs = [...new Set([0.5, quantile, 0.95])].sort((a, b) => a - b);
  const head = `${'month'.padEnd(9)}${pad('h/FTE', 7)}${qs.map((q) => pad(`P${Math.round(q * 100)} unc.`, 11)).join('')}${pad('away', 6)}${pad('transfers', 11)}${pad('seconded', 10)}${pad('hires', 7)}${pad('trained', 9)}`;
  const rows = plan.months.map((m, t) => {
    const transfers = plan.transfers.filter((x) => x.fromMonth === m.month).length;
    const seconded = plan.secondments.filter((x) => x.fromMonth <= m.month && m.month <= x.untilMonth).length;
    const hires = plan.hires.filter((x) => x.startMonth === m.month).reduce((n, x) => n + x.count, 0);
    const trained = plan.trainings.filter((x) => x.readyMonth === m.month).length;
    return `${m.month.padEnd(9)}${pad(m.hoursPerFte.toFixed(0), 7)}${qs.map((q) => pad(under(q, t), 11)).join('')}${pad(String(m.away), 6)}${pad(transfers > 0 ? `+${transfers}` : '', 11)}${pad(String(seconded || ''), 10)}${pad(hires > 0 ? `+${hires}` : '', 7)}${pad(trained > 0 ? `+${trained}` : '', 9)}`;
  });
  // The totals: uncovered hours over the horizon, measures made; "seconded" sums to person-months.
  const sumUnder = (q: number): string => {
    const u = plan.under.find((x) => x.quantile === q);
    return u === undefined ? '-' : num(u.months.reduce((n, m) => n + m.uncovered, 0));
  };
  const personMonths = plan.secondments.reduce((n, x) => n + x.months, 0);
  const hired = plan.hires.reduce((n, x) => n + x.count, 0);
  const total = `${'total'.padEnd(9)}${pad('', 7)}${qs.map((q) => pad(sumUnder(q), 11)).join('')}${pad('', 6)}${pad(plan.transfers.length > 0 ? `+${plan.transfers.length}` : '', 11)}${pad(String(personMonths || ''), 10)}${pad(hired > 0 ? `+${hired}` : '', 7)}${pad(plan.trainings.length > 0 ? `+${plan.trainings.length}` : '', 9)}`;
  const legend = 'away: people working away from today\'s center; transfers: lasting transfers from that month; seconded: people on secondment that month (the total in person-months); hires: starting work; trained: holding the new field from that month.';
  return [head, ...rows, total, '', legend].join('\n');
};

export const planHorizon = async (args: HorizonArgs, log: (message: string) => void): Promise<number> => {
  const wall = performance.now();
  const { loadPreparedDatasetDir } = await import('../storage/preparedDataset.ts');
  const loaded = args.dataDir === null ? await loadPreparedDatasetDir(undefined, { log }) : await loadPreparedDatasetDir(args.dataDir, { log });
  if (!loaded.ok) {
    const { formatProblem } = await import('../../solver/csv.ts');
    process.stderr.write(`invalid dataset:\n${loaded.problems.map(formatProblem).join('\n')}\n`);
    return 1;
  }
  const dataset = loaded.value;
  // The dataset-tied check: a horizon past the forecast, unknown codes, named on the lever.
  const checked = checkScenario(args.given, scenarioFacts(dataset, FORECAST_HORIZON));
  if (!checked.ok) {
    process.stderr.write(`invalid scenario:\n${checked.problems.map(formatScenarioProblem).join('\n')}\n`);
    return 2;
  }
  const scenario = args.scenario;
  const { addMonths } = await import('../../solver/forecast/months.ts');
  const { cachedForecasts, forecastNeed } = await import('./cliForecasts.ts');
  // Months of the history are staffed from their counts: no forecast needed when the last one is.
  const need = forecastNeed(dataset, addMonths(scenario.period, scenario.horizon - 1));
  if (!need.ok) {
    process.stderr.write(`${need.message}\n`);
    return 2;
  }
  const forecasts = need.forecast ? await cachedForecasts(dataset, loaded.hash ?? null, { log }) : [];
  const calibration = scenario.norms === 'calibrated' ? await (await import('./cliCalibration.ts')).calibrateWithHighs(dataset) : undefined;
  const { scenarioHorizonInput } = await import('../../solver/horizon/scenarioHorizonInput.ts');
  const { input: h } = scenarioHorizonInput(dataset, forecasts, scenario, calibration);
  const demandAt = [...new Set([0.5, scenario.quantile, 0.95])].map((q) => ({ quantile: q, months: q === scenario.quantile ? h.months : scenarioHorizonInput(dataset, forecasts, { ...scenario, quantile: q }, calibration).input.months }));
  log(`${h.months.length} months from ${scenario.period}, P${Math.round(scenario.quantile * 100)}: ${num(h.months.reduce((s, m) => s + m.requiredHours.reduce((x, r) => x + r.hours, 0), 0))} h required, ${h.staff.length} staff`);
  const { loadHighs } = await import('../../solver/plan/loadHighs.ts');
  const highs = await loadHighs();
  const { solveHorizon } = await import('../../solver/horizon/solveHorizon.ts');
  const { checkHorizonRules } = await import('../../solver/horizon/checkHorizonRules.ts');
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  const bar = new SingleBar({ format: 'solving [{bar}] {stage} {duration}s', stream: process.stderr, hideCursor: true }, Presets.shades_classic);
  const steps = { search: 1, bound: 2, decode: 3 } as const;
  bar.start(4, 0, { stage: 'start' });
  const plan = solveHorizon(highs, h, { timeLimitSeconds: scenario.timeLimitSeconds, now: () => performance.now(), demandAt, onStage: (s) => bar.update(steps[s], { stage: s }) });
  bar.update(4, { stage: 'done' });
  bar.stop();
  log(`${plan.status}: ${plan.message} (${plan.seconds.toFixed(1)} s)`);
  const violations = plan.objective === null ? [] : checkHorizonRules(h, plan);
  const out = args.out;
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'plan.json'), JSON.stringify({ datasetHash: loaded.hash ?? 'unhashed', scenario, plan, ruleViolations: violations }, null, 2));
  if (plan.objective === null) {
    process.stdout.write(`${plan.message}\n`);
    return plan.status === 'infeasible' ? 4 : 1;
  }
  const { namesOf } = await import('../../solver/words.ts');
  const names = namesOf(dataset);
  const person = new Map(dataset.staff.map((p) => [p.staffId, p]));
  const csv = async (file: string, header: readonly string[], rows: readonly (readonly string[])[]): Promise<void> => {
    // UTF-8 with a byte order mark: Excel in a Vietnamese locale then keeps the diacritics.
    await writeFile(join(out, file), '\uFEFF' + writeCsv(header, rows));
  };
  // The reasons are the plan result's (planSchedule, scheduleReasons.ts): the web, the memo and the workbook show the same sentences.
  const { planSchedule } = await import('../../solver/horizon/planSchedule.ts');
  const schedule = planSchedule(h, plan, demandAt, names);
  await csv('moves.csv', ['staff_id', 'name', 'from_center', 'from_name', 'to_center', 'to_name', 'from_month', 'reason'],
    schedule.transfers.map((x) => [x.staffId, person.get(x.staffId)?.name ?? '', x.fromCenter, names.center(x.fromCenter), x.toCenter, names.center(x.toCenter), x.fromMonth, x.reason[args.lang]]));
  await csv('secondments.csv', ['staff_id', 'name', 'from_center', 'from_name', 'to_center', 'to_name', 'from_month', 'until_month', 'months', 'reason'],
    schedule.secondments.map((x) => [x.staffId, person.get(x.staffId)?.name ?? '', x.fromCenter, names.center(x.fromCenter), x.toCenter, names.center(x.toCenter), x.fromMonth, x.untilMonth, String(x.months), x.reason[args.lang]]));
  await csv('hires.csv', ['center', 'center_name', 'field', 'field_name', 'count', 'start_month'],
    plan.hires.map((x) => [x.centerCode, names.center(x.centerCode), x.field, names.field(x.field, 'vi'), String(x.count), x.startMonth]));
  await csv('training.csv', ['staff_id', 'name', 'center', 'center_name', 'field', 'field_name', 'start_month', 'ready_month'],
    plan.trainings.map((x) => [x.staffId, person.get(x.staffId)?.name ?? '', x.centerCode, names.center(x.centerCode), x.field, names.field(x.field, 'vi'), x.startMonth, x.readyMonth]));
  const total = (q: number): string => {
    const u = plan.under.find((x) => x.quantile === q);
    return u === undefined ? '-' : num(u.months.reduce((s, m) => s + m.uncovered, 0));
  };
  const last = h.months[h.months.length - 1]?.month ?? '';
  const lines = [
    `Plan for ${scenario.period} to ${last} (${h.months.length} months): ${plan.status}. ${plan.message}`,
    `objective ${(plan.objective ?? 0).toFixed(1)}, bound ${plan.bound === null ? '-' : plan.bound.toFixed(1)}, gap ${plan.gap === null ? '-' : `${(plan.gap * 100).toFixed(2)}%`}, solve ${plan.seconds.toFixed(1)} s`,
    `${plan.transfers.length} lasting transfers, ${plan.secondments.length} secondments (${plan.secondments.reduce((n, x) => n + x.months, 0)} person-months), ${plan.hires.reduce((n, x) => n + x.count, 0)} hires, ${plan.trainings.length} cross-trained`,
    `uncovered hours over the horizon: P50 ${total(0.5)}, P${Math.round(scenario.quantile * 100)} ${total(scenario.quantile)}, P95 ${total(0.95)}`,
    '',
    monthTable(plan, scenario.quantile),
    '',
    violations.length === 0 ? 'Self-check: every rule holds in every month.' : `Self-check FAILED:\n${violations.map((v) => `- ${v.rule}${v.month === null ? '' : ` (${v.month})`}: ${v.message}`).join('\n')}`,
    `Written: ${['plan.json', 'moves.csv', 'secondments.csv', 'hires.csv', 'training.csv'].map((f) => join(out, f)).join(', ')} (${((performance.now() - wall) / 1000).toFixed(1)} s wall)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return violations.length === 0 ? 0 : 3;
};
