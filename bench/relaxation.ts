/**
 * Where the plan's LP relaxation is weak (issue 14): on generated 15-center cities with unlimited
 * transfers, the full model (every center within the radius offered to everyone) is solved as an LP
 * and as a MIP (HiGHS, to 0.01% or its time limit), and the LP's distance below the MIP's plan is
 * printed for the model as built and for the same city with one structure taken away at a time:
 * each person's expertise cut to its first field, no seat limits (max_staff), everyone full time,
 * no evenness term, no move costs. The structure whose removal closes the distance is the one the
 * relaxation handles badly.
 *
 * Then an experiment on the bound (not used by solvePlan): cell-cover inequalities over SETS of a
 * center's fields (the people who hold any field of the set cover at most min(H fte, the set's
 * hours they may do), complemented at the people the LP puts there whole, mixed-integer rounded by
 * H), separated greedily from the LP's solution for up to 8 rounds, each round's LP distance
 * printed. It says how much such rows would add to the single-field rows the model has.
 *
 *   npm run bench:relaxation                     (seeds 2-6, 60 s per MIP)
 *   npm run bench:relaxation -- --seeds 1,7 --mip-seconds 120
 */
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { median } from 'simple-statistics';
import { loadHighs } from '../solver/plan/loadHighs.ts';
import { syntheticCity } from '../solver/plan/syntheticCity.ts';
import { buildPlanIndex, type PlanIndex } from '../solver/plan/planIndex.ts';
import { candidateCenters } from '../solver/plan/candidateCenters.ts';
import { buildPlanModel, type PlanModel } from '../solver/plan/buildPlanModel.ts';
import { solveWithHighs } from '../solver/plan/solveWithHighs.ts';
import type { LinearModel, LinearRow } from '../solver/plan/linearModel.ts';
import type { PlanInput } from '../solver/plan/planInput.ts';

const { values } = parseArgs({
  options: { seeds: { type: 'string', default: '2,3,4,5,6' }, 'mip-seconds': { type: 'string', default: '60' }, centers: { type: 'string', default: '15' } },
});
const seeds = values.seeds.split(',').map(Number);
const mipSeconds = Number(values['mip-seconds']);
const centers = Number(values.centers);
const highs = await loadHighs();

type Variant = (input: PlanInput) => PlanInput;
const VARIANTS: readonly (readonly [string, Variant])[] = [
  ['as built', (i) => i],
  ['one field each', (i) => ({ ...i, staff: i.staff.map((s) => ({ ...s, fields: s.fields.slice(0, 1) })) })],
  ['no seat limits', (i) => ({ ...i, centers: i.centers.map((c) => ({ ...c, maxStaff: 10_000 })) })],
  ['everyone full time', (i) => ({ ...i, staff: i.staff.map((s) => ({ ...s, fte: 1 })) })],
  ['no evenness term', (i) => ({ ...i, rules: { ...i.rules, weights: { ...i.rules.weights, evenness: 0 } } })],
  ['no move costs', (i) => ({ ...i, rules: { ...i.rules, weights: { ...i.rules.weights, transfers: 0, commuteKm: 0 } } })],
];

const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;
const cityOf = (seed: number): PlanInput => syntheticCity({ seed, centers, rules: { maxTransfers: null } });

const fullModel = (input: PlanInput): { index: PlanIndex; pm: PlanModel } => {
  const index = buildPlanIndex(input);
  return { index, pm: buildPlanModel(input, index, candidateCenters(input, index, Infinity)) };
};

