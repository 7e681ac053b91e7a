/**
 * From a saved scenario to the plan model's input, as `npm run plan` does it: the solver's
 * validateScenario fills in the defaults, the workload levers go to computeWorkload, whose
 * required hours per center and field and hours per FTE, with scenarioRules, make the PlanInput.
 */
import type { Static } from '@sinclair/typebox';
import type { Dataset } from '../../solver/domain.ts';
import type { DossierForecast } from '../../solver/forecast/forecastHistory.ts';
import type { PlanInput } from '../../solver/plan/planInput.ts';
import { planInputOf, scenarioPlanInput, scenarioWorkloadOptions } from '../../solver/plan/scenarioPlanInput.ts';
import { formatScenarioProblem, validateScenario, type Scenario } from '../../solver/scenario.ts';
import type { NormCalibration } from '../../solver/workload/calibrationTypes.ts';
import type { CityWorkload, WorkloadOptions } from '../../solver/workload/workloadTypes.ts';
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

/** Computes (or recalls) the workload for a set of options. */
export type WorkloadOf = (options: WorkloadOptions) => CityWorkload;

/**
 * The scenario with its defaults, its workload and the plan input. With `workloadOf`, the workload
 * comes from there (a worker keeps the last few: levers such as the transfer budget or the commute
 * radius change the plan, not the workload). `calibration` (calibrateNorms) is needed when the
 * scenario asks for calibrated norms; `workloadOf` must then use it too.
 */
export const preparePlan = (
  dataset: Dataset,
  forecasts: readonly DossierForecast[],
  levers: Levers,
  workloadOf?: WorkloadOf,
  calibration?: NormCalibration,
): PreparedPlan => {
  const scenario = resolveScenario(levers);
  if (workloadOf === undefined) return { scenario, ...scenarioPlanInput(dataset, forecasts, scenario, calibration) };
  const workload = workloadOf(scenarioWorkloadOptions(scenario));
  return { scenario, workload, input: planInputOf(dataset, workload, scenario) };
};
