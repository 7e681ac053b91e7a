/**
 * From a scenario to the plan model's input: the scenario's workload levers go to computeWorkload,
 * whose required hours per center and field and hours per FTE, with the scenario's rules, make the
 * PlanInput. One function, so the command line and the server's solve jobs plan the same thing.
 */
import { worksIn, type Dataset } from '../domain.ts';
import type { DossierForecast } from '../forecast/forecastHistory.ts';
import { scenarioRules, type Scenario } from '../scenario.ts';
import { computeWorkload } from '../workload/computeWorkload.ts';
import type { NormCalibration } from '../workload/calibrationTypes.ts';
import type { CityWorkload, WorkloadOptions } from '../workload/workloadTypes.ts';
import type { PlanInput } from './planInput.ts';

export interface ScenarioPlanInput {
  readonly workload: CityWorkload;
  readonly input: PlanInput;
}

/** The workload options a scenario sets: its workload depends on these and the data only. */
export const scenarioWorkloadOptions = (scenario: Scenario): WorkloadOptions => ({
  period: scenario.period,
  quantile: scenario.quantile,
  productivity: scenario.productivity,
  unlistedAllowance: scenario.unlistedAllowance,
  demandMultiplierByField: scenario.demandMultiplierByField,
  demandMultiplierByCenter: scenario.demandMultiplierByCenter,
  onlineShareShift: scenario.onlineShareShift,
  normMultiplierByField: scenario.normMultiplierByField,
  norms: scenario.norms,
});

/**
 * The plan input of a scenario, given its workload (computed with scenarioWorkloadOptions): the
 * civil servants who still work in the period (those who have left by then, leavesOn, do no work).
 */
export const planInputOf = (dataset: Dataset, workload: CityWorkload, scenario: Scenario): PlanInput => ({
  centers: dataset.centers,
  fields: dataset.fields,
  staff: dataset.staff.some((p) => !worksIn(p, workload.period)) ? dataset.staff.filter((p) => worksIn(p, workload.period)) : dataset.staff,
  requiredHours: workload.fields.map((f) => ({ centerCode: f.centerCode, field: f.field, hours: f.requiredHours })),
  hoursPerFte: workload.hoursPerFte,
  rules: scenarioRules(scenario),
});

/** `calibration` (calibrateNorms) is needed when the scenario asks for calibrated norms. */
export const scenarioPlanInput = (
  dataset: Dataset,
  forecasts: readonly DossierForecast[],
  scenario: Scenario,
  calibration?: NormCalibration,
): ScenarioPlanInput => {
  const workload = computeWorkload(dataset, forecasts, scenarioWorkloadOptions(scenario), calibration);
  return { workload, input: planInputOf(dataset, workload, scenario) };
};
