import { describe, expect, it } from 'vitest';
import { flowsOf, readReport } from '../../web/src/planReport.ts';

describe('readReport', () => {
  it('derives the moves from the assignments whose center changes when no moves are listed', () => {
    const r = readReport({
      status: 'optimal',
      assignments: [
        { staffId: 'HP-1', fromCenter: 'A', toCenter: 'A', hours: { land: 100 } },
        { staffId: 'HP-2', fromCenter: 'A', toCenter: 'B', hours: { land: 60, certification: 40 } },
      ],
    });
    expect(r.moves.map((m) => [m.staffId, m.fromCenter, m.toCenter, m.fields])).toEqual([['HP-2', 'A', 'B', ['land', 'certification']]]);
  });

  it('reads the plan under `plan` and the explanation beside it', () => {
    const r = readReport({
      plan: { status: 'time_limit', objective: 12, bound: 10, gap: 0.1667, seconds: 2.5, assignments: [], hires: [], coverage: [], conflicts: [] },
      moves: [{ staffId: 'HP-3', name: 'Nguyễn Thị Hà', fromCenter: 'A', toCenter: 'C', km: 7.5, fields: ['land'], reason: 'Covers 80 h of land at C.' }],
      kpis: { before: { uncoveredHours: 100 }, after: { uncoveredHours: 40 } },
    });
    expect(r.status).toBe('time_limit');
    expect(r.moves[0]?.reason).toBe('Covers 80 h of land at C.');
    expect(r.kpis).toEqual([{ key: 'uncoveredHours', before: 100, after: 40 }]);
  });

  it('reads garbage as an error status with nothing in it, without throwing', () => {
    const r = readReport('nonsense');
    expect(r.status).toBe('error');
    expect(r.moves).toEqual([]);
  });
});

describe('flowsOf', () => {
  it('counts the people moving along each pair of centers', () => {
    const m = (staffId: string, fromCenter: string, toCenter: string) => ({ staffId, name: '', fromCenter, toCenter, km: null, addedKm: null, fields: [], hours: {}, reason: '', costToCenterLeft: null });
    expect(flowsOf([m('1', 'A', 'B'), m('2', 'A', 'B'), m('3', 'B', 'A')])).toEqual([
      { from: 'A', to: 'B', count: 2 },
      { from: 'B', to: 'A', count: 1 },
    ]);
  });
});
