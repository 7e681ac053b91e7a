/**
 * Every month of every plan keeps every rule (fast-check over generated cities and levers), and
 * the checker that says so names a broken rule when one is broken.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Highs } from 'highs';
import { addMonths } from '../../../solver/forecast/months.ts';
import { checkHorizonRules } from '../../../solver/horizon/checkHorizonRules.ts';
import type { HorizonInput } from '../../../solver/horizon/horizonInput.ts';
import type { HorizonPlan } from '../../../solver/horizon/horizonPlan.ts';
import { YEAR_HORIZON_RULES } from '../../../solver/horizon/horizonRules.ts';
import { solveHorizon } from '../../../solver/horizon/solveHorizon.ts';
import { loadHighs } from '../../../solver/plan/loadHighs.ts';
import { syntheticCity } from '../../../solver/plan/syntheticCity.ts';
import { mulberry32 } from '../../../solver/mulberry32.ts';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const FIRST = '2027-01';

/** A city of 6 centers over `months` months, each month's load drawn around the city's. */
const city = (seed: number, months: number, levers: Partial<HorizonInput['horizon']>, budget: number | null, hires: number): HorizonInput => {
  const c = syntheticCity({ seed, centers: 6, staffPerCenter: 4, fields: 4, areaKm: 20, rules: { maxCommuteKm: 15, maxTransfers: budget } });
  const rand = mulberry32(seed + 17);
  return {
    centers: c.centers,
    fields: c.fields,
    staff: c.staff.map((p, i) => (i % 7 === 3 ? { ...p, leavesOn: addMonths(FIRST, 1 + (i % months)) } : p)),
    months: Array.from({ length: months }, (_, t) => ({
      month: addMonths(FIRST, t),
      requiredHours: c.requiredHours.map((r) => ({ ...r, hours: r.hours * (0.5 + rand()) })),
      hoursPerFte: t === 1 ? 112 : 140.8,
    })),
    rules: { ...c.rules, hiresAllowedByField: hires > 0 ? { [c.fields[0]?.field ?? '']: hires } : {} },
    horizon: { ...YEAR_HORIZON_RULES, secondmentMonths: 8, secondmentMaxMonths: 3, hireLeadMonths: 1, trainingBudget: 2, ...levers },
  };
};

const levers = fc.record({
  secondmentMinMonths: fc.integer({ min: 1, max: 2 }),
  maxLeavingShare: fc.oneof(fc.constant(null), fc.constantFrom(0.25, 0.5)),
  maxLeavingPerCenter: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 2 })),
  overloadMarginHours: fc.oneof(fc.constant(null), fc.constantFrom(5, 20)),
  staffQuota: fc.oneof(fc.constant(null), fc.integer({ min: 20, max: 26 })),
});

describe('every month of a plan over several months', () => {
  it('keeps every rule of the month and of the horizon, its bound below its objective', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 2, max: 4 }), levers, fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 4 })), fc.integer({ min: 0, max: 2 }), (seed, months, l, budget, hires) => {
        const h = city(seed, months, l, budget, hires);
        const plan = solveHorizon(highs, h, { timeLimitSeconds: 20 });
        if (plan.status === 'infeasible') return;
        expect(checkHorizonRules(h, plan)).toEqual([]);
        expect(plan.bound ?? -Infinity).toBeLessThanOrEqual((plan.objective ?? Infinity) + 1e-6);
        plan.months.forEach((m, t) => {
          // The people away in a month are the transfers begun by then and the secondments running then.
          const month = h.months[t]?.month ?? '';
          const leftBy = new Set(h.staff.filter((p) => p.leavesOn !== undefined && p.leavesOn <= month).map((p) => p.staffId));
          const away = plan.transfers.filter((x) => x.fromMonth <= month && !leftBy.has(x.staffId)).length + plan.secondments.filter((x) => x.fromMonth <= month && month <= x.untilMonth && !leftBy.has(x.staffId)).length;
          expect(m.away).toBe(away);
        });
      }),
      { numRuns: 25, seed: 7 },
    );
  }, 240_000);
});

