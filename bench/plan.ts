/**
 * Plan benchmark (issue 4): prints a table of solve time (median of 5), peak memory and gap for
 * the default Hai Phong scenario, a synthetic 114-center city, the trade-off curve and a generated
 * 400-center 5,000-person instance; and, when `cbc` is on the PATH, CBC's objective on the exported
 * LP of the default scenario (time limit CBC_SECONDS, default 120; the issue's comparison uses 600).
 * A second table holds binding time limits: limit, wall seconds, status and gap of one solve each.
 *
 *   npm run bench:plan            (BENCH_QUICK=1: one run per instance, no CBC)
 *
 * HiGHS's WebAssembly is compiled with the optimizing tier up front (as the plan command does); the
 * one-off compile time is printed separately and is not part of any solve time.
 */
import v8 from 'node:v8';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median as medianOf } from 'simple-statistics';

v8.setFlagsFromString('--no-liftoff');
v8.setFlagsFromString('--no-wasm-lazy-compilation');

const { loadHighs } = await import('../solver/plan/loadHighs.ts');
const { solvePlan } = await import('../solver/plan/solvePlan.ts');
const { checkPlanRules } = await import('../solver/plan/checkPlanRules.ts');
const { tradeoffCurve } = await import('../solver/plan/tradeoffCurve.ts');
const { syntheticCity } = await import('../solver/plan/syntheticCity.ts');
const { exportLp } = await import('../solver/plan/solveWithHighs.ts');
const { DEFAULT_SCENARIO } = await import('../solver/scenario.ts');
const { planInputFor } = await import('../api/cli/plan.ts');
type PlanInput = import('../solver/plan/planInput.ts').PlanInput;
type LinearModel = import('../solver/plan/linearModel.ts').LinearModel;

const quick = process.env['BENCH_QUICK'] === '1';
const runs = quick ? 1 : 5;
const t0 = performance.now();
const highs = await loadHighs();
const compileSeconds = (performance.now() - t0) / 1000;
const now = (): number => performance.now();
const peakMb = (): number => process.resourceUsage().maxRSS / 1024;
const median = (xs: readonly number[]): number => (xs.length === 0 ? NaN : medianOf([...xs]));

interface Row {
  readonly instance: string;
  readonly size: string;
  readonly solveMedian: string;
  readonly status: string;
  readonly objective: string;
  readonly gap: string;
  readonly peak: string;
}
const rows: Row[] = [];

const bench = (name: string, input: PlanInput, timeLimitSeconds: number, times = runs): { model: LinearModel | null; objective: number | null } => {
  const seconds: number[] = [];
  let last: ReturnType<typeof solvePlan> | null = null;
  let model: LinearModel | null = null;
  for (let i = 0; i < times; i += 1) {
    last = solvePlan(highs, input, { timeLimitSeconds, now, onFullModel: (m) => (model = m) });
    seconds.push(last.seconds);
    process.stderr.write(`[bench] ${name} run ${i + 1}: ${last.status} ${last.seconds.toFixed(2)} s gap ${last.gap === null ? '-' : (last.gap * 100).toFixed(2)}% ${JSON.stringify(last.timings ?? {})}\n`);
  }
  const plan = last as ReturnType<typeof solvePlan>;
  const violations = checkPlanRules(input, plan);
  rows.push({
    instance: name,
    size: `${input.centers.length} centers, ${input.staff.length} staff, ${input.fields.length} fields`,
    solveMedian: `${median(seconds).toFixed(2)} s (${seconds.map((s) => s.toFixed(1)).join(', ')})`,
    status: `${plan.status}${violations.length > 0 ? `, ${violations.length} RULE VIOLATIONS` : ''}`,
    objective: plan.objective === null ? '-' : plan.objective.toFixed(1),
    gap: plan.gap === null ? '-' : `${(plan.gap * 100).toFixed(2)}% (${plan.boundKind})`,
    peak: `${peakMb().toFixed(0)} MB`,
  });
  return { model, objective: plan.objective };
};

let haiPhong: { model: LinearModel | null; objective: number | null } | null = null;
const prepared = await planInputFor(DEFAULT_SCENARIO, null);
if (prepared.ok) {
  haiPhong = bench(`Hai Phong ${DEFAULT_SCENARIO.period}, default scenario`, prepared.input, DEFAULT_SCENARIO.timeLimitSeconds);
  const tc = performance.now();
  const curve = tradeoffCurve(highs, prepared.input, undefined, { timeLimitSeconds: 2, boundRounds: 2, now });
  const curveSeconds = (performance.now() - tc) / 1000;
  rows.push({
    instance: 'Hai Phong trade-off curve (budgets 0,5,10,20,40,unlimited)',
    size: curve.map((p) => `${p.maxTransfers ?? 'inf'}: ${p.uncoveredHours === null ? '-' : Math.round(p.uncoveredHours)} h`).join('; '),
    solveMedian: `${curveSeconds.toFixed(2)} s (one run)`,
    status: curve.map((p) => p.status).join(','),
    objective: '-',
    gap: curve.map((p) => (p.gap === null ? '-' : `${(p.gap * 100).toFixed(1)}%`)).join(','),
    peak: `${peakMb().toFixed(0)} MB`,
  });
} else {
  process.stderr.write(`[bench] Hai Phong dataset unavailable: ${prepared.message}\n`);
}
bench('synthetic city (seed 1)', syntheticCity({ seed: 1 }), 10);
bench('synthetic 400 centers (seed 2)', syntheticCity({ seed: 2, centers: 400, staffPerCenter: 12.5 }), 60, quick ? 1 : 1);

