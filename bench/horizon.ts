/**
 * Year-ahead plan benchmark (issue 13): on the embedded Hai Phong data, the 12 forecast months
 * after the history, the default rules (DEFAULT_SCENARIO with the year's horizon levers), prints
 * 1. the value of planning ahead, a table of
 *    (a) the year-ahead plan (solveHorizon: lasting transfers, secondments, training, hires);
 *    (b) month-by-month replanning with today's single-month model (solvePlan), each month starting
 *        from the previous month's assignment, the same total transfer budget spread over the months;
 *    (c) no change;
 *    and two variants of (a): moves priced by the single-month weights (moveHours null), and a
 *    transfer budget of half of (b)'s moves without secondments;
 *    with uncovered hours over the year (priority-weighted and plain), the worst month, distinct
 *    people moved, total moves (a person moved twice counts twice; a secondment counts two, there
 *    and back), secondment months, hires, solve seconds (median of RUNS for (a)), gap;
 * 2. what each move of (a) saves: the priority-weighted uncovered hours over the horizon the plan
 *    would lose without it, everything else unchanged (smallest, median, largest per kind);
 * 3. the year-ahead plan month by month: uncovered hours under P50, P80 (planned for) and P95 demand,
 *    people away, the worst center's uncovered share;
 * 4. the default moveHours on generated cities (syntheticCity, 12 months of seasonal load): moves
 *    and uncovered hours with moveHours null and with the default, and the smallest saving of a move;
 * 5. speed and quality: solve seconds of each run, gap, peak memory (maxRSS), the load average.
 *
 *   npm run bench:horizon                (RUNS=3; LIMIT=60 s for (a); MONTH_LIMIT=10 s per month of (b); CITIES=3)
 *   BENCH_QUICK=1 npm run bench:horizon  (one run of (a), one generated city)
 *
 * Every plan's months are checked by the rule checker (checkHorizonRules, checkPlanRules for (b)).
 */
import v8 from 'node:v8';
import { loadavg } from 'node:os';
import { median as medianOf } from 'simple-statistics';

// HiGHS's WebAssembly compiled with the optimizing tier up front, as bench:plan does.
v8.setFlagsFromString('--no-liftoff');
v8.setFlagsFromString('--no-wasm-lazy-compilation');

const { loadDatasetDir } = await import('../api/dataset-files.ts');
const { cachedForecasts } = await import('../api/cli/cliForecasts.ts');
const { validateScenario } = await import('../solver/scenario.ts');
const { scenarioHorizonInput } = await import('../solver/horizon/scenarioHorizonInput.ts');
const { solveHorizon } = await import('../solver/horizon/solveHorizon.ts');
const { checkHorizonRules } = await import('../solver/horizon/checkHorizonRules.ts');
const { decodeHorizon } = await import('../solver/horizon/decodeHorizon.ts');
const { buildHorizonIndex } = await import('../solver/horizon/horizonIndex.ts');
const { noChange } = await import('../solver/horizon/horizonDecisions.ts');
const { monthInput } = await import('../solver/horizon/horizonInput.ts');
const { loadHighs } = await import('../solver/plan/loadHighs.ts');
const { solvePlan } = await import('../solver/plan/solvePlan.ts');
const { checkPlanRules } = await import('../solver/plan/checkPlanRules.ts');
const { encodeSchedule } = await import('../solver/horizon/decodeHorizon.ts');
const { syntheticCity } = await import('../solver/plan/syntheticCity.ts');
const { YEAR_HORIZON_RULES } = await import('../solver/horizon/horizonRules.ts');
const { mulberry32 } = await import('../solver/mulberry32.ts');
const { addMonths } = await import('../solver/forecast/months.ts');
type HorizonPlan = import('../solver/horizon/horizonPlan.ts').HorizonPlan;
type HorizonInput = import('../solver/horizon/horizonInput.ts').HorizonInput;

const quick = process.env['BENCH_QUICK'] === '1';
const runs = quick ? 1 : Number(process.env['RUNS'] ?? 3);
const limit = Number(process.env['LIMIT'] ?? 60);
const monthLimit = Number(process.env['MONTH_LIMIT'] ?? 10);
const cities = quick ? 1 : Number(process.env['CITIES'] ?? 3);
const log = (m: string): void => {
  process.stderr.write(`[bench:horizon] ${m}\n`);
};
const now = (): number => performance.now();
const median = (xs: readonly number[]): number => (xs.length === 0 ? NaN : medianOf([...xs]));
const fmt = (x: number, digits = 0): string => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const load0 = loadavg();

