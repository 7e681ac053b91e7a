import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Highs } from 'highs';
import type { Center, CivilServant, Field } from '../../../solver/domain.ts';
import { loadHighs } from '../../../solver/plan/loadHighs.ts';
import { solvePlan } from '../../../solver/plan/solvePlan.ts';
import { checkPlanRules } from '../../../solver/plan/checkPlanRules.ts';
import { buildPlanResult } from '../../../solver/plan/buildPlanResult.ts';
import { DEFAULT_SCENARIO } from '../../../solver/scenario.ts';
import { namesOf } from '../../../solver/words.ts';
import { DEFAULT_RULES, type PlanInput } from '../../../solver/plan/planInput.ts';

/** A named case: a small city written by hand with the plan it must produce. */
interface CaseFile {
  readonly description: string;
  readonly hoursPerFte: number;
  readonly centers: readonly (Pick<Center, 'code' | 'lat' | 'lon' | 'maxStaff'>)[];
  readonly fields: readonly Pick<Field, 'field' | 'priority'>[];
  readonly staff: readonly (Pick<CivilServant, 'staffId' | 'centerCode' | 'homeCode' | 'fields'> & { locked?: boolean })[];
  readonly requiredHours: PlanInput['requiredHours'];
  readonly rules: Partial<PlanInput['rules']>;
  readonly expect: { readonly moves: readonly [string, string][]; readonly uncoveredHours: number };
}

const dir = join(import.meta.dirname, '../../cases/plan');
const cases = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

const toInput = (c: CaseFile): PlanInput => ({
  centers: c.centers.map((x) => ({ ...x, nameVi: x.code, nameAscii: x.code, type: 'ward', formerDistrict: '', areaKm2: 10, population: 1000, desks: 3, areaAdequate: true, meetingRooms: 1 })),
  fields: c.fields.map((f) => ({ ...f, nameVi: f.field, nameEn: f.field, timeLimitDays: 1, minDirect: 10, minOnline: 5, minProcessing: 20 })),
  staff: c.staff.map((s) => ({ ...s, name: s.staffId, grade: 'chuyen_vien', fte: 1, locked: s.locked ?? false })),
  requiredHours: c.requiredHours,
  hoursPerFte: c.hoursPerFte,
  rules: { ...DEFAULT_RULES, ...c.rules },
});

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

describe('named plan cases (test/cases/plan)', () => {
  for (const file of cases) {
    const c = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CaseFile;
    it(`${file.replace('.json', '')}: ${c.description}`, () => {
      const input = toInput(c);
      const plan = solvePlan(highs, input, { candidatesPerPerson: Infinity });
      expect(plan.status).toBe('optimal');
      expect(checkPlanRules(input, plan)).toEqual([]);
      const moves = plan.assignments.filter((a) => a.toCenter !== a.fromCenter).map((a) => [a.staffId, a.toCenter]);
      expect(moves).toEqual(c.expect.moves);
      const uncovered = plan.coverage.reduce((s, r) => s + r.uncovered, 0);
      expect(uncovered).toBeCloseTo(c.expect.uncoveredHours, 4);
    });
  }

  it('each move is explained in a sentence with its hours, and the shadow price is what one more expert covers', () => {
    const c = JSON.parse(readFileSync(join(dir, 'idle-neighbour-covers-overload.json'), 'utf8')) as CaseFile;
    const input = toInput(c);
    const plan = solvePlan(highs, input, { candidatesPerPerson: Infinity });
    const outcome = buildPlanResult({ input, plan, scenario: DEFAULT_SCENARIO, demandSource: 'forecast', names: namesOf(input) }).outcome;
    expect(outcome?.moves).toHaveLength(1);
    const move = outcome?.moves[0];
    expect(move?.sentence.en).toContain('P1');
    expect(move?.sentence.en).toContain('land +100.0 h (short from 100.0 to 0.0)');
    expect(move?.atOrigin.change).toBeCloseTo(0, 6);
    expect(outcome?.before.uncoveredHours).toBeCloseTo(100, 6);
    expect(outcome?.after.uncoveredHours).toBeCloseTo(0, 6);
    expect(outcome?.after.transfers).toBe(1);
    expect(outcome?.shadowPrices).toEqual([]);
  });
});
