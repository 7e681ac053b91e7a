/**
 * What the API keeps beside a solved plan: the moves with names and km, and the summary a job
 * list and a comparison line up (solver status, bound and gap; uncovered hours, overloaded centers
 * and utilization before and after; transfers, hires, added commute). Pure.
 */
import type { Dataset } from '../../solver/domain.ts';
import { haversineKm } from '../../solver/geo.ts';
import type { PlanExplanation } from '../../solver/plan/explainPlan.ts';
import type { Plan } from '../../solver/plan/plan.ts';
import type { NormsUsed } from '../../solver/workload/calibrationTypes.ts';
import type { CityWorkload } from '../../solver/workload/workloadTypes.ts';

export interface Move {
  readonly staffId: string;
  readonly name: string;
  readonly fromCenter: string;
  readonly toCenter: string;
  /** Commute from the home unit's centroid to the new center, km (great circle). */
  readonly commuteKm: number;
  /** New minus today's commute, km (negative = shorter). */
  readonly addedKm: number;
  /** Hours in the period at the new center, by field. */
  readonly hours: Readonly<Record<string, number>>;
}

const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** People whose center changes, with their name and commute from the home unit's centroid. */
export const planMoves = (dataset: Dataset, plan: Plan): Move[] => {
  const centers = new Map(dataset.centers.map((c) => [c.code, c]));
  const people = new Map(dataset.staff.map((s) => [s.staffId, s]));
  const km = (from: string, to: string): number => {
    const a = centers.get(from);
    const b = centers.get(to);
    return a === undefined || b === undefined ? 0 : haversineKm(a.lat, a.lon, b.lat, b.lon);
  };
  return plan.assignments
    .filter((a) => a.fromCenter !== a.toCenter)
    .map((a) => {
      const person = people.get(a.staffId);
      const home = person?.homeCode ?? a.fromCenter;
      const commute = km(home, a.toCenter);
      return { staffId: a.staffId, name: person?.name ?? '', fromCenter: a.fromCenter, toCenter: a.toCenter, commuteKm: round(commute, 1), addedKm: round(commute - km(home, a.fromCenter), 1), hours: a.hours };
    });
};

export interface PlanSummary {
  readonly status: Plan['status'];
  readonly message: string;
  readonly objective: number | null;
  readonly bound: number | null;
  readonly gap: number | null;
  readonly seconds: number;
  readonly period: string;
  readonly quantile: number;
  readonly requiredHours: number;
  readonly uncoveredHoursBefore: number;
  /** null when there is no plan (infeasible or failed). */
  readonly uncoveredHoursAfter: number | null;
  readonly overloadedCentersBefore: number;
  readonly overloadedCentersAfter: number | null;
  readonly maxUtilizationBefore: number | null;
  readonly maxUtilizationAfter: number | null;
  readonly transfers: number;
  readonly hires: number;
  /** Sum of added commute over moved people, km (only increases). */
  readonly addedCommuteKm: number;
  /**
   * The norms the workload was computed with ("workload by calibrated norms, fitted on
   * 2025-07..2026-10"). Absent on plans stored before the norms lever: they used the official norms.
   */
  readonly norms?: NormsUsed;
}

/**
 * The figures a plan is judged by. Before = today's staff (the explanation's fixed-assignment
 * solve, else the workload's per-center allocation); after = the plan.
 */
export const planSummary = (plan: Plan, explanation: PlanExplanation | null, workload: CityWorkload, moves: readonly Move[]): PlanSummary => {
  const has = plan.objective !== null;
  const maxBefore = workload.centers.reduce<number | null>((m, c) => (c.utilization === null ? m : Math.max(m ?? 0, c.utilization)), null);
  return {
    status: plan.status,
    message: plan.message,
    objective: plan.objective,
    bound: plan.bound,
    gap: plan.gap,
    seconds: plan.seconds,
    period: workload.period,
    quantile: workload.quantile,
    requiredHours: round(workload.totals.requiredHours),
    uncoveredHoursBefore: round(explanation?.before.uncoveredHours ?? workload.totals.uncoveredHours),
    uncoveredHoursAfter: has ? round(explanation?.after.uncoveredHours ?? plan.coverage.reduce((s, c) => s + c.uncovered, 0)) : null,
    overloadedCentersBefore: explanation?.before.overloadedCenters ?? workload.totals.overloadedCenters,
    overloadedCentersAfter: explanation?.after.overloadedCenters ?? null,
    maxUtilizationBefore: explanation === null ? (maxBefore === null ? null : round(maxBefore, 4)) : round(explanation.before.maxUtilization, 4),
    maxUtilizationAfter: explanation === null ? null : round(explanation.after.maxUtilization, 4),
    transfers: moves.length,
    hires: plan.hires.reduce((s, h) => s + h.count, 0),
    addedCommuteKm: round(moves.reduce((s, m) => s + Math.max(0, m.addedKm), 0), 1),
    norms: workload.norms,
  };
};
