/**
 * The rules a plan over several months keeps besides the single-month rule book (planRules.ts),
 * which holds in every month: each once, with its id and sentence in Vietnamese and English.
 */
export type HorizonRuleId =
  | 'one_change'
  | 'month_matches_schedule'
  | 'secondment_budget'
  | 'secondment_length'
  | 'hire_lead_time'
  | 'staff_quota'
  | 'training_budget'
  | 'most_leaving'
  | 'overload_margin';

export const HORIZON_RULE_BOOK: Readonly<Record<HorizonRuleId, { readonly vi: string; readonly en: string }>> = {
  one_change: { vi: 'mỗi công chức được điều động hoặc biệt phái nhiều nhất một lần', en: 'each civil servant is transferred or seconded at most once' },
  month_matches_schedule: { vi: 'nơi làm việc mỗi tháng đúng với lịch điều động và biệt phái', en: 'where each person works each month follows the schedule of transfers and secondments' },
  secondment_budget: { vi: 'tổng số người-tháng biệt phái không vượt giới hạn', en: 'secondment person-months within the budget' },
  secondment_length: { vi: 'mỗi đợt biệt phái dài từ mức tối thiểu đến mức tối đa, trong kỳ kế hoạch', en: 'each secondment lasts between the shortest and the longest length, within the horizon' },
  hire_lead_time: { vi: 'người tuyển mới chỉ bắt đầu sau thời gian tuyển dụng', en: 'hires start no earlier than the recruitment lead time' },
  staff_quota: { vi: 'số người làm việc và tuyển mới mỗi tháng không vượt biên chế', en: 'people working plus hires within the staff quota in every month' },
  training_budget: { vi: 'số người được đào tạo chéo không vượt giới hạn', en: 'people cross-trained within the budget' },
  most_leaving: { vi: 'số người rời một trung tâm trong kỳ không vượt giới hạn', en: 'people leaving one center over the horizon within the limit' },
  overload_margin: { vi: 'trung tâm đang quá tải không cho người đi trong tháng đó, trừ khi giảm đủ số giờ thiếu của thành phố', en: 'an overloaded center gives no one away that month unless the move lowers the city\'s weighted uncovered hours by the margin' },
};
