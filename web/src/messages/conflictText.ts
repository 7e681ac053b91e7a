/**
 * Why no plan keeps every rule (solver/plan/explainInfeasibility.ts's coded conflicts) and the
 * solver's status, in the planner's language. Centers are named from the active dataset (Vietnamese
 * names with their diacritics), else from the conflict's own `centerName`. A conflict without a
 * known code shows the server's English.
 */
import type { Lang } from '../i18n.ts';
import { renderCoded, type Catalog, type Params, type WireCoded } from './params.ts';

/** Vietnamese name of a center by code, from the active dataset; undefined when unknown. */
export type CenterNames = (code: string) => string | undefined;

const centerOf = (p: Params, names: CenterNames): string | undefined => {
  const code = p.text('center');
  if (code === undefined) return undefined;
  const name = names(code) ?? p.text('centerName');
  return name === undefined ? code : `${name} (${code})`;
};

/** `, cộng 3 người được phép tuyển mới` when hires are allowed, else nothing. */
const plusHires = (p: Params): string =>
  (p.raw('hires') ?? 0) <= 0 ? '' : p.lang === 'vi' ? `, cộng ${p.num('hires')} người được phép tuyển mới` : `, plus ${p.num('hires')} allowed hires`;
const afterHires = (p: Params): string =>
  (p.raw('hires') ?? 0) <= 0 ? '' : p.lang === 'vi' ? ' (sau khi tính người tuyển mới)' : ' (after allowed hires)';

const catalog = (names: CenterNames): Catalog => ({
  'conflict.min_above_max_staff': {
    vi: '{center}: mức tối thiểu {min} người vượt quá số người tối đa {max} của trung tâm.',
    en: '{center}: the minimum of {min} staff exceeds its max_staff of {max}.',
    slots: (p) => ({ center: centerOf(p, names), min: p.num('min'), max: p.num('maxStaff') }),
  },
  'conflict.locked_above_max_staff': {
    vi: '{center}: {locked} người được giữ cố định làm việc ở đây, vượt quá số người tối đa {max}.',
    en: '{center}: {locked} locked people work there, above its max_staff of {max}.',
    slots: (p) => ({ center: centerOf(p, names), locked: p.num('locked'), max: p.num('maxStaff') }),
  },
  'conflict.min_out_of_reach': {
    vi: '{center}: cần tối thiểu {min} người, nhưng chỉ có {reachable} người đang làm việc ở đây hoặc sống trong bán kính {km} km và không bị giữ cố định ở nơi khác{hires}.',
    en: '{center}: the minimum is {min} staff, but only {reachable} people work there or live within {km} km and are not locked elsewhere{hires}.',
    slots: (p) => ({ center: centerOf(p, names), min: p.num('min'), reachable: p.num('reachable'), km: p.num('maxCommuteKm'), hires: plusHires(p) }),
  },
  'conflict.budget_below_newcomers': {
    vi: 'Để mọi trung tâm đạt mức tối thiểu cần ít nhất {needed} người chuyển đến{after}, vượt giới hạn {budget} lượt điều động.',
    en: "Reaching every center's minimum needs at least {needed} people to move in{after}, above the transfer budget of {budget}.",
    slots: (p) => ({ needed: p.num('needed'), budget: p.num('budget'), after: afterHires(p) }),
  },
  'conflict.budget_below_leavers': {
    vi: 'Để mọi trung tâm không vượt số người tối đa cần ít nhất {needed} người chuyển đi, vượt giới hạn {budget} lượt điều động.',
    en: 'Bringing every center within max_staff needs at least {needed} people to move out, above the transfer budget of {budget}.',
    slots: (p) => ({ needed: p.num('needed'), budget: p.num('budget') }),
  },
  'conflict.minimums_above_staff': {
    vi: 'Tổng mức tối thiểu là {total} người, nhưng thành phố chỉ có {staff} người và {hires} người được phép tuyển mới.',
    en: 'The minimums add up to {total} staff, but the city has {staff} people and {hires} allowed hires.',
    slots: (p) => ({ total: p.num('minTotal'), staff: p.num('staff'), hires: p.num('hires') }),
  },
});

/** Codes the catalog knows (for the test that every solver code has a sentence in both languages). */
export const CONFLICT_CODES: readonly string[] = Object.keys(catalog(() => undefined));

/** Conflicts solvePlan writes itself, without a code (the solver proved infeasibility), in Vietnamese. */
const UNCODED_VI: Readonly<Record<string, string>> = {
  'The LP relaxation of the full model is infeasible.': 'Ngay cả khi chia người theo tỷ lệ giữa các trung tâm, mô hình vẫn không khả thi.',
  'The full MIP is infeasible.': 'Bộ giải chứng minh mô hình đầy đủ không có phương án khả thi.',
};

/** A conflict's sentence in `lang`. */
export const conflictText = (lang: Lang, conflict: WireCoded, names: CenterNames = () => undefined): string =>
  (conflict.code === undefined && lang === 'vi' ? UNCODED_VI[conflict.message] : undefined) ?? renderCoded(catalog(names), lang, conflict);

/** The plan rules by their names in words (solver/plan: each rule has one), in Vietnamese. */
const RULES_VI: Readonly<Record<string, string>> = {
  'headcount at or above the minimum': 'số người không dưới mức tối thiểu',
  'headcount within max_staff': 'số người không vượt quá mức tối đa (max_staff)',
  'locked people stay': 'người được giữ cố định không chuyển đi',
  'moves only within the commute radius': 'chỉ điều động trong bán kính đi lại',
  'transfers within the budget': 'số lượt điều động trong giới hạn',
};

/** A rule's name in `lang` (as the server names it in English; unknown names as written). */
export const ruleText = (lang: Lang, rule: string): string => (lang === 'vi' ? (RULES_VI[rule] ?? rule) : rule);

/** The status part of a plan's summary. */
export interface StatusSummary {
  readonly status: string;
  readonly message: string;
  readonly gap?: number | null;
  /** null when the solver found no plan. */
  readonly objective?: number | null;
}

const percent = (lang: Lang, gap: number): string =>
  `${new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(gap * 100)}%`;

/**
 * The solver's verdict in `lang`, from the plan's status and gap (the status is the code; the gap
 * to the valid bound its parameter). Statuses without a sentence here show the server's English.
 */
export const planStatusText = (lang: Lang, s: StatusSummary): string => {
  const gap = typeof s.gap === 'number' && Number.isFinite(s.gap) ? percent(lang, s.gap) : undefined;
  const vi = lang === 'vi';
  switch (s.status) {
    case 'optimal':
      return gap === undefined ? s.message : vi ? `Tối ưu: chênh lệch ${gap} so với cận dưới hợp lệ.` : `Optimal: gap ${gap} to a valid bound.`;
    case 'feasible':
      return vi
        ? `Mọi quy tắc được giữ; chênh lệch ${gap ?? 'chưa rõ'} so với cận dưới.`
        : `Every rule holds; gap ${gap ?? 'unknown'} to the bound.`;
    case 'time_limit':
      if (s.objective === null) return vi ? 'Không tìm được phương án trong giới hạn thời gian.' : 'No plan found within the time limit.';
      return vi
        ? `Dừng ở giới hạn thời gian; phương án tốt nhất tìm được, chênh lệch ${gap ?? 'chưa rõ'}.`
        : `Stopped at the time limit; best plan found, gap ${gap ?? 'unknown'}.`;
    case 'infeasible':
      return vi ? 'Không có phương án nào giữ được mọi quy tắc.' : 'No plan keeps every rule.';
    default:
      return s.message;
  }
};
