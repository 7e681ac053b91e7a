/**
 * Uncovered hours against the transfer budget: one plan per budget (default 0, 5, 10, 20, 40 and
 * unlimited), each with its own status, gap and bound, so the curve is as honest as its points.
 */
import type { Highs } from 'highs';
import type { PlanStatus } from './plan.ts';
import type { PlanInput } from './planInput.ts';
import { solvePlan, type SolvePlanOptions } from './solvePlan.ts';

export const DEFAULT_BUDGETS: readonly (number | null)[] = [0, 5, 10, 20, 40, null];

export interface TradeoffPoint {
  /** null = unlimited. */
  readonly maxTransfers: number | null;
  readonly status: PlanStatus;
  readonly transfers: number;
  readonly uncoveredHours: number | null;
  readonly weightedUncoveredHours: number | null;
  readonly objective: number | null;
  readonly gap: number | null;
  readonly seconds: number;
}

export const tradeoffCurve = (
  highs: Highs,
  input: PlanInput,
  budgets: readonly (number | null)[] = DEFAULT_BUDGETS,
  options: SolvePlanOptions = {},
): TradeoffPoint[] => {
  const priority = new Map(input.fields.map((f) => [f.field, f.priority]));
  return budgets.map((maxTransfers) => {
    const plan = solvePlan(highs, { ...input, rules: { ...input.rules, maxTransfers } }, options);
    const has = plan.objective !== null;
    return {
      maxTransfers,
      status: plan.status,
      transfers: plan.assignments.filter((a) => a.toCenter !== a.fromCenter).length,
      uncoveredHours: has ? plan.coverage.reduce((s, r) => s + r.uncovered, 0) : null,
      weightedUncoveredHours: has ? plan.coverage.reduce((s, r) => s + r.uncovered * (priority.get(r.field) ?? 1), 0) : null,
      objective: plan.objective,
      gap: plan.gap,
      seconds: plan.seconds,
    };
  });
};