/** The most violated field-set cell-cover row grown greedily from each field of center c, or none. */
const fieldSetCuts = (input: PlanInput, index: PlanIndex, pm: PlanModel, x: Float64Array, c: number): LinearRow[] => {
  const H = input.hoursPerFte;
  const fields = (pm.uncovered[c] ?? []).flatMap((col, f) => (col >= 0 ? [f] : []));
  const here = pm.assign.filter((a) => a.c === c);
  const cut = (set: ReadonlySet<number>): { violation: number; row: LinearRow } | null => {
    let required = 0;
    for (const f of set) required += index.required[c]?.[f] ?? 0;
    const people = here.flatMap((a) => {
      let reach = 0;
      for (const f of index.expertise[a.p] ?? []) if (set.has(f)) reach += index.required[c]?.[f] ?? 0;
      if (!(reach > 0)) return [];
      const a0 = Math.min(H * (input.staff[a.p]?.fte ?? 1), reach);
      return [{ col: a.col, a: a0, whole: (x[a.col] ?? 0) > 0.5 }];
    });
    // Complemented at the people placed whole: what the others must still cover.
    let rest = required;
    for (const q of people) if (q.whole) rest -= q.a;
    const full = Math.floor(rest / H);
    const r = rest - full * H;
    if (!(rest > 0) || r < 1e-6 * H) return null;
    let rhs = r * (full + 1);
    const cols: number[] = [];
    const vals: number[] = [];
    let lhs = 0;
    for (const f of set) {
      const u = pm.uncovered[c]?.[f] ?? -1;
      cols.push(u);
      vals.push(1);
      lhs += x[u] ?? 0;
    }
    for (const q of people) {
      // MIR coefficients: min(r, a) for a person not placed whole; for one placed whole (written as
      // 1 - x), r when a = H and H max(0, a/H + r/H - 1) otherwise, moved back to x.
      const k = q.whole ? (q.a >= H * (1 - 1e-9) ? r : H * Math.max(0, q.a / H + r / H - 1)) : Math.min(r, q.a);
      if (q.whole) rhs += k;
      cols.push(q.col);
      vals.push(k);
      lhs += k * (x[q.col] ?? 0);
    }
    return { violation: rhs - lhs, row: { name: 'field_set_cut', lower: rhs, upper: Infinity, cols, vals } };
  };
  const rows = new Map<string, LinearRow>();
  for (const f0 of fields) {
    let set = new Set([f0]);
    let best = cut(set);
    for (;;) {
      let next: { set: Set<number>; c: NonNullable<ReturnType<typeof cut>> } | null = null;
      for (const g of fields) {
        if (set.has(g)) continue;
        const wider = new Set([...set, g]);
        const w = cut(wider);
        if (w !== null && w.violation > (next?.c.violation ?? best?.violation ?? 0) + 1e-6) next = { set: wider, c: w };
      }
      if (next === null) break;
      set = next.set;
      best = next.c;
    }
    if (best !== null && best.violation > 1e-3) rows.set([...set].sort((a, b) => a - b).join(','), best.row);
  }
  return [...rows.values()];
};

console.log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}; generated cities of ${centers} centers, unlimited transfers, full model; MIP ${mipSeconds} s, gap 0.01%\n`);
console.log('## LP below the MIP plan, (MIP - LP) / MIP, per structure taken away\n');
console.log(`| city | staff | ${VARIANTS.map(([n]) => n).join(' | ')} |`);
console.log(`|---|---:|${VARIANTS.map(() => '---:').join('|')}|`);
const mipOf = new Map<number, number>();
const byVariant = VARIANTS.map(() => [] as number[]);
for (const seed of seeds) {
  const cells: string[] = [];
  VARIANTS.forEach(([, change], v) => {
    const input = change(cityOf(seed));
    const { pm } = fullModel(input);
    const lp = solveWithHighs(highs, pm.model, { relax: true, timeLimitSeconds: 60 });
    const mip = solveWithHighs(highs, pm.model, { timeLimitSeconds: mipSeconds, relativeGap: 1e-4 });
    if (lp.objective === null || mip.objective === null) {
      cells.push('-');
      return;
    }
    if (v === 0) mipOf.set(seed, mip.objective);
    const distance = 1 - lp.objective / mip.objective;
    byVariant[v]?.push(distance);
    cells.push(`${pct(distance)}${mip.status === 'optimal' ? '' : ` (MIP ${mip.status}, its bound ${pct(1 - (mip.bound ?? 0) / mip.objective)})`}`);
  });
  console.log(`| seed ${seed} | ${cityOf(seed).staff.length} | ${cells.join(' | ')} |`);
}
console.log(`| median | | ${byVariant.map((d) => (d.length > 0 ? pct(median(d)) : '-')).join(' | ')} |`);

console.log('\n## Field-set cell-cover rows (an experiment on the bound): LP below the MIP plan, by round\n');
console.log('| city | round 0 (the model) | after the rounds (rows added each round) |');
console.log('|---|---:|---|');
for (const seed of seeds) {
  const input = cityOf(seed);
  const { index, pm } = fullModel(input);
  const mip = mipOf.get(seed);
  if (mip === undefined) continue;
  const model: { columns: LinearModel['columns']; rows: LinearRow[] } = { columns: pm.model.columns, rows: [...pm.model.rows] };
  const trail: string[] = [];
  let first = '';
  for (let round = 0; round <= 8; round += 1) {
    const lp = solveWithHighs(highs, model, { relax: true, timeLimitSeconds: 60 });
    if (lp.x === null || lp.objective === null) break;
    if (round === 0) first = pct(1 - lp.objective / mip);
    else trail.push(pct(1 - lp.objective / mip));
    if (round === 8) break;
    const added = index.centerCodes.flatMap((_, c) => fieldSetCuts(input, index, pm, lp.x as Float64Array, c));
    if (added.length === 0) break;
    added.forEach((row, k) => model.rows.push({ ...row, name: `field_set_cut_r${round}_${k}` }));
    trail.push(`+${added.length}`);
  }
  console.log(`| seed ${seed} | ${first} | ${trail.join(' ')} |`);
}
console.log(`\nload average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
