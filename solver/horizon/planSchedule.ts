/**
 * The schedule of a plan over several months as the plan result carries it (PlanSchedule), and
 * the first month of the plan as a single-month Plan, so buildPlanResult renders it as it renders
 * today's plan (moves with reasons, ledger, figures) and every surface reads one object.
 */
import type { CenterFieldCoverage, Plan } from '../plan/plan.ts';
import type { Names } from '../words.ts';
import { decodeHorizon } from './decodeHorizon.ts';
import { noChange } from './horizonDecisions.ts';
import { buildHorizonIndex } from './horizonIndex.ts';
import type { HorizonInput, HorizonMonth } from './horizonInput.ts';
import type { HorizonPlan, PlanSchedule, ScheduleCenter, ScheduleMonth } from './horizonPlan.ts';
import { scheduleReason } from './scheduleReasons.ts';
import { reckonUnder } from './solveHorizon.ts';

const NONE = { transfers: [], secondments: [], hires: [], trainings: [] } as const;

/** Every center of `h` in a month: its required hours by field and what the two coverages (no change, the plan) leave uncovered. */
const centersOf = (h: HorizonInput, month: HorizonMonth | undefined, before: readonly CenterFieldCoverage[], after: readonly CenterFieldCoverage[]): ScheduleCenter[] => {
  const key = (c: string, f: string) => `${c}\u0000${f}`;
  const uncovered = (cells: readonly CenterFieldCoverage[]) => new Map(cells.map((x) => [key(x.centerCode, x.field), x.uncovered]));
  const was = uncovered(before);
  const is = uncovered(after);
  const required = new Map<string, number>();
  for (const r of month?.requiredHours ?? []) required.set(key(r.centerCode, r.field), (required.get(key(r.centerCode, r.field)) ?? 0) + r.hours);
  return h.centers.map((c) => {
    const fields = h.fields
      .map((f) => ({ field: f.field, required: required.get(key(c.code, f.field)) ?? 0, uncoveredBefore: was.get(key(c.code, f.field)) ?? 0, uncoveredAfter: is.get(key(c.code, f.field)) ?? 0 }))
      .filter((f) => f.required > 0);
    const total = (get: (f: (typeof fields)[number]) => number) => fields.reduce((s, f) => s + get(f), 0);
    return { centerCode: c.code, required: total((f) => f.required), uncoveredBefore: total((f) => f.uncoveredBefore), uncoveredAfter: total((f) => f.uncoveredAfter), fields };
  });
};

/**
 * `plan`'s schedule with, per month, uncovered hours before and after under each demand of
 * `demandAt`, every center's figures at the quantile planned for, and each transfer and
 * secondment with its reason read off those figures (scheduleReasons.ts).
 */
export const planSchedule = (h: HorizonInput, plan: HorizonPlan, demandAt: readonly { readonly quantile: number; readonly months: readonly HorizonMonth[] }[], names: Names): PlanSchedule => {
  const before = reckonUnder(h, NONE, demandAt);
  const after = plan.under.length === demandAt.length ? plan.under : reckonUnder(h, plan, demandAt);
  const still = decodeHorizon(h, buildHorizonIndex(h), noChange(h.staff.length)).months;
  const months: ScheduleMonth[] = plan.months.map((m, t) => ({
    month: m.month,
    hoursPerFte: m.hoursPerFte,
    away: m.away,
    weightedUncoveredBefore: still[t]?.weightedUncovered ?? 0,
    weightedUncoveredAfter: m.weightedUncovered,
    maxSharePct: m.maxSharePct,
    uncovered: demandAt.map((d, k) => ({ quantile: d.quantile, before: before[k]?.months[t]?.uncovered ?? 0, after: after[k]?.months[t]?.uncovered ?? 0 })),
    centers: centersOf(h, h.months[t], still[t]?.plan.coverage ?? [], m.plan.coverage),
  }));
  const person = new Map(h.staff.map((p) => [p.staffId, p]));
  const reason = (move: Parameters<typeof scheduleReason>[1]) => scheduleReason(months, move, person.get(move.staffId) ?? { name: move.staffId, fields: [] }, names);
  return {
    horizon: h.months.length,
    from: h.months[0]?.month ?? '',
    until: h.months[h.months.length - 1]?.month ?? '',
    months,
    transfers: months.length === 0 ? [] : plan.transfers.map((x) => ({ ...x, reason: reason(x) })),
    secondments: months.length === 0 ? [] : plan.secondments.map((x) => ({ ...x, reason: reason(x) })),
    hires: plan.hires,
    trainings: plan.trainings,
  };
};

/**
 * The first month of a plan over several months as a single-month Plan: its assignment, hires and
 * coverage, and the whole horizon's status, objective, bound and gap (the bound is of the months
 * solved apart, boundKind `horizon_months_apart`). Null figures when there is no plan.
 */
export const firstMonthPlan = (plan: HorizonPlan): Plan => {
  const m = plan.months[0];
  return {
    status: plan.status,
    message: plan.message,
    objective: plan.objective,
    bound: plan.bound,
    boundKind: plan.bound === null ? 'none' : 'horizon_months_apart',
    gap: plan.gap,
    seconds: plan.seconds,
    modelSize: { columns: 0, rows: 0, binaries: 0 },
    assignments: m?.plan.assignments ?? [],
    hires: m?.plan.hires ?? [],
    coverage: m?.plan.coverage ?? [],
    conflicts: [],
  };
};
