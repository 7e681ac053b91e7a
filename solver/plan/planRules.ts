/**
 * The rule book of the plan: every rule once, with its id, its sentence in Vietnamese and English,
 * and the row of the model that keeps it (buildPlanModel.ts). The checker (checkPlanRules.ts), the
 * infeasibility explanations (explainInfeasibility.ts, solvePlan.ts), the plan result, the screens
 * and the tests name rules by id and take their words from here, so no sentence is copied.
 */

export type RuleId =
  | 'one_center'
  | 'commute_radius'
  | 'locked_stay'
  | 'expertise'
  | 'availability'
  | 'transfer_budget'
  | 'max_staff'
  | 'min_staff'
  | 'hires_allowed'
  | 'uncovered_hours';

export interface PlanRule {
  readonly id: RuleId;
  readonly vi: string;
  readonly en: string;
  /** The model's rows that keep it, in the words of buildPlanModel.ts's header. */
  readonly model: string;
}

export const PLAN_RULES: Readonly<Record<RuleId, PlanRule>> = {
  one_center: { id: 'one_center', vi: 'mỗi công chức làm việc tại đúng một trung tâm', en: 'every civil servant works at exactly one center', model: 'one center per person: sum_c x[p,c] = 1' },
  commute_radius: { id: 'commute_radius', vi: 'chỉ điều động trong bán kính đi lại tính từ nơi ở', en: 'moves only within the commute radius of home', model: 'x[p,c] exists only for centers within the radius of p\'s home unit' },
  locked_stay: { id: 'locked_stay', vi: 'người được giữ cố định không chuyển đi', en: 'locked people stay', model: 'a locked person has only their current center' },
  expertise: { id: 'expertise', vi: 'chỉ làm việc trong lĩnh vực chuyên môn của mình', en: 'hours only in fields of the expertise', model: 'y[c,T,f] exists only for fields f in the expertise set T' },
  availability: { id: 'availability', vi: 'số giờ không vượt quá thời gian làm việc của mỗi người', en: 'hours within availability', model: 'hours within availability: sum_f y[c,T,f] <= hoursPerFte * sum_{p in T} fte_p x[p,c]' },
  transfer_budget: { id: 'transfer_budget', vi: 'số lượt điều động không vượt giới hạn', en: 'transfers within the budget', model: 'transfers within budget: sum_{c != current(p)} x[p,c] <= maxTransfers' },
  max_staff: { id: 'max_staff', vi: 'số người của trung tâm không vượt quá số chỗ làm việc', en: 'headcount within the center\'s seats', model: 'headcount: sum_p x[p,c] + sum_f n[c,f] <= maxStaff_c' },
  min_staff: { id: 'min_staff', vi: 'số người của trung tâm không dưới mức tối thiểu', en: 'headcount at or above the minimum', model: 'headcount: min_c <= sum_p x[p,c] + sum_f n[c,f]' },
  hires_allowed: { id: 'hires_allowed', vi: 'số người tuyển mới không vượt số được phép', en: 'hires within those allowed', model: 'hires within allowed: sum_c n[c,f] <= allowed_f' },
  uncovered_hours: { id: 'uncovered_hours', vi: 'giờ chưa có người làm bằng giờ cần làm trừ giờ đã giao, không âm', en: 'uncovered hours are required minus assigned, never below zero', model: 'uncovered hours: sum_T y[c,T,f] + hh[c,f] + u[c,f] = req[c,f], u >= 0' },
};

export const RULE_IDS: readonly RuleId[] = Object.keys(PLAN_RULES) as RuleId[];

/** A rule's sentence in `lang`. */
export const ruleSentence = (id: RuleId, lang: 'vi' | 'en'): string => PLAN_RULES[id][lang];
