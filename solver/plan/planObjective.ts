/**
 * The objective of a plan, recomputed from the plan itself (not from solver columns), so tests and
 * the CLI can confirm the number the solver reports. Same terms as buildPlanModel's objective.
 */
import type { DecodedPlan } from './decodePlan.ts';
import type { PlanInput } from './planInput.ts';
import { addedCommuteKm, type PlanIndex } from './planIndex.ts';

export const planObjective = (input: PlanInput, index: PlanIndex, plan: DecodedPlan): number => {
  const w = input.rules.weights;
  const uncoveredByCenter = index.centerCodes.map(() => 0);
  let weightedUncovered = 0;
  for (const row of plan.coverage) {
    const c = index.centerOf.get(row.centerCode) ?? 0;
    const f = index.fieldOf.get(row.field) ?? 0;
    weightedUncovered += (index.priority[f] ?? 1) * row.uncovered;
    uncoveredByCenter[c] = (uncoveredByCenter[c] ?? 0) + row.uncovered;
  }
  const maxSharePoints = Math.max(
    0,
    ...uncoveredByCenter.map((u, c) => ((index.requiredByCenter[c] ?? 0) > 0 ? (100 * u) / (index.requiredByCenter[c] ?? 1) : 0)),
  );
  let disruption = 0;
  plan.assignments.forEach((a, p) => {
    if (a.toCenter === a.fromCenter) return;
    disruption += w.transfers + w.commuteKm * addedCommuteKm(index, p, index.centerOf.get(a.toCenter) ?? 0);
  });
  const hires = plan.hires.reduce((s, h) => s + h.count, 0);
  return w.uncovered * weightedUncovered + w.evenness * maxSharePoints + disruption + w.hires * hires;
};
