/**
 * Warm starts of the bound's column generation (mapBasis.ts): the next round's LP, which has the
 * last round's columns and rows and more, starts from the last round's optimal basis.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Highs } from 'highs';
import { buildPlanModel } from '../../../solver/plan/buildPlanModel.ts';
import { candidateCenters } from '../../../solver/plan/candidateCenters.ts';
import { loadHighs } from '../../../solver/plan/loadHighs.ts';
import { mapBasis } from '../../../solver/plan/mapBasis.ts';
import { buildPlanIndex } from '../../../solver/plan/planIndex.ts';
import { pricedBound } from '../../../solver/plan/pricedBound.ts';
import { solveWithHighs } from '../../../solver/plan/solveWithHighs.ts';
import { syntheticCity } from '../../../solver/plan/syntheticCity.ts';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

describe('a restricted LP started from a smaller one\'s optimal basis', () => {
  it('reaches the same optimum as a cold start in at most a third of its simplex iterations (a round of column generation)', () => {
    const input = syntheticCity({ seed: 5, centers: 40, staffPerCenter: 8, rules: { maxTransfers: null } });
    const index = buildPlanIndex(input);
    const offered = candidateCenters(input, index, 3);
    const small = buildPlanModel(input, index, offered);
    const first = solveWithHighs(highs, small.model, { relax: true });
    const { x, rowDual, colDual, objective, basis } = first;
    if (first.status !== 'optimal' || !x || !rowDual || !colDual || objective === null || basis === undefined) throw new Error(`first LP ${first.status}`);
    // The next round: the columns priced negative added, as boundStage does.
    const priced = pricedBound(input, index, small, offered, candidateCenters(input, index, Infinity), { objective, x, rowDual, colDual });
    expect(priced.negative.length).toBeGreaterThan(0);
    const next = offered.map((list, p) => [...new Set([...list, ...priced.negative.filter((n) => n.p === p).map((n) => n.c)])].sort((a, b) => a - b));
    const large = buildPlanModel(input, index, next);
    const cold = solveWithHighs(highs, large.model, { relax: true });
    const warm = solveWithHighs(highs, large.model, { relax: true, basis: mapBasis(small.model, basis, large.model), primalSimplex: true });
    expect(warm.status).toBe('optimal');
    expect(warm.objective ?? NaN).toBeCloseTo(cold.objective ?? NaN, 4);
    expect(warm.iterations).toBeLessThanOrEqual(cold.iterations / 3);
  });

  it('keeps the basic count at the row count when the larger model adds rows', () => {
    const input = syntheticCity({ seed: 6, centers: 20, staffPerCenter: 6, rules: { maxTransfers: null } });
    const index = buildPlanIndex(input);
    const small = buildPlanModel(input, index, candidateCenters(input, index, 1));
    const large = buildPlanModel(input, index, candidateCenters(input, index, 4));
    expect(large.model.rows.length).toBeGreaterThan(small.model.rows.length);
    const first = solveWithHighs(highs, small.model, { relax: true });
    if (first.basis === undefined) throw new Error('no basis');
    const mapped = mapBasis(small.model, first.basis, large.model);
    const basic = [...mapped.colStatus, ...mapped.rowStatus].filter((s) => s === 1).length;
    expect(basic).toBe(large.model.rows.length);
  });
});
