/**
 * The scenario the planner edits: one plain JSON object of levers (issue 4), the same object the API
 * stores and solves. TODO(solver/scenario.ts): once the plan module publishes its Scenario type, this
 * file re-exports it; until then the editor follows the levers documented in solver/plan/planInput.ts
 * and solver/workload/workloadTypes.ts, so a mismatch shows as a server validation message.
 */
import type { FieldId, Month } from '../../solver/domain.ts';
import type { PlanWeights } from '../../solver/plan/planInput.ts';

export interface ScenarioLevers {
  readonly period: Month;
  readonly quantile: number;
  readonly demandMultiplierByField: Readonly<Record<FieldId, number>>;
  readonly demandMultiplierByCenter: Readonly<Record<string, number>>;
  readonly onlineShareShift: number;
  readonly normMultiplierByField: Readonly<Record<FieldId, number>>;
  readonly hiresAllowedByField: Readonly<Record<FieldId, number>>;
  readonly maxTransfers: number | null;
  readonly maxCommuteKm: number;
  readonly minStaffPerCenter: number;
  readonly minStaffByCenter: Readonly<Record<string, number>>;
  readonly lockedStaffIds: readonly string[];
  readonly crossTraining: boolean;
  readonly weights: PlanWeights;
}

export const DEFAULT_LEVERS: ScenarioLevers = {
  period: '2026-11',
  quantile: 0.8,
  demandMultiplierByField: {},
  demandMultiplierByCenter: {},
  onlineShareShift: 0,
  normMultiplierByField: {},
  hiresAllowedByField: {},
  maxTransfers: 30,
  maxCommuteKm: 15,
  minStaffPerCenter: 0,
  minStaffByCenter: {},
  lockedStaffIds: [],
  crossTraining: true,
  weights: { uncovered: 1, evenness: 1, transfers: 4, commuteKm: 0.2, hires: 2 },
};
