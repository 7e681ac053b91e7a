/**
 * Input of the plan over several months (issue 13): who works where today, the work each month
 * asks of every center and field, the single-month rules (kept in every month) and the horizon's
 * own rules. Built by the pipeline (scenarioHorizonInput.ts) or by hand in tests.
 */
import { worksIn, type Center, type CivilServant, type Field, type Month } from '../domain.ts';
import type { PlanInput, PlanRules, RequiredHours } from '../plan/planInput.ts';
import type { HorizonRules } from './horizonRules.ts';

/** One month of the horizon. */
export interface HorizonMonth {
  readonly month: Month;
  /** Hours of work per center and field in the month, at the quantile staffed to. */
  readonly requiredHours: readonly RequiredHours[];
  /** Available hours of 1 FTE in the month (working days x 8 h x productivity): Tết and holidays show here. */
  readonly hoursPerFte: number;
}

export interface HorizonInput {
  readonly centers: readonly Center[];
  readonly fields: readonly Field[];
  /** Every civil servant today, those who leave during the horizon (leavesOn) included. */
  readonly staff: readonly CivilServant[];
  /** Consecutive months, the plan's first month first. */
  readonly months: readonly HorizonMonth[];
  readonly rules: PlanRules;
  readonly horizon: HorizonRules;
}

/**
 * Month `t` as a single-month plan input: its work and hours per FTE, the people who still work
 * then, the single-month rules. A horizon of one month with neutral rules is exactly this plan.
 */
export const monthInput = (h: HorizonInput, t: number): PlanInput => {
  const m = h.months[t];
  if (m === undefined) throw new Error(`monthInput: no month ${t} in a horizon of ${h.months.length}`);
  const staff = h.staff.some((p) => !worksIn(p, m.month)) ? h.staff.filter((p) => worksIn(p, m.month)) : h.staff;
  return { centers: h.centers, fields: h.fields, staff, requiredHours: m.requiredHours, hoursPerFte: m.hoursPerFte, rules: h.rules };
};
