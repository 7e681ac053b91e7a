/**
 * The plan as a mixed-integer linear model.
 *
 * Columns
 *   x[p,c] in {0,1}   person p works at candidate center c (exactly one per person)
 *   y[c,T,f] >= 0     hours that people of expertise set T at center c give to field f. People with the
 *                     same expertise are interchangeable for hours, so one column per (c, T, f) replaces
 *                     one per (p, c, f); any y is split back to people in proportion to FTE (exact).
 *   u[c,f] in [0,req] uncovered hours
 *   n[c,f] integer    hires placed (only for fields with hires allowed); hh[c,f] their hours
 *   z >= 0            largest uncovered share among centers, in percentage points
 * Rows (each rule has its name in words, used again by checkPlanRules)
 *   one center per person:       sum_c x[p,c] = 1
 *   hours within availability:   sum_f y[c,T,f] <= hoursPerFte * sum_{p in T} fte_p x[p,c]
 *   uncovered hours:             sum_T y[c,T,f] + hh[c,f] + u[c,f] = req[c,f]
 *   hires within allowed:        hh <= hoursPerFte n;  sum_c n[c,f] <= allowed[f]
 *   headcount within max_staff and minimum: min_c <= sum_p x[p,c] + sum_f n[c,f] <= maxStaff_c
 *   transfers within budget:     sum_{c != current(p)} x[p,c] <= maxTransfers
 *   evenness:                    z >= 100 * sum_f u[c,f] / req_c
 *   cell cover (cellCover.ts):   u[c,f] + sum_{p with f} min(r, H fte_p) x[p,c] + min(r, H) n[c,f] >= r ceil(req/H),
 *                                r = req mod H (one row per cell with required hours not a whole
 *                                number of FTE, even without candidates, so pricing a new x[p,c]
 *                                always finds its row)
 * Objective (minimise): sum w.uncovered * priority_f * u + w.evenness * z
 *   + sum_{moves} (w.transfers + w.commuteKm * addedKm) + w.hires * sum n.
 */
import { cellCover, cellCoverCoefficient } from './cellCover.ts';
import { linearModelBuilder, type LinearModel } from './linearModel.ts';
import { minStaffOf, type PlanInput } from './planInput.ts';
import { ownValue } from '../ownValue.ts';
import { addedCommuteKm, type PlanIndex } from './planIndex.ts';

export interface AssignColumn {
  readonly p: number;
  readonly c: number;
  readonly col: number;
}

export interface TypeHoursColumn {
  readonly c: number;
  /** Expertise set, e.g. "0,3,7" (field positions). */
  readonly type: string;
  readonly f: number;
  readonly col: number;
}

export interface PlanModel {
  readonly model: LinearModel;
  readonly assign: readonly AssignColumn[];
  readonly typeHours: readonly TypeHoursColumn[];
  /** Column of u[c][f], or -1 where nothing is required. */
  readonly uncovered: readonly (readonly number[])[];
  /** Row of the uncovered-hours equation per (c,f), or -1. */
  readonly coverRow: readonly (readonly number[])[];
  /** Columns of n[c][f] and hh[c][f], or -1 where hires are not allowed. */
  readonly hires: readonly (readonly number[])[];
  readonly hireHours: readonly (readonly number[])[];
  readonly evennessCol: number;
  readonly personRow: readonly number[];
  /** Row of the hours-within-availability constraint per `${c}|${expertiseKey}`. */
  readonly capacityRow: ReadonlyMap<string, number>;
  readonly headcountRow: readonly number[];
  /** Row of the cell-cover inequality per (c,f), or -1 where there is none (cellCover.ts). */
  readonly cellCoverRow: readonly (readonly number[])[];
  /** Row of the transfer budget, or -1 when unlimited. */
  readonly budgetRow: number;
}

export const expertiseKey = (fields: readonly number[]): string => fields.join(',');

