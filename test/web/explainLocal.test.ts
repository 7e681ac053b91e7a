import { describe, expect, it } from 'vitest';
import type { CivilServant, Field } from '../../solver/domain.ts';
import { explainLocally } from '../../web/src/explainLocal.ts';
import { centerRowsOf, readReport } from '../../web/src/planReport.ts';
import { describeMove } from '../../web/src/moveSentence.ts';

const field = (id: string, priority = 1): Field => ({ field: id, nameVi: id, nameEn: id, timeLimitDays: 1, minDirect: 10, minOnline: 5, minProcessing: 20, priority });
const person = (staffId: string, centerCode: string, fields: string[], fte = 1): CivilServant => ({
  staffId,
  name: `Người ${staffId}`,
  centerCode,
  homeCode: centerCode,
  fields,
  grade: 'chuyen_vien',
  fte,
  locked: false,
});

/** Center A needs 200 h of land and 50 h of certification; its one person (140 h) holds certification only. */
const report = readReport({
  summary: { status: 'optimal', uncoveredHoursBefore: 200, uncoveredHoursAfter: 200 },
  plan: {
    assignments: [{ staffId: 'P1', fromCenter: 'A', toCenter: 'A', hours: { certification: 50 } }],
    hires: [],
    coverage: [
      { centerCode: 'A', field: 'land', required: 200, assigned: 0, uncovered: 200 },
      { centerCode: 'A', field: 'certification', required: 50, assigned: 50, uncovered: 0 },
    ],
    conflicts: [],
  },
  moves: [],
  workload: { centers: [{ centerCode: 'A', requiredHours: 250, availableHours: 140, staffFte: 1, utilization: 250 / 140, uncoveredHours: 200, shortFields: [] }] },
});

describe('explainLocally', () => {
  const fields = [field('land'), field('certification')];
  const staff = [person('P1', 'A', ['certification'])];

  it('prices one more land expert at A at the hours they can cover: 140 of the 200 missing', () => {
    const { shadowPrices } = explainLocally(report, staff, fields);
    expect(shadowPrices).toEqual([{ centerCode: 'A', field: 'land', hours: 140 }]);
  });

  it('suggests training the certification officer in land for the 90 hours they have left', () => {
    const { crossTraining } = explainLocally(report, staff, fields);
    expect(crossTraining.map((c) => [c.staffId, c.field, c.hours])).toEqual([['P1', 'land', 90]]);
  });
});

describe('centerRowsOf', () => {
  it('moves the FTE of a transferred person from the center left to the center joined', () => {
    const r = readReport({
      summary: { status: 'optimal' },
      plan: { assignments: [{ staffId: 'P2', fromCenter: 'A', toCenter: 'B', hours: {} }], hires: [], coverage: [], conflicts: [] },
      moves: [{ staffId: 'P2', name: '', fromCenter: 'A', toCenter: 'B', commuteKm: 3, addedKm: 1, hours: {} }],
      workload: {
        centers: [
          { centerCode: 'A', requiredHours: 100, availableHours: 200, staffFte: 2, utilization: 0.5, uncoveredHours: 0, shortFields: [] },
          { centerCode: 'B', requiredHours: 300, availableHours: 200, staffFte: 2, utilization: 1.5, uncoveredHours: 100, shortFields: [] },
        ],
      },
    });
    const rows = centerRowsOf(r, new Map([['P2', 1]]));
    expect(rows.map((c) => [c.centerCode, c.utilizationAfter])).toEqual([
      ['A', 1],
      ['B', 1],
    ]);
  });
});

describe('describeMove', () => {
  it('says who moves where, how far from home, the hours by field and the shortfall it meets', () => {
    const r = readReport({
      moves: [{ staffId: 'P3', name: 'Trần Thị Mai', fromCenter: 'A', toCenter: 'B', commuteKm: 4.5, addedKm: -1.2, hours: { land: 120 } }],
      workload: { centers: [{ centerCode: 'B', shortFields: [{ field: 'land', uncoveredHours: 300, expertStaff: 0 }] }] },
    });
    const move = r.moves[0];
    if (!move) throw new Error('no move read');
    const text = describeMove(move, {
      lang: 'en',
      centerName: (c) => `Ward ${c}`,
      fieldName: (f) => (f === 'land' ? 'Land' : f),
      before: new Map(r.before.map((c) => [c.centerCode, c])),
    });
    expect(text).toBe('Trần Thị Mai moves from Ward A to Ward B (4.5 km from home, 1.2 km shorter): takes 120 h of land; before the plan Ward B lacked 300 h of land and nobody held that expertise.');
  });
});
