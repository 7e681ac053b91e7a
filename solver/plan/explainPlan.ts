/**
 * The plan in words and numbers a council can read: before/after per center and field, city KPIs,
 * each move as a sentence, what one more expert would be worth where (shadow prices, by exact
 * re-solving of the center's hour allocation), and cross-training suggestions.
 */
import type { Center, CivilServant } from '../domain.ts';
import { haversineKm } from '../geo.ts';
import { centerCoverage, type CoveragePerson } from './centerCoverage.ts';
import type { Plan } from './plan.ts';
import { minStaffOf, type PlanInput } from './planInput.ts';
import { moveClaims, moveSentence, type MoveFacts } from './moveReason.ts';

export interface CenterRow {
  readonly centerCode: string;
  readonly name: string;
  readonly required: number;
  readonly staffBefore: number;
  readonly staffAfter: number;
  /** Available hours (people's FTE x hours per FTE, plus hires). */
  readonly availableBefore: number;
  readonly availableAfter: number;
  /** required / available; null when nobody works there. */
  readonly utilizationBefore: number | null;
  readonly utilizationAfter: number | null;
  readonly uncoveredBefore: number;
  readonly uncoveredAfter: number;
}

export interface CityKpis {
  readonly uncoveredHours: number;
  readonly weightedUncoveredHours: number;
  /** Centers with utilization > 100%. */
  readonly overloadedCenters: number;
  readonly maxUtilization: number;
  /** Standard deviation of utilization across centers with staff. */
  readonly utilizationSpread: number;
  readonly transfers: number;
  readonly addedCommuteKm: number;
}

/** A move with the figures its sentence is made from (MoveFacts: who, from, to, km, fields, claims). */
export interface MoveExplanation extends MoveFacts {
  /**
   * Hours of shortfall the person's presence covers at the new center, by field: the center's exact
   * best coverage with the plan's people there minus without this person (only fields that gain).
   * What the move is for; empty only for a move the headcount rules force.
   */
  readonly coversAtNewCenter: Readonly<Record<string, number>>;
  /** Hours the center left behind would cover more, had the person stayed (given the plan). */
  readonly costToCenterLeft: number;
  /** The move in English (field names, not codes); moveSentence(move, words) gives it in Vietnamese. */
  readonly sentence: string;
}

export interface ShadowPrice {
  readonly centerCode: string;
  readonly field: string;
  /** Extra hours covered by one more person (1 FTE) with only this expertise at this center. */
  readonly hoursCovered: number;
}

export interface CrossTraining {
  readonly staffId: string;
  readonly centerCode: string;
  readonly field: string;
  /** Extra hours the center covers if this person also handled `field`. */
  readonly hoursCovered: number;
}

export interface PlanExplanation {
  readonly centers: readonly CenterRow[];
  readonly before: CityKpis;
  readonly after: CityKpis;
  readonly moves: readonly MoveExplanation[];
  readonly shadowPrices: readonly ShadowPrice[];
  readonly crossTraining: readonly CrossTraining[];
}

interface State {
  readonly members: Map<string, CivilServant[]>;
  readonly uncovered: Map<string, number>;
  readonly uncoveredByCenterField: Map<string, number>;
  readonly hires: Map<string, number>;
}

const stateOf = (input: PlanInput, plan: Plan): State => {
  const byId = new Map(input.staff.map((p) => [p.staffId, p]));
  const members = new Map<string, CivilServant[]>();
  for (const a of plan.assignments) {
    const person = byId.get(a.staffId);
    if (!person) continue;
    members.set(a.toCenter, [...(members.get(a.toCenter) ?? []), person]);
  }
  const uncovered = new Map<string, number>();
  const uncoveredByCenterField = new Map<string, number>();
  for (const row of plan.coverage) {
    uncovered.set(row.centerCode, (uncovered.get(row.centerCode) ?? 0) + row.uncovered);
    uncoveredByCenterField.set(`${row.centerCode}|${row.field}`, row.uncovered);
  }
  const hires = new Map<string, number>();
  for (const h of plan.hires) hires.set(h.centerCode, (hires.get(h.centerCode) ?? 0) + h.count);
  return { members, uncovered, uncoveredByCenterField, hires };
};

