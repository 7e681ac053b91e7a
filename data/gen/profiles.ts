/**
 * Each center's demand profile: a synthetic level drawn around a per-type rate, except where a
 * published figure pins it (the July 2025 centers and Cat Hai), in which case the level and online
 * offset are solved so that the noise-free expectation meets the figure.
 */
import type { UnitType } from '../../solver/domain.ts';
import { ANCHOR_MONTH, CAT_HAI, JULY_2025_ANCHORS } from './anchors.ts';
import { monthRange, workingDaysOf } from './calendar.ts';
import { expectedDossiers, onlineShare, type CenterProfile } from './demand.ts';
import { FIELD_SPECS } from './fieldSpecs.ts';
import { randomStream } from './random.ts';
import type { Unit } from './units.ts';

/**
 * Median post-reform dossiers per resident per month, by unit type (synthetic, set so that the
 * published wards (Kien An 0.052, Phu Lien 0.049, Dong Hai 0.066) and An Lao commune (0.012) sit
 * inside the spread, and Cat Hai near its 1,400 a month).
 */
const LEVEL_BY_TYPE: Readonly<Record<UnitType, number>> = { ward: 0.05, commune: 0.017, special_zone: 0.02 };
/** Spread of the level between centers of a type (sd of its logarithm). */
const LEVEL_SPREAD = 0.3;
/**
 * Online offset by unit type (logit scale): the two published wards took 15% and 23% online in July
 * 2025 [C], far below the national 74.7% [C]; communes, with less certification and more social and
 * land dossiers filed with the help of commune digital teams, are put nearer the national figure.
 */
const ONLINE_BY_TYPE: Readonly<Record<UnitType, number>> = { ward: 0, commune: 1.2, special_zone: 1.2 };
/** Spread of the online offset between centers (logit scale). */
const ONLINE_SPREAD = 0.35;
/** Median late share of resolved dossiers in an ordinary post-reform month (96-99.9% on time elsewhere [C]). */
const LATE_MEDIAN = 0.012;

const expectedTotals = (profile: CenterProfile, months: readonly string[], monthWeight: (m: string) => number): { total: number; online: number } => {
  let total = 0;
  let online = 0;
  for (const month of months) {
    for (const spec of FIELD_SPECS) {
      const n = expectedDossiers(profile, spec, month) * monthWeight(month);
      total += n;
      online += n * onlineShare(profile, spec, month);
    }
  }
  return { total, online };
};

/** The online offset that gives the wanted expected online share, by bisection on [-12, 12]. */
const solveOnlineOffset = (profile: CenterProfile, months: readonly string[], monthWeight: (m: string) => number, share: number): number => {
  let lo = -12;
  let hi = 12;
  for (let i = 0; i < 60; i += 1) {
    const mid = (lo + hi) / 2;
    const { total, online } = expectedTotals({ ...profile, onlineOffset: mid }, months, monthWeight);
    if (online / total < share) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
};

/** Pins a profile so its expectation over `months` meets `dossiers` (and `share` online when given). */
const pin = (profile: CenterProfile, months: readonly string[], monthWeight: (m: string) => number, dossiers: number, share?: number): CenterProfile => {
  const onlineOffset = share === undefined ? profile.onlineOffset : solveOnlineOffset(profile, months, monthWeight, share);
  const unit = { ...profile, onlineOffset, level: 1 };
  return { ...unit, level: dossiers / expectedTotals(unit, months, monthWeight).total };
};

export const profilesFor = (seed: number, units: readonly Unit[]): readonly CenterProfile[] =>
  units.map((unit) => {
    const random = randomStream(seed, `profile:${unit.code}`);
    const drawn: CenterProfile = {
      code: unit.code,
      type: unit.type,
      population: unit.population,
      level: LEVEL_BY_TYPE[unit.type] * Math.exp(LEVEL_SPREAD * random.normal()),
      onlineOffset: ONLINE_BY_TYPE[unit.type] + ONLINE_SPREAD * random.normal(),
      lateRate: LATE_MEDIAN * Math.exp(0.6 * random.normal()),
    };
    const anchor = JULY_2025_ANCHORS.find((a) => a.code === unit.code);
    if (anchor !== undefined) {
      const share = anchor.online === undefined ? undefined : anchor.online / anchor.received;
      return pin(drawn, [ANCHOR_MONTH], () => 1, anchor.received, share);
    }
    if (unit.code === CAT_HAI.code) {
      const months = monthRange(CAT_HAI.from, CAT_HAI.to);
      const lastMonthDays = workingDaysOf(CAT_HAI.to);
      const lastMonthShare = lastMonthDays.filter((d) => new Date(d * 86_400_000).getUTCDate() <= CAT_HAI.lastDay).length / lastMonthDays.length;
      return pin(drawn, months, (m) => (m === CAT_HAI.to ? lastMonthShare : 1), CAT_HAI.dossiers, CAT_HAI.onlineShare);
    }
    return drawn;
  });
