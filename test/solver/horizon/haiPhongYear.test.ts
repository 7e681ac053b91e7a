/**
 * The year-ahead plan on the embedded Hai Phong data, through the real pipeline (forecast ->
 * each month's workload -> solveHorizon), as the server and the command line run it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Highs } from 'highs';
import { loadDatasetDir } from '../../../api/dataset-files.ts';
import { FORECAST_HORIZON, REFORM_MONTH } from '../../../api/storage/forecastFiles.ts';
import { worksIn, type Dataset } from '../../../solver/domain.ts';
import { forecastHistory, type DossierForecast } from '../../../solver/forecast/forecastHistory.ts';
import { checkHorizonRules } from '../../../solver/horizon/checkHorizonRules.ts';
import { monthInput } from '../../../solver/horizon/horizonInput.ts';
import type { HorizonPlan } from '../../../solver/horizon/horizonPlan.ts';
import { scenarioHorizonInput } from '../../../solver/horizon/scenarioHorizonInput.ts';
import { solveHorizon } from '../../../solver/horizon/solveHorizon.ts';
import { loadHighs } from '../../../solver/plan/loadHighs.ts';
import { scenarioPlanInput } from '../../../solver/plan/scenarioPlanInput.ts';
import { validateScenario, type Scenario } from '../../../solver/scenario.ts';

let highs: Highs;
let dataset: Dataset;
let forecasts: readonly DossierForecast[];
const scenarioOf = (levers: object): Scenario => {
  const v = validateScenario(levers);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.scenario;
};
beforeAll(async () => {
  highs = await loadHighs();
  const loaded = await loadDatasetDir();
  if (!loaded.ok) throw new Error('the embedded dataset does not load');
  dataset = loaded.value;
  forecasts = forecastHistory(dataset.history, { horizon: FORECAST_HORIZON, breakMonth: REFORM_MONTH });
}, 240_000);

describe('the Hai Phong year ahead', () => {
  it('a scenario over one month plans exactly the input of today\'s single-month plan', () => {
    const scenario = scenarioOf({ period: '2026-11' });
    expect(monthInput(scenarioHorizonInput(dataset, forecasts, scenario).input, 0)).toEqual(scenarioPlanInput(dataset, forecasts, scenario).input);
  });

  describe('12 months from 2026-11 with the year\'s default rules', () => {
    let plan: HorizonPlan;
    let input: ReturnType<typeof scenarioHorizonInput>['input'];
    beforeAll(() => {
      input = scenarioHorizonInput(dataset, forecasts, scenarioOf({ period: '2026-11', horizon: 12 })).input;
      plan = solveHorizon(highs, input, { timeLimitSeconds: 30 });
    }, 240_000);

    it('keeps every rule in every month (the month\'s rule book, the schedule, the horizon\'s budgets and limits)', () => {
      expect(plan.objective).not.toBeNull();
      expect(checkHorizonRules(input, plan)).toEqual([]);
    });

    it('states a bound no higher than its objective', () => {
      expect(plan.bound ?? Infinity).toBeLessThanOrEqual((plan.objective ?? -Infinity) + 1e-6);
    });

    it('assigns every civil servant still working in a month exactly once that month', () => {
      plan.months.forEach((m) => {
        expect(m.plan.assignments.map((a) => a.staffId).sort()).toEqual(dataset.staff.filter((p) => worksIn(p, m.month)).map((p) => p.staffId).sort());
      });
    });
  });
});
