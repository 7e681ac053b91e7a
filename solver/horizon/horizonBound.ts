/**
 * A lower bound on the objective of every plan over the horizon, from the months solved apart.
 *
 * For any plan, month t with the moves it has that month (its transfers begun by then and its
 * secondments running then) is a solution of month t's relaxation R_t (monthRelaxation.ts), whose
 * costs add up over the months to at most the plan's. A plan has at most B moves from transfers in
 * any month (B = maxTransfers) plus s_t people on secondment, with sum_t s_t <= the secondment
 * person-months S and s_t <= S / shortest secondment. So
 *   every plan >= min over such s of sum_t R_t(B + s_t).
 * Each month's LP over the offered centers, priced for every center within reach (monthPricing.ts),
 * gives a bound L on R_t at the budget it was solved for, b, and the budget row's dual y_B <= 0
 * makes it a line: R_t(B') >= L + y_B (B' - b) for every budget B' (weak duality: only the budget
 * term of the Lagrangian moves). The month's bound at s is the highest of its lines; the minimum
 * over s of the sum (each s_t also paying what a secondment month surely costs beyond the move its
 * month charged, moveCost.ts) is a separable convex allocation, exact by taking the best single steps; with
 * secondments of 2 months or more, also s_t <= s_{t-1} + s_{t+1}, then solved as a small LP
 * (secondmentAllocation.ts; s continuous, still a lower bound).
 *
 * Sweeps: every month in turn, each starting from the previous month's optimal basis (the model's
 * columns and rows stay, only numbers change); columns priced negative in any month are offered to
 * all in the next sweep. Months where s_t > 0 are solved again at B + s_t for a tighter line. A
 * month without a solved LP counts 0 (every term of the objective is >= 0).
 */
import type { Basis, Highs } from 'highs';
import type { Deadline } from '../plan/deadline.ts';
import type { HorizonIndex } from './horizonIndex.ts';
import type { HorizonInput } from './horizonInput.ts';
import { monthRelaxation, type RelaxationModel } from './monthRelaxation.ts';
import { priceMonth } from './monthPricing.ts';
import { allocateSecondments } from './secondmentAllocation.ts';
import { monthlyMoveCharge } from './moveCost.ts';

/** A bound on R_t at every budget: L + slope x (budget - at). */
interface Line {
  readonly value: number;
  readonly slope: number;
  readonly at: number;
}

export interface HorizonBound {
  /** The bound on every plan; 0 when nothing was solved. */
  readonly bound: number;
  /** Per month, its bound at the transfer budget with the secondments the allocation gives it (null: no LP solved). */
  readonly months: readonly (number | null)[];
  /** Secondment moves the allocation puts in each month. */
  readonly secondmentsByMonth: readonly number[];
  /** Every month priced out exactly (no negative column left). */
  readonly exact: boolean;
  /** A month whose relaxation has no solution even with every secondment possible: no plan exists. */
  readonly infeasibleMonth: number | null;
  /** Offered centers per person after the sweeps (the original ones and those priced negative). */
  readonly offered: readonly (readonly number[])[];
  /** Whether some month's LP was cut short by the deadline. */
  readonly outOfTime: boolean;
  /** HiGHS runs (month LPs) made. */
  readonly solves: number;
}

export interface BoundOptions {
  readonly deadline: Deadline;
  /** Most sweeps over the months. Default 4. */
  readonly sweeps?: number;
  /** Stop once the bound is within this share of `target` (the best plan known), e.g. 0.005. */
  readonly stopWithin?: number;
  readonly target?: number | null;
  /** Stop sweeping once a sweep raises the bound by less than this share of the target (or bound). Default 0.001. */
  readonly stallShare?: number;
}

