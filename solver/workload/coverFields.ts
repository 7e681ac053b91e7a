/**
 * The best use of one center's staff for its fields: each civil servant's hours go to fields in
 * their expertise, at most their available hours in all, so that the uncovered hours weighted by
 * field priority are as small as possible. This makes "short of expertise" honest when people hold
 * several fields: a field counts as short only if no allocation of today's people can cover it.
 *
 * A small LP (people x fields variables) solved with javascript-lp-solver:
 *   maximise  sum_f priority_f x covered_f,  covered_f = sum_p x_pf
 *   s.t.      sum_f x_pf <= hours_p  (each person),  covered_f <= required_f  (each field),  x >= 0.
 * The solution is checked for feasibility before use (within FEASIBILITY_TOLERANCE hours).
 */
import lpImport, { type SolveResult, type SolverAPI } from 'javascript-lp-solver';
import type { FieldId } from '../domain.ts';

// The package's types are read as CommonJS under NodeNext (its default export then looks like the
// whole module), while Node and bundlers load its ESM build, whose default export is the solver.
const solver = ((lpImport as unknown as { default?: SolverAPI }).default ?? lpImport) as unknown as SolverAPI;

/** One person available to the center: hours they can give and the fields they hold. */
export interface CoverPerson {
  readonly hours: number;
  readonly fields: readonly FieldId[];
}

/** Required hours and priority (weight of an uncovered hour) of one field. */
export interface CoverField {
  readonly field: FieldId;
  readonly requiredHours: number;
  readonly priority: number;
}

export interface FieldCover {
  readonly field: FieldId;
  readonly coveredHours: number;
  readonly uncoveredHours: number;
}

/** Slack allowed when checking the LP's answer, in hours (javascript-lp-solver rounds its answers to 6 decimals). */
export const FEASIBILITY_TOLERANCE = 1e-4;

/** Covered and uncovered hours per field, in the order of `fields`. Throws if the LP answer is not feasible. */
export const coverFields = (people: readonly CoverPerson[], fields: readonly CoverField[]): readonly FieldCover[] => {
  const byId = new Map(fields.map((f) => [f.field, f]));
  const constraints: Record<string, { max: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  const cells: { name: string; person: number; field: FieldId }[] = [];
  people.forEach((p, i) => {
    if (!(p.hours >= 0)) throw new Error(`coverFields: hours of person ${i} must be >= 0, got ${p.hours}`);
    constraints[`p${i}`] = { max: p.hours };
    for (const id of new Set(p.fields)) {
      const f = byId.get(id);
      if (f === undefined || f.requiredHours <= 0 || p.hours <= 0) continue;
      const name = `x${i}_${id}`;
      variables[name] = { cover: f.priority, [`p${i}`]: 1, [`f_${id}`]: 1 };
      cells.push({ name, person: i, field: id });
    }
  });
  for (const f of fields) {
    if (!(f.requiredHours >= 0)) throw new Error(`coverFields: required hours of ${f.field} must be >= 0, got ${f.requiredHours}`);
    if (!(f.priority > 0)) throw new Error(`coverFields: priority of ${f.field} must be > 0, got ${f.priority}`);
    constraints[`f_${f.field}`] = { max: f.requiredHours };
  }
  const covered = new Map<FieldId, number>();
  if (cells.length > 0) {
    const result = solver.Solve({ optimize: 'cover', opType: 'max', constraints, variables }) as SolveResult;
    if (!result.feasible) throw new Error('coverFields: the LP solver reported an infeasible allocation (it always has x = 0)');
    const used = new Map<number, number>();
    for (const c of cells) {
      const raw = result[c.name];
      const x = typeof raw === 'number' ? raw : 0;
      if (x < -FEASIBILITY_TOLERANCE) throw new Error(`coverFields: negative hours ${x} for ${c.name}`);
      const v = Math.max(0, x);
      used.set(c.person, (used.get(c.person) ?? 0) + v);
      covered.set(c.field, (covered.get(c.field) ?? 0) + v);
    }
    for (const [i, hours] of used) {
      const cap = people[i]?.hours ?? 0;
      if (hours > cap + FEASIBILITY_TOLERANCE) throw new Error(`coverFields: person ${i} given ${hours} h of ${cap} h`);
    }
  }
  return fields.map((f) => {
    const c = covered.get(f.field) ?? 0;
    if (c > f.requiredHours + FEASIBILITY_TOLERANCE) {
      throw new Error(`coverFields: ${f.field} covered ${c} h of ${f.requiredHours} h required`);
    }
    const coveredHours = Math.min(c, f.requiredHours);
    return { field: f.field, coveredHours, uncoveredHours: f.requiredHours - coveredHours };
  });
};
