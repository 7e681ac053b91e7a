/**
 * The comparison of 2 to 4 solved plans as the server computes it (POST /api/comparisons, issue 5):
 * its wire shape, and which chosen plan a server error is about, so the page can show the error
 * beside that plan's checkbox.
 */

/** A plan's summary as the comparison sends it (api/schemas/planSchemas.ts PlanSummary). */
export interface ComparedSummary {
  readonly status: string;
  readonly message: string;
  readonly objective: number | null;
  readonly bound: number | null;
  readonly gap: number | null;
  readonly seconds: number;
  readonly period: string;
  readonly quantile: number;
  readonly requiredHours: number;
  readonly uncoveredHoursBefore: number;
  readonly uncoveredHoursAfter: number | null;
  readonly overloadedCentersBefore: number;
  readonly overloadedCentersAfter: number | null;
  readonly maxUtilizationBefore: number | null;
  readonly maxUtilizationAfter: number | null;
  readonly transfers: number;
  readonly hires: number;
  /** km. */
  readonly addedCommuteKm: number;
}

export interface ComparedPlan {
  readonly id: string;
  readonly scenarioId: string | null;
  readonly scenarioName: string;
  readonly datasetVersion: number;
  readonly summary: ComparedSummary;
}

/** A civil servant whose destination differs between the plans: `toCenters[i]` in plan i (= `fromCenter` when staying). */
export interface MoveDifference {
  readonly staffId: string;
  readonly name: string;
  readonly fromCenter: string;
  readonly toCenters: readonly string[];
}

export interface Comparison {
  readonly plans: readonly ComparedPlan[];
  readonly moves: readonly MoveDifference[];
}

/** The chosen plan a server message names (`no plan with id X`, `plan X is failed: ...`), if any. */
export const planNamedIn = (message: string, chosen: readonly string[]): string | undefined =>
  chosen.find((id) => message.includes(id));
