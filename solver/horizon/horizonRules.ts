/**
 * The rules of a plan over several months (issue 13), besides the single-month rules (PlanRules):
 * secondments, recruitment lead time, the city's staff quota, cross-training, and how many people
 * a center may give away. Every number is in months or people unless it says otherwise.
 *
 * Two sets of defaults: NEUTRAL_HORIZON_RULES switch every one of them off (a plan over one month
 * with them is today's single-month plan, exactly), YEAR_HORIZON_RULES are what a city would keep
 * for a plan over several months. A scenario gets the neutral ones for a horizon of 1 and the year
 * ones for more, lever by lever, unless it sets the lever (solver/scenario.ts).
 */

export interface HorizonRules {
  /** Secondments (biệt phái) the plan may make, in person-months over the horizon; 0 = none. */
  readonly secondmentMonths: number;
  /** Shortest and longest secondment, months (one contiguous run, then the person returns). */
  readonly secondmentMinMonths: number;
  readonly secondmentMaxMonths: number;
  /** Months from the plan's first month before a hire can start work (recruitment takes months). */
  readonly hireLeadMonths: number;
  /**
   * The city's staff quota (biên chế): people working plus hires, in every month. Null = today's
   * headcount plus the hires allowed (then it limits nothing the hire levers do not). A quota below
   * the people working leaves no room for hires; nobody is dismissed.
   */
  readonly staffQuota: number | null;
  /** People the plan may cross-train (each gains one field); 0 = none. */
  readonly trainingBudget: number;
  /** Months a training takes (alongside the person's work: no hours lost); they hold the field after it. */
  readonly trainingMonths: number;
  /** Most people who may leave any one center over the horizon (transfers and secondments); null = no limit. */
  readonly maxLeavingPerCenter: number | null;
  /** The same as a share of the center's staff today (rounded down); null = no limit. Both apply. */
  readonly maxLeavingShare: number | null;
  /**
   * A center overloaded in a month (its required hours above its staff's available hours that month,
   * with today's staff) gives no one away that month, unless the move lowers the city's
   * priority-weighted uncovered hours that month by at least this many hours. Null = no such rule.
   */
  readonly overloadMarginHours: number | null;
  /**
   * What one move disrupts, in priority-weighted hours over the horizon (handing over the desk,
   * learning a new center's procedures and colleagues): a lasting transfer is one move, a
   * secondment two (there and back), so the plan makes a move only where it covers more than that.
   * Null = the single-month weights price moves (weights.transfers per transfer, a secondment by
   * its months only).
   */
  readonly moveHours: number | null;
}

/** Every rule of the horizon off: a one-month plan with these is today's single-month plan. */
export const NEUTRAL_HORIZON_RULES: HorizonRules = {
  secondmentMonths: 0,
  secondmentMinMonths: 2,
  secondmentMaxMonths: 6,
  hireLeadMonths: 0,
  staffQuota: null,
  trainingBudget: 0,
  trainingMonths: 1,
  maxLeavingPerCenter: null,
  maxLeavingShare: null,
  overloadMarginHours: null,
  moveHours: null,
};

/**
 * Defaults of a plan over several months: 60 person-months of secondments of 2 to 6 months,
 * recruitment 4 months ahead, 10 people cross-trained in a month each, at most a quarter of a
 * center's staff leaving it, and an overloaded center giving someone away only for 20 hours a
 * month or more of the city's priority-weighted shortfall. A move is worth making only where it
 * covers more than 140 hours over the horizon: one month of a full-time civil servant (22 working
 * days x 8 h x 0.8 productivity = 140.8 h), about what the handover and settling in of a move cost;
 * a secondment, there and back, then needs 280 hours.
 */
export const YEAR_HORIZON_RULES: HorizonRules = {
  secondmentMonths: 60,
  secondmentMinMonths: 2,
  secondmentMaxMonths: 6,
  hireLeadMonths: 4,
  staffQuota: null,
  trainingBudget: 10,
  trainingMonths: 1,
  maxLeavingPerCenter: null,
  maxLeavingShare: 0.25,
  overloadMarginHours: 20,
  moveHours: 140,
};

export const HORIZON_LEVERS: readonly (keyof HorizonRules)[] = Object.keys(NEUTRAL_HORIZON_RULES) as (keyof HorizonRules)[];

/** Whether `rules` make no difference to a one-month plan (every measure the month model lacks is off). */
export const isNeutral = (rules: HorizonRules): boolean =>
  rules.secondmentMonths === 0 &&
  rules.hireLeadMonths === 0 &&
  rules.staffQuota === null &&
  rules.trainingBudget === 0 &&
  rules.maxLeavingPerCenter === null &&
  rules.maxLeavingShare === null &&
  rules.overloadMarginHours === null &&
  rules.moveHours === null;
