/**
 * The civil servants who receive or process dossiers today, as unevenly placed as the city found
 * them [C]: headcount follows demand only in part (the rest is a flat allocation per unit, the way
 * positions were handed out by norms), so busy wards are short and quiet communes have spare people;
 * a few centers have nobody with the expertise their biggest specialist field needs; Phu Lien has
 * exactly 5 [C]. One leader per center is locked. Synthetic people with generated names.
 */
import type { CivilServant } from '../../solver/domain.ts';
import { allocate } from './allocate.ts';
import { PHU_LIEN_CODE, PHU_LIEN_STAFF } from './anchors.ts';
import { FIELD_SPECS } from './fieldSpecs.ts';
import { vietnameseName } from './names.ts';
import { randomStream, type Random } from './random.ts';
import { distanceKm, type Unit } from './units.ts';

/** Weight of demand in a center's headcount; the rest is the city's mean headcount, as norms gave it. */
const DEMAND_WEIGHT = 0.55;
/** City-wide staff relative to the FTE the demand needs (above 1: enough people, badly placed). */
const CITY_STAFFING = 1.25;
/** Spread of headcount between otherwise equal centers (sd of the logarithm). */
const HEADCOUNT_SPREAD = 0.15;
const MIN_HEADCOUNT = 4;
const MAX_HEADCOUNT = 36;
/** Centers whose staff lack the expertise of their busiest specialist field. */
const EXPERTISE_GAP_CENTERS = 10;
/** Center leaders give this share of their time to dossiers. */
const LEADER_FTE = 0.5;

export interface StaffInput {
  readonly units: readonly Unit[];
  /** Mean monthly hours by center and field over the recent year. */
  readonly hours: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Hours one FTE gives in a month, on average over the same year. */
  readonly hoursPerFte: number;
}

/** Headcount per center code. */
export const headcounts = (seed: number, input: StaffInput): ReadonlyMap<string, number> => {
  const required = input.units.map((u) => [...(input.hours.get(u.code)?.values() ?? [])].reduce((a, b) => a + b, 0) / input.hoursPerFte);
  const mean = required.reduce((a, b) => a + b, 0) / required.length;
  return new Map(
    input.units.map((unit, i) => {
      if (unit.code === PHU_LIEN_CODE) return [unit.code, PHU_LIEN_STAFF];
      const random = randomStream(seed, `headcount:${unit.code}`);
      const base = CITY_STAFFING * (DEMAND_WEIGHT * (required[i] ?? 0) + (1 - DEMAND_WEIGHT) * mean);
      const count = Math.round(base * Math.exp(HEADCOUNT_SPREAD * random.normal()));
      return [unit.code, Math.min(MAX_HEADCOUNT, Math.max(MIN_HEADCOUNT, count))];
    }),
  );
};

/** Centers (never the published ones) whose busiest specialist field has no expert on staff. */
export const expertiseGapCenters = (seed: number, units: readonly Unit[], protectedCodes: readonly string[]): ReadonlySet<string> => {
  const random = randomStream(seed, 'expertise-gaps');
  const pool = units.filter((u) => !protectedCodes.includes(u.code) && u.type !== 'special_zone').map((u) => u.code);
  const chosen = new Set<string>();
  while (chosen.size < EXPERTISE_GAP_CENTERS && chosen.size < pool.length) chosen.add(pool[random.integer(0, pool.length - 1)] ?? '');
  return chosen;
};

/** Where a civil servant lives: mostly the unit they work in, else a nearby one. */
const homeOf = (random: Random, unit: Unit, neighbours: readonly Unit[]): string => {
  if (unit.type === 'special_zone') return unit.code;
  const u = random.uniform();
  if (u < 0.72 || neighbours.length === 0) return unit.code;
  const near = u < 0.94 ? neighbours.slice(0, 6) : neighbours.slice(6, 20);
  return near[random.integer(0, near.length - 1)]?.code ?? unit.code;
};

const gradeOf = (random: Random): string => {
  const u = random.uniform();
  return u < 0.1 ? 'chuyen_vien_chinh' : u < 0.8 ? 'chuyen_vien' : 'can_su';
};

const fteOf = (random: Random): number => {
  const u = random.uniform();
  return u < 0.04 ? 0.5 : u < 0.08 ? 0.8 : 1;
};

/** The civil servants of every center, ids `CC0001` onwards in the units' order. */
export const generateStaff = (seed: number, input: StaffInput, gaps: ReadonlySet<string>): readonly CivilServant[] => {
  const counts = headcounts(seed, input);
  const staff: CivilServant[] = [];
  for (const unit of input.units) {
    const random = randomStream(seed, `staff:${unit.code}`);
    const hours = input.hours.get(unit.code) ?? new Map<string, number>();
    const specialist = FIELD_SPECS.filter((s) => s.field !== 'certification')
      .map((s) => s.field)
      .sort((a, b) => (hours.get(b) ?? 0) - (hours.get(a) ?? 0) || a.localeCompare(b))[0];
    const missing = gaps.has(unit.code) ? specialist : undefined;
    const fields = FIELD_SPECS.map((s) => s.field).filter((f) => f !== missing);
    const weights = fields.map((f) => hours.get(f) ?? 0);
    const neighbours = input.units
      .filter((u) => u.code !== unit.code)
      .map((u) => ({ u, d: distanceKm(unit, u) }))
      .sort((a, b) => a.d - b.d || a.u.code.localeCompare(b.u.code))
      .map(({ u }) => u);
    const count = counts.get(unit.code) ?? MIN_HEADCOUNT;
    // The leader handles certification (leaders sign certified copies) and civil status.
    const expertise: string[][] = [['certification', 'civil_status']];
    const primaries = allocate(count - 1, weights);
    primaries.forEach((n, i) => {
      for (let k = 0; k < n; k += 1) expertise.push([fields[i] ?? '']);
    });
    for (const held of expertise.slice(1)) {
      const extra = random.uniform() < 0.25 ? 0 : random.uniform() < 0.66 ? 1 : 2;
      for (let k = 0; k < extra; k += 1) {
        const open = fields.filter((f) => !held.includes(f));
        if (open.length === 0) break;
        const pickWeights = open.map((f) => (hours.get(f) ?? 0) + 1);
        held.push(random.weighted(open, pickWeights));
      }
    }
    // Every field with work gets at least one holder, except the gap center's missing field.
    for (const field of fields) {
      if ((hours.get(field) ?? 0) <= 0 || expertise.some((held) => held.includes(field))) continue;
      const fewest = expertise.slice(1).reduce((best, held) => (held.length < best.length ? held : best), expertise[0] ?? []);
      fewest.push(field);
    }
    expertise.forEach((held, i) => {
      const leader = i === 0;
      const order = FIELD_SPECS.map((s) => s.field);
      staff.push({
        staffId: `CC${String(staff.length + 1).padStart(4, '0')}`,
        name: vietnameseName(random),
        centerCode: unit.code,
        homeCode: leader ? unit.code : homeOf(random, unit, neighbours),
        fields: [...new Set(held)].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
        grade: leader ? 'chuyen_vien_chinh' : gradeOf(random),
        fte: leader ? LEADER_FTE : unit.code === PHU_LIEN_CODE ? 1 : fteOf(random),
        locked: leader || random.uniform() < 0.03,
      });
    });
  }
  return staff;
};
