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
      'weights.speed = 2: unknown weight; known: uncovered, evenness, transfers, commuteKm, hires, secondmentMonths, training',
      'maxTransfers = 2.5: must be a whole number',
      expect.stringMatching(/^typo = 1: unknown lever/),
    ]);
  });

  it('a non-object is refused', () => {
    expect(validateScenario([1, 2]).ok).toBe(false);
  });

  it('every problem carries a code and the numbers of its sentence, beside its English message', () => {
    const result = validateScenario({
      period: '2026-13',
      weights: { evenness: -1, speed: 2 },
      maxTransfers: 2.5,
      typo: 1,
      maxCommuteKm: 'far',
      productivity: 0,
      quantile: 0.7,
      crossTraining: 'yes',
      lockedStaffIds: [1],
      hiresAllowedByField: 3,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const coded = result.problems.map(({ field, code, params }) => ({ field, code, params }));
    expect(coded).toEqual([
      { field: 'period', code: 'scenario.month', params: {} },
      { field: 'weights.evenness', code: 'scenario.range', params: { min: 0, max: 1e6 } },
      { field: 'weights.speed', code: 'scenario.unknown_weight', params: { known: 'uncovered, evenness, transfers, commuteKm, hires, secondmentMonths, training' } },
      { field: 'maxTransfers', code: 'scenario.whole_number', params: {} },
      { field: 'typo', code: 'scenario.unknown_lever', params: { known: expect.stringContaining('maxCommuteKm, maxLeavingPerCenter, maxLeavingShare, maxTransfers') } },
      { field: 'maxCommuteKm', code: 'scenario.number', params: {} },
      { field: 'productivity', code: 'scenario.above_zero', params: {} },
      { field: 'quantile', code: 'scenario.quantile', params: { allowed: '0.5, 0.8, 0.95' } },
      { field: 'crossTraining', code: 'scenario.boolean', params: {} },
      { field: 'lockedStaffIds', code: 'scenario.staff_ids', params: {} },
      { field: 'hiresAllowedByField', code: 'scenario.object', params: {} },
    ]);
    expect(result.problems[1]?.message).toBe('must be between 0 and 1000000');
  });

  it('a non-object has its own code', () => {
    const result = validateScenario('levers');
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['scenario.not_object']);
  });

  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__'])('a weight named %s (a member of every object) is an unknown weight', (name) => {
    const result = validateScenario(JSON.parse(`{"weights": {"${name}": 1}}`));
    expect(result.ok ? [] : result.problems.map((p) => [p.field, p.code])).toEqual([[`weights.${name}`, 'scenario.unknown_weight']]);
  });

  it.each(['constructor', 'toString', '__proto__'])('a lever named %s is an unknown lever', (name) => {
    const result = validateScenario(JSON.parse(`{"${name}": 1}`));
    expect(result.ok ? [] : result.problems.map((p) => [p.field, p.code])).toEqual([[name, 'scenario.unknown_lever']]);
  });

  it.each([
    [{ timeLimitSeconds: 0.001 }, 'timeLimitSeconds = 0.001: must be between 1 and 600'],
    [{ demandMultiplierByField: { land: 11 } }, 'demandMultiplierByField.land = 11: must be between 0 and 10'],
    [{ normMultiplierByField: { land: 100 } }, 'normMultiplierByField.land = 100: must be between 0 and 10'],
  ])('%j is outside its documented range: %s', (levers, line) => {
    const result = validateScenario(levers);
    expect(result.ok ? [] : result.problems.map(formatScenarioProblem)).toEqual([line]);
  });
});

describe('the norms lever', () => {
  it('defaults to the official norms, so a scenario saved before the lever keeps its plan', () => {
    const result = validateScenario({ period: '2026-11' });
    expect(result.ok && result.scenario.norms).toBe('official');
  });

  it('accepts calibrated norms', () => {
    const result = validateScenario({ norms: 'calibrated' });
    expect(result.ok && result.scenario.norms).toBe('calibrated');
  });

  it('refuses any other value, naming the lever and what it may be', () => {
    const result = validateScenario({ norms: 'fitted' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([{ field: 'norms', value: 'fitted', code: 'scenario.one_of', params: { allowed: 'official, calibrated' }, message: 'must be one of official, calibrated' }]);
  });
});
