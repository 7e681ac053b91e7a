import { beforeAll, describe, expect, it } from 'vitest';
import type { Highs } from 'highs';
import { loadDatasetDir } from '../../../api/dataset-files.ts';
import { FORECAST_HORIZON, REFORM_MONTH } from '../../../api/storage/forecastFiles.ts';
import type { Dataset } from '../../../solver/domain.ts';
import { forecastHistory } from '../../../solver/forecast/forecastHistory.ts';
import { checkPlanRules } from '../../../solver/plan/checkPlanRules.ts';
import { loadHighs } from '../../../solver/plan/loadHighs.ts';
import type { Plan } from '../../../solver/plan/plan.ts';
import type { PlanInput } from '../../../solver/plan/planInput.ts';
import { scenarioPlanInput } from '../../../solver/plan/scenarioPlanInput.ts';
import { solvePlan } from '../../../solver/plan/solvePlan.ts';
import { DEFAULT_SCENARIO } from '../../../solver/scenario.ts';

// The embedded Hai Phong dataset, the default scenario, the real pipeline (forecast -> workload -> plan),
// forecast as the server and the CLI do it: FORECAST_HORIZON months with the July 2025 reform as the break.
let highs: Highs;
let dataset: Dataset;
let input: PlanInput;
let plan: Plan;
beforeAll(async () => {
  highs = await loadHighs();
  const loaded = await loadDatasetDir();
  if (!loaded.ok) throw new Error('the embedded dataset does not load');
  dataset = loaded.value;
  const forecasts = forecastHistory(dataset.history, { horizon: FORECAST_HORIZON, breakMonth: REFORM_MONTH });
  input = scenarioPlanInput(dataset, forecasts, { ...DEFAULT_SCENARIO, period: '2026-11' }).input;
  plan = solvePlan(highs, input, { timeLimitSeconds: 60 });
}, 240_000);

describe('the default Hai Phong plan', () => {
  it('keeps every rule of the plan (one center each, commute radius, locks, expertise, hours, budget, headcount)', () => {
    expect(checkPlanRules(input, plan)).toEqual([]);
  });

  it('assigns every civil servant of the dataset exactly once', () => {
    expect(plan.assignments.map((a) => a.staffId).sort()).toEqual(dataset.staff.map((s) => s.staffId).sort());
  });

  it('states a bound no higher than its objective and a gap within 1%', () => {
    expect(plan.status).not.toBe('infeasible');
    const { objective, bound, gap } = plan;
    if (objective === null || bound === null || gap === null) throw new Error(`no objective, bound or gap: ${plan.status}`);
    expect(bound).toBeLessThanOrEqual(objective + 1e-6);
    expect(gap).toBeLessThanOrEqual(0.01);
  });
});
