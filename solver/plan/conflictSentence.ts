/**
 * Why no plan keeps every rule, in Vietnamese and English, from the conflicts' codes and values
 * (explainInfeasibility.ts and solvePlan.ts write them), with centers named from the dataset. The
 * key conflict leads: the one involving the most people, a city-wide one before a center's.
 */
import type { MessageParams } from '../messageCode.ts';
import { formatNumber, type Lang, type Names } from '../words.ts';
import type { Conflict } from './plan.ts';
import type { ConflictResult, Infeasibility } from './planResult.ts';
import { PLAN_RULES, type RuleId } from './planRules.ts';

type Slots = (p: Reader, lang: Lang) => Readonly<Record<string, string>>;

interface Reader {
  readonly num: (name: string) => string;
  readonly raw: (name: string) => number;
  readonly center: () => string;
}

const plusHires = (p: Reader, lang: Lang): string =>
  p.raw('hires') <= 0 ? '' : lang === 'vi' ? `, cộng ${p.num('hires')} người được phép tuyển mới` : `, plus ${p.num('hires')} allowed hires`;

const CATALOG: Readonly<Record<string, { readonly vi: string; readonly en: string; readonly slots: Slots }>> = {
  'conflict.min_above_max_staff': {
    vi: '{center}: mức tối thiểu {min} người vượt quá số chỗ làm việc ({max} người) của trung tâm.',
    en: '{center}: the minimum of {min} staff exceeds its {max} seats.',
    slots: (p) => ({ center: p.center(), min: p.num('min'), max: p.num('maxStaff') }),
  },
  'conflict.locked_above_max_staff': {
    vi: '{center}: {locked} người được giữ cố định làm việc ở đây, nhiều hơn số chỗ làm việc ({max} người).',
    en: '{center}: {locked} locked people work there, more than its {max} seats.',
    slots: (p) => ({ center: p.center(), locked: p.num('locked'), max: p.num('maxStaff') }),
  },
  'conflict.min_out_of_reach': {
    vi: '{center}: cần tối thiểu {min} người, nhưng chỉ có {reachable} người đang làm việc ở đây hoặc sống trong bán kính {km} km và không bị giữ cố định ở nơi khác{hires}.',
    en: '{center}: the minimum is {min} staff, but only {reachable} people work there or live within {km} km and are not locked elsewhere{hires}.',
    slots: (p, lang) => ({ center: p.center(), min: p.num('min'), reachable: p.num('reachable'), km: p.num('maxCommuteKm'), hires: plusHires(p, lang) }),
  },
  'conflict.budget_below_newcomers': {
    vi: 'Để mọi trung tâm đạt mức tối thiểu cần ít nhất {needed} người chuyển đến{after}, nhiều hơn giới hạn {budget} lượt điều động.',
    en: "Reaching every center's minimum needs at least {needed} people to move in{after}, more than the transfer budget of {budget}.",
    slots: (p, lang) => ({ needed: p.num('needed'), budget: p.num('budget'), after: p.raw('hires') <= 0 ? '' : lang === 'vi' ? ' (sau khi tính người tuyển mới)' : ' (after allowed hires)' }),
  },
  'conflict.budget_below_leavers': {
    vi: 'Để không trung tâm nào vượt số chỗ làm việc cần ít nhất {needed} người chuyển đi, nhiều hơn giới hạn {budget} lượt điều động.',
    en: 'Keeping every center within its seats needs at least {needed} people to move out, more than the transfer budget of {budget}.',
    slots: (p) => ({ needed: p.num('needed'), budget: p.num('budget') }),
  },
  'conflict.minimums_above_staff': {
    vi: 'Các mức tối thiểu cộng lại là {total} người, nhưng thành phố chỉ có {staff} công chức và {hires} người được phép tuyển mới.',
    en: 'The minimums add up to {total} people, but the city has {staff} civil servants and {hires} allowed hires.',
    slots: (p) => ({ total: p.num('minTotal'), staff: p.num('staff'), hires: p.num('hires') }),
  },
  'conflict.lp_infeasible': {
    vi: 'Ngay cả khi chia người theo tỷ lệ giữa các trung tâm, không thể cùng lúc giữ mức tối thiểu, số chỗ làm việc, giới hạn điều động và bán kính đi lại (bộ giải chứng minh trên mô hình đầy đủ).',
    en: 'Even with people split fractionally between centers, the minimum staff, seats, transfer budget and commute radius cannot all hold (the solver proved it on the full model).',
    slots: () => ({}),
  },
  'conflict.mip_infeasible': {
    vi: 'Bộ giải chứng minh không có phương án nào giữ được cùng lúc mức tối thiểu, số chỗ làm việc và giới hạn điều động.',
    en: 'The solver proved that no plan keeps the minimum staff, the seats and the transfer budget together.',
    slots: () => ({}),
  },
};

