/**
 * How much of the shortage moving people could close at most, and what only hiring or training
 * can: bounds from a linear relaxation, so each figure is a proven limit, not an estimate.
 *
 * The relaxation: any number of transfers; people free to split their hours between the centers
 * within the commute radius of their home (locked people only where they work), in any field of
 * their expertise; seats kept (a person giving h hours to a center fills h / (fte x hours per FTE)
 * of a seat there, as a whole person at a whole center fills one); minimum staff ignored. People
 * with the same expertise, FTE and reachable centers are one group. Columns y[g,c,f] = hours of
 * group g at center c in field f; maximise the covered hours.
 * - `uncoveredAtBest`: required minus the relaxation's best coverage, a lower bound on the uncovered
 *   hours of every plan that moves people within the radius and the seats.
 * - per field, the same relaxation with that field alone (its holders giving it all their hours):
 *   a lower bound on that field's uncovered hours in every such plan, so at least that much of it
 *   needs hires or cross-training.
 */
import type { Highs } from 'highs';
import { linearModelBuilder } from './linearModel.ts';
import type { PlanInput } from './planInput.ts';
import { buildPlanIndex, mayWorkAt, type PlanIndex } from './planIndex.ts';
import { solveWithHighs } from './solveWithHighs.ts';

export interface TransferPotential {
  /** Fewest uncovered hours any plan moving people within the radius and the seats can reach (a bound). */
  readonly uncoveredAtBest: number;
  /** Per field, fewest uncovered hours of that field any such plan can reach (a bound per field). */
  readonly remainingByField: Readonly<Record<string, number>>;
  /** HiGHS seconds of the relaxations. */
  readonly seconds: number;
}

interface Group {
  readonly fte: number;
  /** Hours of all its people. */
  hours: number;
  readonly fields: readonly number[];
  readonly centers: readonly number[];
}

const groupsOf = (input: PlanInput, index: PlanIndex): Group[] => {
  const byKey = new Map<string, Group>();
  input.staff.forEach((person, p) => {
    const centers: number[] = [];
    for (let c = 0; c < index.centerCodes.length; c += 1) if (mayWorkAt(index, input.rules.maxCommuteKm, p, c)) centers.push(c);
    const fields = index.expertise[p] ?? [];
    const key = `${person.fte}|${fields.join(',')}|${centers.join(',')}`;
    const group = byKey.get(key) ?? { fte: person.fte, hours: 0, fields, centers };
    group.hours += person.fte * input.hoursPerFte;
    byKey.set(key, group);
  });
  return [...byKey.values()];
};

const append = <K>(lists: Map<K, [number, number][]>, key: K, term: [number, number]): void => {
  const list = lists.get(key);
  if (list === undefined) lists.set(key, [term]);
  else list.push(term);
};

/** The relaxation's best covered hours, with only field `only` when given. */
const bestCoverage = (highs: Highs, input: PlanInput, index: PlanIndex, groups: readonly Group[], only: number | undefined, timeLimitSeconds: number): { covered: number; seconds: number } => {
  const H = input.hoursPerFte;
  const b = linearModelBuilder();
  const byCell = new Map<number, [number, number][]>();
  const bySeat = new Map<number, [number, number][]>();
  const nF = index.fieldIds.length;
  groups.forEach((g, i) => {
    const own: [number, number][] = [];
    for (const c of g.centers) {
      for (const f of g.fields) {
        if ((only !== undefined && f !== only) || !((index.required[c]?.[f] ?? 0) > 0)) continue;
        const col = b.addColumn({ name: `y${i}_${c}_${f}`, cost: -1, lower: 0, upper: Infinity, integer: false });
        own.push([col, 1]);
        const cell = c * nF + f;
        // Appended in place: copying the list at each column made the build quadratic in a
        // center's columns.
        append(byCell, cell, [col, 1]);
        append(bySeat, c, [col, 1 / (g.fte * H)]);
      }
    }
    if (own.length > 0) b.addRow(`hours${i}`, -Infinity, g.hours, own);
  });
  for (const [cell, terms] of byCell) {
    const c = Math.floor(cell / nF);
    b.addRow(`work${c}_${cell % nF}`, -Infinity, index.required[c]?.[cell % nF] ?? 0, terms);
  }
  for (const [c, terms] of bySeat) b.addRow(`seats${c}`, -Infinity, input.centers[c]?.maxStaff ?? 0, terms);
  const model = b.build();
  if (model.columns.length === 0) return { covered: 0, seconds: 0 };
  const out = solveWithHighs(highs, model, { relax: true, timeLimitSeconds, primalSimplex: true });
  if (out.status !== 'optimal' || out.objective === null) throw new Error(`transferPotential: the relaxation ended ${out.status}`);
  return { covered: -out.objective, seconds: out.seconds };
};

/**
 * Everything transferPotential reads of a plan input, as text: the centers, fields, staff, required
 * hours, hours per FTE, the commute radius and the locked people (no other rule). Equal texts give
 * equal potentials, so a caller can keep a potential under a hash of it (the plan command does,
 * api/storage/preparedPotential.ts) and reuse it when only other levers (the budget, minimum staff,
 * hires, weights) change.
 */
export const potentialInputKey = (input: PlanInput): string =>
  JSON.stringify([input.centers, input.fields, input.staff, input.requiredHours, input.hoursPerFte, input.rules.maxCommuteKm, [...input.rules.lockedStaffIds].sort()]);

export const transferPotential = (highs: Highs, input: PlanInput, options: { readonly timeLimitSeconds?: number } = {}): TransferPotential => {
  const limit = options.timeLimitSeconds ?? 30;
  const index = buildPlanIndex(input);
  const groups = groupsOf(input, index);
  const requiredTotal = index.requiredByCenter.reduce((s, v) => s + v, 0);
  const all = bestCoverage(highs, input, index, groups, undefined, limit);
  let seconds = all.seconds;
  const remainingByField: Record<string, number> = {};
  index.fieldIds.forEach((field, f) => {
    const required = index.required.reduce((s, row) => s + (row[f] ?? 0), 0);
    if (required <= 0) return;
    const alone = bestCoverage(highs, input, index, groups, f, limit);
    seconds += alone.seconds;
    const remaining = required - alone.covered;
    if (remaining > 1e-6) remainingByField[field] = remaining;
  });
  return { uncoveredAtBest: Math.max(0, requiredTotal - all.covered), remainingByField, seconds };
};
