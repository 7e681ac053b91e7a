import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Highs } from 'highs';
import { planInputFor } from '../../../api/cli/plan.ts';
import { explainPlan, type PlanExplanation } from '../../../solver/plan/explainPlan.ts';
import { loadHighs } from '../../../solver/plan/loadHighs.ts';
import { moveClaims, moveSentence, formatHours } from '../../../solver/plan/moveReason.ts';
import type { Plan } from '../../../solver/plan/plan.ts';
import type { PlanInput } from '../../../solver/plan/planInput.ts';
import { solveFixedAssignment, solvePlan } from '../../../solver/plan/solvePlan.ts';
import { DEFAULT_SCENARIO } from '../../../solver/scenario.ts';

const FIELDS = ['land', 'civil_status', 'social_protection', 'construction'];

const claimInput = fc.record({
  held: fc.subarray(FIELDS),
  hoursAt: fc.dictionary(fc.constantFrom(...FIELDS), fc.double({ min: 0, max: 140, noNaN: true })),
  gains: fc.dictionary(fc.constantFrom(...FIELDS), fc.double({ min: 0, max: 140, noNaN: true })),
  before: fc.dictionary(fc.constantFrom(...FIELDS), fc.double({ min: 0, max: 500, noNaN: true })),
  leavers: fc.nat(3),
});

describe('moveClaims', () => {
  it('claims add up to the gain at the destination (to a tenth of an hour)', () => {
    fc.assert(fc.property(claimInput, (m) => {
      const claims = moveClaims({ ...m, shortfallBefore: (f) => m.before[f] ?? 0, shortfallAfter: () => 0, totalBefore: 1000, totalAfter: 0 });
      const gain = Object.values(m.gains).reduce((s, g) => s + g, 0);
      expect(Math.abs(claims.reduce((s, c) => s + c.hours, 0) - gain)).toBeLessThan(0.05 + 1e-9);
    }));
  });

  it('a field is claimed only up to its shortfall before the plan, and as the person\'s own work only in a field they hold and up to their hours in it', () => {
    fc.assert(fc.property(claimInput, (m) => {
      const claims = moveClaims({ ...m, shortfallBefore: (f) => m.before[f] ?? 0, shortfallAfter: () => 0, totalBefore: 1000, totalAfter: 0 });
      for (const field of FIELDS) {
        const inField = claims.filter((c) => c.field === field);
        expect(inField.reduce((s, c) => s + c.hours, 0)).toBeLessThanOrEqual((m.before[field] ?? 0) + 1e-9);
        for (const c of inField.filter((x) => x.kind === 'covers')) {
          expect(m.held).toContain(field);
          expect(c.hours).toBeLessThanOrEqual((m.hoursAt[field] ?? 0) + 1e-9);
        }
      }
    }));
  });

  it('the unattributed rest replaces leavers when someone leaves the destination, else is the center\'s shortfall in other fields', () => {
    const base = { held: ['land'], hoursAt: { land: 100 }, gains: { land: 100 }, shortfallBefore: () => 40, shortfallAfter: () => 0, totalBefore: 200, totalAfter: 0 };
    expect(moveClaims({ ...base, leavers: 2 }).map((c) => [c.kind, c.hours])).toEqual([['covers', 40], ['replaces', 60]]);
    expect(moveClaims({ ...base, leavers: 0 }).map((c) => [c.kind, c.hours])).toEqual([['covers', 40], ['rebalances', 60]]);
  });
});

describe('formatHours', () => {
  it('writes Vietnamese numbers with a dot for thousands and a comma for decimals', () => {
    expect(formatHours(1234.56, 'vi')).toBe('1.234,6');
    expect(formatHours(1234.56, 'en')).toBe('1,234.6');
  });
});

// The embedded Hai Phong dataset, the default scenario (2026-11, P80, 30 transfers), the CLI's pipeline.
let highs: Highs;
let input: PlanInput;
let before: Plan;
let explanation: PlanExplanation;
beforeAll(async () => {
  highs = await loadHighs();
  const prepared = await planInputFor(DEFAULT_SCENARIO, null);
  if (!prepared.ok) throw new Error(prepared.message);
  input = prepared.input;
  const plan = solvePlan(highs, input, { timeLimitSeconds: DEFAULT_SCENARIO.timeLimitSeconds });
  before = solveFixedAssignment(highs, input);
  explanation = explainPlan(input, before, plan);
}, 300_000);

describe('every move of the default Hai Phong plan is explained truthfully', () => {
  it('claims no more hours of a field than the destination lacked in it before the plan', () => {
    const shortBefore = new Map(before.coverage.map((r) => [`${r.centerCode}|${r.field}`, r.uncovered]));
    expect(explanation.moves.length).toBeGreaterThan(0);
    for (const m of explanation.moves) {
      for (const field of new Set(m.claims.flatMap((c) => (c.field === null ? [] : [c.field])))) {
        const claimed = m.claims.filter((c) => c.field === field).reduce((s, c) => s + c.hours, 0);
        expect(claimed, m.sentence).toBeLessThanOrEqual((shortBefore.get(`${m.to}|${field}`) ?? 0) + 1e-6);
      }
      const total = m.claims.reduce((s, c) => s + c.hours, 0);
      expect(total, m.sentence).toBeLessThanOrEqual(m.destination.uncoveredBefore + (m.leaversAtDestination > 0 ? Infinity : 1e-6));
    }
  });

  it('says a person does a field\'s work themselves only in a field they hold and work in; otherwise that they relieve colleagues', () => {
    for (const m of explanation.moves) {
      for (const c of m.claims) {
        if (c.kind === 'covers') {
          expect(m.fields, m.sentence).toContain(c.field);
          expect(c.hours).toBeLessThanOrEqual((m.hoursAtNewCenter[c.field ?? ''] ?? 0) + 1e-6);
        }
        if (c.kind === 'frees') expect(m.sentence).toContain(`relieves colleagues of other work so that they cover ${formatHours(c.hours, 'en')} h of`);
      }
    }
  });

  it('writes field names, never field codes, in English and in Vietnamese', () => {
    const centers = new Map(input.centers.map((c) => [c.code, c.nameVi]));
    const fields = new Map(input.fields.map((f) => [f.field, f.nameVi]));
    for (const m of explanation.moves) {
      const vi = moveSentence(m, { lang: 'vi', centerName: (c) => centers.get(c) ?? c, fieldName: (f) => fields.get(f) ?? f });
      for (const code of input.fields.map((f) => f.field)) {
        // English: the codes that are not also English words ("land", "certification" are both).
        if (code.includes('_')) expect(m.sentence).not.toContain(code);
        expect(vi).not.toMatch(new RegExp(`\\b${code}\\b`));
      }
      expect(vi).toContain(`chuyển từ ${centers.get(m.from)} (${m.from}) đến ${centers.get(m.to)} (${m.to})`);
    }
  });
});