/** Keys of a basis, to carry it to a model with other columns (new ones nonbasic at 0, new rows basic). */
const carry = (from: { keys: RelaxationModel; basis: Basis } | null, to: RelaxationModel): Basis | null => {
  if (from === null) return null;
  const colStatus = new Int32Array(to.numCols);
  const rowStatus = new Int32Array(to.numRows).fill(1);
  const col = new Map(from.keys.colKeys.map((k, i) => [k, from.basis.colStatus[i] ?? 0]));
  const row = new Map(from.keys.rowKeys.map((k, i) => [k, from.basis.rowStatus[i] ?? 1]));
  let basic = 0;
  to.colKeys.forEach((k, i) => {
    const s = col.get(k) ?? 0;
    colStatus[i] = s;
    if (s === 1) basic += 1;
  });
  to.rowKeys.forEach((k, i) => {
    const s = row.get(k) ?? 1;
    rowStatus[i] = s;
    if (s === 1) basic += 1;
  });
  return basic === to.numRows ? { colStatus, rowStatus } : null;
};

/** min over integer s (0 <= s_t <= cap, sum s_t <= S) of sum_t max over the month's lines + perMonth x s_t. */
const allocate = (lines: readonly (readonly Line[])[], B: number, S: number, cap: number, perMonth: number): { total: number; s: number[] } => {
  const at = (t: number, s: number): number => {
    const ls = lines[t] ?? [];
    return (ls.length === 0 ? 0 : Math.max(0, ...ls.map((l) => l.value + l.slope * (B + s - l.at)))) + perMonth * s;
  };
  const s = lines.map(() => 0);
  let left = S;
  while (left > 0) {
    let best = -1;
    let drop = 1e-9;
    for (let t = 0; t < lines.length; t += 1) {
      if ((s[t] ?? 0) >= cap) continue;
      const d = at(t, s[t] ?? 0) - at(t, (s[t] ?? 0) + 1);
      if (d > drop) {
        drop = d;
        best = t;
      }
    }
    if (best < 0) break;
    s[best] = (s[best] ?? 0) + 1;
    left -= 1;
  }
  return { total: s.reduce((sum, v, t) => sum + at(t, v), 0), s };
};

