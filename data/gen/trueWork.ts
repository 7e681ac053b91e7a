/**
 * The hidden truth of the synthetic city: how much work a dossier really gives a center's listed
 * civil servants, and how much more than its list a center really gets done. The generator draws
 * every outcome (on time, late, pending) from this truth (outcomes.ts); it is never written to the
 * public tables, so the planner's calibration (solver/workload/calibrateNorms.ts), which reads only
 * those tables, can be checked against it (test/solver/workload/calibrationRecovery.test.ts).
 *
 * The story behind the numbers (synthetic, like the rest of the history):
 * - The official norms of fields.csv overstate the processing of land, construction and
 *   agriculture, which the commune's specialist officers do mostly outside the staff list, and
 *   understate certification (VNeID look-ups and copying at the desk), civil status, education
 *   and health insurance, whose processing the center's own people do.
 * - Most centers list every civil servant who handles their dossiers (capacity factor 1). A few
 *   get help from people not on the list; Phù Liễn lists only its 5 desk staff while the ward's
 *   specialists process most of its dossiers (SEED-FACTS: 5 civil servants, ~3,000 dossiers, no
 *   dossier overdue in July 2025).
 * - A center works up to SUSTAINABLE_OVERTIME times its capacity before work carries over.
 */
import { randomStream } from './random.ts';
import { PHU_LIEN_CODE } from './anchors.ts';
import type { FieldSpec } from './fieldSpecs.ts';

/**
 * True minutes relative to the official norm, per field: counter (direct reception), online
 * reception, processing borne by the listed staff. Every factor lies within the calibration's
 * bounds of 0.3-1.5 times the official component, so the truth is one the calibration may find.
 */
export const TRUE_NORM_FACTORS: Readonly<Record<string, readonly [counter: number, online: number, processing: number]>> = {
  certification: [1.5, 1.2, 1.5],
  civil_status: [1.3, 1.4, 1.1],
  land: [1.0, 1.3, 0.8],
  social_protection: [1.2, 1.4, 1.0],
  meritorious_people: [1.1, 1.3, 0.9],
  business_household: [1.0, 1.2, 1.3],
  construction: [1.0, 1.2, 0.6],
  education: [1.3, 1.5, 1.4],
  health_insurance: [1.4, 1.3, 1.5],
  labour: [1.1, 1.1, 0.9],
  culture_sports: [0.9, 1.0, 0.6],
  agriculture_environment: [1.0, 1.1, 0.5],
};

/** True minutes of one dossier of a field on the listed staff, by channel (counter or online reception, plus processing). */
export interface TrueMinutes {
  readonly direct: number;
  readonly online: number;
}

export const trueMinutes = (spec: FieldSpec): TrueMinutes => {
  const factors = TRUE_NORM_FACTORS[spec.field];
  if (factors === undefined) throw new Error(`trueMinutes: no true work content for field "${spec.field}"`);
  const [counter, online, processing] = factors;
  return {
    direct: spec.minDirect * counter + spec.minProcessing * processing,
    online: spec.minOnline * online + spec.minProcessing * processing,
  };
};

/**
 * Work a center gets done, as a multiple of its listed staff's nominal hours, before overtime; the
 * truth behind the calibration's capacity factor. Phù Liễn's is set so that its July 2025 load
 * sits inside the overtime band (1.14 of its capacity: overloaded, nothing late).
 */
export const PHU_LIEN_CAPACITY_FACTOR = 3.9;
/** Share of the other centers that get help from outside their staff list. */
const HELPED_SHARE = 0.12;
/** Their factor is uniform on [HELP_FROM, HELP_FROM + HELP_SPREAD]. */
const HELP_FROM = 1.1;
const HELP_SPREAD = 0.5;

/**
 * Mean true load (work over listed capacity, July 2025 on) that a commune lets a center carry month
 * after month: above it the commune sends help until the center is at it, so waves still overload
 * the center but its backlog does not grow without end (a queue above 1.3 on average would leave
 * dossiers waiting for months, which no city keeps).
 */
export const CHRONIC_LOAD = 1.27;

/**
 * The center's true capacity factor; `meanLoad` is its mean true work over its listed staff's
 * nominal hours in the months from the reform on.
 */
export const trueCapacityFactor = (seed: number, code: string, meanLoad: number): number => {
  if (code === PHU_LIEN_CODE) return PHU_LIEN_CAPACITY_FACTOR;
  const random = randomStream(seed, `capacity:${code}`);
  const helped = random.uniform() < HELPED_SHARE;
  const factor = HELP_FROM + HELP_SPREAD * random.uniform();
  return Math.max(helped ? factor : 1, meanLoad / CHRONIC_LOAD);
};

/**
 * How far above its capacity a center keeps up by overtime: 40 hours a month (the Labour Code's
 * cap) on about 134 available hours (21 days x 8 h x 0.80) is +30%. The calibration assumes the
 * same band (solver/workload/calibrationTypes.ts): the generator's truth shares its premise.
 */
export const SUSTAINABLE_OVERTIME = 1.3;
