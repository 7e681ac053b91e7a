/**
 * The expected (noise-free) dossier demand of a center, field, channel and month. The generator
 * draws the history around it, calibrates the published centers on it, and sizes staff from it.
 *
 * expected dossiers = population x growth x level x field share x (pre-reform ratio before July 2025)
 *                     x seasonal index x demand days / TYPICAL_DEMAND_DAYS x field trend
 * online share      = logistic(logit(field's July 2025 share) + ONLINE_SLOPE x years - push before the reform + center offset)
 */
import type { UnitType } from '../../solver/domain.ts';
import { demandDaysOf, yearsSinceReform } from './calendar.ts';
import type { FieldSpec } from './fieldSpecs.ts';

/** What the generator decided about one center's demand (synthetic unless anchored). */
export interface CenterProfile {
  readonly code: string;
  readonly type: UnitType;
  readonly population: number;
  /** Post-reform dossiers per resident per month at TYPICAL_DEMAND_DAYS and seasonal index 1. */
  readonly level: number;
  /** Added to the logit of every field's online share at this center. */
  readonly onlineOffset: number;
  /** Share of resolved dossiers resolved late in an ordinary post-reform month. */
  readonly lateRate: number;
}

/** Demand days (working days weighted by the post-Tet wave) in an ordinary month. */
export const TYPICAL_DEMAND_DAYS = 21.5;
/** Growth of the online share per year, on the logit scale. */
export const ONLINE_SLOPE = 0.8;
/** Jump of the online share (logit) at the reform, for every field but certification (copies need the originals at the counter). */
export const REFORM_ONLINE_PUSH = 0.5;
/** Population growth per year, from the end-2024 census figure. */
export const POPULATION_GROWTH = 0.01;
/** First month of the two-level government: district work moved to communes [C]. */
export const REFORM_MONTH = '2025-07';

export const isPreReform = (month: string): boolean => month < REFORM_MONTH;

const logit = (p: number): number => Math.log(p / (1 - p));
const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

/** Expected dossiers of one field at one center in one month, both channels together. */
export const expectedDossiers = (center: CenterProfile, spec: FieldSpec, month: string): number => {
  const years = yearsSinceReform(month);
  const calendarMonth = Number(month.slice(5, 7));
  const share = center.type === 'ward' ? spec.shareWard : spec.shareCommune;
  const population = center.population * Math.pow(1 + POPULATION_GROWTH, years + 0.5);
  return (
    population *
    center.level *
    share *
    (isPreReform(month) ? spec.preReformRatio : 1) *
    (spec.seasonal[calendarMonth - 1] ?? 1) *
    (demandDaysOf(month) / TYPICAL_DEMAND_DAYS) *
    Math.pow(1 + spec.trendPerYear, years)
  );
};

/** Expected share of one field's dossiers that arrive online, in (0, 1). */
export const onlineShare = (center: CenterProfile, spec: FieldSpec, month: string): number => {
  const beforePush = isPreReform(month) && spec.field !== 'certification' ? REFORM_ONLINE_PUSH : 0;
  return logistic(logit(spec.onlineShareJuly2025) + ONLINE_SLOPE * yearsSinceReform(month) - beforePush + center.onlineOffset);
};
