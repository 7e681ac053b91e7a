/**
 * The lever moveHours: what one move disrupts, in priority-weighted hours over the horizon. A city of
 * two centers 5 km apart over three months: Lê Chân's two people have no work, An Biên's one person
 * is short of 60 hours in the second month only. Moving someone covers those 60 hours and evens the
 * city (about 30 points of An Biên's uncovered share): about 90 hours of the objective in all.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Highs } from 'highs';
import type { Center, CivilServant } from '../../../solver/domain.ts';
import { haversineKm } from '../../../solver/geo.ts';
import { checkHorizonRules } from '../../../solver/horizon/checkHorizonRules.ts';
import type { HorizonInput } from '../../../solver/horizon/horizonInput.ts';
import { YEAR_HORIZON_RULES } from '../../../solver/horizon/horizonRules.ts';
import { solveHorizon } from '../../../solver/horizon/solveHorizon.ts';
import { loadHighs } from '../../../solver/plan/loadHighs.ts';
import { DEFAULT_RULES } from '../../../solver/plan/planInput.ts';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const center = (code: string, nameVi: string, lon: number): Center => ({
  code, nameVi, nameAscii: nameVi, type: 'ward', formerDistrict: 'Lê Chân', areaKm2: 2, population: 50_000,
  lat: 20.85, lon, desks: 4, maxStaff: 5, areaAdequate: true, meetingRooms: 2,
});
const person = (staffId: string, centerCode: string): CivilServant => ({
  staffId, name: staffId, centerCode, homeCode: centerCode, fields: ['land'], grade: 'chuyen_vien', fte: 1, locked: false,
});
const H = 140.8;

const city = (moveHours: number | null): HorizonInput => ({
  // 0.048 degrees of longitude at 20.85 N: about 5 km.
  centers: [center('LC', 'Lê Chân', 106.68), center('AB', 'An Biên', 106.728)],
  fields: [{ field: 'land', nameVi: 'Đất đai', nameEn: 'Land', timeLimitDays: 10, minDirect: 20, minOnline: 10, minProcessing: 60, priority: 1 }],
  staff: [person('LC-1', 'LC'), person('LC-2', 'LC'), person('AB-1', 'AB')],
  months: ['2027-01', '2027-02', '2027-03'].map((month, t) => ({
    month,
    requiredHours: [{ centerCode: 'AB', field: 'land', hours: t === 1 ? H + 60 : H }],
    hoursPerFte: H,
  })),
  rules: { ...DEFAULT_RULES, maxTransfers: 2 },
  horizon: { ...YEAR_HORIZON_RULES, secondmentMinMonths: 1, maxLeavingShare: null, overloadMarginHours: null, trainingBudget: 0, moveHours },
});

const moves = (moveHours: number | null) => {
  const h = city(moveHours);
  const plan = solveHorizon(highs, h, { timeLimitSeconds: 20 });
  expect(checkHorizonRules(h, plan)).toEqual([]);
  return { plan, count: plan.transfers.length + plan.secondments.length };
};

describe('what one move disrupts (moveHours)', () => {
  it('a move covering fewer hours over the horizon than a move disrupts is not made, though the single-month weights would make it', () => {
    expect(moves(null).count).toBe(1);
    const { plan, count } = moves(140);
    expect(count).toBe(0);
    expect(plan.months[1]?.uncovered).toBeCloseTo(60, 6);
  });

  it('a move covering more hours than it disrupts is made, as the cheaper of a transfer (one move) and a secondment (two)', () => {
    const { plan, count } = moves(40);
    expect(count).toBe(1);
    // A transfer costs 40 h, a one-month secondment 2 x 40 + 2: the transfer.
    expect(plan.transfers).toHaveLength(1);
    expect(plan.months[1]?.uncovered).toBeCloseTo(0, 6);
  });

  it('a secondment is charged two moves and its months: its objective is exactly that', () => {
    const h = city(10);
    // No transfer allowed: a secondment of the one month short, from Lê Chân to An Biên.
    const plan = solveHorizon(highs, { ...h, rules: { ...h.rules, maxTransfers: 0 } }, { timeLimitSeconds: 20 });
    expect(plan.secondments.map((s) => [s.toCenter, s.fromMonth, s.months])).toEqual([['AB', '2027-02', 1]]);
    const w = h.rules.weights;
    const km = haversineKm(20.85, 106.68, 20.85, 106.728);
    // Nothing uncovered; two moves of 10 h, one month away, its added commute spread over 3 months.
    expect(plan.objective ?? NaN).toBeCloseTo(2 * 10 + w.secondmentMonths * 1 + (w.commuteKm * km) / 3, 6);
  });
});
