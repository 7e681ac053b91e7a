/**
 * From the search's decisions (by position) to the plan's schedule and months (by code and id).
 * Each cell's hours come from the exact priority-first split (centerCoverage) of the people there
 * that month (ascending position, a trained field added once ready) and the hires active then
 * (ascending field): the split the search priced, so the figures here are the objective's.
 */
import { centerCoverage, type CoveragePerson } from '../plan/centerCoverage.ts';
import type { Assignment, CenterFieldCoverage, Hire } from '../plan/plan.ts';
import { addMonths } from '../forecast/months.ts';
import { activeHires, locationOf, noChange, SECONDMENT, TRANSFER, trainedFieldAt, type Decisions } from './horizonDecisions.ts';
import { monthNumber } from '../forecast/months.ts';
import type { HorizonIndex } from './horizonIndex.ts';
import type { HorizonInput } from './horizonInput.ts';
import type { HorizonHire, HorizonMonthPlan, HorizonPlan, HorizonSecondment, HorizonTraining, HorizonTransfer } from './horizonPlan.ts';

/** Hours below this are rounding noise of the split. */
const NOISE_HOURS = 1e-6;

export type HorizonSchedule = Pick<HorizonPlan, 'months' | 'transfers' | 'secondments' | 'hires' | 'trainings'>;

export const decodeHorizon = (h: HorizonInput, hi: HorizonIndex, d: Decisions): HorizonSchedule => {
  const base = hi.month[0] as HorizonIndex['month'][number];
  const nC = h.centers.length;
  const nF = base.fieldIds.length;
  const monthOf = (t: number): string => h.months[t]?.month ?? addMonths(h.months[0]?.month ?? '', t);
  const code = (c: number): string => base.centerCodes[c] ?? '';
  const field = (f: number): string => base.fieldIds[f] ?? '';

  const transfers: HorizonTransfer[] = [];
  const secondments: HorizonSecondment[] = [];
  const trainings: HorizonTraining[] = [];
  h.staff.forEach((person, p) => {
    const k = d.kind[p];
    const start = d.start[p] ?? 0;
    const to = code(d.to[p] ?? 0);
    if (k === TRANSFER) transfers.push({ staffId: person.staffId, fromCenter: person.centerCode, toCenter: to, fromMonth: monthOf(start) });
    if (k === SECONDMENT) {
      const end = d.end[p] ?? start;
      secondments.push({ staffId: person.staffId, fromCenter: person.centerCode, toCenter: to, fromMonth: monthOf(start), untilMonth: monthOf(end), months: end - start + 1 });
    }
    const f = d.trainField[p] ?? -1;
    if (f >= 0) {
      const s = d.trainStart[p] ?? 0;
      trainings.push({ staffId: person.staffId, centerCode: person.centerCode, field: field(f), startMonth: monthOf(s), readyMonth: monthOf(s + h.horizon.trainingMonths) });
    }
  });
  const hires: HorizonHire[] = d.hires
    .filter((x) => x.count > 0)
    .map((x) => ({ centerCode: code(x.c), field: field(x.f), count: x.count, startMonth: monthOf(x.start) }))
    .sort((a, b) => a.startMonth.localeCompare(b.startMonth) || a.centerCode.localeCompare(b.centerCode) || a.field.localeCompare(b.field));

  const months: HorizonMonthPlan[] = h.months.map((m, t) => {
    const H = hi.H[t] ?? 0;
    const members: number[][] = Array.from({ length: nC }, () => []);
    h.staff.forEach((_, p) => {
      if (hi.present[p]?.[t]) members[locationOf(hi, d, p, t)]?.push(p);
    });
    const assignments: Assignment[] = [];
    const planHires: Hire[] = [];
    const coverage: CenterFieldCoverage[] = [];
    let weightedUncovered = 0;
    let uncovered = 0;
    let maxSharePct = 0;
    let away = 0;
    for (let c = 0; c < nC; c += 1) {
      const here = members[c] ?? [];
      const groups = activeHires(d, c, t);
      const people: CoveragePerson[] = here.map((p) => {
        const own = base.expertise[p] ?? [];
        const trained = trainedFieldAt(d, h.horizon.trainingMonths, p, t);
        return { capacity: (h.staff[p]?.fte ?? 0) * H, fields: trained >= 0 && !own.includes(trained) ? [...own, trained] : own };
      });
      for (const g of groups) people.push({ capacity: g.count * H, fields: [g.field] });
      const covered = new Float64Array(nF);
      const hours = new Float64Array(people.length * nF);
      centerCoverage(hi.month[t]?.required[c] ?? [], base.priority, people, covered, hours);
      here.forEach((p, i) => {
        const person = h.staff[p];
        if (person === undefined) return;
        const split: Record<string, number> = {};
        for (let f = 0; f < nF; f += 1) {
          const v = hours[i * nF + f] ?? 0;
          if (v > NOISE_HOURS) split[field(f)] = v;
        }
        if (c !== (base.current[p] ?? 0)) away += 1;
        assignments.push({ staffId: person.staffId, fromCenter: person.centerCode, toCenter: code(c), hours: split });
      });
      groups.forEach((g, k) => {
        let sum = 0;
        for (let f = 0; f < nF; f += 1) sum += hours[(here.length + k) * nF + f] ?? 0;
        planHires.push({ centerCode: code(c), field: field(g.field), count: g.count, hours: sum });
      });
      const req = hi.month[t]?.required[c] ?? [];
      let short = 0;
      for (let f = 0; f < nF; f += 1) {
        const r = req[f] ?? 0;
        const got = covered[f] ?? 0;
        if (!(r > 0) && !(got > NOISE_HOURS)) continue;
        const u = Math.max(0, r - got);
        coverage.push({ centerCode: code(c), field: field(f), required: r, assigned: got, uncovered: u });
        weightedUncovered += u * (base.priority[f] ?? 1);
        short += u;
      }
      uncovered += short;
      const total = hi.month[t]?.requiredByCenter[c] ?? 0;
      if (total > 0) maxSharePct = Math.max(maxSharePct, (100 * short) / total);
    }
    return { month: m.month, hoursPerFte: H, plan: { assignments, hires: planHires, coverage }, weightedUncovered, uncovered, maxSharePct, away };
  });
  return { months, transfers, secondments, hires, trainings };
};

