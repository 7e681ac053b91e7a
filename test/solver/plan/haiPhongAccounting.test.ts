/**
 * The reason accounting on five plans of the embedded Hai Phong data (issue 11): the default plan,
 * a social-protection wave, ten land hires, 40 transfers, and the default with its first mover
 * locked. On each: the parts add up to every center's and field's before/after to within 0.1 h (to
 * 1e-6 in fact), every move's parts are its centers' steps, every signed phrase agrees with its
 * figures, and "before" is today's staff whatever the hires.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Highs } from 'highs';
import { cachedForecasts } from '../../../api/cli/cliForecasts.ts';
import { loadDatasetDir } from '../../../api/dataset-files.ts';
import type { Dataset } from '../../../solver/domain.ts';
import type { DossierForecast } from '../../../solver/forecast/forecastHistory.ts';
import { checkPlanRules } from '../../../solver/plan/checkPlanRules.ts';
import { loadHighs } from '../../../solver/plan/loadHighs.ts';
import type { PlanInput } from '../../../solver/plan/planInput.ts';
import type { PlanResult } from '../../../solver/plan/planResult.ts';
import { scenarioPlanInput } from '../../../solver/plan/scenarioPlanInput.ts';
import { scenarioPlanResult } from '../../../solver/plan/scenarioPlanResult.ts';
import { solvePlan } from '../../../solver/plan/solvePlan.ts';
import { validateScenario, type Scenario } from '../../../solver/scenario.ts';
import { computeWorkload } from '../../../solver/workload/computeWorkload.ts';
import { accountingProblems } from './accountingChecks.ts';

let highs: Highs;
let dataset: Dataset;
let forecasts: readonly DossierForecast[];
const plans = new Map<string, { input: PlanInput; result: PlanResult }>();

const scenarioOf = (levers: Record<string, unknown>): Scenario => {
  const checked = validateScenario({ period: '2026-11', ...levers });
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.scenario;
};

const solve = (name: string, levers: Record<string, unknown>): void => {
  const scenario = scenarioOf(levers);
  const { workload, input } = scenarioPlanInput(dataset, forecasts, scenario);
  const plan = solvePlan(highs, input, { timeLimitSeconds: 10 });
  plans.set(name, { input, result: scenarioPlanResult({ highs, dataset, scenario, workload, input, plan, workloadOf: (options) => computeWorkload(dataset, forecasts, options) }).result });
};

beforeAll(async () => {
  highs = await loadHighs();
  const loaded = await loadDatasetDir();
  if (!loaded.ok) throw new Error('the embedded dataset does not load');
  dataset = loaded.value;
  forecasts = await cachedForecasts(dataset, loaded.hash ?? null);
  solve('default', {});
  solve('social-protection wave +60%', { demandMultiplierByField: { social_protection: 1.6 } });
  solve('10 land hires', { hiresAllowedByField: { land: 10 } });
  solve('40 transfers', { maxTransfers: 40 });
  const firstMover = plans.get('default')?.result.outcome?.moves[0]?.staffId ?? '';
  solve('first mover locked', { lockedStaffIds: [firstMover] });
}, 400_000);

const NAMES = ['default', 'social-protection wave +60%', '10 land hires', '40 transfers', 'first mover locked'];

describe('five Hai Phong plans', () => {
  it.each(NAMES)('%s: the ledger adds up and every reason agrees with its figures', (name) => {
    const { input, result } = plans.get(name) as { input: PlanInput; result: PlanResult };
    expect(result.outcome?.moves.length).toBeGreaterThan(0);
    expect(accountingProblems(input, result)).toEqual([]);
  });

  it.each(NAMES)('%s: the plan\'s own assignments keep every rule', (name) => {
    const { input, result } = plans.get(name) as { input: PlanInput; result: PlanResult };
    const o = result.outcome;
    if (o === null) throw new Error('no plan');
    const coverage = o.centers.flatMap((c) => c.fields.map((f) => ({ centerCode: c.centerCode, field: f.field, required: f.requiredHours, assigned: f.coveredAfter, uncovered: f.uncoveredAfter })));
    expect(checkPlanRules(input, { assignments: o.assignments, hires: o.hires, coverage })).toEqual([]);
  });

  it('"before" is today\'s staff with no hire: ten allowed land hires leave it as the default plan\'s', () => {
    const hires = plans.get('10 land hires')?.result.outcome;
    const base = plans.get('default')?.result.outcome;
    expect(hires?.after.hires).toBeGreaterThan(0);
    expect(hires?.before.uncoveredHours).toBeCloseTo(base?.before.uncoveredHours ?? NaN, 6);
    expect(hires?.before.maxUtilization).toBeCloseTo(base?.before.maxUtilization ?? NaN, 9);
    expect(hires?.before.staff).toBe(dataset.staff.length);
  });

  it('the locked civil servant stays where they work', () => {
    const locked = plans.get('default')?.result.outcome?.moves[0]?.staffId;
    expect(plans.get('first mover locked')?.result.outcome?.moves.some((m) => m.staffId === locked)).toBe(false);
  });

  it('several movers into one center get different parts, which add up to its change (no "1,055.9 → 1,055.9" repeated)', () => {
    for (const name of NAMES) {
      const o = plans.get(name)?.result.outcome;
      const byCenter = new Map<string, number[]>();
      for (const m of o?.moves ?? []) byCenter.set(m.to, [...(byCenter.get(m.to) ?? []), m.atDestination.change]);
      for (const [code, parts] of byCenter) {
        const c = o?.centers.find((x) => x.centerCode === code);
        const arrivals = c?.steps.filter((s) => s.cause.kind === 'arrival').reduce((s, x) => s + x.change, 0) ?? NaN;
        expect(parts.reduce((s, x) => s + x, 0)).toBeCloseTo(arrivals, 6);
      }
      const sentences = (o?.moves ?? []).map((m) => m.sentence.en);
      expect(new Set(sentences).size).toBe(sentences.length);
    }
  });

  it('the wave scenario says what it adds in people', () => {
    const demand = plans.get('social-protection wave +60%')?.result.outcome?.demand;
    expect(demand?.addedFte).toBeGreaterThan(0);
    expect(demand?.requiredHours).toBeGreaterThan(demand?.baselineRequiredHours ?? Infinity);
    expect(plans.get('default')?.result.outcome?.demand).toBeNull();
  });
});