/** Codes with a sentence (a test checks every code the solver writes is one). */
export const CONFLICT_CODES: readonly string[] = Object.keys(CATALOG);

const reader = (params: MessageParams, lang: Lang, names: Names): Reader => {
  const raw = (name: string): number => {
    const v = params[name];
    return typeof v === 'number' ? v : Number(v ?? 0);
  };
  return {
    raw,
    num: (name) => formatNumber(lang, raw(name), Number.isInteger(raw(name)) ? 0 : 1),
    center: () => {
      const code = String(params['center'] ?? '');
      return `${names.center(code)} (${code})`;
    },
  };
};

/** The conflict's sentence in `lang`; its English message when its code has none. */
export const conflictSentence = (c: Conflict, lang: Lang, names: Names): string => {
  const entry = CATALOG[c.code];
  if (entry === undefined) return c.message;
  const slots = entry.slots(reader(c.params, lang, names), lang);
  return entry[lang].replace(/\{(\w+)\}/g, (_, name: string) => slots[name] ?? '');
};

const result = (c: Conflict, names: Names): ConflictResult => ({
  code: c.code,
  rules: c.rules,
  centers: c.centers,
  text: { vi: conflictSentence(c, 'vi', names), en: conflictSentence(c, 'en', names) },
});

/** How many people a conflict is about: the gap it names (city-wide conflicts first on ties). */
const weight = (c: Conflict): number => {
  const n = (k: string): number => Number(c.params[k] ?? 0);
  switch (c.code) {
    case 'conflict.minimums_above_staff': return n('minTotal') - n('staff') - n('hires') + 1e6;
    case 'conflict.budget_below_newcomers':
    case 'conflict.budget_below_leavers': return n('needed') - n('budget') + 5e5;
    case 'conflict.lp_infeasible':
    case 'conflict.mip_infeasible': return 1e5;
    case 'conflict.min_out_of_reach': return n('min') - n('reachable') - n('hires');
    case 'conflict.min_above_max_staff': return n('min') - n('maxStaff');
    case 'conflict.locked_above_max_staff': return n('locked') - n('maxStaff');
    default: return 0;
  }
};

/** The key conflict first, then every conflict grouped by the rules it involves, in words. */
export const infeasibilityOf = (conflicts: readonly Conflict[], names: Names): Infeasibility | null => {
  if (conflicts.length === 0) return null;
  const ranked = [...conflicts].sort((a, b) => weight(b) - weight(a) || a.code.localeCompare(b.code));
  const groups = new Map<string, { rules: readonly RuleId[]; conflicts: ConflictResult[] }>();
  for (const c of ranked) {
    const key = [...c.rules].sort().join('+');
    const group = groups.get(key) ?? { rules: c.rules, conflicts: [] };
    group.conflicts.push(result(c, names));
    groups.set(key, group);
  }
  const title = (rules: readonly RuleId[], lang: Lang): string => {
    const words = rules.map((r) => PLAN_RULES[r][lang]);
    return lang === 'vi' ? `Không thể cùng giữ: ${words.join('; ')}` : `Cannot hold together: ${words.join('; ')}`;
  };
  return {
    lead: result(ranked[0] as Conflict, names),
    groups: [...groups.values()].map((g) => ({ rules: g.rules, title: { vi: title(g.rules, 'vi'), en: title(g.rules, 'en') }, conflicts: g.conflicts })),
  };
};
