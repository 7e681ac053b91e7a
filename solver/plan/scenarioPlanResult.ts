/**
 * From a solved scenario to its plan result, as the server's plan job and `npm run plan` both do
 * it: the same baseline for "what the demand levers add", the same bounds on what transfers can
 * close, the same names. One function, so the two surfaces cannot report different figures.
 */
import type { Highs } from 'highs';
import type { Dataset } from '../domain.ts';
import type { Scenario } from '../scenario.ts';
import type { CityWorkload, WorkloadOptions } from '../workload/workloadTypes.ts';
import { namesOf } from '../words.ts';
import { buildPlanResult } from './buildPlanResult.ts';
import type { Plan } from './plan.ts';
import type { PlanInput } from './planInput.ts';
import type { PlanResult } from './planResult.ts';
import type { PlanSchedule } from '../horizon/horizonPlan.ts';
import { scenarioWorkloadOptions } from './scenarioPlanInput.ts';
import { transferPotential, type TransferPotential } from './transferPotential.ts';

/**
 * The workload options of the same period without the scenario's demand levers (field and center
 * multipliers, online share shift), or null when it has none (then nothing is added).
 */
export const demandBaselineOptions = (scenario: Scenario): WorkloadOptions | null => {
  const neutral = Object.keys(scenario.demandMultiplierByField).length === 0 && Object.keys(scenario.demandMultiplierByCenter).length === 0 && scenario.onlineShareShift === 0;
  return neutral ? null : { ...scenarioWorkloadOptions(scenario), demandMultiplierByField: {}, demandMultiplierByCenter: {}, onlineShareShift: 0 };
};

/**
 * What the transfer potential depends on (so callers can keep it): the workload and the rules that
 * limit where people may go (radius, locks, seats come with the dataset).
 */
export const potentialKey = (scenario: Scenario): string =>
  JSON.stringify([scenarioWorkloadOptions(scenario), scenario.maxCommuteKm, [...scenario.lockedStaffIds].sort()]);

export interface ScenarioPlanResultInput {
  /** Needed only to compute the transfer potential when it is not given. */
  readonly highs?: Highs | null;
  readonly dataset: Dataset;
  readonly scenario: Scenario;
  readonly workload: CityWorkload;
  readonly input: PlanInput;
  readonly plan: Plan;
  /**
   * Computes (or recalls) a workload: used for the same period without the scenario's demand levers
   * (demandBaselineOptions), so that "what the wave adds" is measured the same way everywhere.
   */
  readonly workloadOf: (options: WorkloadOptions) => CityWorkload;
  /** A transfer potential computed earlier for the same potentialKey; computed here when absent. */
  readonly potential?: TransferPotential;
  /** The schedule of a plan over several months (`plan` is then its first month, solver/horizon/planSchedule.ts). */
  readonly schedule?: PlanSchedule | null;
}

export const scenarioPlanResult = (r: ScenarioPlanResultInput): { result: PlanResult; potential: TransferPotential | null } => {
  const hasPlan = r.plan.objective !== null;
  const baselineOptions = demandBaselineOptions(r.scenario);
  const baseline = baselineOptions === null ? null : r.workloadOf(baselineOptions);
  const potential = r.potential ?? (hasPlan && r.highs !== undefined && r.highs !== null ? transferPotential(r.highs, r.input) : null);
  const result = buildPlanResult({
    input: r.input,
    plan: r.plan,
    scenario: r.scenario,
    demandSource: r.workload.source,
    norms: r.workload.norms,
    names: namesOf(r.dataset),
    baselineRequiredHours: baseline === null ? null : baseline.totals.requiredHours,
    potential,
    schedule: r.schedule ?? null,
  });
  return { result, potential };
};