const kpis = (input: PlanInput, plan: Plan, rows: readonly { utilization: number | null }[]): CityKpis => {
  const priority = new Map(input.fields.map((f) => [f.field, f.priority]));
  const centers = new Map(input.centers.map((c) => [c.code, c]));
  const staff = new Map(input.staff.map((p) => [p.staffId, p]));
  const utils = rows.map((r) => r.utilization).filter((u): u is number => u !== null);
  const mean = utils.reduce((s, u) => s + u, 0) / Math.max(1, utils.length);
  let transfers = 0;
  let addedKm = 0;
  for (const a of plan.assignments) {
    if (a.toCenter === a.fromCenter) continue;
    transfers += 1;
    const person = staff.get(a.staffId);
    const home = centers.get(person?.homeCode ?? '');
    const from = centers.get(a.fromCenter);
    const to = centers.get(a.toCenter);
    if (home && from && to) addedKm += Math.max(0, haversineKm(home.lat, home.lon, to.lat, to.lon) - haversineKm(home.lat, home.lon, from.lat, from.lon));
  }
  return {
    uncoveredHours: plan.coverage.reduce((s, r) => s + r.uncovered, 0),
    weightedUncoveredHours: plan.coverage.reduce((s, r) => s + r.uncovered * (priority.get(r.field) ?? 1), 0),
    overloadedCenters: utils.filter((u) => u > 1).length,
    maxUtilization: Math.max(0, ...utils),
    utilizationSpread: Math.sqrt(utils.reduce((s, u) => s + (u - mean) ** 2, 0) / Math.max(1, utils.length)),
    transfers,
    addedCommuteKm: addedKm,
  };
};

/**
 * Covered hours (unweighted total) of a group at a center, in the priority-first allocation; fills
 * `into` with the hours per field when given.
 */
const coveredHoursOf = (input: PlanInput): ((center: string, people: readonly CoveragePerson[], into?: Float64Array) => number) => {
  const fieldPos = new Map(input.fields.map((f, i) => [f.field, i]));
  const required = new Map<string, number[]>();
  for (const r of input.requiredHours) {
    const row = required.get(r.centerCode) ?? input.fields.map(() => 0);
    const f = fieldPos.get(r.field);
    if (f !== undefined) row[f] = (row[f] ?? 0) + r.hours;
    required.set(r.centerCode, row);
  }
  const priority = input.fields.map((f) => f.priority);
  const covered = new Float64Array(input.fields.length);
  return (center, people, into) => {
    centerCoverage(required.get(center) ?? input.fields.map(() => 0), priority, people, covered);
    into?.set(covered);
    return covered.reduce((s, v) => s + v, 0);
  };
};

