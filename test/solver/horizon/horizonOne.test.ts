/**
 * A horizon of one month with the horizon's rules neutral is today's single-month plan: the same
 * answer as solvePlan on that month's input, on several cities and budgets.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Highs } from 'highs';
import { monthInput, type HorizonInput } from '../../../solver/horizon/horizonInput.ts';
import { NEUTRAL_HORIZON_RULES } from '../../../solver/horizon/horizonRules.ts';
import { solveHorizon } from '../../../solver/horizon/solveHorizon.ts';
import { loadHighs } from '../../../solver/plan/loadHighs.ts';
import { solvePlan } from '../../../solver/plan/solvePlan.ts';
import { syntheticCity } from '../../../solver/plan/syntheticCity.ts';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const oneMonth = (seed: number, maxTransfers: number | null, leaves: boolean): HorizonInput => {
  const city = syntheticCity({ seed, centers: 8, staffPerCenter: 4, fields: 5, areaKm: 25, rules: { maxCommuteKm: 15, maxTransfers } });
  return {
    centers: city.centers,
    fields: city.fields,
    // A person who has left by the month does no work in either plan.
    staff: city.staff.map((p, i) => (leaves && i % 9 === 0 ? { ...p, leavesOn: '2026-11' } : p)),
    months: [{ month: '2026-11', requiredHours: city.requiredHours, hoursPerFte: city.hoursPerFte }],
    rules: city.rules,
    horizon: NEUTRAL_HORIZON_RULES,
  };
};

describe('a horizon of one month with neutral rules', () => {
  for (const [seed, budget, leaves] of [[7, 2, false], [2, null, false], [3, 0, false], [4, 8, true]] as const) {
    it(`gives today's single-month plan (city ${seed}, budget ${budget ?? 'unlimited'}${leaves ? ', departures' : ''})`, () => {
      const h = oneMonth(seed, budget, leaves);
      const today = solvePlan(highs, monthInput(h, 0), { timeLimitSeconds: 60 });
      // A plan stopped by its time limit need not repeat itself (HiGHS's time differs run to run).
      expect(today.status).not.toBe('time_limit');
      const year = solveHorizon(highs, h, { timeLimitSeconds: 60 });
      // Everything but the seconds HiGHS ran, which no two runs share.
      const { seconds: _a, timings: _b, ...answer } = today;
      const { seconds: _c, timings: _d, ...same } = year.single ?? today;
      expect(year.single).not.toBeNull();
      expect(same).toEqual(answer);
      expect(year.objective).toBe(today.objective);
      expect(year.bound).toBe(today.bound);
      expect(year.status).toBe(today.status);
      expect(year.months[0]?.plan.assignments).toEqual(today.assignments);
      expect(year.transfers.map((t) => [t.staffId, t.toCenter])).toEqual(today.assignments.filter((a) => a.toCenter !== a.fromCenter).map((a) => [a.staffId, a.toCenter]));
      if (leaves) expect(today.assignments.length).toBeLessThan(h.staff.length);
    }, 150_000);
  }
});
