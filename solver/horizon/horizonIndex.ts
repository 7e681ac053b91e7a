/**
 * Dense indexes over a HorizonInput, built once per solve: the single-month index of every month
 * (required hours, distances, expertise; every person of the staff list, so a person has the same
 * position in every month), hours per FTE by month, who still works in which month, which centers
 * are overloaded with today's staff in which month, and how many people may leave each center.
 */
import { worksIn } from '../domain.ts';
import { ownValue } from '../ownValue.ts';
import { minStaffOf } from '../plan/planInput.ts';
import { buildPlanIndex, type PlanIndex } from '../plan/planIndex.ts';
import type { HorizonInput } from './horizonInput.ts';

export interface HorizonIndex {
  /** Months in the horizon. */
  readonly T: number;
  /** Index of month t (required hours of that month; positions of people and centers as in every month). */
  readonly month: readonly PlanIndex[];
  /** Hours of 1 FTE in month t. */
  readonly H: readonly number[];
  /** present[p][t]: person p still works in month t. */
  readonly present: readonly (readonly boolean[])[];
  /** overloaded[t][c]: center c's required hours exceed its staff's available hours in month t, with today's staff. */
  readonly overloaded: readonly (readonly boolean[])[];
  /** Most people who may leave center c over the horizon (Infinity = no limit). */
  readonly leavingCap: readonly number[];
  /** Fewest and most people at center c in any month. */
  readonly minStaff: readonly number[];
  readonly maxStaff: readonly number[];
  /** hiresAllowed[f]: hires the plan may make in field f over the horizon. */
  readonly hiresAllowed: readonly number[];
  /** Staff quota in every month (people working plus hires); Infinity = none. */
  readonly quota: number;
}

export const buildHorizonIndex = (h: HorizonInput): HorizonIndex => {
  if (h.months.length === 0) throw new Error('buildHorizonIndex: a horizon needs at least one month');
  const month = h.months.map((m) => buildPlanIndex({ centers: h.centers, fields: h.fields, staff: h.staff, requiredHours: m.requiredHours, hoursPerFte: m.hoursPerFte, rules: h.rules }));
  const base = month[0] as PlanIndex;
  const H = h.months.map((m) => m.hoursPerFte);
  const present = h.staff.map((p) => h.months.map((m) => worksIn(p, m.month)));
  const overloaded = h.months.map((_, t) => {
    const available = h.centers.map(() => 0);
    h.staff.forEach((p, i) => {
      if (present[i]?.[t]) available[base.current[i] ?? 0] = (available[base.current[i] ?? 0] ?? 0) + p.fte * (H[t] ?? 0);
    });
    return h.centers.map((_, c) => (month[t]?.requiredByCenter[c] ?? 0) > (available[c] ?? 0) + 1e-9);
  });
  const { maxLeavingPerCenter: most, maxLeavingShare: share } = h.horizon;
  const leavingCap = h.centers.map((_, c) => {
    const today = base.headcountToday[c] ?? 0;
    return Math.min(most ?? Infinity, share === null ? Infinity : Math.floor(share * today + 1e-9));
  });
  const hiresAllowed = base.fieldIds.map((f) => ownValue(h.rules.hiresAllowedByField, f) ?? 0);
  const quota = h.horizon.staffQuota ?? Infinity;
  return {
    T: h.months.length,
    month,
    H,
    present,
    overloaded,
    leavingCap,
    minStaff: h.centers.map((c) => minStaffOf(h.rules, c.code)),
    maxStaff: h.centers.map((c) => c.maxStaff),
    hiresAllowed,
    quota,
  };
};
