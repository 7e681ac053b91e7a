/**
 * Dataset codes that are also names of Object.prototype's members (`constructor` is a valid field
 * code) are plain codes: a scenario that does not mention them leaves them at their defaults.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Highs } from 'highs';
import { loadDatasetDir } from '../../../api/dataset-files.ts';
import type { Dataset } from '../../../solver/domain.ts';
import { loadHighs } from '../../../solver/plan/loadHighs.ts';
import { scenarioPlanInput } from '../../../solver/plan/scenarioPlanInput.ts';
import { checkPlanRules } from '../../../solver/plan/checkPlanRules.ts';
import { solvePlan } from '../../../solver/plan/solvePlan.ts';
import { validateScenario, type Scenario } from '../../../solver/scenario.ts';
import { GOOD_DIR } from '../../api/server/testApp.ts';

/** The good tables with the field `from` renamed `to` everywhere. */
const renamed = (dataset: Dataset, from: string, to: string): Dataset => {
  const f = (field: string) => (field === from ? to : field);
  return {
    ...dataset,
    fields: dataset.fields.map((x) => ({ ...x, field: f(x.field) })),
    history: dataset.history.map((h) => ({ ...h, field: f(h.field) })),
    staff: dataset.staff.map((s) => ({ ...s, fields: s.fields.map(f) })),
  };
};

let highs: Highs;
let good: Dataset;
beforeAll(async () => {
  highs = await loadHighs();
  const loaded = await loadDatasetDir(GOOD_DIR);
  if (!loaded.ok) throw new Error('the good tables do not load');
  good = loaded.value;
});

const scenario = (levers: object): Scenario => {
  const checked = validateScenario({ period: '2025-08', maxTransfers: 2, maxCommuteKm: 30, timeLimitSeconds: 5, ...levers });
  if (!checked.ok) throw new Error('bad test scenario');
  return checked.scenario;
};

describe('a field named "constructor"', () => {
  it('has the workload the same field has under another name (no multiplier given means 1)', () => {
    const plain = scenarioPlanInput(renamed(good, 'land', 'landx'), [], scenario({})).workload.totals;
    const named = scenarioPlanInput(renamed(good, 'land', 'constructor'), [], scenario({})).workload.totals;
    expect(named).toEqual(plain);
    expect(Number.isFinite(named.requiredHours)).toBe(true);
  });

  it('is planned as the same field under another name: no hires where none are allowed', () => {
    const plain = solvePlan(highs, scenarioPlanInput(renamed(good, 'land', 'landx'), [], scenario({})).input, { timeLimitSeconds: 5 });
    const named = solvePlan(highs, scenarioPlanInput(renamed(good, 'land', 'constructor'), [], scenario({})).input, { timeLimitSeconds: 5 });
    expect(named.status).toBe(plain.status);
    expect(named.objective).toBeCloseTo(plain.objective ?? Number.NaN, 6);
    expect(named.hires).toEqual([]);
  });

  it('the self-check names a hire in it that no scenario allowed', () => {
    const { input } = scenarioPlanInput(renamed(good, 'land', 'constructor'), [], scenario({}));
    const plan = solvePlan(highs, input, { timeLimitSeconds: 5 });
    const hired = { ...plan, hires: [{ centerCode: input.centers[0]!.code, field: 'constructor', count: 1, hours: 1 }] };
    expect(checkPlanRules(input, hired).map((v) => v.message)).toContain('1 hires in constructor, allowed 0');
  });
});
