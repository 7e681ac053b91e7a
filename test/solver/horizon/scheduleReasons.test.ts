/**
 * The reason of each lasting transfer and secondment, in months (solver/horizon/scheduleReasons.ts):
 * every number in the sentence is recomputed here from the schedule's months, over several seeded
 * cities, so a reason can never contradict the figures beside it; and the words of a hand-made
 * schedule read as a planner would write them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Highs } from 'highs';
import { addMonths } from '../../../solver/forecast/months.ts';
import type { HorizonInput } from '../../../solver/horizon/horizonInput.ts';
import type { PlanSchedule, ScheduleMonth } from '../../../solver/horizon/horizonPlan.ts';
import { YEAR_HORIZON_RULES } from '../../../solver/horizon/horizonRules.ts';
import { planSchedule } from '../../../solver/horizon/planSchedule.ts';
import { monthWords, scheduleReason } from '../../../solver/horizon/scheduleReasons.ts';
import { solveHorizon } from '../../../solver/horizon/solveHorizon.ts';
import { loadHighs } from '../../../solver/plan/loadHighs.ts';
import { syntheticCity } from '../../../solver/plan/syntheticCity.ts';
import { mulberry32 } from '../../../solver/mulberry32.ts';
import { formatHours, namesOf } from '../../../solver/words.ts';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const FIRST = '2027-01';

/** A city of 8 centers over 4 months with a wave in the third, secondments and transfers allowed. */
const city = (seed: number): HorizonInput => {
  const c = syntheticCity({ seed, centers: 8, staffPerCenter: 4, fields: 4, areaKm: 20, rules: { maxCommuteKm: 15, maxTransfers: 3 } });
  const rand = mulberry32(seed + 31);
  return {
    centers: c.centers,
    fields: c.fields,
    staff: c.staff,
    months: Array.from({ length: 4 }, (_, t) => ({
      month: addMonths(FIRST, t),
      requiredHours: c.requiredHours.map((r) => ({ ...r, hours: r.hours * (t === 2 ? 1.2 + rand() : 0.5 + rand()) })),
      hoursPerFte: t === 1 ? 112 : 140.8,
    })),
    rules: c.rules,
    horizon: { ...YEAR_HORIZON_RULES, secondmentMonths: 8, secondmentMinMonths: 1, secondmentMaxMonths: 2, overloadMarginHours: null, maxLeavingShare: null },
  };
};

/** Every hour figure in a Vietnamese sentence (`1.234,5`: one decimal, dots between thousands), in order. */
const hoursIn = (text: string): string[] => [...text.matchAll(/(?<![\d.,])\d{1,3}(?:\.\d{3})*,\d(?!\d)/g)].map((m) => m[0]);
/** Every month in a Vietnamese sentence (`tháng 3/2027`). */
const monthsIn = (text: string): string[] => [...text.matchAll(/tháng (\d{1,2})\/(\d{4})/g)].map((m) => `${m[2]}-${String(m[1]).padStart(2, '0')}`);

/** What the schedule says of a move over its months, summed here apart from the solver's module. */
const recomputed = (s: PlanSchedule, move: { toCenter: string; fromCenter: string; fromMonth: string; untilMonth?: string }, fields: readonly string[]) => {
  const run = s.months.filter((m) => m.month >= move.fromMonth && m.month <= (move.untilMonth ?? s.until));
  const at = (m: ScheduleMonth, code: string) => m.centers.find((c) => c.centerCode === code);
  const figures = new Set<string>();
  const add = (x: number) => figures.add(formatHours('vi', x));
  const total = (get: (m: ScheduleMonth) => number) => run.reduce((sum, m) => sum + get(m), 0);
  for (const code of [move.toCenter, move.fromCenter]) {
    add(total((m) => at(m, code)?.uncoveredBefore ?? 0));
    add(total((m) => at(m, code)?.uncoveredAfter ?? 0));
  }
  for (const m of [s.months[0] as ScheduleMonth, ...run]) add(at(m, move.toCenter)?.required ?? 0);
  for (const f of fields) {
    add(total((m) => at(m, move.toCenter)?.fields.find((x) => x.field === f)?.uncoveredBefore ?? 0));
    for (const m of [s.months[0] as ScheduleMonth, ...run]) add(at(m, move.toCenter)?.fields.find((x) => x.field === f)?.required ?? 0);
  }
  add(total((m) => at(m, move.toCenter)?.uncoveredBefore ?? 0));
  return { figures, run: run.map((m) => m.month), destination: [total((m) => at(m, move.toCenter)?.uncoveredBefore ?? 0), total((m) => at(m, move.toCenter)?.uncoveredAfter ?? 0)].map((x) => formatHours('vi', x)) };
};

