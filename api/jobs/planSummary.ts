/**
 * What the API keeps beside a solved plan: the moves in words a table can show, and the KPIs a
 * comparison lines up (uncovered hours and overloaded centers before and after, transfers, added
 * commute). Computed from the plan, today's workload and the dataset; pure.
 */
import type { Dataset } from '../../solver/domain.ts';
import { haversineKm } from '../../solver/geo.ts';
import type { Plan } from '../../solver/plan/plan.ts';
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

export interface PlanKpis {
  readonly period: string;
  readonly quantile: number;
  readonly requiredHours: number;
  readonly uncoveredHoursBefore: number;
  readonly uncoveredHoursAfter: number;
  readonly overloadedCentersBefore: number;
  readonly overloadedCentersAfter: number;
  readonly maxUtilizationBefore: number | null;
  readonly maxUtilizationAfter: number | null;
  readonly transfers: number;
  readonly hires: number;
  /** Sum of added commute over moved people, km (only increases). */
  readonly addedCommuteKm: number;
}

export interface PlanSummary extends PlanKpis {
  readonly status: Plan['status'];
  readonly message: string;
  readonly objective: number | null;
  readonly bound: number | null;
  readonly gap: number | null;
  readonly seconds: number;
}

const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;

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

export const planKpis = (dataset: Dataset, workload: CityWorkload, plan: Plan, moves: readonly Move[]): PlanKpis => {
  const fte = new Map(dataset.staff.map((s) => [s.staffId, s.fte]));
  const hoursAt = new Map<string, number>();
  for (const a of plan.assignments) hoursAt.set(a.toCenter, (hoursAt.get(a.toCenter) ?? 0) + (fte.get(a.staffId) ?? 0) * workload.hoursPerFte);
  for (const h of plan.hires) hoursAt.set(h.centerCode, (hoursAt.get(h.centerCode) ?? 0) + h.count * workload.hoursPerFte);
  const after = workload.centers.map((c) => {
    const available = hoursAt.get(c.centerCode) ?? 0;
    return available > 0 ? c.requiredHours / available : null;
  });
  const max = (xs: readonly (number | null)[]): number | null => {
    const known = xs.filter((x): x is number => x !== null);
    return known.length === 0 ? null : round(Math.max(...known), 4);
  };
  return {
    period: workload.period,
    quantile: workload.quantile,
    requiredHours: round(workload.totals.requiredHours),
    uncoveredHoursBefore: round(workload.totals.uncoveredHours),
    uncoveredHoursAfter: round(plan.coverage.reduce((s, c) => s + c.uncovered, 0)),
    overloadedCentersBefore: workload.totals.overloadedCenters,
    overloadedCentersAfter: after.filter((u) => u !== null && u > 1).length,
    maxUtilizationBefore: max(workload.centers.map((c) => c.utilization)),
    maxUtilizationAfter: max(after),
    transfers: moves.length,
    hires: plan.hires.reduce((s, h) => s + h.count, 0),
    addedCommuteKm: round(moves.reduce((s, m) => s + Math.max(0, m.addedKm), 0), 1),
  };
};

export const planSummary = (dataset: Dataset, workload: CityWorkload, plan: Plan, moves: readonly Move[]): PlanSummary => ({
  status: plan.status,
  message: plan.message,
  objective: plan.objective,
  bound: plan.bound,
  gap: plan.gap,
  seconds: plan.seconds,
  ...planKpis(dataset, workload, plan, moves),
});
