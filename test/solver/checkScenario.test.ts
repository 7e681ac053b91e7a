import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkScenario, scenarioFacts, type ScenarioFacts } from '../../solver/checkScenario.ts';
import type { Dataset } from '../../solver/domain.ts';
import { formatScenarioProblem, validateScenario } from '../../solver/scenario.ts';

/** A dataset of 3 civil servants, fields land and tax, centers 10001 and 10002, history 2025-07 to 2025-08 (only what the check reads). */
const dataset = {
  centers: [{ code: '10001' }, { code: '10002' }],
  fields: [{ field: 'land' }, { field: 'tax' }],
  history: [{ month: '2025-07' }, { month: '2025-08' }],
  staff: [{ staffId: 'A' }, { staffId: 'B' }, { staffId: 'C' }],
} as unknown as Dataset;
const facts: ScenarioFacts = scenarioFacts(dataset, 12);
const lines = (json: unknown): string[] => {
  const result = checkScenario(json, facts);
  return result.ok ? [] : result.problems.map(formatScenarioProblem);
};
const WITHIN = "must be a month from 2025-07 to 2026-08 (the history and the 12 months forecast after it, within the calendar's 2023-2027)";

describe('scenarioFacts', () => {
  it('plans from the history\'s first month to the horizon after its last, within the calendar\'s years', () => {
    expect([facts.firstMonth, facts.lastMonth]).toEqual(['2025-07', '2026-08']);
    const late = scenarioFacts({ ...dataset, history: [{ month: '2021-03' }, { month: '2027-06' }] } as unknown as Dataset, 12);
    expect([late.firstMonth, late.lastMonth]).toEqual(['2023-01', '2027-12']);
  });
});

describe('checkScenario', () => {
  it('accepts what fits the dataset and fills in the defaults as validateScenario does', () => {
    const levers = { period: '2026-08', maxTransfers: 3, hiresAllowedByField: { land: 3 }, lockedStaffIds: ['A'], minStaffByCenter: { '10002': 1 } };
    expect(checkScenario(levers, facts)).toEqual(validateScenario(levers));
  });

  it.each([
    [{ period: '9999-12' }, `period = "9999-12": ${WITHIN}`],
    [{ period: '2026-09' }, `period = "2026-09": ${WITHIN}`],
    [{ period: '2025-06' }, `period = "2025-06": ${WITHIN}`],
    [{}, `period = "2026-11": ${WITHIN}; left out, it is the default 2026-11`],
    [{ period: '2026-01', maxTransfers: 4 }, 'maxTransfers = 4: must be at most 3, the civil servants in the active dataset'],
    [{ period: '2026-01', hiresAllowedByField: { land: 4 } }, 'hiresAllowedByField.land = 4: must be at most 3, the civil servants in the active dataset'],
    [{ period: '2026-01', lockedStaffIds: ['A', 'Z', 'Z'] }, 'lockedStaffIds = ["Z"]: names staff ids not in the active dataset: Z'],
    [{ period: '2026-01', demandMultiplierByField: { soil: 2 } }, 'demandMultiplierByField = ["soil"]: names field codes not in the active dataset: soil'],
    [{ period: '2026-01', minStaffByCenter: { '99999': 1 } }, 'minStaffByCenter = ["99999"]: names center codes not in the active dataset: 99999'],
  ])('%j is refused: %s', (levers, line) => {
    expect(lines(levers)).toEqual([line]);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('a key %s (a member of every object) is no code of the dataset, in every keyed lever', (key) => {
    for (const lever of ['demandMultiplierByField', 'normMultiplierByField', 'hiresAllowedByField', 'demandMultiplierByCenter', 'minStaffByCenter']) {
      const json = JSON.parse(`{"period": "2026-01", "${lever}": {"${key}": 1}}`);
      expect(lines(json)).toEqual([expect.stringMatching(new RegExp(`^${lever} = \\["${key}"\\]: names (field|center) codes not in the active dataset: ${key}$`))]);
    }
  });

  it('any scenario the dataset fits is accepted, and every refusal names a lever', () => {
    const levers = fc.record({
      period: fc.constantFrom('2025-06', '2025-07', '2026-08', '2026-09', '9999-12'),
      maxTransfers: fc.option(fc.integer({ min: 0, max: 6 })),
      hiresAllowedByField: fc.dictionary(fc.constantFrom('land', 'tax', 'soil', 'constructor'), fc.integer({ min: 0, max: 6 })),
      lockedStaffIds: fc.array(fc.constantFrom('A', 'B', 'Z')),
    }, { requiredKeys: [] });
    fc.assert(fc.property(levers, (l) => {
      const fits = (l.period === undefined ? false : l.period >= '2025-07' && l.period <= '2026-08')
        && (l.maxTransfers === undefined || l.maxTransfers === null || l.maxTransfers <= 3)
        && Object.entries(l.hiresAllowedByField ?? {}).every(([f, n]) => ['land', 'tax'].includes(f) && n <= 3)
        && (l.lockedStaffIds ?? []).every((id) => id !== 'Z');
      const result = checkScenario(l, facts);
      expect(result.ok).toBe(fits);
      // A refusal names a lever given, or the period (whose default is checked too).
      if (!result.ok) for (const p of result.problems) expect([...Object.keys(l), 'period']).toContain(p.field.split('.')[0]);
    }));
  });
});
