/**
 * From a scenario to the input of its plan over `horizon` months: each month's workload (the
 * scenario's workload levers, the month's forecast at the quantile, its working days) gives that
 * month's required hours and hours per FTE; the scenario's rules and horizon rules apply to all.
 * One function, so the command line and the server's solve jobs plan the same thing.
 */
import type { Dataset, Month } from '../domain.ts';
import type { DossierForecast } from '../forecast/forecastHistory.ts';
import { addMonths } from '../forecast/months.ts';
import { scenarioWorkloadOptions } from '../plan/scenarioPlanInput.ts';
import { scenarioHorizonRules, scenarioRules, type Scenario } from '../scenario.ts';
import { computeWorkload } from '../workload/computeWorkload.ts';
import type { NormCalibration } from '../workload/calibrationTypes.ts';
import type { CityWorkload, WorkloadOptions } from '../workload/workloadTypes.ts';
import type { HorizonInput } from './horizonInput.ts';

/** The months of a scenario's plan: `period` and the `horizon - 1` after it. */
export const scenarioMonths = (scenario: Pick<Scenario, 'period' | 'horizon'>): Month[] =>
  Array.from({ length: scenario.horizon }, (_, i) => addMonths(scenario.period, i));

export interface ScenarioHorizonInput {
  /** The workload of each month, in order. */
  readonly workloads: readonly CityWorkload[];
  readonly input: HorizonInput;
}

/**
 * The horizon input of a scenario; `calibration` (calibrateNorms) is needed for calibrated norms;
 * `workloadOf` computes (or recalls) a month's workload.
 */
export const scenarioHorizonInput = (
  dataset: Dataset,
  forecasts: readonly DossierForecast[],
  scenario: Scenario,
  calibration?: NormCalibration,
  workloadOf: (options: WorkloadOptions) => CityWorkload = (options) => computeWorkload(dataset, forecasts, options, calibration),
): ScenarioHorizonInput => {
  const workloads = scenarioMonths(scenario).map((month) => workloadOf({ ...scenarioWorkloadOptions(scenario), period: month }));
  return {
    workloads,
    input: {
      centers: dataset.centers,
      fields: dataset.fields,
      staff: dataset.staff,
      months: workloads.map((w) => ({
        month: w.period,
        requiredHours: w.fields.map((f) => ({ centerCode: f.centerCode, field: f.field, hours: f.requiredHours })),
        hoursPerFte: w.hoursPerFte,
      })),
      rules: scenarioRules(scenario),
      horizon: scenarioHorizonRules(scenario),
    },
  };
};

/** Quantiles a plan over several months is reckoned under: P50, the one planned for, P95. */
export const reckonedQuantiles = (planned: number): number[] => [...new Set([0.5, planned, 0.95])].sort((a, b) => a - b);

/**
 * Each month's required hours under P50, the quantile planned for and P95 (solveHorizon's
 * `demandAt`): the scenario's months, its other levers unchanged. `planned` is the input's months.
 */
export const scenarioDemandAt = (
  dataset: Dataset,
  forecasts: readonly DossierForecast[],
  scenario: Scenario,
  planned: HorizonInput,
  calibration?: NormCalibration,
  workloadOf?: (options: WorkloadOptions) => CityWorkload,
): { quantile: number; months: HorizonInput['months'] }[] =>
  reckonedQuantiles(scenario.quantile).map((q) => ({
    quantile: q,
    months: q === scenario.quantile ? planned.months : scenarioHorizonInput(dataset, forecasts, { ...scenario, quantile: q }, calibration, workloadOf).input.months,
  }));