describe('the reason of a transfer or secondment in months', () => {
  it('states only figures of the schedule: every hour and month in each sentence is recomputed from the schedule\'s months, over several seeded cities', () => {
    let checked = 0;
    for (const seed of [3, 11, 29, 47, 83]) {
      const h = city(seed);
      const plan = solveHorizon(highs, h, { timeLimitSeconds: 20 });
      if (plan.objective === null) continue;
      const schedule = planSchedule(h, plan, [], namesOf(h));
      const person = new Map(h.staff.map((p) => [p.staffId, p]));
      for (const move of [...schedule.transfers, ...schedule.secondments]) {
        const expected = recomputed(schedule, move, person.get(move.staffId)?.fields ?? []);
        const sentence = move.reason.vi;
        for (const x of hoursIn(sentence)) expect(expected.figures, `${x} in: ${sentence}`).toContain(x);
        // The destination's uncovered hours over the run, with no change and with the plan, are always said.
        for (const x of expected.destination) expect(hoursIn(sentence), sentence).toContain(x);
        for (const m of monthsIn(sentence)) expect([schedule.from, ...expected.run], sentence).toContain(m);
        expect(monthsIn(sentence)[0], sentence).toBe(move.fromMonth);
        if ('untilMonth' in move && move.untilMonth !== move.fromMonth) expect(monthsIn(sentence)[1], sentence).toBe(move.untilMonth);
        expect(move.reason.en).toContain(move.staffId);
        checked += 1;
      }
    }
    // Not vacuous: the cities call for moves.
    expect(checked).toBeGreaterThanOrEqual(5);
  }, 120_000);

  const NAMES = { center: (c: string) => ({ A: 'Phù Liễn', B: 'Lê Chân' })[c] ?? c, field: (f: string, lang: 'vi' | 'en') => (f === 'land' ? (lang === 'vi' ? 'Đất đai' : 'Land') : f) };
  const month = (m: string, landRequired: number, landShortB: number, afterB: number, shortA: number): ScheduleMonth => ({
    month: m, hoursPerFte: 140.8, away: 0, weightedUncoveredBefore: 0, weightedUncoveredAfter: 0, maxSharePct: 0, uncovered: [],
    centers: [
      { centerCode: 'A', required: 500, uncoveredBefore: 0, uncoveredAfter: shortA, fields: [{ field: 'land', required: 500, uncoveredBefore: 0, uncoveredAfter: shortA }] },
      { centerCode: 'B', required: landRequired, uncoveredBefore: landShortB, uncoveredAfter: afterB, fields: [{ field: 'land', required: landRequired, uncoveredBefore: landShortB, uncoveredAfter: afterB }] },
    ],
  });
  const MONTHS = [month('2027-01', 800, 0, 0, 0), month('2027-02', 800, 0, 0, 0), month('2027-03', 1234.5, 300, 150, 10), month('2027-04', 1100, 200, 60, 10)];
  const person = { name: 'Nguyễn Văn An', fields: ['land'] };

  it('a lasting transfer says from which month, how the field\'s work rose since the first month, what it would lack, and what both centers lack with the plan', () => {
    const reason = scheduleReason(MONTHS, { staffId: 'S1', fromCenter: 'A', toCenter: 'B', fromMonth: '2027-03' }, person, NAMES);
    expect(reason.vi).toBe('Từ tháng 3/2027, khi lĩnh vực đất đai ở Lê Chân (B) tăng từ 800,0 giờ/tháng (tháng 1/2027) lên 1.234,5 giờ/tháng và nếu giữ nguyên sẽ thiếu 500,0 giờ từ tháng 3/2027 đến tháng 4/2027, Nguyễn Văn An (S1) được điều động hẳn từ Phù Liễn (A) đến Lê Chân (B). Cả phương án, từ tháng 3/2027 đến tháng 4/2027: giờ thiếu của Lê Chân (B) từ 500,0 còn 210,0; của Phù Liễn (A) từ 0,0 lên 20,0.');
    expect(reason.en).toBe('From March 2027, when land at Lê Chân (B) rises from 800.0 h a month (January 2027) to 1,234.5 and would lack 500.0 h from March 2027 to April 2027 with no change, Nguyễn Văn An (S1) is transferred for good from Phù Liễn (A) to Lê Chân (B). With the whole plan, from March 2027 to April 2027, Lê Chân (B)\'s uncovered hours go from 500.0 to 210.0 and Phù Liễn (A)\'s from 0.0 to 20.0.');
  });

  it('a secondment says its months, the field\'s peak month, and that the person returns', () => {
    const reason = scheduleReason(MONTHS, { staffId: 'S1', fromCenter: 'A', toCenter: 'B', fromMonth: '2027-03', untilMonth: '2027-04' }, person, NAMES);
    expect(reason.vi).toBe('Từ tháng 3/2027 đến hết tháng 4/2027 (2 tháng), khi lĩnh vực đất đai ở Lê Chân (B) cần nhiều nhất 1.234,5 giờ/tháng (tháng 3/2027) và nếu giữ nguyên sẽ thiếu 500,0 giờ trong các tháng đó, Nguyễn Văn An (S1) được biệt phái từ Phù Liễn (A) sang Lê Chân (B) rồi trở về. Cả phương án, trong các tháng đó: giờ thiếu của Lê Chân (B) từ 500,0 còn 210,0; của Phù Liễn (A) từ 0,0 lên 20,0.');
  });

  it('a secondment of one month says the month once', () => {
    const reason = scheduleReason(MONTHS, { staffId: 'S1', fromCenter: 'A', toCenter: 'B', fromMonth: '2027-03', untilMonth: '2027-03' }, person, NAMES);
    expect(reason.vi).toMatch(/^Trong tháng 3\/2027 \(1 tháng\), khi /);
    expect(reason.en).toMatch(/^In March 2027 \(1 month\), when /);
  });

  it('a move to a center that lacks none of the person\'s fields names the center\'s work, not a field', () => {
    const reason = scheduleReason(MONTHS, { staffId: 'S1', fromCenter: 'A', toCenter: 'B', fromMonth: '2027-03' }, { name: 'Trần Bình', fields: ['civil_status'] }, NAMES);
    expect(reason.vi).toContain('khi Lê Chân (B) tăng từ 800,0 giờ/tháng (tháng 1/2027) lên 1.234,5 giờ/tháng và nếu giữ nguyên sẽ thiếu 500,0 giờ');
  });

  it('month words: tháng 3/2027 and March 2027', () => {
    expect([monthWords('vi', '2027-03'), monthWords('en', '2027-03'), monthWords('vi', '2026-12')]).toEqual(['tháng 3/2027', 'March 2027', 'tháng 12/2026']);
  });
});
