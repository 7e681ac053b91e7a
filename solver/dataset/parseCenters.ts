/**
 * Reads `centers.csv`: one row per commune-level unit and its service center's facilities.
 */
import { UNIT_TYPES, type Center } from '../domain.ts';
import { duplicateChecker, readTable } from './readTable.ts';
import type { TableResult, TableSource } from './types.ts';

export const CENTER_COLUMNS = [
  'code',
  'name_vi',
  'name_ascii',
  'type',
  'former_district',
  'area_km2',
  'population',
  'lat',
  'lon',
  'desks',
  'max_staff',
  'area_adequate',
  'meeting_rooms',
] as const;

/**
 * Plausible centroids in Vietnam, WGS84 degrees: latitude 8 to 24 N, longitude 102 to 118 E (the
 * eastern bound leaves room for the offshore island districts). A value outside is most likely a
 * swapped lat/lon or a lost decimal point.
 */
const LAT = { code: 'import.latitude', min: 8, max: 24, message: 'must be a latitude in Vietnam, between 8 and 24' } as const;
const LON = { code: 'import.longitude', min: 102, max: 118, message: 'must be a longitude in Vietnam, between 102 and 118' } as const;
const WHOLE = { min: 0, integer: true, message: 'must be a whole number >= 0' } as const;
const NON_NEGATIVE = { min: 0, message: 'must be a number >= 0' } as const;

export const parseCenters = (file: TableSource): TableResult<Center> => {
  const table = readTable(file, CENTER_COLUMNS);
  if (!table.ok) return { rows: [], problems: table.problems, warnings: [] };
  const { cells, problems } = table;
  const duplicate = duplicateChecker(cells, 'center code', 'center_code');
  const keys = new Set<string>();
  const rows: Center[] = [];
  for (const row of table.rows) {
    const before = problems.length;
    const code = cells.unitCode(row, 'code');
    if (code !== undefined) keys.add(code);
    duplicate(row, code, 'code');
    const center = {
      code,
      nameVi: cells.text(row, 'name_vi'),
      nameAscii: cells.text(row, 'name_ascii'),
      type: cells.oneOf(row, 'type', UNIT_TYPES),
      formerDistrict: cells.text(row, 'former_district'),
      areaKm2: cells.number(row, 'area_km2', NON_NEGATIVE),
      population: cells.number(row, 'population', WHOLE),
      lat: cells.number(row, 'lat', LAT),
      lon: cells.number(row, 'lon', LON),
      desks: cells.number(row, 'desks', WHOLE),
      maxStaff: cells.number(row, 'max_staff', WHOLE),
      areaAdequate: cells.boolean(row, 'area_adequate'),
      meetingRooms: cells.number(row, 'meeting_rooms', WHOLE),
    };
    if (problems.length === before) rows.push(center as Center);
  }
  return { rows, problems, warnings: table.warnings, keys };
};
