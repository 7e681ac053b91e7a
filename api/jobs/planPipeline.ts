/**
 * From a saved scenario to the plan model's input, as `npm run plan` does it: the solver's
 * validateScenario fills in the defaults, the workload levers go to computeWorkload, whose
 * required hours per center and field and hours per FTE, with scenarioRules, make the PlanInput.
 */
import type { Static } from '@sinclair/typebox';
import type { Dataset } from '../../solver/domain.ts';
import type { DossierForecast } from '../../solver/forecast/forecastHistory.ts';
import type { PlanInput } from '../../solver/plan/planInput.ts';
import { formatScenarioProblem, scenarioRules, validateScenario, type Scenario } from '../../solver/scenario.ts';
import { computeWorkload } from '../../solver/workload/computeWorkload.ts';
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
    scenario,
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
