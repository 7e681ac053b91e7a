import { describe, expect, it } from 'vitest';
import { candidateCenters } from '../../../solver/plan/candidateCenters.ts';
import { deadline } from '../../../solver/plan/deadline.ts';
import { greedyPlan } from '../../../solver/plan/greedyPlan.ts';
import { buildPlanIndex } from '../../../solver/plan/planIndex.ts';
import { syntheticCity } from '../../../solver/plan/syntheticCity.ts';

// A clock that advances 1 ms each time it is read: a deadline of n ms lets the greedy look n times.
const tickingClock = (): (() => number) => {
  let ms = 0;
  return () => (ms += 1);
};

describe('greedyPlan under a deadline', () => {
  const input = syntheticCity({ seed: 1 });
  const index = buildPlanIndex(input);
  const all = candidateCenters(input, index, Infinity);
  const full = greedyPlan(input, index, all);
  const moves = (at: readonly number[] | null): number => (at ?? []).filter((c, p) => c !== index.current[p]).length;

  it('stopped by its deadline, the greedy start returns the plan it had made so far: that of fewer steps, not today\'s, not the full one', () => {
    expect(moves(full)).toBeGreaterThan(10);
    const cut = greedyPlan(input, index, all, { deadline: deadline(0.01, tickingClock()) });
    expect(cut).not.toBeNull();
    expect(moves(cut)).toBeGreaterThan(0);
    expect(moves(cut)).toBeLessThan(moves(full));
    const byStepCount = Array.from({ length: moves(full) }, (_, steps) => greedyPlan(input, index, all, { maxSteps: steps }));
    expect(byStepCount).toContainEqual(cut);
  });

  it('a deadline already passed gives today\'s assignment when it keeps every rule', () => {
    expect(greedyPlan(input, index, all, { deadline: deadline(0, tickingClock()) })).toEqual(index.current);
  });

  it('without a clock the deadline counts only charged (HiGHS) seconds, so the greedy runs to its end', () => {
    expect(greedyPlan(input, index, all, { deadline: deadline(0.001) })).toEqual(full);
  });
});
