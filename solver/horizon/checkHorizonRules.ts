/**
 * Checks a plan over several months against every rule, independently of how it was made: the
 * single-month rule book in every month (checkPlanRules on the month's assignment, with the
 * people still working then and the fields they hold then; the transfer budget is the horizon's,
 * checked here once), and the horizon's own rules (horizonRuleBook.ts) on the schedule.
 */
import { worksIn, type CivilServant } from '../domain.ts';
import { addMonths, monthNumber } from '../forecast/months.ts';
import { centerCoverage, type CoveragePerson } from '../plan/centerCoverage.ts';
import { checkPlanRules } from '../plan/checkPlanRules.ts';
import type { PlanInput, RequiredHours } from '../plan/planInput.ts';
import type { RuleId } from '../plan/planRules.ts';
import type { HorizonInput } from './horizonInput.ts';
import type { HorizonMonthPlan, HorizonPlan } from './horizonPlan.ts';
import type { HorizonRuleId } from './horizonRuleBook.ts';

export interface HorizonViolation {
  readonly rule: RuleId | HorizonRuleId;
  /** The month it breaks in, or null for the horizon as a whole. */
  readonly month: string | null;
  readonly message: string;
}

/** Hours tolerance, as checkPlanRules'. */
const EPS = 1e-4;

export const checkHorizonRules = (h: HorizonInput, plan: Pick<HorizonPlan, 'months' | 'transfers' | 'secondments' | 'hires' | 'trainings'>): HorizonViolation[] => {
  const out: HorizonViolation[] = [];
  const add = (rule: RuleId | HorizonRuleId, month: string | null, message: string): void => {
    out.push({ rule, month, message });
  };
  const r = h.horizon;
  const first = h.months[0]?.month ?? '';
  const last = h.months[h.months.length - 1]?.month ?? '';
  const index = (m: string): number => monthNumber(m) - monthNumber(first);
  const trainedBy = new Map(plan.trainings.map((x) => [x.staffId, x]));
  const fieldsAt = (p: CivilServant, month: string): readonly string[] => {
    const x = trainedBy.get(p.staffId);
    return x !== undefined && month >= x.readyMonth && !p.fields.includes(x.field) ? [...p.fields, x.field] : p.fields;
  };

  // The schedule.
  const changes = new Map<string, number>();
  for (const x of [...plan.transfers, ...plan.secondments]) changes.set(x.staffId, (changes.get(x.staffId) ?? 0) + 1);
  for (const [id, n] of changes) if (n > 1) add('one_change', null, `${id} is transferred or seconded ${n} times`);
  if (h.rules.maxTransfers !== null && plan.transfers.length > h.rules.maxTransfers) add('transfer_budget', null, `${plan.transfers.length} transfers, budget ${h.rules.maxTransfers}`);
  let personMonths = 0;
  for (const s of plan.secondments) {
    const length = index(s.untilMonth) - index(s.fromMonth) + 1;
    personMonths += length;
    if (length !== s.months) add('secondment_length', null, `${s.staffId}'s secondment from ${s.fromMonth} until ${s.untilMonth} says ${s.months} months`);
    if (length < r.secondmentMinMonths || length > r.secondmentMaxMonths) add('secondment_length', null, `${s.staffId} is seconded ${length} months (${r.secondmentMinMonths} to ${r.secondmentMaxMonths})`);
    if (s.fromMonth < first || s.untilMonth > last) add('secondment_length', null, `${s.staffId} is seconded from ${s.fromMonth} until ${s.untilMonth}, outside ${first} to ${last}`);
  }
  if (personMonths > r.secondmentMonths) add('secondment_budget', null, `${personMonths} person-months of secondment, budget ${r.secondmentMonths}`);
  const earliestHire = addMonths(first, r.hireLeadMonths);
  for (const x of plan.hires) if (x.startMonth < earliestHire) add('hire_lead_time', x.startMonth, `${x.count} hire(s) in ${x.field} at ${x.centerCode} start ${x.startMonth}, before ${earliestHire}`);
  if (plan.trainings.length > r.trainingBudget) add('training_budget', null, `${plan.trainings.length} people cross-trained, budget ${r.trainingBudget}`);
  const todayAt = new Map<string, number>();
  for (const p of h.staff) todayAt.set(p.centerCode, (todayAt.get(p.centerCode) ?? 0) + 1);
  const leaving = new Map<string, number>();
  for (const x of [...plan.transfers, ...plan.secondments]) leaving.set(x.fromCenter, (leaving.get(x.fromCenter) ?? 0) + 1);
  for (const [c, n] of leaving) {
    const cap = Math.min(r.maxLeavingPerCenter ?? Infinity, r.maxLeavingShare === null ? Infinity : Math.floor(r.maxLeavingShare * (todayAt.get(c) ?? 0) + 1e-9));
    if (n > cap) add('most_leaving', null, `${n} people leave ${c}, at most ${cap}`);
  }

  // Every month: the single-month rules, the schedule followed, the quota, the overload rule.
  const transferOf = new Map(plan.transfers.map((x) => [x.staffId, x]));
  const secondmentOf = new Map(plan.secondments.map((x) => [x.staffId, x]));
  h.months.forEach((m, t) => {
    const month: HorizonMonthPlan | undefined = plan.months[t];
    if (month === undefined || month.month !== m.month) {
      add('month_matches_schedule', m.month, `the plan has no month ${m.month} at position ${t}`);
      return;
    }
    const staff = h.staff.filter((p) => worksIn(p, m.month)).map((p) => ({ ...p, fields: [...fieldsAt(p, m.month)] }));
    const input: PlanInput = { centers: h.centers, fields: h.fields, staff, requiredHours: m.requiredHours, hoursPerFte: m.hoursPerFte, rules: { ...h.rules, maxTransfers: null } };
    for (const v of checkPlanRules(input, month.plan)) add(v.rule, m.month, v.message);
    const at = new Map(month.plan.assignments.map((a) => [a.staffId, a.toCenter]));
    for (const p of h.staff) {
      const tr = transferOf.get(p.staffId);
      const se = secondmentOf.get(p.staffId);
      const expected = tr !== undefined && m.month >= tr.fromMonth ? tr.toCenter : se !== undefined && m.month >= se.fromMonth && m.month <= se.untilMonth ? se.toCenter : p.centerCode;
      const got = at.get(p.staffId);
      if (!worksIn(p, m.month)) {
        if (got !== undefined) add('month_matches_schedule', m.month, `${p.staffId} has left (leaves_on ${p.leavesOn}) but works at ${got}`);
      } else if (got !== expected) add('month_matches_schedule', m.month, `${p.staffId} works at ${got ?? 'no center'}, the schedule says ${expected}`);
    }
    // A quota below the people working leaves no room for hires; nobody is dismissed for it.
    const hired = month.plan.hires.reduce((n, x) => n + x.count, 0);
    const people = month.plan.assignments.length + hired;
    if (r.staffQuota !== null && hired > 0 && people > r.staffQuota) add('staff_quota', m.month, `${people} people working and hired, quota ${r.staffQuota}`);
    if (r.overloadMarginHours !== null) overloadChecks(h, m.month, t, month, staff, r.overloadMarginHours, transferOf, secondmentOf, add);
  });
  return out;
};

