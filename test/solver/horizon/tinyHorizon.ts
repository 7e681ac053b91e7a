/**
 * Tiny plans over a few months for the tests: a synthetic city (solver/plan/syntheticCity.ts) of
 * 2-3 centers and 3-4 people, its required hours varied per month and center (a wave, a quiet
 * month), the month's hours per FTE varied (Tết has fewer working days), and the horizon's levers
 * drawn small enough to enumerate every plan. Seeded: the same seed gives the same instance.
 */
import { addMonths } from '../../../solver/forecast/months.ts';
import type { HorizonInput } from '../../../solver/horizon/horizonInput.ts';
import { NEUTRAL_HORIZON_RULES, type HorizonRules } from '../../../solver/horizon/horizonRules.ts';
import { mulberry32 } from '../../../solver/mulberry32.ts';
import { syntheticCity } from '../../../solver/plan/syntheticCity.ts';

export interface TinyOptions {
  readonly seed: number;
  readonly centers: number;
  readonly months: number;
  /** Most people; instances with more are cut to this many (the first ones). */
  readonly people: number;
  readonly maxTransfers: number | null;
  readonly horizon?: Partial<HorizonRules>;
  /** Hires allowed in the first field. */
  readonly hires?: number;
  /** Whether one person leaves (leavesOn) in the last month. */
  readonly departure?: boolean;
}

export const FIRST_MONTH = '2027-01';

export const tinyHorizon = (o: TinyOptions): HorizonInput => {
  const city = syntheticCity({ seed: o.seed, centers: o.centers, staffPerCenter: 1.6, fields: 3, areaKm: 14, rules: { maxCommuteKm: 12, maxTransfers: o.maxTransfers } });
  const rand = mulberry32(o.seed * 7 + 1);
  const firstField = city.fields[0]?.field ?? '';
  const staff = city.staff.slice(0, o.people).map((p, i) => (o.departure === true && i === 0 ? { ...p, leavesOn: addMonths(FIRST_MONTH, o.months - 1) } : p));
  const months = Array.from({ length: o.months }, (_, t) => {
    const factor = city.centers.map(() => 0.4 + 1.4 * rand());
    return {
      month: addMonths(FIRST_MONTH, t),
      requiredHours: city.requiredHours.map((r) => ({ ...r, hours: r.hours * (factor[city.centers.findIndex((c) => c.code === r.centerCode)] ?? 1) })),
      hoursPerFte: [140.8, 112, 150][t % 3] ?? 140.8,
    };
  });
  return {
    centers: city.centers,
    fields: city.fields,
    staff,
    months,
    rules: { ...city.rules, hiresAllowedByField: o.hires ? { [firstField]: o.hires } : {} },
    horizon: { ...NEUTRAL_HORIZON_RULES, ...o.horizon },
  };
};
