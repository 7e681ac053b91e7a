/**
 * A generated city for tests and benchmarks: centers scattered over a Hai Phong-sized area, staff
 * with 1-4 fields each, and required hours that overload some centers and leave others idle.
 * Pure and seeded: the same options give the same instance (mulberry32 PRNG, no Math.random).
 */
import type { Center, CivilServant, Field } from '../domain.ts';
import { haversineKm } from '../geo.ts';
import { DEFAULT_RULES, type PlanInput, type PlanRules, type RequiredHours } from './planInput.ts';
import { mulberry32 } from '../mulberry32.ts';

export interface SyntheticCityOptions {
  readonly seed: number;
  /** Default 114. */
  readonly centers?: number;
  /** Mean staff per center. Default 12. */
  readonly staffPerCenter?: number;
  /** Default 13 (at most 13). */
  readonly fields?: number;
  /** Side of the square area, km. Default 90 (Hai Phong after 2025 spans about 100 km). */
  readonly areaKm?: number;
  readonly rules?: Partial<PlanRules>;
}

const FIELD_IDS = [
  ['certification', 1, 10],
  ['civil_status', 2, 8],
  ['land', 1, 9],
  ['construction', 1, 4],
  ['business_household', 1, 3],
  ['social_protection', 2, 5],
  ['meritorious', 2, 2],
  ['education', 1, 2],
  ['health_insurance', 1, 2],
  ['labour', 1, 2],
  ['culture', 1, 1],
  ['agriculture_environment', 1, 2],
  ['complaints', 1, 1],
] as const;

/** 22 working days x 8 h x 0.80 productivity. */
export const SYNTHETIC_HOURS_PER_FTE = 140.8;

export const syntheticCity = (options: SyntheticCityOptions): PlanInput => {
  const rand = mulberry32(options.seed);
  const nCenters = options.centers ?? 114;
  const meanStaff = options.staffPerCenter ?? 12;
  const nFields = Math.min(options.fields ?? 13, FIELD_IDS.length);
  const area = options.areaKm ?? 90;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const fields: Field[] = FIELD_IDS.slice(0, nFields).map(([id, priority]) => ({
    field: id,
    nameVi: id,
    nameEn: id.replaceAll('_', ' '),
    timeLimitDays: 3,
    minDirect: 10,
    minOnline: 5,
    minProcessing: 30,
    priority,
  }));
  const share = FIELD_IDS.slice(0, nFields).map(([, , s]) => s);
  const shareTotal = share.reduce((a, b) => a + b, 0);
  const weightedField = (): number => {
    let r = rand() * shareTotal;
    for (let f = 0; f < nFields; f += 1) {
      r -= share[f] ?? 0;
      if (r <= 0) return f;
    }
    return nFields - 1;
  };
  const headcount = Array.from({ length: nCenters }, () => Math.max(1, Math.round(meanStaff * (0.6 + 0.8 * rand()))));
  const centers: Center[] = headcount.map((n, c) => {
    const code = String(10000 + c);
    return {
      code,
      nameVi: `Trung tâm ${c}`,
      nameAscii: `Center ${c}`,
      type: c % 10 === 9 ? 'commune' : 'ward',
      formerDistrict: `District ${c % 7}`,
      areaKm2: 20 + 30 * rand(),
      population: 20000 + Math.round(40000 * rand()),
      lat: 20.5 + (rand() * area) / 111,
      lon: 106.2 + (rand() * area) / 104,
      desks: 4 + Math.round(4 * rand()),
      maxStaff: n + 1 + Math.floor(4 * rand()),
      areaAdequate: rand() < 0.4,
      meetingRooms: Math.floor(3 * rand()),
    };
  });
  const neighbours = centers.map((a) =>
    centers
      .map((b, j) => ({ j, km: haversineKm(a.lat, a.lon, b.lat, b.lon) }))
      .sort((x, y) => x.km - y.km)
      .slice(1, 6)
      .map((n) => n.j),
  );
  const staff: CivilServant[] = [];
  const requiredHours: RequiredHours[] = [];
  centers.forEach((center, c) => {
    const n = headcount[c] ?? 0;
    for (let i = 0; i < n; i += 1) {
      const own = new Set<number>([weightedField()]);
      const extra = Math.floor(rand() * 4);
      for (let e = 0; e < extra; e += 1) own.add(weightedField());
      const r = rand();
      const home = r < 0.7 ? c : r < 0.95 ? pick(neighbours[c] ?? [c]) : Math.floor(rand() * nCenters);
      staff.push({
        staffId: `SY-${String(staff.length + 1).padStart(6, '0')}`,
        name: `Person ${staff.length + 1}`,
        centerCode: center.code,
        homeCode: centers[home]?.code ?? center.code,
        fields: [...own].sort((a, b) => a - b).map((f) => fields[f]?.field ?? ''),
        grade: 'chuyen_vien',
        fte: rand() < 0.06 ? 0.5 : 1,
        locked: i === 0,
      });
    }
    const load = 0.45 + 1.0 * rand() ** 1.3;
    const total = n * SYNTHETIC_HOURS_PER_FTE * load;
    const mix = share.map((s) => s * (0.3 + 1.4 * rand()));
    const mixTotal = mix.reduce((a, b) => a + b, 0);
    mix.forEach((m, f) => {
      requiredHours.push({ centerCode: center.code, field: fields[f]?.field ?? '', hours: Math.round((total * m) / mixTotal) });
    });
  });
  return {
    centers,
    fields,
    staff,
    requiredHours,
    hoursPerFte: SYNTHETIC_HOURS_PER_FTE,
    rules: { ...DEFAULT_RULES, ...options.rules },
  };
};
