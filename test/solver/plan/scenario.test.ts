import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, formatScenarioProblem, scenarioRules, validateScenario } from '../../../solver/scenario.ts';

describe('validateScenario', () => {
  it('an empty object is the default scenario', () => {
    expect(validateScenario({})).toEqual({ ok: true, scenario: DEFAULT_SCENARIO });
  });

  it('given levers override the defaults and weights merge one by one', () => {
    const result = validateScenario({ maxTransfers: null, weights: { evenness: 5 }, hiresAllowedByField: { land: 10 } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.maxTransfers).toBeNull();
    expect(result.scenario.weights).toEqual({ ...DEFAULT_SCENARIO.weights, evenness: 5 });
    expect(scenarioRules(result.scenario).hiresAllowedByField).toEqual({ land: 10 });
  });

  it('every problem names its field and value', () => {
    const result = validateScenario({ period: '2026-13', weights: { evenness: -1, speed: 2 }, maxTransfers: 2.5, typo: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatScenarioProblem)).toEqual([
      'period = "2026-13": must be a month YYYY-MM',
      'weights.evenness = -1: must be between 0 and 1000000',
      'weights.speed = 2: unknown weight; known: uncovered, evenness, transfers, commuteKm, hires',
      'maxTransfers = 2.5: must be a whole number',
      expect.stringMatching(/^typo = 1: unknown lever/),
    ]);
  });

  it('a non-object is refused', () => {
    expect(validateScenario([1, 2]).ok).toBe(false);
  });
});
