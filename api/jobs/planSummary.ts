/**
 * The few figures a plan's record carries (job lists, the overview's "latest plan", comparisons),
 * taken from its result (solver/plan/planResult.ts) and nothing else: a plan that does not exist
 * (infeasible, failed, none found in time) has no figures at all, only its status and verdict.
 * Before = today's staff, no hire, no move. Pure.
 */
import type { PlanResult } from '../../solver/plan/planResult.ts';
import type { NormsUsed } from '../../solver/workload/calibrationTypes.ts';

/** City figures of one side, as the summary carries them. */
export interface SummaryFigures {
  readonly uncoveredHours: number;
  readonly overloadedCenters: number;
  readonly maxUtilization: number;
  readonly staff: number;
  readonly fteShort: number;
}

export interface PlanSummary {
  readonly resultVersion: number;
  readonly status: PlanResult['status'];
  readonly message: string;
  readonly verdict: { readonly vi: string; readonly en: string };
  /** Whether a plan exists: false for infeasible, failed or none found in time (every figure below is then null). */
  readonly hasPlan: boolean;
  readonly objective: number | null;
  readonly bound: number | null;
  readonly gap: number | null;
  readonly seconds: number;
  readonly period: string;
  readonly quantile: number;
  readonly requiredHours: number | null;
  readonly before: SummaryFigures | null;
  readonly after: SummaryFigures | null;
  readonly transfers: number | null;
  readonly hires: number | null;
  /** Sum of added commute over moved people, km (only increases). */
  readonly addedCommuteKm: number | null;
  /** The key conflict, when no plan keeps every rule. */
  readonly leadConflict: { readonly vi: string; readonly en: string } | null;
  /** The norms the workload was computed with ("workload by calibrated norms, fitted on 2025-07..2026-10"). */
  readonly norms: NormsUsed;
}

const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;

export const planSummary = (result: PlanResult): PlanSummary => {
  const o = result.outcome;
  const figures = (side: 'before' | 'after'): SummaryFigures | null => {
    if (o === null) return null;
    const k = o[side];
    return { uncoveredHours: round(k.uncoveredHours), overloadedCenters: k.overloadedCenters, maxUtilization: round(k.maxUtilization, 4), staff: k.staff, fteShort: round(k.fteShort) };
  };
  return {
    resultVersion: result.version,
    status: result.status,
    message: result.quality.message,
    verdict: result.verdict,
    hasPlan: o !== null,
    objective: result.quality.objective,
    bound: result.quality.bound,
    gap: result.quality.gap,
    seconds: result.quality.seconds,
    period: result.period,
    quantile: result.quantile,
    requiredHours: o === null ? null : round(o.before.requiredHours),
    before: figures('before'),
    after: figures('after'),
    transfers: o === null ? null : o.after.transfers,
    hires: o === null ? null : o.after.hires,
    addedCommuteKm: o === null ? null : round(o.after.addedCommuteKm, 1),
    leadConflict: result.infeasibility?.lead.text ?? null,
    norms: result.norms,
  };
};
