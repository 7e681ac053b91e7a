import { beforeAll, describe, expect, it } from 'vitest';
import type { Highs } from 'highs';
import { checkPlanRules } from '../../../solver/plan/checkPlanRules.ts';
import { loadHighs } from '../../../solver/plan/loadHighs.ts';
import type { Plan } from '../../../solver/plan/plan.ts';
import type { PlanInput } from '../../../solver/plan/planInput.ts';
import { solvePlan } from '../../../solver/plan/solvePlan.ts';
import { syntheticCity } from '../../../solver/plan/syntheticCity.ts';
import { limitTolerance, workClock } from './workClock.ts';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
  // One solve first: the JIT compiles the solver's JavaScript before anything is timed.
  solvePlan(highs, syntheticCity({ seed: 3, centers: 20, staffPerCenter: 6 }), { timeLimitSeconds: 1, now: workClock() });
});

const city = syntheticCity({ seed: 1 });
const everyFieldHires = (input: PlanInput, n: number): PlanInput => ({
  ...input,
  rules: { ...input.rules, hiresAllowedByField: Object.fromEntries(input.fields.map((f) => [f.field, n])) },
});

/** Solves with a work clock and returns the plan with the seconds the call took by that clock. */
const timed = (input: PlanInput, limit: number): { plan: Plan; seconds: number } => {
  const now = workClock();
  const t0 = now();
  const plan = solvePlan(highs, input, { timeLimitSeconds: limit, now });
  return { plan, seconds: (now() - t0) / 1000 };
};

/** What every plan must say of itself, whatever the limit cut short. */
const expectHonest = (input: PlanInput, plan: Plan, limit: number): void => {
  expect(checkPlanRules(input, plan)).toEqual([]);
  if (plan.status === 'optimal') expect(plan.gap).not.toBeNull();
  if (plan.status === 'optimal') expect(plan.gap ?? 1).toBeLessThanOrEqual(0.01);
  if (plan.bound === null) {
    expect(plan.gap).toBeNull();
    expect(plan.status).toBe('time_limit');
    expect(plan.message).toMatch(/before a bound was reached/);
  } else {
    expect(plan.bound).toBeLessThanOrEqual((plan.objective ?? 0) + 1e-6);
    expect(plan.gap).toBeCloseTo(Math.max(0, (plan.objective ?? 0) - plan.bound) / Math.max(1, Math.abs(plan.objective ?? 0)), 9);
  }
  if (plan.status === 'time_limit') expect(plan.message).toContain(`time limit of ${limit} s`);
};

describe('a solve with a clock keeps its time limit, every stage included', () => {
  it.each([
    { name: 'a generated 114-center city, limit 1 s', input: city, limit: 1 },
    { name: 'a generated 114-center city, limit 3 s', input: city, limit: 3 },
    { name: 'a generated 114-center city with 100,000 hires allowed per field, limit 3 s', input: everyFieldHires(city, 100_000), limit: 3 },
  ])('$name: returns within 10% or 0.3 s of the limit, and says honestly how good its plan is', ({ input, limit }) => {
    const { plan, seconds } = timed(input, limit);
    expect(seconds).toBeLessThanOrEqual(limit + limitTolerance(limit));
    expect(plan.seconds).toBeLessThanOrEqual(limit + limitTolerance(limit));
    expect(plan.objective).not.toBeNull();
    expectHonest(input, plan, limit);
  });
});
