/**
 * The plan result's accounting (issue 11): one ledger whose parts add up to every center's and
 * field's before/after, move reasons read off it, "before" = today's staff with no hire. Checked on
 * generated cities (fast-check over seeds and rules) and, in haiPhongAccounting.test.ts, on five plans
 * of the embedded Hai Phong data.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Highs } from 'highs';
import { buildPlanResult } from '../../../solver/plan/buildPlanResult.ts';
import { loadHighs } from '../../../solver/plan/loadHighs.ts';
import { solvePlan } from '../../../solver/plan/solvePlan.ts';
import { syntheticCity } from '../../../solver/plan/syntheticCity.ts';
import { DEFAULT_SCENARIO } from '../../../solver/scenario.ts';
import { namesOf } from '../../../solver/words.ts';
import { accountingProblems } from './accountingChecks.ts';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const resultOf = (input: ReturnType<typeof syntheticCity>, timeLimitSeconds = 3) =>
  buildPlanResult({ input, plan: solvePlan(highs, input, { timeLimitSeconds }), scenario: DEFAULT_SCENARIO, demandSource: 'forecast', names: namesOf(input) });

describe('the ledger of a plan', () => {
  it('adds up exactly, center by center and field by field, on generated cities with budgets, hires, locks and radii', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 1, max: 10_000 }),
          centers: fc.integer({ min: 5, max: 24 }),
          budget: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 25 })),
          radius: fc.integer({ min: 5, max: 40 }),
          hires: fc.integer({ min: 0, max: 4 }),
          locked: fc.integer({ min: 0, max: 6 }),
        }),
        (o) => {
          const base = syntheticCity({ seed: o.seed, centers: o.centers, staffPerCenter: 6, fields: 6, areaKm: 40 });
          const input = syntheticCity({
            seed: o.seed, centers: o.centers, staffPerCenter: 6, fields: 6, areaKm: 40,
            rules: { maxTransfers: o.budget, maxCommuteKm: o.radius, hiresAllowedByField: o.hires > 0 ? { land: o.hires } : {}, lockedStaffIds: base.staff.slice(0, o.locked).map((p) => p.staffId) },
          });
          const result = resultOf(input, 2);
          if (result.outcome === null) return;
          expect(accountingProblems(input, result)).toEqual([]);
        },
      ),
      { numRuns: 25, seed: 11 },
    );
  }, 240_000);

  it('counts hires as their own steps, after every move, and never in "before"', () => {
    const input = syntheticCity({ seed: 4, centers: 12, staffPerCenter: 5, fields: 5, areaKm: 30, rules: { hiresAllowedByField: { land: 3 } } });
    const result = resultOf(input);
    const o = result.outcome;
    if (o === null) throw new Error('no plan');
    expect(o.hires.length).toBeGreaterThan(0);
    expect(o.before.hires).toBe(0);
    expect(o.before.staff).toBe(input.staff.length);
    expect(o.after.staff).toBe(input.staff.length + o.after.hires);
    const withoutHires = resultOf(syntheticCity({ seed: 4, centers: 12, staffPerCenter: 5, fields: 5, areaKm: 30 })).outcome;
    expect(o.before.uncoveredHours).toBeCloseTo(withoutHires?.before.uncoveredHours ?? NaN, 9);
    for (const c of o.centers) {
      const kinds = c.steps.map((s) => s.cause.kind);
      expect(kinds.join(',')).toMatch(/^(departure,)*(arrival,)*(hire,)*(departure|arrival|hire)?$|^$/);
    }
  });

  it('says a field rises where it rises: a shortfall that grows is never among the gains', () => {
    // Of seeds 1-40 (20 centers, 8 staff each, 8 fields, 15 transfers), these are the ones where an
    // arrival makes a field lose hours at its destination (15, 29) or a departure makes one gain at its
    // origin (13), as colleagues share the work anew: the sentences must say "−" and "rises" there.
    let signed = 0;
    for (const seed of [13, 15, 29]) {
      const input = syntheticCity({ seed, centers: 20, staffPerCenter: 8, fields: 8, areaKm: 40, rules: { maxTransfers: 15 } });
      const result = resultOf(input);
      expect(accountingProblems(input, result)).toEqual([]);
      signed += result.outcome?.moves.filter((m) => m.atDestination.fields.some((f) => f.change <= -0.05) || m.atOrigin.fields.some((f) => f.change >= 0.05)).length ?? 0;
      for (const m of result.outcome?.moves ?? []) {
        for (const f of m.atDestination.fields.filter((x) => x.change <= -0.05)) expect(m.sentence.en).toContain(`−${f.change.toFixed(1).slice(1)} h (short from`);
      }
    }
    expect(signed).toBeGreaterThanOrEqual(3);
  });
});
