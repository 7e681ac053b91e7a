/**
 * The MIP stage widens its candidate sets while the plan stays outside the tolerance of the bound
 * (solver/plan/stages/mipStage.ts): a set that leaves out the move the optimum needs is followed by
 * a wider one, and a plan already within the tolerance is not solved again.
 */
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPlanModel } from '../../../solver/plan/buildPlanModel.ts';
import { candidateCenters } from '../../../solver/plan/candidateCenters.ts';
import { deadline } from '../../../solver/plan/deadline.ts';
import { loadHighs } from '../../../solver/plan/loadHighs.ts';
import { DEFAULT_RULES, type PlanInput } from '../../../solver/plan/planInput.ts';
import { buildPlanIndex } from '../../../solver/plan/planIndex.ts';
import { solveHours } from '../../../solver/plan/solveHours.ts';
import { mipStage, unionOf } from '../../../solver/plan/stages/mipStage.ts';
import { solveContext, startFrom } from '../../../solver/plan/stages/solveContext.ts';
import { workBudget } from '../../../solver/plan/workBudget.ts';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const center = (code: string, lat: number) => ({ code, nameVi: code, nameAscii: code, type: 'ward' as const, formerDistrict: '', areaKm2: 10, population: 1000, desks: 3, areaAdequate: true, meetingRooms: 1, lat, lon: 106.6, maxStaff: 5 });
const person = (staffId: string, centerCode: string) => ({ staffId, name: staffId, centerCode, homeCode: centerCode, fields: ['ho_tich'], grade: 'chuyen_vien', fte: 1, locked: false });

/** Two people at A, where nothing is required; B, 3 km away, needs 200 h of civil status. */
const input: PlanInput = {
  centers: [center('A', 20.8), center('B', 20.827)],
  fields: [{ field: 'ho_tich', nameVi: 'Hộ tịch', nameEn: 'Civil status', priority: 1, timeLimitDays: 1, minDirect: 10, minOnline: 5, minProcessing: 20 }],
  staff: [person('P1', 'A'), person('P2', 'A')],
  requiredHours: [{ centerCode: 'B', field: 'ho_tich', hours: 200 }],
  hoursPerFte: 140,
  rules: { ...DEFAULT_RULES, maxTransfers: 2, maxCommuteKm: 15, minStaffPerCenter: 0 },
};

/** A context whose incumbent is today's plan (nobody moved). */
const todayContext = () => {
  const index = buildPlanIndex(input);
  const all = candidateCenters(input, index, Infinity);
  const ctx = solveContext(highs, input, index, deadline(30), workBudget(100_000), 0.01, all);
  const pm = buildPlanModel(input, index, index.current.map((c) => [c]));
  const hours = solveHours(highs, pm, { relativeGap: 0.0025, start: startFrom(pm, index.current) });
  if (hours.x === null || hours.objective === null) throw new Error('no hours for today');
  ctx.incumbent = { pm, x: hours.x, objective: hours.objective };
  return { ctx, index, all, today: hours.objective };
};

describe('the MIP stage over widening candidate sets', () => {
  it('goes on to a wider set when the first one, solved to its optimum, leaves the plan outside the tolerance', () => {
    const { ctx, index, all, today } = todayContext();
    const stay = index.current.map((c) => [c]);
    const lowerBound = 0;
    mipStage(ctx, [stay, all], lowerBound, null, () => ctx.time);
    expect(ctx.incumbent?.objective).toBeLessThan(today);
    expect(ctx.incumbent?.pm.assign.length).toBe(4);
  });

  it('solves no wider set once the plan is within the tolerance of the bound', () => {
    const { ctx, index, all, today } = todayContext();
    const stay = index.current.map((c) => [c]);
    // A bound equal to today's objective: today's plan is optimal, nothing more is solved.
    const out = mipStage(ctx, [stay, all], today, null, () => ctx.time);
    expect(out.mip).toBeNull();
    expect(ctx.incumbent?.objective).toBe(today);
  });

  it('skips a set no larger than the one before it', () => {
    const { ctx, all } = todayContext();
    // A bound no plan reaches: only the sizes of the sets decide what is solved.
    const out = mipStage(ctx, [all, all], -1000, null, () => ctx.time);
    expect(out.model?.assign.length).toBe(4);
    expect(ctx.work.used()).toBe(out.mip?.iterations);
  });

  it('unionOf joins each person\'s lists, sorted, without repeats', () => {
    expect(unionOf([[2, 0], [1]], [[0, 3], []])).toEqual([[0, 2, 3], [1]]);
  });
});
