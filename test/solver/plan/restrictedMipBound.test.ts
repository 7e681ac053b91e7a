/**
 * The bound a MIP over a restricted candidate set proves for the full model (restrictedMipBound.ts):
 * checked against the true optimum by enumeration on random tiny instances, with the full LP reached
 * by column generation as solvePlan's bound stage reaches it, and sets drawn at random around the
 * LP's support.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Highs } from 'highs';
import { buildPlanModel } from '../../../solver/plan/buildPlanModel.ts';
import { candidateCenters } from '../../../solver/plan/candidateCenters.ts';
import { deadline } from '../../../solver/plan/deadline.ts';
import { loadHighs } from '../../../solver/plan/loadHighs.ts';
import { buildPlanIndex } from '../../../solver/plan/planIndex.ts';
import { leftOutReducedCost, promisingCenters, restrictedMipBound } from '../../../solver/plan/restrictedMipBound.ts';
import { boundStage } from '../../../solver/plan/stages/boundStage.ts';
import { solveContext } from '../../../solver/plan/stages/solveContext.ts';
import { solveWithHighs } from '../../../solver/plan/solveWithHighs.ts';
import { syntheticCity } from '../../../solver/plan/syntheticCity.ts';
import { workBudget } from '../../../solver/plan/workBudget.ts';
import { mulberry32 } from '../../../solver/mulberry32.ts';
import { bruteForceOptimum, tinyCity } from './bruteForce.ts';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const tiny = tinyCity;

/** The full LP as the bound stage proves it, from one candidate per person. */
const fullLpOf = (input: ReturnType<typeof tiny>) => {
  const index = buildPlanIndex(input);
  const all = candidateCenters(input, index, Infinity);
  const ctx = solveContext(highs, input, index, deadline(60), workBudget(1e9), 0.01, all);
  const b = boundStage(ctx, candidateCenters(input, index, 1), deadline(60), workBudget(1e9), 20);
  return { index, all, b };
};

/** Small cities whose LP is fractional enough that a set around its support can miss the optimum. */
const small = (seed: number, budget: number | null) =>
  syntheticCity({ seed, centers: 8, staffPerCenter: 4, fields: 5, areaKm: 25, rules: { maxCommuteKm: 15, maxTransfers: budget } });

describe('a MIP over a restricted set, the rest priced out by the full LP (restrictedMipBound)', () => {
  it('never proves more than the true optimum (enumerated), for any set holding the LP support', () => {
    let proved = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 3 })), fc.integer({ min: 0, max: 2 ** 31 }), (seed, budget, drawSeed) => {
        const input = tiny(seed, budget);
        if (input.staff.length > 7) return;
        const best = bruteForceOptimum(input);
        if (best === null) return;
        const { index, all, b } = fullLpOf(input);
        if (b.fullLp === null || b.support === null) return;
        const rand = mulberry32(drawSeed);
        const candidates = all.map((list, p) => list.filter((c) => (b.support?.[p] ?? []).includes(c) || c === index.current[p] || rand() < 0.3));
        const mip = solveWithHighs(highs, buildPlanModel(input, index, candidates).model, { relativeGap: 1e-9 });
        const bound = restrictedMipBound(input, index, b.fullLp, all, candidates, mip.bound);
        if (bound === null) return;
        proved += 1;
        expect(bound).toBeLessThanOrEqual(best + 1e-6 * Math.max(1, Math.abs(best)));
      }),
      { numRuns: 60, seed: 2027 },
    );
    expect(proved).toBeGreaterThan(30);
  }, 120_000);

  it('never proves more than the optimum on small cities where the set\'s own optimum is above it', () => {
    let proved = 0;
    // Sets whose own MIP optimum is above the full one: there only the left-out columns' pricing keeps the bound honest.
    let aboveOptimum = 0;
    for (let seed = 1; seed <= 9; seed += 1) {
      const input = small(seed, seed % 2 === 0 ? null : 4);
      const { index, all, b } = fullLpOf(input);
      if (b.fullLp === null || b.support === null) continue;
      const full = solveWithHighs(highs, buildPlanModel(input, index, all).model, { relativeGap: 1e-9 });
      if (full.status !== 'optimal' || full.objective === null) continue;
      const best = full.objective;
      const slack = 1e-6 * Math.max(1, Math.abs(best));
      // The LP's support and today's centers only: the narrowest set the proof allows.
      const candidates = all.map((list, p) => list.filter((c) => (b.support?.[p] ?? []).includes(c) || c === index.current[p]));
      const mip = solveWithHighs(highs, buildPlanModel(input, index, candidates).model, { relativeGap: 1e-9 });
      const bound = restrictedMipBound(input, index, b.fullLp, all, candidates, mip.bound);
      if (bound === null) continue;
      proved += 1;
      if ((mip.bound ?? -Infinity) > best + slack) aboveOptimum += 1;
      expect(bound).toBeLessThanOrEqual(best + slack);
      expect(bound).toBeGreaterThanOrEqual(b.fullLp.objective - slack);
    }
    expect(proved).toBeGreaterThan(6);
    // 6 of seeds 1-9 when written.
    expect(aboveOptimum).toBeGreaterThan(3);
  }, 120_000);

  it('leaves out only columns dearer than the threshold when the set holds the promising centers', () => {
    let checked = 0;
    for (let seed = 1; seed <= 30; seed += 1) {
      const input = tiny(seed, 2);
      const { index, all, b } = fullLpOf(input);
      if (b.fullLp === null) continue;
      const threshold = 0.02 * Math.max(1, Math.abs(b.fullLp.objective));
      const promising = promisingCenters(input, index, b.fullLp, all, threshold);
      const least = leftOutReducedCost(input, index, b.fullLp, all, promising);
      if (least === null) continue;
      checked += 1;
      expect(least).toBeGreaterThanOrEqual(threshold - 1e-9);
    }
    expect(checked).toBeGreaterThan(15);
  }, 120_000);

  it('gives no bound when the set leaves out a center the full LP uses', () => {
    let refused = 0;
    for (let seed = 1; seed <= 40 && refused < 3; seed += 1) {
      const input = tiny(seed, null);
      const { index, all, b } = fullLpOf(input);
      if (b.fullLp === null || b.support === null) continue;
      const p = b.support.findIndex((list, q) => list.some((c) => c !== index.current[q]));
      if (p < 0) continue;
      const used = b.support[p]?.find((c) => c !== index.current[p]);
      const candidates = all.map((list, q) => (q === p ? list.filter((c) => c !== used) : list));
      expect(restrictedMipBound(input, index, b.fullLp, all, candidates, 0)).toBeNull();
      refused += 1;
    }
    expect(refused).toBeGreaterThan(0);
  }, 120_000);
});
