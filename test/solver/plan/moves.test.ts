import { beforeAll, describe, expect, it } from 'vitest';
import type { Highs } from 'highs';
import { loadHighs } from '../../../solver/plan/loadHighs.ts';
import { solvePlan } from '../../../solver/plan/solvePlan.ts';
import { buildPlanResult } from '../../../solver/plan/buildPlanResult.ts';
import { DEFAULT_SCENARIO } from '../../../solver/scenario.ts';
import { namesOf } from '../../../solver/words.ts';
import { pruneUselessMoves } from '../../../solver/plan/pruneUselessMoves.ts';
import { buildPlanIndex } from '../../../solver/plan/planIndex.ts';
import { syntheticCity } from '../../../solver/plan/syntheticCity.ts';
import { DEFAULT_RULES, type PlanInput } from '../../../solver/plan/planInput.ts';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

/** Two neighbouring centers, one field; A needs `needA` hours, B none; P1 works at A, P2 at B (140 h each). */
const twoCenters = (needA: number): PlanInput => ({
  centers: ['A', 'B'].map((code, i) => ({
    code, nameVi: code, nameAscii: code, type: 'ward', formerDistrict: '', areaKm2: 10, population: 1000,
    lat: 20.8 + i * 0.02, lon: 106.6, desks: 3, maxStaff: 5, areaAdequate: true, meetingRooms: 1,
  })),
  fields: [{ field: 'land', nameVi: 'land', nameEn: 'land', timeLimitDays: 1, minDirect: 10, minOnline: 5, minProcessing: 20, priority: 1 }],
  staff: [
    { staffId: 'P1', name: 'P1', centerCode: 'A', homeCode: 'A', fields: ['land'], grade: 'chuyen_vien', fte: 1, locked: false },
    { staffId: 'P2', name: 'P2', centerCode: 'B', homeCode: 'B', fields: ['land'], grade: 'chuyen_vien', fte: 1, locked: false },
  ],
  requiredHours: [{ centerCode: 'A', field: 'land', hours: needA }],
  hoursPerFte: 140,
  rules: DEFAULT_RULES,
});

describe('moves must cover a shortfall', () => {
  it('a move that covers nothing at its destination is undone', () => {
    const input = twoCenters(100);
    expect(pruneUselessMoves(input, buildPlanIndex(input), [0, 0])).toEqual([0, 1]);
  });

  it('a move that covers part of a shortfall is kept', () => {
    const input = twoCenters(200);
    expect(pruneUselessMoves(input, buildPlanIndex(input), [0, 0])).toEqual([0, 0]);
  });

  it('every move of a generated city names the shortfall it covers at its destination', () => {
    const input = syntheticCity({ seed: 5, centers: 40, staffPerCenter: 10, fields: 8 });
    const plan = solvePlan(highs, input, { timeLimitSeconds: 4 });
    const moves = buildPlanResult({ input, plan, scenario: DEFAULT_SCENARIO, demandSource: 'forecast', names: namesOf(input) }).outcome?.moves ?? [];
    expect(moves.length).toBeGreaterThan(0);
    for (const move of moves) {
      expect(move.atDestination.change, move.sentence.en).toBeGreaterThan(0.05);
      expect(move.sentence.en).toMatch(/covers [\d,]+\.\d h more of what it lacked: /);
    }
  });
});
