/**
 * From a saved scenario to the plan model's input: the scenario's workload levers go to
 * computeWorkload (solver/workload), whose required hours per center and field and hours per FTE,
 * with the scenario's rules over the plan defaults (solver/plan/planInput.ts), make the PlanInput.
 *
 * TODO(plan helper's solver/scenario.ts): when it lands, its Scenario type and validation replace
 * this mapping; until then a scenario lever the two sides name differently would be ignored here.
 */
import type { Dataset, Month } from '../../solver/domain.ts';
import type { DossierForecast } from '../../solver/forecast/forecastHistory.ts';
import { DEFAULT_RULES, DEFAULT_WEIGHTS, type PlanInput, type PlanRules } from '../../solver/plan/planInput.ts';
import { computeWorkload } from '../../solver/workload/computeWorkload.ts';
import type { CityWorkload, WorkloadOptions } from '../../solver/workload/workloadTypes.ts';
import type { Static } from '@sinclair/typebox';
import type { ScenarioSchema } from '../schemas/scenarioSchemas.ts';

export type Levers = Static<typeof ScenarioSchema>;

/** Forecast quantile a plan staffs to unless the scenario says otherwise (P80). */
export const DEFAULT_QUANTILE = 0.8;
/** Solver time limit unless the scenario says otherwise, seconds. */
export const DEFAULT_TIME_LIMIT_SECONDS = 10;

/** The month a scenario plans for: its own, else the first forecast month. */
export const periodOf = (levers: Levers, forecasts: readonly DossierForecast[], dataset: Dataset): Month =>
  levers.period ?? forecasts[0]?.months[0] ?? dataset.history.reduce((last, r) => (r.month > last ? r.month : last), '');

export const workloadOptionsOf = (levers: Levers, period: Month): WorkloadOptions => ({
  period,
  quantile: levers.quantile ?? DEFAULT_QUANTILE,
  ...(levers.productivity === undefined ? {} : { productivity: levers.productivity }),
  ...(levers.unlistedAllowance === undefined ? {} : { unlistedAllowance: levers.unlistedAllowance }),
  ...(levers.demandMultiplierByField === undefined ? {} : { demandMultiplierByField: levers.demandMultiplierByField }),
  ...(levers.demandMultiplierByCenter === undefined ? {} : { demandMultiplierByCenter: levers.demandMultiplierByCenter }),
  ...(levers.onlineShareShift === undefined ? {} : { onlineShareShift: levers.onlineShareShift }),
  ...(levers.normMultiplierByField === undefined ? {} : { normMultiplierByField: levers.normMultiplierByField }),
});

export const rulesOf = (levers: Levers): PlanRules => ({
  maxTransfers: levers.maxTransfers === undefined ? DEFAULT_RULES.maxTransfers : levers.maxTransfers,
  maxCommuteKm: levers.maxCommuteKm ?? DEFAULT_RULES.maxCommuteKm,
  minStaffPerCenter: levers.minStaffPerCenter ?? DEFAULT_RULES.minStaffPerCenter,
  minStaffByCenter: levers.minStaffByCenter ?? DEFAULT_RULES.minStaffByCenter,
  lockedStaffIds: levers.lockedStaffIds ?? DEFAULT_RULES.lockedStaffIds,
  hiresAllowedByField: levers.hiresAllowedByField ?? DEFAULT_RULES.hiresAllowedByField,
  crossTraining: levers.crossTraining ?? DEFAULT_RULES.crossTraining,
  weights: { ...DEFAULT_WEIGHTS, ...levers.weights },
});

export interface PreparedPlan {
  readonly input: PlanInput;
  readonly workload: CityWorkload;
}

export const preparePlan = (dataset: Dataset, forecasts: readonly DossierForecast[], levers: Levers): PreparedPlan => {
  const workload = computeWorkload(dataset, forecasts, workloadOptionsOf(levers, periodOf(levers, forecasts, dataset)));
  return {
    workload,
    input: {
      centers: dataset.centers,
      fields: dataset.fields,
      staff: dataset.staff,
      requiredHours: workload.fields.map((f) => ({ centerCode: f.centerCode, field: f.field, hours: f.requiredHours })),
      hoursPerFte: workload.hoursPerFte,
      rules: rulesOf(levers),
    },
  };
};