describe('the checker of a plan over several months', () => {
  const h = city(11, 3, { overloadMarginHours: null }, 4, 1);
  let plan: HorizonPlan;
  beforeAll(() => {
    plan = solveHorizon(highs, h, { timeLimitSeconds: 20 });
  });
  const someone = (): string => h.staff.find((p) => p.leavesOn === undefined && !p.locked)?.staffId ?? '';
  const otherCenter = (id: string): string => h.centers.find((c) => c.code !== h.staff.find((p) => p.staffId === id)?.centerCode)?.code ?? '';

  it('finds nothing wrong with the plan the solver made', () => {
    expect(checkHorizonRules(h, plan)).toEqual([]);
  });

  it('names a secondment longer than the longest allowed', () => {
    const id = someone();
    const long = { ...plan, secondments: [{ staffId: id, fromCenter: '', toCenter: otherCenter(id), fromMonth: FIRST, untilMonth: addMonths(FIRST, 2), months: 3 }] };
    const broken = checkHorizonRules({ ...h, horizon: { ...h.horizon, secondmentMaxMonths: 2 } }, long);
    expect(broken.map((v) => v.rule)).toContain('secondment_length');
  });

  it('names a hire that starts before the recruitment lead time', () => {
    const early = { ...plan, hires: [{ centerCode: h.centers[0]?.code ?? '', field: h.fields[0]?.field ?? '', count: 1, startMonth: FIRST }] };
    expect(checkHorizonRules(h, early).map((v) => v.rule)).toContain('hire_lead_time');
  });

  it('names a month where someone works away from where the schedule says', () => {
    const m0 = plan.months[0];
    if (m0 === undefined) throw new Error('no month');
    const id = someone();
    const moved = { ...m0, plan: { ...m0.plan, assignments: m0.plan.assignments.map((a) => (a.staffId === id ? { ...a, toCenter: otherCenter(id), hours: {} } : a)) } };
    const broken = checkHorizonRules(h, { ...plan, months: [moved, ...plan.months.slice(1)] });
    expect(broken.filter((v) => v.month === FIRST).map((v) => v.rule)).toContain('month_matches_schedule');
  });

  it('names the transfers above the budget and the people leaving a center above its limit', () => {
    const id = someone();
    const from = h.staff.find((p) => p.staffId === id)?.centerCode ?? '';
    const many = h.staff.filter((p) => p.centerCode === from).map((p) => ({ staffId: p.staffId, fromCenter: from, toCenter: otherCenter(id), fromMonth: FIRST }));
    const broken = checkHorizonRules({ ...h, rules: { ...h.rules, maxTransfers: 0 }, horizon: { ...h.horizon, maxLeavingPerCenter: 0 } }, { ...plan, transfers: many });
    expect(broken.map((v) => v.rule)).toEqual(expect.arrayContaining(['transfer_budget', 'most_leaving']));
  });
});

describe('a plan reckoned under other demand (P50, P95)', () => {
  it('gives its own figures under its own demand, and no fewer uncovered hours in any month under more', () => {
    const h = city(5, 3, {}, 3, 1);
    const more = h.months.map((m) => ({ ...m, requiredHours: m.requiredHours.map((r) => ({ ...r, hours: r.hours * 1.3 })) }));
    const plan = solveHorizon(highs, h, { timeLimitSeconds: 20, demandAt: [{ quantile: 0.8, months: h.months }, { quantile: 0.95, months: more }] });
    const [same, high] = plan.under;
    expect(same?.months.map((m) => m.uncovered)).toEqual(plan.months.map((m) => m.uncovered));
    expect(same?.months.map((m) => m.weightedUncovered)).toEqual(plan.months.map((m) => m.weightedUncovered));
    high?.months.forEach((m, t) => expect(m.uncovered).toBeGreaterThanOrEqual(plan.months[t]?.uncovered ?? Infinity));
  });
});