/**
 * A schedule back to decisions by position (the inverse of decodeHorizon's schedule), e.g. to
 * reckon a plan under another demand (P50, P95) or another plan's schedule under this input.
 * Staff ids, centers and fields the input lacks are an error (the schedule is of another city).
 */
export const encodeSchedule = (h: HorizonInput, hi: HorizonIndex, schedule: Pick<HorizonPlan, 'transfers' | 'secondments' | 'hires' | 'trainings'>): Decisions => {
  const base = hi.month[0] as HorizonIndex['month'][number];
  const first = monthNumber(h.months[0]?.month ?? '');
  const d = noChange(h.staff.length);
  const staffPos = new Map(h.staff.map((p, i) => [p.staffId, i]));
  const need = <K>(map: ReadonlyMap<K, number>, key: K, what: string): number => {
    const v = map.get(key);
    if (v === undefined) throw new Error(`encodeSchedule: ${what} ${String(key)} is not in the input`);
    return v;
  };
  const at = (m: string): number => monthNumber(m) - first;
  for (const x of schedule.transfers) {
    const p = need(staffPos, x.staffId, 'staff id');
    d.kind[p] = TRANSFER;
    d.to[p] = need(base.centerOf, x.toCenter, 'center');
    d.start[p] = at(x.fromMonth);
    d.end[p] = hi.T - 1;
  }
  for (const x of schedule.secondments) {
    const p = need(staffPos, x.staffId, 'staff id');
    d.kind[p] = SECONDMENT;
    d.to[p] = need(base.centerOf, x.toCenter, 'center');
    d.start[p] = at(x.fromMonth);
    d.end[p] = at(x.untilMonth);
  }
  for (const x of schedule.trainings) {
    const p = need(staffPos, x.staffId, 'staff id');
    d.trainField[p] = need(base.fieldOf, x.field, 'field');
    d.trainStart[p] = at(x.startMonth);
  }
  for (const x of schedule.hires) d.hires.push({ c: need(base.centerOf, x.centerCode, 'center'), f: need(base.fieldOf, x.field, 'field'), start: at(x.startMonth), count: x.count });
  return d;
};
