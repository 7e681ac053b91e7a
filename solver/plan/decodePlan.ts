/**
 * Turns solver column values into a plan: people at centers (x > 0.5), the hours of each expertise
 * group split back to its members in proportion to FTE, hires, and coverage per center and field.
 */
import type { PlanModel } from './buildPlanModel.ts';
import { expertiseKey } from './buildPlanModel.ts';
import type { Assignment, CenterFieldCoverage, Hire } from './plan.ts';
import type { PlanInput } from './planInput.ts';
import type { PlanIndex } from './planIndex.ts';

/** Hours below this are solver noise (1e-6 h is under 4 ms). */
const NOISE_HOURS = 1e-6;

export interface DecodedPlan {
  readonly assignments: readonly Assignment[];
  readonly hires: readonly Hire[];
  readonly coverage: readonly CenterFieldCoverage[];
}

export const decodePlan = (
  input: PlanInput,
  index: PlanIndex,
  pm: PlanModel,
  x: ArrayLike<number>,
): DecodedPlan => {
  const at = index.current.slice();
  for (const a of pm.assign) if ((x[a.col] ?? 0) > 0.5) at[a.p] = a.c;
  const groupFte = new Map<string, number>();
  input.staff.forEach((person, p) => {
    const key = `${at[p]}|${expertiseKey(index.expertise[p] ?? [])}`;
    groupFte.set(key, (groupFte.get(key) ?? 0) + person.fte);
  });
  const groupHours = new Map<string, [number, number][]>();
  for (const y of pm.typeHours) {
    const v = x[y.col] ?? 0;
    if (v <= NOISE_HOURS) continue;
    const key = `${y.c}|${y.type}`;
    const list = groupHours.get(key) ?? [];
    list.push([y.f, v]);
    groupHours.set(key, list);
  }
  const nF = index.fieldIds.length;
  const assigned = index.centerCodes.map(() => new Array<number>(nF).fill(0));
  const assignments: Assignment[] = input.staff.map((person, p) => {
    const c = at[p] ?? 0;
    const key = `${c}|${expertiseKey(index.expertise[p] ?? [])}`;
    const share = person.fte / (groupFte.get(key) ?? person.fte);
    const hours: Record<string, number> = {};
    for (const [f, v] of groupHours.get(key) ?? []) {
      const h = v * share;
      if (h <= NOISE_HOURS) continue;
      hours[index.fieldIds[f] ?? ''] = h;
      (assigned[c] as number[])[f] = (assigned[c]?.[f] ?? 0) + h;
    }
    return {
      staffId: person.staffId,
      fromCenter: person.centerCode,
      toCenter: index.centerCodes[c] ?? person.centerCode,
      hours,
    };
  });
  const hires: Hire[] = [];
  pm.hires.forEach((row, c) =>
    row.forEach((col, f) => {
      if (col < 0) return;
      const count = Math.round(x[col] ?? 0);
      if (count <= 0) return;
      const hours = x[pm.hireHours[c]?.[f] ?? -1] ?? 0;
      (assigned[c] as number[])[f] = (assigned[c]?.[f] ?? 0) + hours;
      hires.push({ centerCode: index.centerCodes[c] ?? '', field: index.fieldIds[f] ?? '', count, hours });
    }),
  );
  const coverage: CenterFieldCoverage[] = [];
  index.required.forEach((row, c) =>
    row.forEach((required, f) => {
      const a = assigned[c]?.[f] ?? 0;
      if (required <= 0 && a <= 0) return;
      coverage.push({
        centerCode: index.centerCodes[c] ?? '',
        field: index.fieldIds[f] ?? '',
        required,
        assigned: a,
        uncovered: Math.max(0, required - a),
      });
    }),
  );
  return { assignments, hires, coverage };
};
