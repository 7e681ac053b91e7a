/**
 * The one split of hours every surface reports: given who works where (and the hires placed), each
 * center's people give their hours by the exact priority-first allocation (centerCoverage.ts).
 *
 * Why one split: for a fixed assignment, many splits of hours between fields cover the same
 * priority-weighted hours (the MIP returns any of them), and two surfaces that computed "the"
 * shortfall per field differently would disagree. The priority-first allocation is optimal for the
 * plan's objective (it maximises priority-weighted covered hours, and, the covered-hours vectors of a
 * flow network forming a polymatroid, every such maximum also covers the most hours in all, which is
 * what the evenness goal measures), and it is deterministic: people in staff-list order, then the
 * hires of each field. Before, after and every step in between (planLedger.ts) are computed by it.
 */
import { centerCoverage, type CoveragePerson } from './centerCoverage.ts';
import type { Assignment, CenterFieldCoverage, Hire } from './plan.ts';
import type { PlanInput } from './planInput.ts';
import type { PlanIndex } from './planIndex.ts';

/** Hours below this are rounding noise of the allocation (under 4 ms). */
const NOISE_HOURS = 1e-6;

/** Hires of one field at a center, as the allocation sees them: `count` people with that field only. */
export interface HireGroup {
  readonly field: number;
  readonly count: number;
}

/** One center's split: covered hours per field and each member's hours per field. */
export interface CenterAllocation {
  /** covered[f]: hours of field f covered at the center. */
  readonly covered: Float64Array;
  /** hours[i * fields + f]: member i's hours in field f (members in the order given). */
  readonly memberHours: Float64Array;
  /** hireHours[k]: hours the k-th hire group gives. */
  readonly hireHours: readonly number[];
}

/**
 * The split at center `c` of `members` (person positions, ascending) and `hires`. Members are taken
 * in ascending position and hire groups in ascending field, so a group gives the same split however
 * it was listed.
 */
export const centerAllocation = (input: PlanInput, index: PlanIndex, c: number, members: readonly number[], hires: readonly HireGroup[] = []): CenterAllocation => {
  const nF = index.fieldIds.length;
  const ordered = [...members].sort((a, b) => a - b);
  const groups = [...hires].filter((h) => h.count > 0).sort((a, b) => a.field - b.field);
  const people: CoveragePerson[] = [
    ...ordered.map((p) => ({ capacity: (input.staff[p]?.fte ?? 0) * input.hoursPerFte, fields: index.expertise[p] ?? [] })),
    ...groups.map((h) => ({ capacity: h.count * input.hoursPerFte, fields: [h.field] })),
  ];
  const covered = new Float64Array(nF);
  const hours = new Float64Array(people.length * nF);
  centerCoverage(index.required[c] ?? [], index.priority, people, covered, hours);
  // Members' rows in the order the caller gave them.
  const memberHours = new Float64Array(members.length * nF);
  const rowOf = new Map(ordered.map((p, i) => [p, i]));
  members.forEach((p, i) => memberHours.set(hours.subarray((rowOf.get(p) ?? 0) * nF, ((rowOf.get(p) ?? 0) + 1) * nF), i * nF));
  const hireHours = groups.map((_, k) => {
    const row = ordered.length + k;
    let sum = 0;
    for (let f = 0; f < nF; f += 1) sum += hours[row * nF + f] ?? 0;
    return sum;
  });
  return { covered, memberHours, hireHours };
};

/** Everything a plan says about hours, for the assignment `at` (center position per person) and `hires`. */
export interface AllocatedHours {
  readonly assignments: readonly Assignment[];
  readonly hires: readonly Hire[];
  readonly coverage: readonly CenterFieldCoverage[];
}

/**
 * Assignments with hours, hires with hours and coverage per center and field, for people at `at`
 * and `hires` (count per center and field; counts of 0 are left out).
 */
export const allocateHours = (input: PlanInput, index: PlanIndex, at: readonly number[], hires: readonly { readonly centerCode: string; readonly field: string; readonly count: number }[] = []): AllocatedHours => {
  const nC = index.centerCodes.length;
  const nF = index.fieldIds.length;
  const members: number[][] = Array.from({ length: nC }, () => []);
  at.forEach((c, p) => members[c]?.push(p));
  const hireGroups: HireGroup[][] = Array.from({ length: nC }, () => []);
  for (const h of hires) {
    const c = index.centerOf.get(h.centerCode);
    const f = index.fieldOf.get(h.field);
    if (c === undefined || f === undefined) throw new Error(`allocateHours: hire at ${h.centerCode} in ${h.field} names an unknown center or field`);
    if (h.count > 0) hireGroups[c]?.push({ field: f, count: h.count });
  }
  const personHours: Record<string, number>[] = input.staff.map(() => ({}));
  const outHires: Hire[] = [];
  const coverage: CenterFieldCoverage[] = [];
  for (let c = 0; c < nC; c += 1) {
    const group = members[c] ?? [];
    const groups = hireGroups[c] ?? [];
    const split = centerAllocation(input, index, c, group, groups);
    group.forEach((p, i) => {
      const row = personHours[p] as Record<string, number>;
      for (let f = 0; f < nF; f += 1) {
        const h = split.memberHours[i * nF + f] ?? 0;
        if (h > NOISE_HOURS) row[index.fieldIds[f] as string] = h;
      }
    });
    [...groups].sort((a, b) => a.field - b.field).forEach((g, k) => {
      outHires.push({ centerCode: index.centerCodes[c] as string, field: index.fieldIds[g.field] as string, count: g.count, hours: split.hireHours[k] ?? 0 });
    });
    for (let f = 0; f < nF; f += 1) {
      const required = index.required[c]?.[f] ?? 0;
      const assigned = split.covered[f] ?? 0;
      if (required <= 0 && assigned <= NOISE_HOURS) continue;
      coverage.push({ centerCode: index.centerCodes[c] as string, field: index.fieldIds[f] as string, required, assigned, uncovered: Math.max(0, required - assigned) });
    }
  }
  const assignments: Assignment[] = input.staff.map((person, p) => ({
    staffId: person.staffId,
    fromCenter: person.centerCode,
    toCenter: index.centerCodes[at[p] ?? 0] ?? person.centerCode,
    hours: personHours[p] ?? {},
  }));
  return { assignments, hires: outHires, coverage };
};