const loaded = await loadDatasetDir();
if (!loaded.ok) throw new Error('the embedded dataset does not load');
const dataset = loaded.value;
const forecasts = await cachedForecasts(dataset, loaded.hash ?? null, { log });
const first = forecasts[0]?.months[0];
if (first === undefined) throw new Error('no forecast months');
const scenarioAt = (quantile: number) => {
  const v = validateScenario({ period: first, horizon: 12, quantile, timeLimitSeconds: limit });
  if (!v.ok) throw new Error(v.problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  return v.scenario;
};
const scenario = scenarioAt(0.8);
const { input: h } = scenarioHorizonInput(dataset, forecasts, scenario);
const demandAt = [0.5, 0.8, 0.95].map((q) => ({ quantile: q, months: q === 0.8 ? h.months : scenarioHorizonInput(dataset, forecasts, scenarioAt(q)).input.months }));
const priority = new Map(dataset.fields.map((f) => [f.field, f.priority]));
const t0 = now();
const highs = await loadHighs();
log(`HiGHS compiled in ${((now() - t0) / 1000).toFixed(1)} s; ${dataset.centers.length} centers, ${dataset.staff.length} civil servants, ${h.months[0]?.month} to ${h.months[h.months.length - 1]?.month}`);

interface Row {
  readonly name: string;
  readonly weighted: number;
  readonly plain: number;
  readonly worst: string;
  readonly people: number;
  readonly moves: number;
  readonly secondmentMonths: number;
  readonly hires: number;
  readonly seconds: string;
  readonly gap: string;
}

/** Moves of a year plan: a lasting transfer one, a secondment two (there and back, the return decided by the plan even after the horizon). */
const movesOf = (p: Pick<HorizonPlan, 'transfers' | 'secondments'>): number => p.transfers.length + 2 * p.secondments.length;
const worstOf = (months: readonly { month: string; weighted: number }[]): string => {
  const w = [...months].sort((x, y) => y.weighted - x.weighted)[0];
  return w === undefined ? '-' : `${w.month} (${fmt(w.weighted)})`;
};
const yearRow = (name: string, p: HorizonPlan, secondsText: string): Row => ({
  name,
  weighted: p.months.reduce((n, m) => n + m.weightedUncovered, 0),
  plain: p.months.reduce((n, m) => n + m.uncovered, 0),
  worst: worstOf(p.months.map((m) => ({ month: m.month, weighted: m.weightedUncovered }))),
  people: new Set([...p.transfers, ...p.secondments].map((x) => x.staffId)).size,
  moves: movesOf(p),
  secondmentMonths: p.secondments.reduce((n, x) => n + x.months, 0),
  hires: p.hires.reduce((n, x) => n + x.count, 0),
  seconds: secondsText,
  gap: p.gap === null ? 'unknown' : `${fmt(p.gap * 100, 2)}%`,
});
/** Solves once and checks every month's rules. */
const solveChecked = (input: HorizonInput, what: string): HorizonPlan => {
  const p = solveHorizon(highs, input, { timeLimitSeconds: limit, now });
  const broken = checkHorizonRules(input, p);
  if (broken.length > 0) throw new Error(`${what} breaks ${broken.length} rules: ${broken.slice(0, 3).map((v) => v.message).join('; ')}`);
  if (p.objective === null) throw new Error(`${what}: no plan: ${p.message}`);
  return p;
};
/** Per move of the plan, the priority-weighted uncovered hours over the horizon it saves (the plan without it, all else unchanged). */
const savings = (input: HorizonInput, p: HorizonPlan): { kind: 'transfer' | 'secondment' | 'training'; hours: number; what: string }[] => {
  const index = buildHorizonIndex(input);
  const weighted = (x: Pick<HorizonPlan, 'transfers' | 'secondments' | 'hires' | 'trainings'>): number =>
    decodeHorizon(input, index, encodeSchedule(input, index, x)).months.reduce((n, m) => n + m.weightedUncovered, 0);
  const all = weighted(p);
  return [
    ...p.transfers.map((x, i) => ({ kind: 'transfer' as const, hours: weighted({ ...p, transfers: p.transfers.filter((_, j) => j !== i) }) - all, what: `${x.staffId} ${x.fromCenter} to ${x.toCenter} from ${x.fromMonth}` })),
    ...p.secondments.map((x, i) => ({ kind: 'secondment' as const, hours: weighted({ ...p, secondments: p.secondments.filter((_, j) => j !== i) }) - all, what: `${x.staffId} ${x.fromCenter} to ${x.toCenter} ${x.fromMonth} to ${x.untilMonth}` })),
    ...p.trainings.map((x, i) => ({ kind: 'training' as const, hours: weighted({ ...p, trainings: p.trainings.filter((_, j) => j !== i) }) - all, what: `${x.staffId} ${x.field}` })),
  ];
};
const spread = (xs: readonly number[]): string => (xs.length === 0 ? '-' : `${fmt(Math.min(...xs))} / ${fmt(median(xs))} / ${fmt(Math.max(...xs))}`);

// (a) the year-ahead plan, RUNS times.
const seconds: number[] = [];
let plan: HorizonPlan | null = null;
for (let i = 0; i < runs; i += 1) {
  log(`(a) year-ahead plan, run ${i + 1} of ${runs}`);
  plan = solveHorizon(highs, h, { timeLimitSeconds: limit, now, demandAt });
  seconds.push(plan.seconds);
  const broken = checkHorizonRules(h, plan);
  if (broken.length > 0) throw new Error(`the year-ahead plan breaks ${broken.length} rules: ${broken.slice(0, 3).map((v) => v.message).join('; ')}`);
}
if (plan === null || plan.objective === null) throw new Error(`no year-ahead plan: ${plan?.message}`);
const a = plan;
const rowA = yearRow(`(a) year-ahead plan (moveHours ${h.horizon.moveHours ?? 'null'})`, a, `${fmt(median(seconds), 1)} (median of ${runs})`);
log('(a) with the single-month weights (moveHours null)');
const aWeights = solveChecked({ ...h, horizon: { ...h.horizon, moveHours: null } }, '(a) with moveHours null');
const rowAWeights = yearRow('(a) moves by the single-month weights (moveHours null)', aWeights, fmt(aWeights.seconds, 1));
log('what each move of (a) saves');
const saved = savings(h, a);

// (b) month by month with today's single-month model.
log('(b) month-by-month replanning');
const budget = h.rules.maxTransfers ?? Infinity;
const T = h.months.length;
const perMonth = h.months.map((_, t) => (Number.isFinite(budget) ? Math.floor(budget / T) + (t < budget % T ? 1 : 0) : null));
let at = new Map(h.staff.map((p) => [p.staffId, p.centerCode]));
const movedPeople = new Set<string>();
let movesB = 0;
let secondsB = 0;
let worstGapB: number | null = 0;
const monthsB: { month: string; weighted: number; plain: number }[] = [];
h.months.forEach((m, t) => {
  const base = monthInput(h, t);
  const input = { ...base, staff: base.staff.map((p) => ({ ...p, centerCode: at.get(p.staffId) ?? p.centerCode })), rules: { ...base.rules, maxTransfers: perMonth[t] ?? null } };
  const p = solvePlan(highs, input, { timeLimitSeconds: monthLimit, now });
  if (p.objective === null) throw new Error(`(b) no plan in ${m.month}: ${p.message}`);
  const broken = checkPlanRules(input, p);
  if (broken.length > 0) throw new Error(`(b) ${m.month} breaks ${broken.length} rules`);
  secondsB += p.seconds;
  worstGapB = p.gap === null || worstGapB === null ? null : Math.max(worstGapB, p.gap);
  const next = new Map(at);
  for (const x of p.assignments) {
    if (x.toCenter !== x.fromCenter) {
      movesB += 1;
      movedPeople.add(x.staffId);
    }
    next.set(x.staffId, x.toCenter);
  }
  at = next;
  monthsB.push({ month: m.month, weighted: p.coverage.reduce((s, r) => s + r.uncovered * (priority.get(r.field) ?? 1), 0), plain: p.coverage.reduce((s, r) => s + r.uncovered, 0) });
  log(`(b) ${m.month}: ${p.status}, ${fmt(p.seconds, 1)} s`);
});
const rowB: Row = {
  name: '(b) month by month, today\'s model',
  weighted: monthsB.reduce((s, m) => s + m.weighted, 0),
  plain: monthsB.reduce((s, m) => s + m.plain, 0),
  worst: worstOf(monthsB),
  people: movedPeople.size,
  moves: movesB,
  secondmentMonths: 0,
  hires: 0,
  seconds: `${fmt(secondsB, 1)} (12 solves)`,
  gap: worstGapB === null ? 'unknown (a month without bound)' : `${fmt(worstGapB * 100, 2)}% (worst month)`,
};

// (a) with a transfer budget of half of (b)'s moves, no secondments: the target's question asked of the year plan.
const half = Math.floor(movesB / 2);
log(`(a) with ${half} transfers and no secondments`);
const aHalf = solveChecked({ ...h, rules: { ...h.rules, maxTransfers: half }, horizon: { ...h.horizon, secondmentMonths: 0 } }, '(a) at half of (b)\'s moves');
const rowAHalf = yearRow(`(a) ${half} transfers (half of (b)'s moves), no secondments`, aHalf, fmt(aHalf.seconds, 1));

// (c) no change.
const hi = buildHorizonIndex(h);
const c = decodeHorizon(h, hi, noChange(h.staff.length));
const rowC: Row = {
  name: '(c) no change',
  weighted: c.months.reduce((s, m) => s + m.weightedUncovered, 0),
  plain: c.months.reduce((s, m) => s + m.uncovered, 0),
  worst: worstOf(c.months.map((m) => ({ month: m.month, weighted: m.weightedUncovered }))),
  people: 0,
  moves: 0,
  secondmentMonths: 0,
  hires: 0,
  seconds: '-',
  gap: '-',
};

// The default moveHours on generated cities: 114 centers each, 12 months of Hai Phong's calendar
// (its hours per FTE), each cell's work drawn between 0.7 and 1.3 of the city's month by month.
const syntheticYear = (seed: number): HorizonInput => {
  const c = syntheticCity({ seed });
  const rand = mulberry32(seed + 101);
  return {
    centers: c.centers,
    fields: c.fields,
    staff: c.staff,
    months: h.months.map((m, t) => ({ month: addMonths(first, t), requiredHours: c.requiredHours.map((r) => ({ ...r, hours: r.hours * (0.7 + 0.6 * rand()) })), hoursPerFte: m.hoursPerFte })),
    rules: c.rules,
    horizon: YEAR_HORIZON_RULES,
  };
};
const cityRows: string[] = [];
for (let seed = 1; seed <= cities; seed += 1) {
  const y = syntheticYear(seed);
  log(`generated city ${seed}: moveHours null and ${YEAR_HORIZON_RULES.moveHours}`);
  const cells = [null, YEAR_HORIZON_RULES.moveHours].map((moveHours) => {
    const input = { ...y, horizon: { ...y.horizon, moveHours } };
    const p = solveChecked(input, `generated city ${seed}, moveHours ${moveHours ?? 'null'}`);
    const s = savings(input, p).filter((x) => x.kind !== 'training');
    const perMove = s.map((x) => x.hours / (x.kind === 'secondment' ? 2 : 1));
    return `${movesOf(p)} (${p.transfers.length} + ${p.secondments.length} x 2) | ${fmt(p.months.reduce((n, m) => n + m.uncovered, 0))} | ${perMove.length === 0 ? '-' : fmt(Math.min(...perMove))} | ${p.gap === null ? '?' : `${fmt(p.gap * 100, 2)}%`}`;
  });
  const none = decodeHorizon(y, buildHorizonIndex(y), noChange(y.staff.length)).months.reduce((n, m) => n + m.uncovered, 0);
  cityRows.push(`| seed ${seed}: ${y.centers.length} centers, ${y.staff.length} staff | ${fmt(none)} | ${cells.join(' | ')} |`);
}

const load1 = loadavg();
const out: string[] = [];
out.push(`## Value of planning ahead: Hai Phong, ${h.months[0]?.month} to ${h.months[T - 1]?.month}, P80, default rules (transfer budget ${h.rules.maxTransfers ?? 'unlimited'}, secondments ${h.horizon.secondmentMonths} person-months of ${h.horizon.secondmentMinMonths}-${h.horizon.secondmentMaxMonths}, training ${h.horizon.trainingBudget}, at most ${(h.horizon.maxLeavingShare ?? 1) * 100}% leaving a center, overload margin ${h.horizon.overloadMarginHours ?? '-'} h)`);
out.push('');
out.push('| plan | uncovered h, weighted | uncovered h | worst month (weighted h) | people moved | moves | secondment months | hires | solve s | gap |');
out.push('|---|---:|---:|---|---:|---:|---:|---:|---|---|');
for (const r of [rowA, rowAWeights, rowAHalf, rowB, rowC]) out.push(`| ${r.name} | ${fmt(r.weighted)} | ${fmt(r.plain)} | ${r.worst} | ${r.people} | ${r.moves} | ${r.secondmentMonths} | ${r.hires} | ${r.seconds} | ${r.gap} |`);
out.push('');
out.push(`Target: (a) covers at least as many hours as (b) (${fmt(rowA.plain)} vs ${fmt(rowB.plain)} uncovered: ${rowA.plain <= rowB.plain ? 'met' : 'not met'}) with at most half of (b)'s moves (${rowA.moves} vs ${rowB.moves}: ${2 * rowA.moves <= rowB.moves ? 'met' : 'not met'}).`);
out.push(`At half of (b)'s moves, the year plan with ${half} transfers: ${fmt(rowAHalf.plain)} h uncovered against (b)'s ${fmt(rowB.plain)} (${rowAHalf.plain <= rowB.plain ? 'at least as many covered' : 'fewer covered'}) with ${rowAHalf.moves} moves.`);
out.push('');
out.push(`Moves: a lasting transfer counts one, a secondment two (there and back); in (b) every change of a person's center in a month counts one. moveHours ${h.horizon.moveHours ?? 'null'} h: what one move disrupts, priority-weighted hours over the horizon.`);
out.push('');
out.push('## What each move of (a) saves: priority-weighted uncovered hours over the horizon without it, all else unchanged');
out.push('');
out.push('| kind | count | moves | smallest / median / largest saving, h | per move, smallest h |');
out.push('|---|---:|---:|---|---:|');
for (const kind of ['transfer', 'secondment', 'training'] as const) {
  const xs = saved.filter((x) => x.kind === kind).map((x) => x.hours);
  const perMove = kind === 'secondment' ? 2 : kind === 'transfer' ? 1 : 0;
  out.push(`| ${kind} | ${xs.length} | ${perMove * xs.length} | ${spread(xs)} | ${perMove === 0 || xs.length === 0 ? '-' : fmt(Math.min(...xs) / perMove)} |`);
}
out.push('');
out.push(`The five smallest: ${[...saved].sort((x, y) => x.hours - y.hours).slice(0, 5).map((x) => `${x.kind} ${x.what} ${fmt(x.hours)} h`).join('; ')}.`);
out.push('');
out.push('## The year-ahead plan month by month: uncovered hours (plain) under P50, P80 (planned for) and P95 demand');
out.push('');
out.push('| month | h per FTE | P50 | P80 | P95 | P80 no change | away | worst center % |');
out.push('|---|---:|---:|---:|---:|---:|---:|---:|');
a.months.forEach((m, t) => {
  const u = (q: number): string => fmt(a.under.find((x) => x.quantile === q)?.months[t]?.uncovered ?? NaN);
  out.push(`| ${m.month} | ${fmt(m.hoursPerFte, 1)} | ${u(0.5)} | ${u(0.8)} | ${u(0.95)} | ${fmt(c.months[t]?.uncovered ?? NaN)} | ${m.away} | ${fmt(m.maxSharePct, 1)} |`);
});
out.push('');
out.push(`## The default moveHours (${YEAR_HORIZON_RULES.moveHours} h) on generated cities: 12 months, the year's rules, transfer budget 30`);
out.push('');
out.push('| city | uncovered h, no change | moves, moveHours null | uncovered h | smallest saving per move, h | gap | moves, default | uncovered h | smallest saving per move, h | gap |');
out.push('|---|---:|---:|---:|---:|---|---:|---:|---:|---|');
out.push(...cityRows);
out.push('');
out.push('## Speed and quality of (a)');
out.push('');
out.push(`solve seconds per run: ${seconds.map((s) => fmt(s, 1)).join(', ')} (median ${fmt(median(seconds), 1)}); status ${a.status}; objective ${fmt(a.objective ?? NaN)}; bound ${fmt(a.bound ?? NaN)}; gap ${rowA.gap}; transfers ${a.transfers.length}, secondments ${a.secondments.length}, trainings ${a.trainings.length}; peak memory (maxRSS) ${fmt(process.resourceUsage().maxRSS / 1024)} MB; load average ${load0.map((x) => x.toFixed(2)).join(' ')} before, ${load1.map((x) => x.toFixed(2)).join(' ')} after; ${(await import('node:os')).cpus().length} cores.`);
process.stdout.write(`${out.join('\n')}\n`);
