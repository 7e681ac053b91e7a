/**
 * Checks a plan against every rule of the rule book (planRules.ts), independently of how it was
 * made: the server and the CLI run it on every plan, the tests on generated and crafted plans. Each
 * violation names its rule by id (its words are in the rule book) and says what breaks it.
 */
import type { Plan } from './plan.ts';
import { minStaffOf, type PlanInput } from './planInput.ts';
import type { RuleId } from './planRules.ts';
import { haversineKm } from '../geo.ts';
import { ownValue } from '../ownValue.ts';

export interface RuleViolation {
  readonly rule: RuleId;
  readonly message: string;
}

const RULES = {
  oneCenter: 'one_center',
  radius: 'commute_radius',
  locked: 'locked_stay',
  expertise: 'expertise',
  availability: 'availability',
  budget: 'transfer_budget',
  maxStaff: 'max_staff',
  minStaff: 'min_staff',
  hires: 'hires_allowed',
  uncovered: 'uncovered_hours',
} as const satisfies Record<string, RuleId>;

/** Hours tolerance: solver feasibility tolerance (1e-7 relative) on ~10^4 hours, with margin. */
const EPS = 1e-4;

export const checkPlanRules = (input: PlanInput, plan: Pick<Plan, 'assignments' | 'hires' | 'coverage'>): RuleViolation[] => {
  const out: RuleViolation[] = [];
  const add = (rule: RuleId, message: string): void => {
    out.push({ rule, message });
  };
  const { rules } = input;
  const centers = new Map(input.centers.map((c) => [c.code, c]));
  const locked = new Set(rules.lockedStaffIds);
  const seen = new Map<string, number>();
  for (const a of plan.assignments) seen.set(a.staffId, (seen.get(a.staffId) ?? 0) + 1);
  const headcount = new Map<string, number>();
  const assigned = new Map<string, number>();
  let transfers = 0;
  for (const person of input.staff) {
    const count = seen.get(person.staffId) ?? 0;
    if (count !== 1) add(RULES.oneCenter, `${person.staffId} appears ${count} times in the plan`);
    // A person listed twice is checked on their first entry, so one mistake is named once.
    const a = plan.assignments.find((x) => x.staffId === person.staffId);
    if (!a) continue;
    const to = centers.get(a.toCenter);
    if (!to) {
      add(RULES.oneCenter, `${person.staffId} is assigned to unknown center ${a.toCenter}`);
      continue;
    }
    if (a.fromCenter !== person.centerCode) add(RULES.oneCenter, `${person.staffId} is said to come from ${a.fromCenter}, works at ${person.centerCode}`);
    headcount.set(to.code, (headcount.get(to.code) ?? 0) + 1);
    if (to.code !== person.centerCode) {
      transfers += 1;
      if (person.locked || locked.has(person.staffId)) add(RULES.locked, `${person.staffId} is locked but moves to ${to.code}`);
      const home = centers.get(person.homeCode);
      const km = home ? haversineKm(home.lat, home.lon, to.lat, to.lon) : Infinity;
      if (km > rules.maxCommuteKm + 1e-9) {
        add(RULES.radius, `${person.staffId} moves to ${to.code}, ${km.toFixed(1)} km from home unit ${person.homeCode} (radius ${rules.maxCommuteKm} km)`);
      }
    }
    let total = 0;
    for (const [field, hours] of Object.entries(a.hours)) {
      if (!(hours >= 0)) add(RULES.availability, `${person.staffId} has ${hours} hours in ${field}`);
      if (!person.fields.includes(field)) add(RULES.expertise, `${person.staffId} has ${hours.toFixed(1)} h in ${field}, outside their expertise`);
      total += hours;
      const key = `${to.code}|${field}`;
      assigned.set(key, (assigned.get(key) ?? 0) + hours);
    }
    const available = person.fte * input.hoursPerFte;
    if (total > available + EPS) add(RULES.availability, `${person.staffId} has ${total.toFixed(2)} h, above ${available.toFixed(2)} h available`);
  }
  for (const a of plan.assignments) {
    if (!input.staff.some((p) => p.staffId === a.staffId)) add(RULES.oneCenter, `the plan assigns unknown person ${a.staffId}`);
  }
  if (rules.maxTransfers !== null && transfers > rules.maxTransfers) add(RULES.budget, `${transfers} transfers, budget ${rules.maxTransfers}`);
  const hiresByField = new Map<string, number>();
  for (const h of plan.hires) {
    hiresByField.set(h.field, (hiresByField.get(h.field) ?? 0) + h.count);
    headcount.set(h.centerCode, (headcount.get(h.centerCode) ?? 0) + h.count);
    if (h.hours > h.count * input.hoursPerFte + EPS) add(RULES.availability, `hires in ${h.field} at ${h.centerCode} give ${h.hours.toFixed(1)} h, above ${h.count} FTE`);
    const key = `${h.centerCode}|${h.field}`;
    assigned.set(key, (assigned.get(key) ?? 0) + h.hours);
  }
  for (const [field, count] of hiresByField) {
    const allowed = ownValue(rules.hiresAllowedByField, field) ?? 0;
    if (count > allowed) add(RULES.hires, `${count} hires in ${field}, allowed ${allowed}`);
  }
  for (const center of input.centers) {
    const n = headcount.get(center.code) ?? 0;
    if (n > center.maxStaff) add(RULES.maxStaff, `${center.code} has ${n} staff, max_staff ${center.maxStaff}`);
    const min = minStaffOf(rules, center.code);
    if (n < min) add(RULES.minStaff, `${center.code} has ${n} staff, minimum ${min}`);
  }
  const required = new Map<string, number>();
  for (const r of input.requiredHours) required.set(`${r.centerCode}|${r.field}`, (required.get(`${r.centerCode}|${r.field}`) ?? 0) + r.hours);
  const reported = new Map(plan.coverage.map((row) => [`${row.centerCode}|${row.field}`, row]));
  for (const key of new Set([...required.keys(), ...assigned.keys()])) {
    const req = required.get(key) ?? 0;
    const got = assigned.get(key) ?? 0;
    const row = reported.get(key);
    if (req <= 0 && got <= EPS) continue;
    if (!row) {
      add(RULES.uncovered, `no coverage row for ${key.replace('|', ' / ')}`);
      continue;
    }
    const expected = Math.max(0, req - got);
    if (Math.abs(row.required - req) > EPS || Math.abs(row.assigned - got) > EPS || Math.abs(row.uncovered - expected) > EPS || row.uncovered < 0) {
      add(RULES.uncovered, `${key.replace('|', ' / ')}: reported required ${row.required.toFixed(2)}, assigned ${row.assigned.toFixed(2)}, uncovered ${row.uncovered.toFixed(2)}; expected ${req.toFixed(2)}, ${got.toFixed(2)}, ${expected.toFixed(2)}`);
    }
  }
  return out;
};