let cbcLine = 'cbc not installed: skipped';
if (!quick && haiPhong?.model) {
  try {
    const dir = mkdtempSync(join(tmpdir(), 'plan-bench-'));
    const file = join(dir, 'haiphong.lp');
    writeFileSync(file, exportLp(highs, haiPhong.model));
    const limit = Number(process.env['CBC_SECONDS'] ?? 120);
    const t = performance.now();
    const text = execFileSync('cbc', [file, 'sec', String(limit), 'solve'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const objective = Number(/Objective value:\s*([-0-9.e+]+)/.exec(text)?.[1] ?? NaN);
    const status = /Result - (.*)/.exec(text)?.[1]?.trim() ?? 'unknown';
    const ours = haiPhong.objective ?? NaN;
    cbcLine = `CBC on the exported full model (${limit} s limit): ${status}, objective ${objective.toFixed(1)} in ${((performance.now() - t) / 1000).toFixed(0)} s; ours ${ours.toFixed(1)} (${(((ours - objective) / objective) * 100).toFixed(2)}% above CBC's)`;
  } catch (error) {
    cbcLine = `cbc: ${(error as Error).message.split('\n')[0]}`;
  }
}

// Binding time limits: the wall time of the whole solve against its limit (the limit holds within
// 10% or 0.3 s, whichever is larger).
interface LimitRow {
  readonly instance: string;
  readonly limit: number;
  readonly wall: number;
  readonly status: string;
  readonly gap: string;
}
const limitRows: LimitRow[] = [];
const timeLimited = (instance: string, input: PlanInput, limit: number): void => {
  const t = performance.now();
  const plan = solvePlan(highs, input, { timeLimitSeconds: limit, now });
  const wall = (performance.now() - t) / 1000;
  const gap = plan.objective === null ? 'no plan' : plan.gap === null ? 'unknown (no bound in time)' : `${(plan.gap * 100).toFixed(2)}%`;
  limitRows.push({ instance, limit, wall, status: plan.status, gap });
};
const city = syntheticCity({ seed: 1 });
const hiresEverywhere = { ...city, rules: { ...city.rules, hiresAllowedByField: Object.fromEntries(city.fields.map((f) => [f.field, 100_000])) } };
const city300 = syntheticCity({ seed: 1, centers: 300 });
if (prepared.ok) timeLimited(`Hai Phong ${DEFAULT_SCENARIO.period}, default scenario`, prepared.input, 1);
for (const limit of [1, 3, 10]) timeLimited('synthetic city (seed 1)', city, limit);
timeLimited('synthetic city (seed 1), 100,000 hires allowed per field', hiresEverywhere, 3);
for (const limit of [1, 3]) timeLimited('synthetic 300 centers (seed 1)', city300, limit);
{
  const t = performance.now();
  const curve = tradeoffCurve(highs, city, undefined, { timeLimitSeconds: 0.5, now });
  const gaps = curve.map((p) => (p.gap === null ? '-' : `${(p.gap * 100).toFixed(1)}%`)).join(',');
  limitRows.push({ instance: 'synthetic city (seed 1) trade-off curve, 0.5 s per point (unlimited 1.5 s)', limit: 4, wall: (performance.now() - t) / 1000, status: curve.map((p) => p.status).join(','), gap: gaps });
}
const limitTable = [
  '| instance | limit (s) | wall (s) | status | gap |',
  '|---|---|---|---|---|',
  ...limitRows.map((r) => `| ${r.instance} | ${r.limit} | ${r.wall.toFixed(2)} | ${r.status} | ${r.gap} |`),
];

const header: (keyof Row)[] = ['instance', 'size', 'solveMedian', 'status', 'objective', 'gap', 'peak'];
const titles = ['instance', 'size', `solve (median of ${runs})`, 'status', 'objective', 'gap (bound)', 'peak RSS'];
process.stdout.write(
  [
    `HiGHS WebAssembly compile (one-off, not in solve times): ${compileSeconds.toFixed(1)} s`,
    '',
    `| ${titles.join(' | ')} |`,
    `|${titles.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${header.map((h) => r[h]).join(' | ')} |`),
    '',
    cbcLine,
    '',
    'Binding time limits (one solve each, wall time of the whole solve):',
    '',
    ...limitTable,
    '',
  ].join('\n'),
);