/**
 * The overload rule in one month: a person whose transfer begins, or whose secondment runs, this
 * month, away from a center overloaded with today's staff, must lower the city's weighted
 * uncovered hours this month by the margin against keeping them home (everything else as planned).
 */
const overloadChecks = (
  h: HorizonInput,
  month: string,
  t: number,
  plan: HorizonMonthPlan,
  staff: readonly CivilServant[],
  margin: number,
  transferOf: ReadonlyMap<string, { fromCenter: string; toCenter: string; fromMonth: string }>,
  secondmentOf: ReadonlyMap<string, { fromCenter: string; toCenter: string; fromMonth: string; untilMonth: string }>,
  add: (rule: HorizonRuleId, month: string, message: string) => void,
): void => {
  const fieldIds = h.fields.map((f) => f.field);
  const fieldPos = new Map(fieldIds.map((f, i) => [f, i]));
  const priority = h.fields.map((f) => f.priority);
  const required = (centerCode: string): number[] => {
    const row = fieldIds.map(() => 0);
    for (const r of h.months[t]?.requiredHours ?? ([] as RequiredHours[])) if (r.centerCode === centerCode) row[fieldPos.get(r.field) ?? 0] = (row[fieldPos.get(r.field) ?? 0] ?? 0) + r.hours;
    return row;
  };
  const byId = new Map(staff.map((p) => [p.staffId, p]));
  const members = new Map<string, string[]>();
  for (const a of plan.plan.assignments) members.set(a.toCenter, [...(members.get(a.toCenter) ?? []), a.staffId]);
  const H = plan.hoursPerFte;
  const cover = (centerCode: string, ids: readonly string[]): number => {
    const group: CoveragePerson[] = ids.map((id) => {
      const p = byId.get(id);
      return { capacity: (p?.fte ?? 0) * H, fields: (p?.fields ?? []).map((f) => fieldPos.get(f) ?? -1).filter((f) => f >= 0) };
    });
    for (const x of plan.plan.hires) if (x.centerCode === centerCode) group.push({ capacity: x.count * H, fields: [fieldPos.get(x.field) ?? 0] });
    return centerCoverage(required(centerCode), priority, group);
  };
  const available = new Map<string, number>();
  for (const p of staff) available.set(p.centerCode, (available.get(p.centerCode) ?? 0) + p.fte * H);
  const overloaded = (c: string): boolean => required(c).reduce((a, b) => a + b, 0) > (available.get(c) ?? 0) + 1e-9;
  for (const p of staff) {
    const tr = transferOf.get(p.staffId);
    const se = secondmentOf.get(p.staffId);
    const move = tr !== undefined && tr.fromMonth === month ? tr : se !== undefined && month >= se.fromMonth && month <= se.untilMonth ? se : null;
    if (move === null || !overloaded(move.fromCenter)) continue;
    const there = members.get(move.toCenter) ?? [];
    const home = members.get(move.fromCenter) ?? [];
    const planned = cover(move.toCenter, there) + cover(move.fromCenter, home);
    const kept = cover(move.toCenter, there.filter((id) => id !== p.staffId)) + cover(move.fromCenter, [...home, p.staffId]);
    const gain = h.rules.weights.uncovered * (planned - kept);
    if (gain < margin - EPS) add('overload_margin', month, `${p.staffId} leaves overloaded ${move.fromCenter} for ${move.toCenter}, lowering the weighted uncovered hours by ${gain.toFixed(1)} h, under the margin ${margin} h`);
  }
};