export const explainPlan = (input: PlanInput, before: Plan, after: Plan, options: { readonly top?: number } = {}): PlanExplanation => {
  const top = options.top ?? 15;
  const coveredHours = coveredHoursOf(input);
  const H = input.hoursPerFte;
  const fieldPos = new Map(input.fields.map((f, i) => [f.field, i]));
  const asCoverage = (p: CivilServant, extra: readonly string[] = []): CoveragePerson => ({
    capacity: p.fte * H,
    fields: [...new Set([...p.fields, ...extra])].map((f) => fieldPos.get(f)).filter((f): f is number => f !== undefined),
  });
  const s0 = stateOf(input, before);
  const s1 = stateOf(input, after);
  const required = new Map<string, number>();
  for (const r of input.requiredHours) required.set(r.centerCode, (required.get(r.centerCode) ?? 0) + r.hours);
  const centerRow = (c: Center): CenterRow => {
    const avail = (s: State): number => (s.members.get(c.code) ?? []).reduce((sum, p) => sum + p.fte * H, 0) + (s.hires.get(c.code) ?? 0) * H;
    const req = required.get(c.code) ?? 0;
    const a0 = avail(s0);
    const a1 = avail(s1);
    return {
      centerCode: c.code,
      name: c.nameVi,
      required: req,
      staffBefore: s0.members.get(c.code)?.length ?? 0,
      staffAfter: (s1.members.get(c.code)?.length ?? 0) + (s1.hires.get(c.code) ?? 0),
      availableBefore: a0,
      availableAfter: a1,
      utilizationBefore: a0 > 0 ? req / a0 : null,
      utilizationAfter: a1 > 0 ? req / a1 : null,
      uncoveredBefore: s0.uncovered.get(c.code) ?? 0,
      uncoveredAfter: s1.uncovered.get(c.code) ?? 0,
    };
  };
  const centers = input.centers.map(centerRow);
  const centerByCode = new Map(input.centers.map((c) => [c.code, c]));
  const staffById = new Map(input.staff.map((p) => [p.staffId, p]));
  const fieldById = new Map(input.fields.map((f) => [f.field, f]));
  const englishWords = { lang: 'en', centerName: (code: string) => centerByCode.get(code)?.nameVi ?? code, fieldName: (f: string) => fieldById.get(f)?.nameEn ?? f } as const;
  const moves: MoveExplanation[] = after.assignments
    .filter((a) => a.toCenter !== a.fromCenter)
    .map((a) => {
      const person = staffById.get(a.staffId) as CivilServant;
      const home = centerByCode.get(person.homeCode);
      const from = centerByCode.get(a.fromCenter);
      const to = centerByCode.get(a.toCenter);
      const km = (c?: Center): number => (home && c ? haversineKm(home.lat, home.lon, c.lat, c.lon) : 0);
      const left = (s1.members.get(a.fromCenter) ?? []).map((p) => asCoverage(p));
      const cost = coveredHours(a.fromCenter, [...left, asCoverage(person)]) - coveredHours(a.fromCenter, left);
      // What the move is for: the new center's best coverage with the plan's people there, minus without them.
      const there = (s1.members.get(a.toCenter) ?? []).filter((p) => p.staffId !== a.staffId).map((p) => asCoverage(p));
      const withThem = new Float64Array(input.fields.length);
      const without = new Float64Array(input.fields.length);
      coveredHours(a.toCenter, [...there, asCoverage(person)], withThem);
      coveredHours(a.toCenter, there, without);
      const covers: Record<string, number> = {};
      input.fields.forEach((f, i) => {
        const gain = (withThem[i] ?? 0) - (without[i] ?? 0);
        if (gain > 0.05) covers[f.field] = gain;
      });
      const headcount = (s1.members.get(a.toCenter) ?? []).length + (s1.hires.get(a.toCenter) ?? 0);
      const minimum = minStaffOf(input.rules, a.toCenter);
      const field = (s: State, f: string): number => s.uncoveredByCenterField.get(`${a.toCenter}|${f}`) ?? 0;
      const leavers = after.assignments.filter((b) => b.fromCenter === a.toCenter && b.toCenter !== a.toCenter).length;
      const claims = moveClaims({
        held: person.fields,
        hoursAt: a.hours,
        gains: covers,
        shortfallBefore: (f) => field(s0, f),
        shortfallAfter: (f) => field(s1, f),
        totalBefore: s0.uncovered.get(a.toCenter) ?? 0,
        totalAfter: s1.uncovered.get(a.toCenter) ?? 0,
        leavers,
      });
      const added = Math.max(0, km(to) - km(from));
      const facts: MoveFacts = {
        staffId: a.staffId,
        name: person.name,
        from: a.fromCenter,
        to: a.toCenter,
        homeKm: km(to),
        addedCommuteKm: added,
        fields: person.fields,
        hoursAtNewCenter: a.hours,
        claims,
        leaversAtDestination: leavers,
        keepsMinimum: claims.length === 0 && headcount <= minimum ? minimum : null,
        costToCenterLeft: cost,
        destination: { uncoveredBefore: s0.uncovered.get(a.toCenter) ?? 0, uncoveredAfter: s1.uncovered.get(a.toCenter) ?? 0 },
        origin: { uncoveredBefore: s0.uncovered.get(a.fromCenter) ?? 0, uncoveredAfter: s1.uncovered.get(a.fromCenter) ?? 0 },
      };
      return { ...facts, coversAtNewCenter: covers, sentence: moveSentence(facts, englishWords) };
    })
    .sort((x, y) => {
      const gx = Object.values(x.coversAtNewCenter).reduce((s, v) => s + v, 0) - x.costToCenterLeft;
      const gy = Object.values(y.coversAtNewCenter).reduce((s, v) => s + v, 0) - y.costToCenterLeft;
      return gy - gx || x.staffId.localeCompare(y.staffId);
    });
  const shadowPrices: ShadowPrice[] = [];
  const crossTraining: CrossTraining[] = [];
  for (const c of input.centers) {
    const people = s1.members.get(c.code) ?? [];
    const base = coveredHours(c.code, people.map((p) => asCoverage(p)));
    const short = input.fields.filter((f) => (s1.uncoveredByCenterField.get(`${c.code}|${f.field}`) ?? 0) > 1e-6);
    for (const f of short) {
      const pos = fieldPos.get(f.field) ?? 0;
      const extra = coveredHours(c.code, [...people.map((p) => asCoverage(p)), { capacity: H, fields: [pos] }]) - base;
      if (extra > 1e-6) shadowPrices.push({ centerCode: c.code, field: f.field, hoursCovered: extra });
      if (!input.rules.crossTraining) continue;
      let best: CrossTraining | null = null;
      for (const p of people) {
        if (p.fields.includes(f.field)) continue;
        const gain = coveredHours(c.code, people.map((q) => asCoverage(q, q === p ? [f.field] : []))) - base;
        if (gain > 1e-6 && (best === null || gain > best.hoursCovered)) best = { staffId: p.staffId, centerCode: c.code, field: f.field, hoursCovered: gain };
      }
      if (best) crossTraining.push(best);
    }
  }
  const byHours = <T extends { hoursCovered: number; centerCode: string; field: string }>(a: T, b: T): number =>
    b.hoursCovered - a.hoursCovered || a.centerCode.localeCompare(b.centerCode) || a.field.localeCompare(b.field);
  return {
    centers,
    before: kpis(input, before, centers.map((r) => ({ utilization: r.utilizationBefore }))),
    after: kpis(input, after, centers.map((r) => ({ utilization: r.utilizationAfter }))),
    moves,
    shadowPrices: shadowPrices.sort(byHours).slice(0, top),
    crossTraining: crossTraining.sort(byHours).slice(0, top),
  };
};
