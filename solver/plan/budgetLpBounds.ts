/**
 * The LP relaxation of the FULL model (everyone offered every center within the radius) for several
 * transfer budgets, in one HiGHS model: only the right-hand side of "transfers within budget" changes
 * between solves, so every solve after the first starts from the previous optimal basis. Budgets are
 * solved from the smallest up: loosening the budget keeps the basis primal feasible. Measured on the
 * Hai Phong default (63,884 columns): 0, 5, 10, 20, 40, unlimited in 5.1 s in increasing order,
 * 9.3 s in decreasing order (same machine, same load). Each optimum is a lower bound valid for
 * every plan under that budget. Each solve gets at most what is left of the deadline; budgets it
 * leaves no time for are `time_limit` without a bound.
 */
import type { Highs } from 'highs';
import { buildPlanModel, type PlanModel } from './buildPlanModel.ts';
import type { Deadline } from './deadline.ts';
import type { PlanInput } from './planInput.ts';
import type { PlanIndex } from './planIndex.ts';
import { toHighsModelData, type SolveStatus } from './solveWithHighs.ts';

export interface BudgetLp {
  /** null = unlimited. */
  readonly maxTransfers: number | null;
  readonly status: SolveStatus;
  /** LP optimum (the bound), or null when not solved to optimality. */
  readonly objective: number | null;
  /** Per person, the centers with x[p,c] > 1e-6 in the LP optimum (positions into the centers). */
  readonly support: readonly (readonly number[])[] | null;
  /** Seconds of this solve by the deadline's measure (wall with a clock, else HiGHS's run time). */
  readonly seconds: number;
}

/** Budget order for warm starts: increasing, unlimited last. */
const smallestFirst = (a: number | null, b: number | null): number => (a === null ? 1 : b === null ? -1 : a - b);

export const budgetLpBounds = (
  highs: Highs,
  input: PlanInput,
  index: PlanIndex,
  all: readonly (readonly number[])[],
  budgets: readonly (number | null)[],
  deadline: Deadline,
): { readonly lps: readonly BudgetLp[]; readonly model: PlanModel } => {
  // The budget row must exist to be changed: build with a budget no plan can exceed.
  const everyone = input.staff.length;
  const pm = buildPlanModel({ ...input, rules: { ...input.rules, maxTransfers: everyone } }, index, all);
  const m = highs.createModel(toHighsModelData(highs, pm.model, true));
  const s = highs.constants.modelStatus;
  const out = new Map<number | null, BudgetLp>();
  try {
    m.options.set({ output_flag: false, random_seed: 0 });
    for (const b of [...new Set(budgets)].sort(smallestFirst)) {
      const left = deadline.left();
      if (left <= 0) {
        out.set(b, { maxTransfers: b, status: 'time_limit', objective: null, support: null, seconds: 0 });
        continue;
      }
      // HiGHS's time limit counts its run time since the clocks were last zeroed, over every run.
      m.zeroAllClocks();
      m.options.set({ time_limit: left });
      m.changeRowBounds(pm.budgetRow, -highs.infinity, b === null ? everyone : b);
      const before = deadline.elapsed();
      m.run();
      deadline.charge(m.getRunTime());
      const code = m.getModelStatus();
      const status: SolveStatus =
        code === s.optimal ? 'optimal' : code === s.infeasible ? 'infeasible' : code === s.timeLimit ? 'time_limit' : 'error';
      let support: number[][] | null = null;
      if (status === 'optimal') {
        const x = m.getSolution().colValue;
        support = input.staff.map(() => []);
        for (const a of pm.assign) if ((x[a.col] ?? 0) > 1e-6) support[a.p]?.push(a.c);
      }
      out.set(b, {
        maxTransfers: b,
        status,
        objective: status === 'optimal' ? m.getObjectiveValue() : null,
        support,
        seconds: deadline.elapsed() - before,
      });
    }
  } finally {
    m.dispose();
  }
  return { lps: budgets.map((b) => out.get(b) as BudgetLp), model: pm };
};
