/**
 * The city at a glance for one period: totals, the most overloaded and the most idle centers, and
 * the fields short of expertise. Plain data, ready for a table, JSON or a screen.
 */
import type { CenterCode, Dataset, FieldId, UnitType } from '../domain.ts';
import { IDLE_UTILIZATION } from './computeWorkload.ts';
import type { NormsUsed } from './calibrationTypes.ts';
import type { CityTotals, CityWorkload, ShortReason } from './workloadTypes.ts';

export interface CenterLine {
  readonly code: CenterCode;
  readonly name: string;
  readonly type: UnitType;
  readonly staff: number;
  readonly requiredHours: number;
  readonly availableHours: number;
  /** Required / available hours; null when the center has no staff. */
  readonly utilization: number | null;
  readonly uncoveredHours: number;
  readonly countersNeeded: number;
  readonly desks: number;
}

/** A center's field whose expertise is missing or too thin (not merely a busy center). */
export interface ExpertiseShortage {
  readonly code: CenterCode;
  readonly name: string;
  readonly field: FieldId;
  readonly fieldName: string;
  readonly reason: Exclude<ShortReason, 'center_overloaded'>;
  readonly requiredHours: number;
  readonly uncoveredHours: number;
  readonly expertStaff: number;
}

export interface CityOverview {
  readonly period: string;
  readonly quantile: number;
  readonly quantileScope: 'center' | 'series';
  readonly source: 'history' | 'forecast';
  readonly workingDays: number;
  readonly hoursPerFte: number;
  /** The norms behind every figure (official, or calibrated and on which months). */
  readonly norms: NormsUsed;
  readonly totals: CityTotals;
  /** Centers above 100% utilization, highest first, at most `top`. */
  readonly overloaded: readonly CenterLine[];
  /** Centers below 60% utilization, lowest first, at most `top`. */
  readonly idle: readonly CenterLine[];
  /** Expertise shortages, largest priority-weighted uncovered hours first, at most `top`. */
  readonly shortOfExpertise: readonly ExpertiseShortage[];
  /** How many expertise shortages there are in all (the list above is cut at `top`). */
  readonly shortOfExpertiseCount: number;
}

const overloadKey = (u: number | null): number => (u === null ? Number.POSITIVE_INFINITY : u);

/** Summarises `workload` of `dataset` for a reader; `top` (default 10) bounds each list. */
export const cityOverview = (dataset: Dataset, workload: CityWorkload, top = 10): CityOverview => {
  if (!Number.isInteger(top) || top < 1) throw new Error(`cityOverview: top must be an integer >= 1, got ${top}`);
  const centerById = new Map(dataset.centers.map((c) => [c.code, c]));
  const fieldById = new Map(dataset.fields.map((f) => [f.field, f]));
  const lines: CenterLine[] = workload.centers.map((c) => {
    const center = centerById.get(c.centerCode);
    return {
      code: c.centerCode,
      name: center?.nameVi ?? c.centerCode,
      type: center?.type ?? 'commune',
      staff: c.staffCount,
      requiredHours: c.requiredHours,
      availableHours: c.availableHours,
      utilization: c.utilization,
      uncoveredHours: c.uncoveredHours,
      countersNeeded: c.countersNeeded,
      desks: c.desks,
    };
  });
  const overloaded = lines
    .filter((l) => l.utilization === null || l.utilization > 1)
    .sort((a, b) => overloadKey(b.utilization) - overloadKey(a.utilization));
  const idle = lines
    .filter((l) => l.utilization !== null && l.utilization < IDLE_UTILIZATION)
    .sort((a, b) => overloadKey(a.utilization) - overloadKey(b.utilization));
  const shortages: ExpertiseShortage[] = [];
  for (const c of workload.centers) {
    for (const s of c.shortFields) {
      if (s.reason === 'center_overloaded') continue;
      shortages.push({
        code: c.centerCode,
        name: centerById.get(c.centerCode)?.nameVi ?? c.centerCode,
        field: s.field,
        fieldName: fieldById.get(s.field)?.nameVi ?? s.field,
        reason: s.reason,
        requiredHours: s.requiredHours,
        uncoveredHours: s.uncoveredHours,
        expertStaff: s.expertStaff,
      });
    }
  }
  const weight = (s: ExpertiseShortage): number => (fieldById.get(s.field)?.priority ?? 1) * s.uncoveredHours;
  shortages.sort((a, b) => weight(b) - weight(a));
  return {
    period: workload.period,
    quantile: workload.quantile,
    quantileScope: workload.options.quantileScope,
    source: workload.source,
    workingDays: workload.workingDays,
    hoursPerFte: workload.hoursPerFte,
    norms: workload.norms,
    totals: workload.totals,
    overloaded: overloaded.slice(0, top),
    idle: idle.slice(0, top),
    shortOfExpertise: shortages.slice(0, top),
    shortOfExpertiseCount: shortages.length,
  };
};
