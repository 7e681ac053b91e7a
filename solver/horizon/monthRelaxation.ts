/**
 * One month of a plan over several months, relaxed: the linear model whose optimum, month by
 * month, bounds the whole horizon from below (horizonBound.ts). Built once for a set of offered
 * centers and solved for every month by changing its numbers only (same columns and rows), so each
 * month starts from the previous month's optimal basis.
 *
 * Month t's relaxation R_t (hours in the month; person positions as in HorizonIndex):
 *   x[p,c] in [0,1]    person p works at offered center c this month (everyone who still works)
 *   y[c,T,f] >= 0      hours that people of expertise set T at c give to field f in T
 *   tau[c,T,g] >= 0    hours of field g (not in T) by people of set T at c trained in g: only for
 *                      sets T of the center's own staff (a trained person stays where they work)
 *   u[c,f] in [0,req]  uncovered hours;  n[c,f] >= 0 hires, hh[c,f] their hours;  z in [0,100]
 * Rows: one center per person (0 for someone who has left); hours within availability per (c,T)
 *   (y + tau <= H_t fte x); uncovered hours (y + tau + hh + u = req_t); hh <= H_t n; hires of f
 *   within allowed (none before the lead time); headcount within the minimum and the seats; moves
 *   within the transfer budget B (secondments add moves: horizonBound.ts); people leaving a center
 *   within its cap; trained hours within trainingBudget x H_t (none before a training can end);
 *   evenness z >= 100 sum_f u / req_c.
 * Costs: w.uncovered x priority per uncovered hour, w.evenness per point, and each disruption
 *   spread so that no month charges more than the horizon does: a move w' = min(transfer / T,
 *   secondment month + secondment / its longest run) (moveCost.ts) plus w.commuteKm x added km / T
 *   (a transfer is charged once, a secondment once and each of its months once); a hire w.hires / (months it can work); a trained hour w.training / (months the
 *   field can be used x H_t).
 * Every plan's month t, with the moves it has that month, is a solution of R_t (the relaxation
 * drops integrality, the staff quota and the overload rule, lets trainees work while they train and
 * lets trained hours come from any of the set's people), so the sum over months of R_t at the
 * plan's moves is at most the plan's objective.
 */
import type { ModelData } from 'highs';
import type { Highs } from 'highs';
import { expertiseKey } from '../plan/buildPlanModel.ts';
import type { HorizonIndex } from './horizonIndex.ts';
import type { HorizonInput } from './horizonInput.ts';
import { addedKm } from './horizonState.ts';
import { monthlyMoveCharge } from './moveCost.ts';

export interface RelaxationModel {
  readonly numCols: number;
  readonly numRows: number;
  /** A key per column and row, the same for the same meaning in any model built here (for warm starts). */
  readonly colKeys: readonly string[];
  readonly rowKeys: readonly string[];
  /** x columns: person, center, column. */
  readonly assign: readonly { readonly p: number; readonly c: number; readonly col: number }[];
  readonly personRow: readonly number[];
  readonly headcountRow: readonly number[];
  /** Row of the transfer budget, or -1 when unlimited. */
  readonly budgetRow: number;
  /** Row of people leaving center c, or -1. */
  readonly leavingRow: readonly number[];
  /** Row of hours within availability per `${c}|${expertiseKey}`. */
  readonly capacityRow: ReadonlyMap<string, number>;
  /** coverRow[c][f]: row of uncovered hours, or -1 where no month requires any. */
  readonly coverRow: readonly (readonly number[])[];
  /** Cost of a move of p to c (c not p's center) in every month's relaxation. */
  readonly moveCost: (p: number, c: number) => number;
  /** Month t's numbers, with the transfer budget set to `budget` (null: the rules'). */
  readonly monthData: (highs: Highs, t: number, budget?: number | null) => ModelData;
}

interface Term {
  readonly col: number;
  readonly val: number;
}

