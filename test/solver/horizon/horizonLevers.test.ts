/**
 * The horizon's levers (issue 13) in a scenario: their defaults, neutral for one month and the
 * year's for more, and the problems between levers and with the dataset, each named on its lever.
 */
import { describe, expect, it } from 'vitest';
import { checkScenario, scenarioFacts } from '../../../solver/checkScenario.ts';
import type { Dataset } from '../../../solver/domain.ts';
import { NEUTRAL_HORIZON_RULES, YEAR_HORIZON_RULES } from '../../../solver/horizon/horizonRules.ts';
import { DEFAULT_SCENARIO, formatScenarioProblem, scenarioHorizonRules, validateScenario } from '../../../solver/scenario.ts';

const lines = (json: unknown): string[] => {
  const result = validateScenario(json);
  return result.ok ? [] : result.problems.map(formatScenarioProblem);
};
const rulesOf = (json: unknown) => {
  const result = validateScenario(json);
  if (!result.ok) throw new Error(result.problems.map(formatScenarioProblem).join('; '));
  return scenarioHorizonRules(result.scenario);
};

describe('the horizon levers of a scenario', () => {
  it('a scenario without a horizon is the single month with every horizon lever neutral: today\'s scenario', () => {
    expect(DEFAULT_SCENARIO.horizon).toBe(1);
    expect(rulesOf({})).toEqual(NEUTRAL_HORIZON_RULES);
  });

  it('a horizon of several months gets the year\'s defaults for the levers left out, and keeps those given', () => {
    expect(rulesOf({ horizon: 12 })).toEqual(YEAR_HORIZON_RULES);
    expect(rulesOf({ horizon: 12, secondmentMonths: 0, maxLeavingShare: null })).toEqual({ ...YEAR_HORIZON_RULES, secondmentMonths: 0, maxLeavingShare: null });
  });

  it('a secondment minimum above its maximum is refused on the minimum, naming the maximum', () => {
    expect(lines({ horizon: 12, secondmentMinMonths: 7, secondmentMaxMonths: 3 })).toEqual(['secondmentMinMonths = 7: must be at most secondmentMaxMonths (3)']);
  });

  it('a lead time not shorter than the horizon, with hires allowed, is refused: no hire could start', () => {
    expect(lines({ horizon: 3, hiresAllowedByField: { land: 2 } })).toEqual(['hireLeadMonths = 4: must be shorter than the horizon of 3 months: no hire could start within it']);
    expect(lines({ horizon: 1, hireLeadMonths: 1, hiresAllowedByField: { land: 2 } })).toEqual(['hireLeadMonths = 1: must be shorter than the horizon of 1 month: no hire could start within it']);
  });

  it('the same lead time without hires allowed is no problem (it limits nothing)', () => {
    expect(lines({ horizon: 3 })).toEqual([]);
  });

  it('a training that cannot end within the horizon, and a shortest secondment longer than it, are refused', () => {
    expect(lines({ horizon: 2, trainingMonths: 2, hireLeadMonths: 0, secondmentMinMonths: 3 })).toEqual([
      'secondmentMinMonths = 3: must fit in the horizon of 2 months: no secondment could be made',
      'trainingMonths = 2: must be shorter than the horizon of 2 months: no training could end within it',
    ]);
  });

  it.each([
    [{ horizon: 0 }, 'horizon = 0: must be between 1 and 36'],
    [{ horizon: 2.5 }, 'horizon = 2.5: must be a whole number'],
    [{ maxLeavingShare: 0 }, 'maxLeavingShare = 0: must be above 0'],
    [{ staffQuota: -1 }, 'staffQuota = -1: must be between 0 and 1000000'],
    [{ overloadMarginHours: 'x' }, 'overloadMarginHours = "x": must be a number'],
  ])('%j is refused: %s', (levers, line) => {
    expect(lines(levers)).toEqual([line]);
  });

  it('null switches off the quota, the leaving limits and the overload rule', () => {
    expect(lines({ horizon: 12, staffQuota: null, maxLeavingPerCenter: null, maxLeavingShare: null, overloadMarginHours: null })).toEqual([]);
  });
});

describe('the horizon against the dataset (checkScenario)', () => {
  // History 2025-07 to 2025-08: the forecast reaches 2026-08.
  const dataset = {
    centers: [{ code: '10001' }],
    fields: [{ field: 'land' }],
    history: [{ month: '2025-07' }, { month: '2025-08' }],
    staff: [{ staffId: 'A' }],
  } as unknown as Dataset;
  const facts = scenarioFacts(dataset, 12);
  const problems = (json: unknown): string[] => {
    const result = checkScenario(json, facts);
    return result.ok ? [] : result.problems.map(formatScenarioProblem);
  };

  it('a horizon past the forecast is refused on the horizon, naming its last month and the most it can be', () => {
    expect(problems({ period: '2026-01', horizon: 12 })).toEqual([
      'horizon = 12: reaches 2026-12, past the last month that can be planned, 2026-08 (the forecast\'s end): at most 8 from 2026-01',
    ]);
  });

  it('a horizon ending on the forecast\'s last month is accepted', () => {
    expect(problems({ period: '2025-09', horizon: 12 })).toEqual([]);
  });
});
