/**
 * Hours of a FIXED assignment: `pm` built with one candidate center per person (buildPlanModel),
 * solved within the deadline in `options`.
 *
 * Without hires, "one center per person" fixes every x[p,c] to 1, so the LP relaxation is the
 * problem itself: it is solved as an LP, which HiGHS interrupts at its time limit. (The same model
 * through HiGHS's MIP path took 0.1-1 s against 0.05-0.4 s as an LP on the generated 114-center
 * city, and overran a 0.2 s limit by 0.3 s.) With hires, hire counts are integer: a MIP, whose first
 * incumbent (no hires, from `start`) comes at once but whose proof may take any time, so it gets at
 * most FIXED_MIP_SHARE of what is left and the stages after it the rest.
 */
import type { Highs } from 'highs';
import type { PlanModel } from './buildPlanModel.ts';
import { solveWithHighs, type SolveOptions, type SolveOutcome } from './solveWithHighs.ts';

/** Share of the time left that the hours of a fixed assignment with hires may take. */
export const FIXED_MIP_SHARE = 1 / 3;

export const solveHours = (highs: Highs, pm: PlanModel, options: Omit<SolveOptions, 'relax'> = {}): SolveOutcome => {
  const withHires = pm.hires.some((row) => row.some((col) => col >= 0));
  if (!withHires) {
    const { start: _start, ...lp } = options;
    return solveWithHighs(highs, pm.model, { ...lp, relax: true });
  }
  const { deadline } = options;
  return solveWithHighs(highs, pm.model, deadline ? { ...options, deadline: deadline.within(deadline.left() * FIXED_MIP_SHARE) } : options);
};