export const monthRelaxation = (h: HorizonInput, hi: HorizonIndex, offered: readonly (readonly number[])[]): RelaxationModel => {
  const { T } = hi;
  const r = h.horizon;
  const w = h.rules.weights;
  const base = hi.month[0] as HorizonIndex['month'][number];
  const nC = h.centers.length;
  const nF = base.fieldIds.length;
  const union = Array.from({ length: nC }, (_, c) => Array.from({ length: nF }, (_, f) => hi.month.some((m) => (m.required[c]?.[f] ?? 0) > 0)));
  const perMove = monthlyMoveCharge(h).move;
  const moveCost = (p: number, c: number): number => perMove + (w.commuteKm * addedKm(hi, p, c)) / T;
  const hireMonths = T - r.hireLeadMonths;
  const trainMonths = T - r.trainingMonths;
  const training = r.trainingBudget > 0 && trainMonths > 0;

  const colKeys: string[] = [];
  const cost: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const addCol = (key: string, c: number, lo: number, up: number): number => {
    colKeys.push(key);
    cost.push(c);
    lower.push(lo);
    upper.push(up);
    return colKeys.length - 1;
  };
  const rowKeys: string[] = [];
  const rowTerms: Term[][] = [];
  const rowLo: number[] = [];
  const rowUp: number[] = [];
  const addRow = (key: string, lo: number, up: number, terms: Term[]): number => {
    rowKeys.push(key);
    rowTerms.push(terms);
    rowLo.push(lo);
    rowUp.push(up);
    return rowKeys.length - 1;
  };

  // People and their centers.
  const assign: { p: number; c: number; col: number }[] = [];
  const atCenter: number[][] = Array.from({ length: nC }, () => []);
  const moves: number[] = [];
  const leavingTerms: Term[][] = Array.from({ length: nC }, () => []);
  const capacity = new Map<string, { p: number; col: number }[]>();
  const personRow: number[] = [];
  h.staff.forEach((_, p) => {
    const cur = base.current[p] ?? 0;
    const terms: Term[] = [];
    for (const c of offered[p] ?? [cur]) {
      const col = addCol(`x${p}|${c}`, c === cur ? 0 : moveCost(p, c), 0, 1);
      assign.push({ p, c, col });
      atCenter[c]?.push(col);
      terms.push({ col, val: 1 });
      if (c !== cur) {
        moves.push(col);
        leavingTerms[cur]?.push({ col, val: 1 });
      }
      const key = `${c}|${expertiseKey(base.expertise[p] ?? [])}`;
      const list = capacity.get(key) ?? [];
      list.push({ p, col });
      capacity.set(key, list);
    }
    personRow.push(addRow(`P${p}`, 1, 1, terms));
  });
  // Sets of each center's own staff: the ones whose hours training may turn to a new field.
  const ownSets = new Set(h.staff.map((_, p) => `${base.current[p] ?? 0}|${expertiseKey(base.expertise[p] ?? [])}`));

  // Hours by expertise set, trained hours, and the capacity rows (x entries patched per month).
  const coverTerms: Term[][][] = Array.from({ length: nC }, () => Array.from({ length: nF }, () => []));
  const capacityRow = new Map<string, number>();
  const capacityX: { row: number; p: number; col: number }[] = [];
  const trainCols: number[] = [];
  for (const key of [...capacity.keys()].sort()) {
    const [cText, type = ''] = key.split('|');
    const c = Number(cText);
    const fields = type === '' ? [] : type.split(',').map(Number);
    const terms: Term[] = [];
    for (const { p, col } of capacity.get(key) ?? []) {
      terms.push({ col, val: -1 });
      capacityX.push({ row: rowKeys.length, p, col });
    }
    for (const f of fields) {
      if (!union[c]?.[f]) continue;
      const y = addCol(`y${c}|${type}|${f}`, 0, 0, Infinity);
      terms.push({ col: y, val: 1 });
      coverTerms[c]?.[f]?.push({ col: y, val: 1 });
    }
    if (training && ownSets.has(key)) {
      for (let g = 0; g < nF; g += 1) {
        if (fields.includes(g) || !union[c]?.[g]) continue;
        const tau = addCol(`t${c}|${type}|${g}`, 0, 0, Infinity);
        trainCols.push(tau);
        terms.push({ col: tau, val: 1 });
        coverTerms[c]?.[g]?.push({ col: tau, val: 1 });
      }
    }
    capacityRow.set(key, addRow(`C${key}`, -Infinity, 0, terms));
  }

  // Uncovered hours, hires, evenness.
  const z = addCol('z', w.evenness, 0, 100);
  const uncovered: number[][] = Array.from({ length: nC }, () => new Array<number>(nF).fill(-1));
  const coverRow: number[][] = Array.from({ length: nC }, () => new Array<number>(nF).fill(-1));
  const hireCols: { c: number; f: number; n: number; row: number }[] = [];
  const hireTerms: Term[][] = Array.from({ length: nF }, () => []);
  const evenness: { row: number; c: number; terms: { f: number; col: number }[] }[] = [];
  for (let c = 0; c < nC; c += 1) {
    const uTerms: { f: number; col: number }[] = [];
    for (let f = 0; f < nF; f += 1) {
      if (!union[c]?.[f]) continue;
      const u = addCol(`u${c}|${f}`, w.uncovered * (base.priority[f] ?? 1), 0, 0);
      (uncovered[c] as number[])[f] = u;
      uTerms.push({ f, col: u });
      const terms: Term[] = [...(coverTerms[c]?.[f] ?? []), { col: u, val: 1 }];
      if ((hi.hiresAllowed[f] ?? 0) > 0 && hireMonths > 0) {
        const n = addCol(`n${c}|${f}`, w.hires / hireMonths, 0, 0);
        const hh = addCol(`h${c}|${f}`, 0, 0, Infinity);
        const row = addRow(`H${c}|${f}`, -Infinity, 0, [{ col: hh, val: 1 }, { col: n, val: -1 }]);
        hireCols.push({ c, f, n, row });
        hireTerms[f]?.push({ col: n, val: 1 });
        atCenter[c]?.push(n);
        terms.push({ col: hh, val: 1 });
      }
      (coverRow[c] as number[])[f] = addRow(`V${c}|${f}`, 0, 0, terms);
    }
    if (uTerms.length > 0) evenness.push({ row: addRow(`E${c}`, 0, Infinity, [{ col: z, val: 1 }, ...uTerms.map((x) => ({ col: x.col, val: -1 }))]), c, terms: uTerms });
  }
  hireTerms.forEach((terms, f) => {
    if (terms.length > 0) addRow(`A${f}`, -Infinity, hi.hiresAllowed[f] ?? 0, terms);
  });
  const headcountRow = h.centers.map((_, c) => addRow(`N${c}`, hi.minStaff[c] ?? 0, hi.maxStaff[c] ?? 0, (atCenter[c] ?? []).map((col) => ({ col, val: 1 }))));
  const budgetRow = h.rules.maxTransfers === null ? -1 : addRow('B', -Infinity, h.rules.maxTransfers, moves.map((col) => ({ col, val: 1 })));
  const leavingRow = h.centers.map((_, c) => {
    const cap = hi.leavingCap[c] ?? Infinity;
    return Number.isFinite(cap) && (leavingTerms[c]?.length ?? 0) > 0 ? addRow(`L${c}`, -Infinity, cap, leavingTerms[c] ?? []) : -1;
  });
  const trainRow = training && trainCols.length > 0 ? addRow('T', -Infinity, 0, trainCols.map((col) => ({ col, val: 1 }))) : -1;

  // Compressed rows, and where each month's numbers go in them.
  const starts = new Int32Array(rowKeys.length + 1);
  let nnz = 0;
  rowTerms.forEach((terms, i) => {
    nnz += terms.length;
    starts[i + 1] = nnz;
  });
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  const position = new Map<string, number>();
  rowTerms.forEach((terms, i) => {
    let k = starts[i] ?? 0;
    for (const term of terms) {
      indices[k] = term.col;
      values[k] = term.val;
      position.set(`${i}|${term.col}`, k);
      k += 1;
    }
  });
  const at = (row: number, col: number): number => position.get(`${row}|${col}`) ?? -1;
  const capacityAt = capacityX.map((e) => ({ k: at(e.row, e.col), fte: h.staff[e.p]?.fte ?? 0 }));
  const hireAt = hireCols.map((e) => ({ ...e, k: at(e.row, e.n) }));
  const evennessAt = evenness.map((e) => ({ row: e.row, c: e.c, ks: e.terms.map((x) => at(e.row, x.col)) }));
  position.clear();
  const cost0 = Float64Array.from(cost);
  const lower0 = Float64Array.from(lower);
  const upper0 = Float64Array.from(upper);
  const rowLo0 = Float64Array.from(rowLo);
  const rowUp0 = Float64Array.from(rowUp);

  const monthData = (highs: Highs, t: number, budget: number | null = null): ModelData => {
    const m = hi.month[t];
    if (m === undefined) throw new Error(`monthRelaxation: no month ${t}`);
    const H = hi.H[t] ?? 0;
    const inf = highs.infinity;
    const colCost = cost0.slice();
    const colLower = lower0.slice();
    const colUpper = upper0.slice();
    const rowLower = rowLo0.slice();
    const rowUpper = rowUp0.slice();
    const vals = values.slice();
    for (const e of capacityAt) vals[e.k] = -H * e.fte;
    personRow.forEach((row, p) => {
      const here = hi.present[p]?.[t] ? 1 : 0;
      rowLower[row] = here;
      rowUpper[row] = here;
    });
    for (let c = 0; c < nC; c += 1) {
      for (let f = 0; f < nF; f += 1) {
        const row = coverRow[c]?.[f] ?? -1;
        if (row < 0) continue;
        const req = m.required[c]?.[f] ?? 0;
        rowLower[row] = req;
        rowUpper[row] = req;
        colUpper[uncovered[c]?.[f] ?? 0] = req;
      }
    }
    for (const e of hireAt) {
      vals[e.k] = -H;
      colUpper[e.n] = t >= r.hireLeadMonths ? (hi.hiresAllowed[e.f] ?? 0) : 0;
    }
    for (const e of evennessAt) {
      const req = m.requiredByCenter[e.c] ?? 0;
      for (const k of e.ks) vals[k] = req > 0 ? -100 / req : 0;
      if (!(req > 0)) rowLower[e.row] = -Infinity;
    }
    if (trainRow >= 0) {
      const usable = t >= r.trainingMonths;
      rowUpper[trainRow] = usable ? r.trainingBudget * H : 0;
      for (const col of trainCols) colCost[col] = usable ? w.training / (trainMonths * H) : 0;
    }
    if (budgetRow >= 0 && budget !== null) rowUpper[budgetRow] = budget;
    const bound = (v: number): number => (v === Infinity ? inf : v === -Infinity ? -inf : v);
    return {
      numCols: colKeys.length,
      numRows: rowKeys.length,
      sense: highs.constants.objectiveSense.minimize,
      colCost,
      colLower: colLower.map(bound),
      colUpper: colUpper.map(bound),
      rowLower: rowLower.map(bound),
      rowUpper: rowUpper.map(bound),
      matrix: { format: 'csr', numRows: rowKeys.length, numCols: colKeys.length, starts, indices, values: vals },
    };
  };

  return { numCols: colKeys.length, numRows: rowKeys.length, colKeys, rowKeys, assign, personRow, headcountRow, budgetRow, leavingRow, capacityRow, coverRow, moveCost, monthData };
};
