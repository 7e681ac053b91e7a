/**
 * From a saved scenario to the plan model's input, as `npm run plan` does it: the solver's
 * validateScenario fills in the defaults, the workload levers go to computeWorkload, whose
 * required hours per center and field and hours per FTE, with scenarioRules, make the PlanInput.
 */
import type { Static } from '@sinclair/typebox';
import type { Dataset } from '../../solver/domain.ts';
import type { DossierForecast } from '../../solver/forecast/forecastHistory.ts';
import type { PlanInput } from '../../solver/plan/planInput.ts';
import { scenarioPlanInput } from '../../solver/plan/scenarioPlanInput.ts';
import { formatScenarioProblem, validateScenario, type Scenario } from '../../solver/scenario.ts';
import type { CityWorkload } from '../../solver/workload/workloadTypes.ts';
import type { ScenarioSchema } from '../schemas/scenarioSchemas.ts';

/** The levers as sent and stored (every one optional). */
export type Levers = Static<typeof ScenarioSchema>;

/** The scenario with every default filled in; throws naming each bad lever (the wire schema lets none through). */
export const resolveScenario = (levers: Levers): Scenario => {
  const checked = validateScenario(levers);
  if (!checked.ok) throw new Error(`invalid scenario: ${checked.problems.map(formatScenarioProblem).join('; ')}`);
  return checked.scenario;
};

export interface PreparedPlan {
  readonly scenario: Scenario;
  readonly input: PlanInput;
  readonly workload: CityWorkload;
}

export const preparePlan = (dataset: Dataset, forecasts: readonly DossierForecast[], levers: Levers): PreparedPlan => {
  const scenario = resolveScenario(levers);
  return { scenario, ...scenarioPlanInput(dataset, forecasts, scenario) };
};
