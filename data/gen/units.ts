/** The real facts of the 114 units (data/sources/haiphong_units.csv), parsed for the generator. */
import { readCsv, formatProblem } from '../../solver/csv.ts';
import type { UnitType } from '../../solver/domain.ts';
import { haversineKm } from '../../solver/geo.ts';

export interface Unit {
  readonly code: string;
  readonly nameVi: string;
  readonly nameAscii: string;
  readonly type: UnitType;
  readonly formerDistrict: string;
  readonly areaKm2: number;
  readonly population: number;
  readonly lat: number;
  readonly lon: number;
}

export const UNIT_COLUMNS = ['code', 'name_vi', 'name_ascii', 'type', 'former_district', 'area_km2', 'population', 'lat', 'lon'] as const;

/** Parses the units file; throws on any malformed row, since it is the generator's own checked-in input. */
export const parseUnits = (text: string): readonly Unit[] => {
  const table = readCsv('haiphong_units.csv', text, UNIT_COLUMNS);
  if (!table.ok) throw new Error(`parseUnits: ${table.problems.map(formatProblem).join('; ')}`);
  return table.table.rows.map(({ line, cells }) => {
    const get = (name: string): string => cells[name] ?? '';
    const num = (name: string): number => {
      const value = Number(get(name));
      if (!Number.isFinite(value)) throw new Error(`parseUnits: line ${line} column ${name} is not a number: "${get(name)}"`);
      return value;
    };
    const type = get('type');
    if (type !== 'ward' && type !== 'commune' && type !== 'special_zone') throw new Error(`parseUnits: line ${line} unknown type "${type}"`);
    return {
      code: get('code'), nameVi: get('name_vi'), nameAscii: get('name_ascii'), type, formerDistrict: get('former_district'),
      areaKm2: num('area_km2'), population: num('population'), lat: num('lat'), lon: num('lon'),
    };
  });
};

/** Great-circle distance in km between two units' centroids (the one haversine, solver/geo.ts). */
export const distanceKm = (a: Pick<Unit, 'lat' | 'lon'>, b: Pick<Unit, 'lat' | 'lon'>): number => haversineKm(a.lat, a.lon, b.lat, b.lon);
