import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Highs } from 'highs';
import { loadHighs } from '../../../solver/plan/loadHighs.ts';
import { solvePlan } from '../../../solver/plan/solvePlan.ts';
import { syntheticCity } from '../../../solver/plan/syntheticCity.ts';
import { checkPlanRules } from '../../../solver/plan/checkPlanRules.ts';
import { buildPlanIndex } from '../../../solver/plan/planIndex.ts';
import { planObjective } from '../../../solver/plan/planObjective.ts';
import { buildPlanModel } from '../../../solver/plan/buildPlanModel.ts';
import { candidateCenters } from '../../../solver/plan/candidateCenters.ts';
import { exportLp, solveWithHighs } from '../../../solver/plan/solveWithHighs.ts';
import { solveWithJsLpSolver } from '../../../solver/plan/solveWithJsLpSolver.ts';
import type { PlanInput, PlanRules } from '../../../solver/plan/planInput.ts';
import { bruteForceOptimum } from './bruteForce.ts';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const tiny = (seed: number, rules: Partial<PlanRules> = {}): PlanInput =>
  syntheticCity({ seed, centers: 3, staffPerCenter: 1.6, fields: 4, areaKm: 14, rules: { maxCommuteKm: 12, ...rules } });

const relClose = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

describe('solvePlan on tiny instances', () => {
  const cases: [string, number, Partial<PlanRules>][] = [
    ['unlimited transfers', 1, { maxTransfers: null }],
    ['budget of one transfer', 2, { maxTransfers: 1 }],
    ['no transfers', 3, { maxTransfers: 0 }],
    ['minimum two staff per center', 4, { maxTransfers: null, minStaffPerCenter: 2 }],
    ['strong evenness weight', 5, { maxTransfers: 2 }],
    ['short radius', 6, { maxTransfers: null, maxCommuteKm: 5 }],
  ];
  for (const [name, seed, rules] of cases) {
    it(`the optimum equals brute-force enumeration (${name})`, () => {
      const input = tiny(seed, rules);
      expect(input.staff.length).toBeLessThanOrEqual(7);
      const expected = bruteForceOptimum(input);
      const plan = solvePlan(highs, input, { candidatesPerPerson: Infinity, gapTolerance: 1e-9 });
      if (expected === null) {
        expect(plan.status).toBe('infeasible');
        return;
      }
      expect(plan.status).toBe('optimal');
      expect(plan.objective).not.toBeNull();
      expect(Math.abs((plan.objective ?? 0) - expected)).toBeLessThanOrEqual(1e-4 * Math.max(1, expected));
    });
  }
});

describe('cross-check with javascript-lp-solver', () => {
  for (const seed of [11, 12, 13, 14]) {
    it(`HiGHS and javascript-lp-solver find the same optimum on a small model (seed ${seed})`, () => {
      const input = tiny(seed, { maxTransfers: 2 });
      const index = buildPlanIndex(input);
      const pm = buildPlanModel(input, index, candidateCenters(input, index, Infinity));
      const byHighs = solveWithHighs(highs, pm.model, { relativeGap: 0 });
      const byJs = solveWithJsLpSolver(pm.model);
      expect(byHighs.status).toBe('optimal');
      expect(byJs.status).toBe('optimal');
      expect(relClose(byHighs.objective ?? NaN, byJs.objective ?? NaN)).toBe(true);
    });
  }
});

describe('plans of generated instances', () => {
  it('every semantic rule holds and the reported objective is the plan’s own', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }),
        fc.integer({ min: 3, max: 25 }),
        fc.integer({ min: 0, max: 4 }),
        (seed, maxTransfers, maxCommuteKm, minStaffPerCenter) => {
          const input = syntheticCity({ seed, centers: 5, staffPerCenter: 3, fields: 6, areaKm: 30, rules: { maxTransfers, maxCommuteKm, minStaffPerCenter } });
          const plan = solvePlan(highs, input, { timeLimitSeconds: 10 });
          if (plan.status === 'infeasible') {
            expect(plan.conflicts.length).toBeGreaterThan(0);
            return;
          }
          expect(checkPlanRules(input, plan)).toEqual([]);
          const recomputed = planObjective(input, buildPlanIndex(input), plan);
          expect(Math.abs(recomputed - (plan.objective ?? NaN))).toBeLessThanOrEqual(1e-3 * Math.max(1, recomputed));
          if (plan.bound !== null) expect(plan.bound).toBeLessThanOrEqual((plan.objective ?? 0) + 1e-6 * Math.max(1, plan.bound));
        },
      ),
      { numRuns: 25, seed: 42 },
    );
  });

  it('the same input gives the same plan', () => {
    const input = syntheticCity({ seed: 7, centers: 6, staffPerCenter: 4, fields: 8, areaKm: 30 });
    const strip = (plan: ReturnType<typeof solvePlan>): unknown => ({ ...plan, seconds: 0, timings: null });
    const options = { candidatesPerPerson: Infinity };
    const first = solvePlan(highs, input, options);
    expect(first.status).toBe('optimal');
    expect(strip(solvePlan(highs, input, options))).toEqual(strip(first));
  });
});

describe('infeasible scenarios', () => {
  it('a minimum staff that people within range cannot meet is explained, naming the rule and center', () => {
    const input = syntheticCity({ seed: 3, centers: 6, staffPerCenter: 4, fields: 5, areaKm: 60, rules: { maxCommuteKm: 2, minStaffPerCenter: 0, minStaffByCenter: { '10002': 40 } } });
    const plan = solvePlan(highs, input);
    expect(plan.status).toBe('infeasible');
    expect(plan.conflicts.some((c) => c.centers.includes('10002') && c.rules.includes('min_staff'))).toBe(true);
    expect(plan.message).toContain('10002');
  });

  it('minimums needing more newcomers than the transfer budget are explained', () => {
    const input = syntheticCity({ seed: 3, centers: 6, staffPerCenter: 4, fields: 5, areaKm: 20, rules: { maxCommuteKm: 50, maxTransfers: 1, minStaffPerCenter: 6 } });
    const plan = solvePlan(highs, input);
    expect(plan.status).toBe('infeasible');
    expect(plan.conflicts.some((c) => c.rules.includes('transfer_budget'))).toBe(true);
  });
});

describe('LP export', () => {
  const hasCbc = (() => {
    try {
      execFileSync('cbc', ['-quit'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  it.skipIf(!hasCbc)('CBC reads the exported LP file and finds the same optimum as HiGHS', () => {
    const input = syntheticCity({ seed: 5, centers: 5, staffPerCenter: 3, fields: 5, areaKm: 20, rules: { maxTransfers: 3 } });
    const index = buildPlanIndex(input);
    const pm = buildPlanModel(input, index, candidateCenters(input, index, Infinity));
    const dir = mkdtempSync(join(tmpdir(), 'plan-lp-'));
    const file = join(dir, 'small.lp');
    writeFileSync(file, exportLp(highs, pm.model));
    const text = execFileSync('cbc', [file, 'solve'], { encoding: 'utf8' });
    const cbcObjective = Number(/Objective value:\s*([-0-9.e+]+)/.exec(text)?.[1]);
    const ours = solveWithHighs(highs, pm.model, { relativeGap: 0 }).objective ?? NaN;
    expect(text).toContain('Optimal solution found');
    expect(Math.abs(cbcObjective - ours)).toBeLessThanOrEqual(1e-4 * Math.max(1, ours));
  });
});