export const horizonBound = (highs: Highs, h: HorizonInput, hi: HorizonIndex, offered0: readonly (readonly number[])[], reach: readonly (readonly number[])[], options: BoundOptions): HorizonBound => {
  const { T } = hi;
  const { deadline } = options;
  const r = h.horizon;
  const B = h.rules.maxTransfers;
  const unlimited = B === null;
  const secondments = !unlimited && r.secondmentMonths >= r.secondmentMinMonths ? r.secondmentMonths : 0;
  const cap = Math.min(h.staff.length, Math.floor(secondments / Math.max(1, r.secondmentMinMonths)));
  // A person-month of secondment costs at least this beyond the move the month's relaxation charged.
  const charge = monthlyMoveCharge(h);
  const perMonth = secondments > 0 ? Math.max(0, charge.secondmentMonth - charge.move) : 0;
  const fte = h.staff.map((p) => p.fte);
  const lines: Line[][] = Array.from({ length: T }, () => []);
  const basisOf: ({ keys: RelaxationModel; basis: Basis } | null)[] = Array.from({ length: T }, () => null);
  let offered = offered0.map((l) => [...l]);
  let previous: { keys: RelaxationModel; basis: Basis } | null = null;
  let exact = false;
  let outOfTime = false;
  let infeasibleMonth: number | null = null;
  let solves = 0;
  let rm = monthRelaxation(h, hi, offered);
  const s = highs.constants.modelStatus;

  /** Solves month t at `budget` from `basis`; its line, negatives and basis, or why not. */
  const solve = (t: number, budget: number | null, basis: Basis | null) => {
    const left = deadline.left();
    if (left <= 0) return { status: 'time_limit' as const };
    const m = highs.createModel(rm.monthData(highs, t, budget));
    try {
      m.options.set({ output_flag: false, random_seed: 0, time_limit: left });
      if (basis !== null) m.setBasis(basis);
      m.run();
      solves += 1;
      deadline.charge(m.getRunTime());
      const code = m.getModelStatus();
      if (code === s.infeasible) return { status: 'infeasible' as const };
      if (code !== s.optimal) return { status: 'time_limit' as const };
      const sol = m.getSolution();
      const objective = m.getObjectiveValue();
      const priced = priceMonth(hi, t, rm, offered, reach, fte, { objective, x: sol.colValue, rowDual: sol.rowDual, colDual: sol.colDual });
      const slope = rm.budgetRow >= 0 ? Math.min(0, sol.rowDual[rm.budgetRow] ?? 0) : 0;
      return { status: 'optimal' as const, line: { value: priced.bound, slope, at: budget ?? B ?? 0 }, negative: priced.negative, basis: m.getBasis() };
    } finally {
      m.dispose();
    }
  };

  const sweeps = options.sweeps ?? 4;
  let lastBound = -Infinity;
  for (let sweep = 0; sweep < sweeps && !deadline.passed() && infeasibleMonth === null; sweep += 1) {
    let basis = carry(previous, rm);
    const found = new Map<number, Set<number>>();
    let complete = true;
    for (let t = 0; t < T; t += 1) {
      let out = solve(t, null, basis);
      if (out.status === 'infeasible' && secondments > 0 && B !== null) {
        // Not even fractionally at the transfer budget: perhaps with every secondment possible.
        out = solve(t, B + cap, null);
      }
      if (out.status === 'infeasible') {
        infeasibleMonth = t;
        break;
      }
      if (out.status !== 'optimal') {
        complete = false;
        outOfTime = true;
        basis = null;
        continue;
      }
      lines[t]?.push(out.line);
      basis = out.basis;
      basisOf[t] = { keys: rm, basis: out.basis };
      for (const n of out.negative) {
        const set = found.get(n.p) ?? new Set<number>();
        set.add(n.c);
        found.set(n.p, set);
      }
    }
    if (basis !== null) previous = { keys: rm, basis };
    if (complete && found.size === 0) {
      exact = true;
      break;
    }
    const bound = allocate(lines, B ?? 0, secondments, cap, perMonth).total;
    const scale = Math.max(1, Math.abs(options.target ?? bound));
    if (options.target != null && options.stopWithin !== undefined && options.target - bound <= options.stopWithin * scale) break;
    // A sweep that raised the bound by under `stallShare` of the plan's size: the next would not pay
    // (on Hai Phong's year the third and fourth sweeps added 4 h to 353,796 h in 15 s).
    if (bound - lastBound < (options.stallShare ?? 0.001) * scale) break;
    lastBound = bound;
    if (sweep + 1 >= sweeps || deadline.passed()) break;
    offered = offered.map((list, p) => {
      const add = found.get(p);
      return add === undefined ? list : [...new Set([...list, ...add])].sort((a, b) => a - b);
    });
    rm = monthRelaxation(h, hi, offered);
  }

  // Where the secondments fall: with their contiguity (a shortest secondment of 2 months or more)
  // by a small LP, else (or if that LP fails) the separable allocation.
  const allocation = (): { total: number; s: number[] } =>
    (secondments > 0 && B !== null ? allocateSecondments(highs, lines, B, secondments, cap, r.secondmentMinMonths >= 2, perMonth) : null) ?? allocate(lines, B ?? 0, secondments, cap, perMonth);
  // Tighter lines where the allocation puts secondments: the month solved again at B + s_t.
  let result = allocation();
  if (secondments > 0 && B !== null && infeasibleMonth === null) {
    for (let t = 0; t < T && !deadline.passed(); t += 1) {
      const extra = Math.round(result.s[t] ?? 0);
      if (extra <= 0 || basisOf[t] === null) continue;
      const out = solve(t, B + extra, carry(basisOf[t] ?? null, rm));
      if (out.status === 'optimal') lines[t]?.push(out.line);
    }
    result = allocation();
  }
  const months = lines.map((ls, t) => (ls.length === 0 ? null : Math.max(...ls.map((l) => l.value + l.slope * ((B ?? 0) + (result.s[t] ?? 0) - l.at))) + perMonth * (result.s[t] ?? 0)));
  return { bound: result.total, months, secondmentsByMonth: result.s, exact, infeasibleMonth, offered, outOfTime, solves };
};
