import { describe, expect, it } from 'vitest';
import { explainInfeasibility, type CodedConflict } from '../../../solver/plan/explainInfeasibility.ts';
import { buildPlanIndex } from '../../../solver/plan/planIndex.ts';
import type { PlanInput, PlanRules } from '../../../solver/plan/planInput.ts';
import { syntheticCity } from '../../../solver/plan/syntheticCity.ts';

const city = (rules: Partial<PlanRules>, areaKm = 20): PlanInput =>
  syntheticCity({ seed: 3, centers: 6, staffPerCenter: 4, fields: 5, areaKm, rules });
const conflictsOf = (input: PlanInput): CodedConflict[] => explainInfeasibility(input, buildPlanIndex(input));
const only = (input: PlanInput, code: string): CodedConflict => {
  const found = conflictsOf(input).filter((c) => c.code === code);
  expect(found).toHaveLength(1);
  return found[0] as CodedConflict;
};
const nameOf = (input: PlanInput, code: string): string => input.centers.find((c) => c.code === code)?.nameVi ?? '';

describe('explainInfeasibility gives each conflict a code and the numbers of its sentence', () => {
  it('a minimum out of reach names the center, the minimum, the people in reach and the radius', () => {
    const input = city({ maxCommuteKm: 2, minStaffPerCenter: 0, minStaffByCenter: { '10002': 40 } }, 60);
    const c = only(input, 'conflict.min_out_of_reach');
    expect(c.params).toMatchObject({ center: '10002', centerName: nameOf(input, '10002'), min: 40, maxCommuteKm: 2, hires: 0 });
    expect(c.message).toContain(`only ${c.params['reachable']} people`);
    expect(c.centers).toEqual(['10002']);
  });

  it('a minimum above max_staff names both numbers', () => {
    const base = city({ minStaffPerCenter: 0 });
    const maxStaff = base.centers[1]?.maxStaff ?? 0;
    const code = base.centers[1]?.code ?? '';
    const input = city({ minStaffPerCenter: 0, maxTransfers: null, minStaffByCenter: { [code]: maxStaff + 1 } });
    const c = only(input, 'conflict.min_above_max_staff');
    expect(c.params).toEqual({ center: code, centerName: nameOf(input, code), min: maxStaff + 1, maxStaff });
    expect(c.message).toBe(`${nameOf(input, code)} (${code}): the minimum of ${maxStaff + 1} staff exceeds its max_staff of ${maxStaff}.`);
  });

  it('more locked people than max_staff names the count', () => {
    const base = city({ minStaffPerCenter: 0, maxTransfers: null });
    const target = base.centers[0]?.code ?? '';
    const locked = base.staff.filter((s) => s.centerCode === target).map((s) => s.staffId);
    const input: PlanInput = {
      ...base,
      centers: base.centers.map((c) => (c.code === target ? { ...c, maxStaff: locked.length - 1 } : c)),
      rules: { ...base.rules, lockedStaffIds: locked },
    };
    const c = only(input, 'conflict.locked_above_max_staff');
    expect(c.params).toEqual({ center: target, centerName: nameOf(input, target), locked: locked.length, maxStaff: locked.length - 1 });
  });

  it('minimums needing more newcomers than the transfer budget give the need and the budget', () => {
    const input = city({ maxCommuteKm: 50, maxTransfers: 1, minStaffPerCenter: 6 });
    const c = only(input, 'conflict.budget_below_newcomers');
    expect(c.params['budget']).toBe(1);
    expect(c.params['hires']).toBe(0);
    expect(c.message).toBe(`Reaching every center's minimum needs at least ${c.params['needed']} people to move in, above the transfer budget of 1.`);
  });

  it('minimums above the whole city give the sum, the staff and the hires', () => {
    const input = city({ maxCommuteKm: 500, maxTransfers: null, minStaffPerCenter: 100 });
    const c = only(input, 'conflict.minimums_above_staff');
    expect(c.params).toEqual({ minTotal: 600, staff: input.staff.length, hires: 0 });
    expect(c.centers).toEqual([]);
  });

  it('every number in a conflict\'s params is written in its English message', () => {
    const inputs = [
      city({ maxCommuteKm: 2, minStaffPerCenter: 3, minStaffByCenter: { '10002': 40 }, maxTransfers: 2 }, 60),
      city({ maxCommuteKm: 50, maxTransfers: 0, minStaffPerCenter: 8 }),
      city({ maxCommuteKm: 500, maxTransfers: null, minStaffPerCenter: 100 }),
    ];
    const all = inputs.flatMap(conflictsOf);
    expect(all.length).toBeGreaterThan(3);
    for (const c of all) {
      for (const [key, v] of Object.entries(c.params)) {
        if (typeof v === 'number' && !(key === 'hires' && v === 0)) expect(c.message, `${c.code} ${key}`).toContain(String(v));
        if (typeof v === 'string') expect(c.message, `${c.code} ${key}`).toContain(v);
      }
    }
  });
});
