/**
 * From a scenario to the plan model's input: the scenario's workload levers go to computeWorkload,
 * whose required hours per center and field and hours per FTE, with the scenario's rules, make the
 * PlanInput. One function, so the command line and the server's solve jobs plan the same thing.
 */
import type { Dataset } from '../domain.ts';
import type { DossierForecast } from '../forecast/forecastHistory.ts';
import { scenarioRules, type Scenario } from '../scenario.ts';
import { computeWorkload } from '../workload/computeWorkload.ts';
import type { CityWorkload } from '../workload/workloadTypes.ts';
import type { PlanInput } from './planInput.ts';

export interface ScenarioPlanInput {
  readonly workload: CityWorkload;
  readonly input: PlanInput;
}

export const scenarioPlanInput = (
  dataset: Dataset,
  forecasts: readonly DossierForecast[],
  scenario: Scenario,
): ScenarioPlanInput => {
  const workload = computeWorkload(dataset, forecasts, {
    period: scenario.period,
    quantile: scenario.quantile,
    productivity: scenario.productivity,
    unlistedAllowance: scenario.unlistedAllowance,
    demandMultiplierByField: scenario.demandMultiplierByField,
    demandMultiplierByCenter: scenario.demandMultiplierByCenter,
    onlineShareShift: scenario.onlineShareShift,
    normMultiplierByField: scenario.normMultiplierByField,
  });
  return {
    workload,
    input: {
      centers: dataset.centers,
      fields: dataset.fields,
      staff: dataset.staff,
      requiredHours: workload.fields.map((f) => ({ centerCode: f.centerCode, field: f.field, hours: f.requiredHours })),
      hoursPerFte: workload.hoursPerFte,
      rules: scenarioRules(scenario),
    },
  };
};
