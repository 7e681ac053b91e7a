/**
 * Why a plan is not within the tolerance of its bound, in words measured from the solve's trace
 * (plan.ts SolveTrace): which side is short (the bound, the plan, or both), what stopped each stage,
 * and the figures that show it. Null for a plan within the tolerance or without a trace.
 *
 * The sides: the full LP's optimum (when column generation proved it) is a floor no MIP-free bound
 * passes; a MIP's own dual bound over a restricted set says how far the plan is from that set's
 * optimum. A plan whose set was solved to its optimum but stays outside the tolerance of the full LP
 * has a weak relaxation against it, not a short search.
 */
import type { PlanQuality } from './plan.ts';

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;

/** (objective - value) / max(1, |objective|), at least 0 (a MIP's bound may pass its plan by its tolerance). */
const below = (objective: number, value: number): number => Math.max(0, objective - value) / Math.max(1, Math.abs(objective));

export const whyNotCertified = (plan: PlanQuality, tolerance = 0.01): string | null => {
  const trace = plan.trace;
  if (plan.objective === null || trace === undefined) return null;
  if (plan.gap !== null && plan.gap <= tolerance) return null;
  const objective = plan.objective;
  const parts: string[] = [];
  if (trace.outOfTime) parts.push('the clock (the safety net) cut a stage short, so another run may differ');
  if (trace.lpObjective === null) {
    parts.push(`column generation did not prove the full LP in ${trace.boundRounds} round${trace.boundRounds === 1 ? '' : 's'} within its work, so the bound is a Lagrangian one below it`);
  } else {
    parts.push(`the full LP relaxation is ${pct(below(objective, trace.lpObjective))} below the plan`);
  }
  const last = trace.mips[trace.mips.length - 1];
  if (last === undefined) {
    parts.push('no MIP ran (the work or the time was gone before one could start)');
  } else {
    const where = last.full ? 'the full model' : `a set of ${last.columns.toLocaleString('en-US')} person-center columns`;
    const own = last.bound === null ? '' : `, its own bound ${pct(below(objective, last.bound))} below the plan${last.full ? '' : ' (valid for that set only)'}`;
    if (last.status === 'optimal') {
      parts.push(
        last.full
          ? `the MIP over the full model ended within its own tolerance${own}`
          : `the MIP over ${where} reached that set's optimum${own}, and the work left (${Math.max(0, trace.workLimit - trace.workUsed).toLocaleString('en-US')} iterations) did not reach a wider set`,
      );
      if (!last.full && trace.lpObjective !== null && last.bound !== null && below(last.bound, trace.lpObjective) > tolerance) {
        parts.push("the relaxation is weak here: the set's optimum itself is outside the tolerance of the full LP");
      }
    } else {
      parts.push(`the MIP over ${where} stopped by its ${last.status === 'time_limit' ? 'time' : 'work'} after ${last.iterations.toLocaleString('en-US')} iterations${own}`);
    }
  }
  const gap = plan.gap === null ? 'unknown' : pct(plan.gap);
  // A MIP checks its iteration limit between nodes, so the work used may pass the limit.
  return `gap ${gap} (${trace.workUsed.toLocaleString('en-US')} simplex iterations used, limit ${trace.workLimit.toLocaleString('en-US')}): ${parts.join('; ')}.`;
};
