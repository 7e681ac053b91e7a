/**
 * The comparison of 2 to 4 solved plans as the server computes it (POST /api/comparisons, issue 5):
 * its wire shape, and which chosen plan a server error is about, so the page can show the error
 * beside that plan's checkbox.
 */
import type { PlanSummary } from '../../api/jobs/planSummary.ts';

/** A plan's summary as the comparison sends it: the server's own type (types only; checked against its wire schema there). */
export type ComparedSummary = PlanSummary;

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
