/**
 * The rule book (solver/plan/planRules.ts): each rule is defined once, and for each one a crafted
 * plan that breaks it (test/cases/rules/broken-plans.json, each a change to the valid plan of
 * city.json) is named by the checker with that rule, and only that rule.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlanRules } from '../../../solver/plan/checkPlanRules.ts';
import type { Assignment, CenterFieldCoverage, Hire } from '../../../solver/plan/plan.ts';
import { DEFAULT_RULES, type PlanInput } from '../../../solver/plan/planInput.ts';
import { PLAN_RULES, RULE_IDS, type RuleId } from '../../../solver/plan/planRules.ts';

const dir = join(import.meta.dirname, '../../cases/rules');
const city = JSON.parse(readFileSync(join(dir, 'city.json'), 'utf8'));
interface BrokenCase {
  readonly rule: RuleId;
  readonly change: string;
  readonly duplicate?: string;
  readonly move?: { staffId: string; toCenter: string; hours: Record<string, number> };
  readonly undoMove?: string;
  readonly hours?: { staffId: string; hours: Record<string, number> };
  readonly maxStaff?: Record<string, number>;
  readonly minStaffPerCenter?: number;
  readonly hire?: Hire;
  readonly coverage?: { centerCode: string; field: string; uncovered: number };
}
const broken = JSON.parse(readFileSync(join(dir, 'broken-plans.json'), 'utf8')) as BrokenCase[];

const inputOf = (c?: BrokenCase): PlanInput => ({
  centers: city.centers.map((x: { code: string; lat: number; lon: number; maxStaff: number }) => ({
    ...x, maxStaff: c?.maxStaff?.[x.code] ?? x.maxStaff, nameVi: x.code, nameAscii: x.code, type: 'ward', formerDistrict: '', areaKm2: 10, population: 1000, desks: 3, areaAdequate: true, meetingRooms: 1,
  })),
  fields: city.fields.map((f: { field: string; priority: number }) => ({ ...f, nameVi: f.field, nameEn: f.field, timeLimitDays: 1, minDirect: 10, minOnline: 5, minProcessing: 20 })),
  staff: city.staff.map((s: { staffId: string; centerCode: string; homeCode: string; fields: string[]; locked?: boolean }) => ({ ...s, name: s.staffId, grade: 'chuyen_vien', fte: 1, locked: s.locked ?? false })),
  requiredHours: city.requiredHours,
  hoursPerFte: city.hoursPerFte,
  rules: { ...DEFAULT_RULES, ...city.rules, ...(c?.minStaffPerCenter === undefined ? {} : { minStaffPerCenter: c.minStaffPerCenter }) },
});

/** Coverage as it follows from the assignments and hires (what an honest plan reports). */
const coverageOf = (input: PlanInput, assignments: readonly Assignment[], hires: readonly Hire[]): CenterFieldCoverage[] => {
  const got = new Map<string, number>();
  for (const a of assignments) for (const [f, h] of Object.entries(a.hours)) got.set(`${a.toCenter}|${f}`, (got.get(`${a.toCenter}|${f}`) ?? 0) + h);
  for (const h of hires) got.set(`${h.centerCode}|${h.field}`, (got.get(`${h.centerCode}|${h.field}`) ?? 0) + h.hours);
  const required = new Map(input.requiredHours.map((r) => [`${r.centerCode}|${r.field}`, r.hours]));
  return [...new Set([...required.keys(), ...got.keys()])].map((key) => {
    const [centerCode = '', field = ''] = key.split('|');
    const req = required.get(key) ?? 0;
    const assigned = got.get(key) ?? 0;
    return { centerCode, field, required: req, assigned, uncovered: Math.max(0, req - assigned) };
  });
};

const planOf = (c: BrokenCase | undefined, input: PlanInput) => {
  let assignments: Assignment[] = city.validPlan.assignments.map((a: Assignment) => ({ ...a, hours: { ...a.hours } }));
  const hires: Hire[] = [...(c?.hire === undefined ? [] : [c.hire])];
  if (c?.undoMove !== undefined) {
    assignments = assignments.map((a) => (a.staffId === c.undoMove ? { ...a, toCenter: a.fromCenter, hours: {} } : a));
  }
  if (c?.move !== undefined) {
    const m = c.move;
    assignments = assignments.map((a) => (a.staffId === m.staffId ? { ...a, toCenter: m.toCenter, hours: m.hours } : a));
  }
  if (c?.hours !== undefined) {
    const h = c.hours;
    assignments = assignments.map((a) => (a.staffId === h.staffId ? { ...a, hours: h.hours } : a));
  }
  let coverage = coverageOf(input, assignments, hires);
  // The person listed twice: the coverage reports the hours they really give, once.
  if (c?.duplicate !== undefined) assignments.push({ ...(assignments.find((a) => a.staffId === c.duplicate) as Assignment) });
  if (c?.coverage !== undefined) {
    const k = c.coverage;
    coverage = coverage.map((r) => (r.centerCode === k.centerCode && r.field === k.field ? { ...r, uncovered: k.uncovered } : r));
  }
  return { assignments, hires, coverage };
};

describe('the rule book', () => {
  it('defines every rule once, with its sentence in Vietnamese and English and the model row that keeps it', () => {
    for (const id of RULE_IDS) {
      expect(PLAN_RULES[id].id).toBe(id);
      expect(PLAN_RULES[id].vi.length).toBeGreaterThan(10);
      expect(PLAN_RULES[id].en.length).toBeGreaterThan(10);
      expect(PLAN_RULES[id].model.length).toBeGreaterThan(10);
      expect(`${PLAN_RULES[id].vi} ${PLAN_RULES[id].en}`).not.toMatch(/max_staff|_/);
    }
  });

  it('has a broken-plan case for every rule', () => {
    expect([...new Set(broken.map((c) => c.rule))].sort()).toEqual([...RULE_IDS].sort());
  });

  it('finds nothing wrong with the valid plan', () => {
    const input = inputOf();
    expect(checkPlanRules(input, planOf(undefined, input))).toEqual([]);
  });

  it.each(broken.map((c) => [c.rule, c.change, c] as const))('names %s, and only it, when %s', (rule, _change, c) => {
    const input = inputOf(c);
    const violations = checkPlanRules(input, planOf(c, input));
    expect(violations.length).toBeGreaterThan(0);
    expect([...new Set(violations.map((v) => v.rule))]).toEqual([rule]);
  });
});
