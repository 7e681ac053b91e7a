/**
 * Dense indexes over a PlanInput: centers, fields and people by position, required hours as a
 * matrix, distances from each person's home to each center. Built once per solve; checks the
 * preconditions the model relies on and throws naming the bad value.
 */
import { haversineKm } from '../geo.ts';
import type { PlanInput } from './planInput.ts';

export interface PlanIndex {
  readonly centerCodes: readonly string[];
  readonly fieldIds: readonly string[];
  readonly centerOf: ReadonlyMap<string, number>;
  readonly fieldOf: ReadonlyMap<string, number>;
  /** required[c][f]: hours needed at center c in field f. */
  readonly required: readonly (readonly number[])[];
  readonly requiredByCenter: readonly number[];
  readonly priority: readonly number[];
  /** Person p works today at center current[p]. */
  readonly current: readonly number[];
  /** Person p's expertise as field positions, ascending. */
  readonly expertise: readonly (readonly number[])[];
  readonly locked: readonly boolean[];
  /** km from person p's home unit centroid to center c's centroid. */
  readonly homeKm: (p: number, c: number) => number;
  readonly headcountToday: readonly number[];
}

export const buildPlanIndex = (input: PlanInput): PlanIndex => {
  const { centers, fields, staff } = input;
  if (!(input.hoursPerFte > 0)) throw new Error(`buildPlanIndex: hoursPerFte must be > 0, got ${input.hoursPerFte}`);
  const centerCodes = centers.map((c) => c.code);
  const fieldIds = fields.map((f) => f.field);
  const centerOf = new Map(centerCodes.map((code, i) => [code, i]));
  const fieldOf = new Map(fieldIds.map((id, i) => [id, i]));
  if (centerOf.size !== centers.length) throw new Error('buildPlanIndex: duplicate center code');
  const required = centers.map(() => fields.map(() => 0));
  for (const r of input.requiredHours) {
    const c = centerOf.get(r.centerCode);
    const f = fieldOf.get(r.field);
    if (c === undefined) throw new Error(`buildPlanIndex: requiredHours names unknown center ${r.centerCode}`);
    if (f === undefined) throw new Error(`buildPlanIndex: requiredHours names unknown field ${r.field}`);
    if (!(r.hours >= 0)) throw new Error(`buildPlanIndex: requiredHours ${r.centerCode}/${r.field} is ${r.hours}`);
    (required[c] as number[])[f] = ((required[c] as number[])[f] ?? 0) + r.hours;
  }
  const lockedIds = new Set(input.rules.lockedStaffIds);
  const current: number[] = [];
  const home: number[] = [];
  const expertise: number[][] = [];
  const locked: boolean[] = [];
  const headcountToday = centers.map(() => 0);
  for (const person of staff) {
    const c = centerOf.get(person.centerCode);
    const h = centerOf.get(person.homeCode);
    if (c === undefined) throw new Error(`buildPlanIndex: ${person.staffId} works at unknown center ${person.centerCode}`);
    if (h === undefined) throw new Error(`buildPlanIndex: ${person.staffId} lives in unknown unit ${person.homeCode}`);
    if (!(person.fte > 0 && person.fte <= 1)) throw new Error(`buildPlanIndex: ${person.staffId} has fte ${person.fte}`);
    current.push(c);
    home.push(h);
    headcountToday[c] = (headcountToday[c] ?? 0) + 1;
    expertise.push(
      [...new Set(person.fields.map((id) => fieldOf.get(id)).filter((f): f is number => f !== undefined))].sort(
        (a, b) => a - b,
      ),
    );
    locked.push(person.locked || lockedIds.has(person.staffId));
  }
  const n = centers.length;
  const km = new Float64Array(n * n);
  centers.forEach((a, i) =>
    centers.forEach((b, j) => {
      km[i * n + j] = haversineKm(a.lat, a.lon, b.lat, b.lon);
    }),
  );
  return {
    centerCodes,
    fieldIds,
    centerOf,
    fieldOf,
    required,
    requiredByCenter: required.map((row) => row.reduce((s, v) => s + v, 0)),
    priority: fields.map((f) => f.priority),
    current,
    expertise,
    locked,
    homeKm: (p, c) => km[(home[p] ?? 0) * n + c] ?? 0,
    headcountToday,
  };
};

/** Added commute of moving person p to center c: km beyond today's commute, never negative. */
export const addedCommuteKm = (index: PlanIndex, p: number, c: number): number =>
  Math.max(0, index.homeKm(p, c) - index.homeKm(p, index.current[p] ?? c));

/** Whether person p may work at center c: staying always; moving only unlocked and within the radius. */
export const mayWorkAt = (index: PlanIndex, maxCommuteKm: number, p: number, c: number): boolean =>
  c === index.current[p] || (!index.locked[p] && index.homeKm(p, c) <= maxCommuteKm);
