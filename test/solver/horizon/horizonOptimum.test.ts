/**
 * The plan over several months against the true optimum, found by enumeration (bruteForceHorizon.ts)
 * on tiny instances (2-3 centers, 3-4 people, 3 months): the bound is never above it, the plan
 * never below it, every plan keeps every rule in every month, and "optimal" means within the
 * tolerance of it. Through the path real plans take (solveHorizon: search, bound, decode).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Highs } from 'highs';
import { checkHorizonRules } from '../../../solver/horizon/checkHorizonRules.ts';
import { solveHorizon } from '../../../solver/horizon/solveHorizon.ts';
import { loadHighs } from '../../../solver/plan/loadHighs.ts';
import { bruteForceHorizon } from './bruteForceHorizon.ts';
import { tinyHorizon, type TinyOptions } from './tinyHorizon.ts';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

/** Levers drawn small: every measure of the horizon appears in some instance. */
const tinyOptions = fc.record({
  seed: fc.integer({ min: 1, max: 100_000 }),
  centers: fc.integer({ min: 2, max: 3 }),
  people: fc.integer({ min: 3, max: 4 }),
  maxTransfers: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 2 })),
  measure: fc.constantFrom('secondments', 'long secondments', 'hires', 'training', 'overload', 'leaving'),
  departure: fc.boolean(),
}).map(({ measure, ...o }): TinyOptions => ({
  ...o,
  months: 3,
  people: measure === 'secondments' || measure === 'long secondments' ? 3 : o.people,
  horizon:
    measure === 'secondments' ? { secondmentMonths: 3, secondmentMinMonths: 1, secondmentMaxMonths: 2 }
    // At least 2 months: the bound's allocation then keeps secondments contiguous.
    : measure === 'long secondments' ? { secondmentMonths: 4, secondmentMinMonths: 2, secondmentMaxMonths: 3 }
    : measure === 'training' ? { trainingBudget: 1, trainingMonths: 1 }
    : measure === 'overload' ? { overloadMarginHours: 15, secondmentMonths: 2, secondmentMinMonths: 2, secondmentMaxMonths: 2 }
    : measure === 'leaving' ? { maxLeavingPerCenter: 1, staffQuota: o.people, hireLeadMonths: 1 }
    : { hireLeadMonths: 1 },
  // With the quota at today's headcount, a hire fits only once someone has left.
  ...(measure === 'hires' || measure === 'leaving' ? { hires: 1 } : {}),
}));

/** One instance against enumeration: the optimum bounds the plan from below and the bound from above. */
const againstEnumeration = (o: TinyOptions, seen: { runs: number; atOptimum: number }): void => {
  const h = tinyHorizon(o);
  const { optimum, costOf } = bruteForceHorizon(h);
  const plan = solveHorizon(highs, h, { timeLimitSeconds: 30 });
  if (optimum === null) {
    expect(plan.objective).toBeNull();
    return;
  }
  seen.runs += 1;
  const slack = 1e-6 * Math.max(1, Math.abs(optimum));
  expect(plan.objective).not.toBeNull();
  expect(plan.objective ?? Infinity).toBeGreaterThanOrEqual(optimum - slack);
  expect(plan.bound ?? -Infinity).toBeLessThanOrEqual(optimum + slack);
  expect(checkHorizonRules(h, plan)).toEqual([]);
  // The plan's objective is what its schedule costs, reckoned apart.
  expect(costOf(plan) ?? NaN).toBeCloseTo(plan.objective ?? NaN, 6);
  if (plan.status === 'optimal') expect(((plan.objective ?? 0) - optimum) / Math.max(1, optimum)).toBeLessThanOrEqual(0.01 + 1e-9);
  if ((plan.objective ?? Infinity) <= optimum + slack) seen.atOptimum += 1;
};

describe('a plan over three months, against every plan enumerated', () => {
  it('with moves priced by moveHours (a secondment two moves), its bound is never above the optimum, its plan never below it, every month keeps every rule', () => {
    const seen = { runs: 0, atOptimum: 0 };
    const options = fc.record({
      seed: fc.integer({ min: 1, max: 100_000 }),
      centers: fc.integer({ min: 2, max: 3 }),
      maxTransfers: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 2 })),
      moveHours: fc.constantFrom(20, 60, 140),
      secondmentMinMonths: fc.integer({ min: 1, max: 2 }),
    }).map(({ moveHours, secondmentMinMonths, ...o }): TinyOptions => ({
      ...o,
      months: 3,
      people: 3,
      horizon: { moveHours, secondmentMonths: 3, secondmentMinMonths, secondmentMaxMonths: 3 },
    }));
    fc.assert(fc.property(options, (o) => againstEnumeration(o, seen)), { numRuns: 25, seed: 29 });
    console.log(`horizon brute force with moveHours: ${seen.atOptimum} of ${seen.runs} plans at the optimum`);
    expect(seen.runs).toBeGreaterThan(15);
  }, 240_000);

  it('its bound is never above the optimum, its plan never below it, and every month keeps every rule', () => {
    const seen = { runs: 0, atOptimum: 0 };
    fc.assert(fc.property(tinyOptions, (o) => againstEnumeration(o, seen)), { numRuns: 40, seed: 13 });
    console.log(`horizon brute force: ${seen.atOptimum} of ${seen.runs} plans at the optimum`);
    expect(seen.runs).toBeGreaterThan(20);
  }, 240_000);
});
