/**
 * Synthetic facilities of each service center, shaped by the city's findings [C]: 68 of the 114 centers
 * lack adequate floor area; many lack the 2 online meeting rooms the standard asks for.
 * Desks follow the direct (counter) dossiers of a busy day; seats (`max_staff`) leave room for the whole
 * demand where the floor area is adequate, and for 1 to 3 more people or three quarters of the demand
 * where it is not.
 */
import type { Center } from '../../solver/domain.ts';
import { randomStream } from './random.ts';
import type { Unit } from './units.ts';

/** Centers lacking adequate floor area [C]. */
export const CENTERS_LACKING_AREA = 68;
/** Counter dossiers one desk handles in a day (synthetic). */
const DOSSIERS_PER_DESK_DAY = 20;
/** A busy day's counter dossiers relative to the month's mean day. */
const PEAK_DAY = 1.4;

export interface FacilityInput {
  readonly units: readonly Unit[];
  /** Mean counter (direct) dossiers per working day over the recent year, by center. */
  readonly directPerDay: ReadonlyMap<string, number>;
  /** Headcount today, by center. */
  readonly headcount: ReadonlyMap<string, number>;
  /** Headcount the demand would need, by center. */
  readonly neededHeadcount: ReadonlyMap<string, number>;
}

/** The centers table: the units' facts and their synthetic facilities. */
export const generateCenters = (seed: number, input: FacilityInput): readonly Center[] => {
  const random = randomStream(seed, 'facilities');
  // Crowded centers are likelier to lack space: weight by people per desk-sized demand, wards first.
  const lacking = new Set<string>();
  const candidates = input.units.map((u) => u.code);
  const weightOf = (code: string): number => {
    const unit = input.units.find((u) => u.code === code);
    const load = (input.neededHeadcount.get(code) ?? 1) / Math.max(1, input.headcount.get(code) ?? 1);
    return (unit?.type === 'ward' ? 2 : 1) * (0.5 + load);
  };
  while (lacking.size < CENTERS_LACKING_AREA) {
    const open = candidates.filter((c) => !lacking.has(c));
    lacking.add(random.weighted(open, open.map(weightOf)));
  }
  return input.units.map((unit) => {
    const local = randomStream(seed, `facility:${unit.code}`);
    const headcount = input.headcount.get(unit.code) ?? 0;
    const needed = input.neededHeadcount.get(unit.code) ?? headcount;
    const adequate = !lacking.has(unit.code);
    const desks = Math.min(16, Math.max(2, Math.ceil(((input.directPerDay.get(unit.code) ?? 0) * PEAK_DAY) / DOSSIERS_PER_DESK_DAY)));
    const maxStaff = adequate ? Math.max(headcount + 3, Math.ceil(needed * 1.25)) : Math.max(headcount + local.integer(1, 3), Math.round(needed * 0.75));
    const u = local.uniform();
    const meetingRooms = adequate ? (u < 0.75 ? 2 : 1) : u < 0.35 ? 0 : u < 0.8 ? 1 : 2;
    return {
      code: unit.code, nameVi: unit.nameVi, nameAscii: unit.nameAscii, type: unit.type, formerDistrict: unit.formerDistrict,
      areaKm2: unit.areaKm2, population: unit.population, lat: unit.lat, lon: unit.lon,
      desks, maxStaff, areaAdequate: adequate, meetingRooms,
    };
  });
};