export const buildPlanModel = (
  input: PlanInput,
  index: PlanIndex,
  candidates: readonly (readonly number[])[],
): PlanModel => {
  const { rules, hoursPerFte: H } = input;
  const w = rules.weights;
  const b = linearModelBuilder();
  const nC = index.centerCodes.length;
  const nF = index.fieldIds.length;
  const grid = (): number[][] => Array.from({ length: nC }, () => new Array<number>(nF).fill(-1));

  const personRow: number[] = [];
  const capacityRow = new Map<string, number>();
  const headcountRow: number[] = [];
  let budgetRow = -1;
  const assign: AssignColumn[] = [];
  const atCenter: AssignColumn[][] = Array.from({ length: nC }, () => []);
  const capacityTerms = new Map<string, [number, number][]>();
  input.staff.forEach((person, p) => {
    const cands = candidates[p] ?? [];
    const terms: [number, number][] = [];
    for (const c of cands) {
      const moves = c !== index.current[p];
      const cost = moves ? w.transfers + w.commuteKm * addedCommuteKm(index, p, c) : 0;
      const col = b.addColumn({ name: `x_p${p}_c${c}`, cost, lower: 0, upper: 1, integer: true });
      const a = { p, c, col };
      assign.push(a);
      atCenter[c]?.push(a);
      terms.push([col, 1]);
      const key = `${c}|${expertiseKey(index.expertise[p] ?? [])}`;
      const cap = capacityTerms.get(key) ?? [];
      cap.push([col, -H * person.fte]);
      capacityTerms.set(key, cap);
    }
    personRow.push(b.addRow(`one_center_p${p}`, 1, 1, terms));
  });

  const uncovered = grid();
  const hires = grid();
  const hireHours = grid();
  const coverTerms: [number, number][][][] = Array.from({ length: nC }, () =>
    Array.from({ length: nF }, () => []),
  );
  const typeHours: TypeHoursColumn[] = [];
  for (const [key, cap] of [...capacityTerms].sort((a, b2) => (a[0] < b2[0] ? -1 : 1))) {
    const [cText, type = ''] = key.split('|');
    const c = Number(cText);
    const fields = type === '' ? [] : type.split(',').map(Number);
    const terms: [number, number][] = [...cap];
    // Named by the expertise set, not by position, so the same row has the same name in every model
    // of the input (mapBasis.ts warm-starts one model from another by names).
    const t = type.replaceAll(',', '_');
    for (const f of fields) {
      if (!((index.required[c]?.[f] ?? 0) > 0)) continue;
      const col = b.addColumn({ name: `y_c${c}_t${t}_f${f}`, cost: 0, lower: 0, upper: Infinity, integer: false });
      typeHours.push({ c, type, f, col });
      terms.push([col, 1]);
      coverTerms[c]?.[f]?.push([col, 1]);
    }
    capacityRow.set(key, b.addRow(`hours_within_availability_c${c}_t${t}`, -Infinity, 0, terms));
  }

  const evennessCol = b.addColumn({ name: 'z_evenness', cost: w.evenness, lower: 0, upper: 100, integer: false });
  const hireCount = index.fieldIds.map(() => [] as [number, number][]);
  const coverRow = grid();
  for (let c = 0; c < nC; c += 1) {
    const evenTerms: [number, number][] = [[evennessCol, 1]];
    for (let f = 0; f < nF; f += 1) {
      const req = index.required[c]?.[f] ?? 0;
      if (!(req > 0)) continue;
      const u = b.addColumn({
        name: `u_c${c}_f${f}`,
        cost: w.uncovered * (index.priority[f] ?? 1),
        lower: 0,
        upper: req,
        integer: false,
      });
      (uncovered[c] as number[])[f] = u;
      evenTerms.push([u, -100 / (index.requiredByCenter[c] ?? 1)]);
      const terms = [...(coverTerms[c]?.[f] ?? []), [u, 1] as [number, number]];
      const allowed = ownValue(rules.hiresAllowedByField, index.fieldIds[f] ?? '') ?? 0;
      if (allowed > 0) {
        const n = b.addColumn({ name: `n_c${c}_f${f}`, cost: w.hires, lower: 0, upper: allowed, integer: true });
        const hh = b.addColumn({ name: `hh_c${c}_f${f}`, cost: 0, lower: 0, upper: Infinity, integer: false });
        (hires[c] as number[])[f] = n;
        (hireHours[c] as number[])[f] = hh;
        b.addRow(`hire_hours_c${c}_f${f}`, -Infinity, 0, [[hh, 1], [n, -H]]);
        hireCount[f]?.push([n, 1]);
        terms.push([hh, 1]);
      }
      (coverRow[c] as number[])[f] = b.addRow(`uncovered_hours_c${c}_f${f}`, req, req, terms);
    }
    if ((index.requiredByCenter[c] ?? 0) > 0) {
      b.addRow(`evenness_c${c}`, 0, Infinity, evenTerms);
    }
  }
  hireCount.forEach((terms, f) => {
    if (terms.length > 0) {
      b.addRow(`hires_within_allowed_f${f}`, -Infinity, ownValue(rules.hiresAllowedByField, index.fieldIds[f] ?? '') ?? 0, terms);
    }
  });
  input.centers.forEach((center, c) => {
    const terms: [number, number][] = (atCenter[c] ?? []).map((a) => [a.col, 1]);
    for (const n of hires[c] ?? []) if (n >= 0) terms.push([n, 1]);
    headcountRow.push(b.addRow(`headcount_c${c}`, minStaffOf(rules, center.code), center.maxStaff, terms));
  });
  const cellCoverRow = grid();
  for (let c = 0; c < nC; c += 1) {
    for (let f = 0; f < nF; f += 1) {
      const u = uncovered[c]?.[f] ?? -1;
      const cell = cellCover(index.required[c]?.[f] ?? 0, H);
      if (cell === null || u < 0) continue;
      const terms: [number, number][] = [[u, 1]];
      for (const a of atCenter[c] ?? []) {
        if ((index.expertise[a.p] ?? []).includes(f)) terms.push([a.col, cellCoverCoefficient(cell, H, input.staff[a.p]?.fte ?? 1)]);
      }
      const n = hires[c]?.[f] ?? -1;
      if (n >= 0) terms.push([n, cellCoverCoefficient(cell, H, 1)]);
      (cellCoverRow[c] as number[])[f] = b.addRow(`cell_cover_c${c}_f${f}`, cell.rhs, Infinity, terms);
    }
  }
  if (rules.maxTransfers !== null) {
    const moves = assign.filter((a) => a.c !== index.current[a.p]).map((a): [number, number] => [a.col, 1]);
    budgetRow = b.addRow('transfers_within_budget', -Infinity, rules.maxTransfers, moves);
  }
  return { model: b.build(), assign, typeHours, uncovered, coverRow, hires, hireHours, evennessCol, personRow, capacityRow, headcountRow, cellCoverRow, budgetRow };
};
