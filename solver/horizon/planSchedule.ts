/**
 * The schedule of a plan over several months as the plan result carries it (PlanSchedule), and
 * the first month of the plan as a single-month Plan, so buildPlanResult renders it as it renders
 * today's plan (moves with reasons, ledger, figures) and every surface reads one object.
 */
import type { Plan } from '../plan/plan.ts';
import { decodeHorizon } from './decodeHorizon.ts';
import { noChange } from './horizonDecisions.ts';
import { buildHorizonIndex } from './horizonIndex.ts';
import type { HorizonInput, HorizonMonth } from './horizonInput.ts';
import type { HorizonPlan, PlanSchedule } from './horizonPlan.ts';
import { reckonUnder } from './solveHorizon.ts';

const NONE = { transfers: [], secondments: [], hires: [], trainings: [] } as const;

/** `plan`'s schedule with, per month, uncovered hours before and after under each demand of `demandAt`. */
export const planSchedule = (h: HorizonInput, plan: HorizonPlan, demandAt: readonly { readonly quantile: number; readonly months: readonly HorizonMonth[] }[]): PlanSchedule => {
  const before = reckonUnder(h, NONE, demandAt);
  const after = plan.under.length === demandAt.length ? plan.under : reckonUnder(h, plan, demandAt);
  const still = decodeHorizon(h, buildHorizonIndex(h), noChange(h.staff.length)).months;
  return {
    horizon: h.months.length,
    from: h.months[0]?.month ?? '',
    until: h.months[h.months.length - 1]?.month ?? '',
    months: plan.months.map((m, t) => ({
      month: m.month,
      hoursPerFte: m.hoursPerFte,
      away: m.away,
      weightedUncoveredBefore: still[t]?.weightedUncovered ?? 0,
      weightedUncoveredAfter: m.weightedUncovered,
      maxSharePct: m.maxSharePct,
      uncovered: demandAt.map((d, k) => ({ quantile: d.quantile, before: before[k]?.months[t]?.uncovered ?? 0, after: after[k]?.months[t]?.uncovered ?? 0 })),
    })),
    transfers: plan.transfers,
    secondments: plan.secondments,
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
