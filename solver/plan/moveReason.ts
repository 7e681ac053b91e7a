/**
 * Why a civil servant moves, as claims that are each true and add up, and as a sentence in
 * Vietnamese or English.
 *
 * The move's gain at the destination is unambiguous: the hours the center covers with the plan's
 * people there, minus without this person (centerCoverage.ts, exact). How that gain splits between
 * fields is not: when a center is short in several fields, which field "is" short depends on who
 * does what. So each field's gain is only claimed up to the destination's shortfall in that field
 * before the plan (the plan's own before-figures), and says how it is covered:
 * - `covers`: a field the person holds and works in under the plan, up to their own hours there:
 *   they do that work themselves;
 * - `frees`: the rest of a field's gain (a field they do not hold, or work less in than it gains):
 *   they take colleagues' other work so that colleagues who hold the field cover it;
 * - `replaces`: the rest, when colleagues leave the destination under the plan: hours the plan's
 *   team there would lack without this person;
 * - `rebalances`: the rest, when nobody leaves: more of the destination's shortfall, in fields
 *   where today's split of hours put it elsewhere (never more than its total shortfall before
 *   minus the other claims).
 */

import { ownValue } from '../ownValue.ts';

/** Hours below this are rounding noise, not a claim (a tenth of an hour is shown). */
const NOISE_HOURS = 0.05;

export type MoveClaimKind = 'covers' | 'frees' | 'replaces' | 'rebalances';

export interface MoveClaim {
  readonly kind: MoveClaimKind;
  /** The field (covers, frees); null for replaces and rebalances. */
  readonly field: string | null;
  /** Hours of shortfall the move covers this way, in the period. */
  readonly hours: number;
  /** The destination's shortfall in `field` before and after the plan, h (covers, frees); in all fields otherwise. */
  readonly shortfallBefore: number;
  readonly shortfallAfter: number;
}

export interface MoveClaimInput {
  /** Fields the person holds. */
  readonly held: readonly string[];
  /** The person's hours at the destination per field, under the plan. */
  readonly hoursAt: Readonly<Record<string, number>>;
  /** Gain in covered hours at the destination per field (only fields that gain). */
  readonly gains: Readonly<Record<string, number>>;
  /** The destination's shortfall per field before and after the plan, h. */
  readonly shortfallBefore: (field: string) => number;
  readonly shortfallAfter: (field: string) => number;
  /** The destination's shortfall in all fields before and after the plan, h. */
  readonly totalBefore: number;
  readonly totalAfter: number;
  /** People who leave the destination under the plan. */
  readonly leavers: number;
}

/** The move's gain split into claims (largest first); their hours add up to the gain. */
export const moveClaims = (m: MoveClaimInput): MoveClaim[] => {
  const claims: MoveClaim[] = [];
  let rest = 0;
  const gains = Object.entries(m.gains).filter(([, g]) => g > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [field, gain] of gains) {
    const before = m.shortfallBefore(field);
    const claimed = Math.min(gain, before);
    const own = m.held.includes(field) ? Math.min(claimed, ownValue(m.hoursAt, field) ?? 0) : 0;
    rest += gain - claimed;
    const after = m.shortfallAfter(field);
    for (const [kind, hours] of [['covers', own], ['frees', claimed - own]] as const) {
      if (hours >= NOISE_HOURS) claims.push({ kind, field, hours, shortfallBefore: before, shortfallAfter: after });
      else rest += hours;
    }
  }
  if (rest >= NOISE_HOURS) {
    claims.push({ kind: m.leavers > 0 ? 'replaces' : 'rebalances', field: null, hours: rest, shortfallBefore: m.totalBefore, shortfallAfter: m.totalAfter });
  }
  return claims;
};

/** What a sentence needs besides the move's figures: words for centers, fields and numbers. */
export interface ReasonWords {
  readonly lang: 'vi' | 'en';
  readonly centerName: (code: string) => string;
  /** The field's name in `lang` (e.g. "Bảo trợ xã hội", "Social protection"), never its code. */
  readonly fieldName: (field: string) => string;
}

/** The figures of a move a sentence is made from (MoveExplanation carries them). */
export interface MoveFacts {
  readonly staffId: string;
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly homeKm: number;
  readonly addedCommuteKm: number;
  readonly fields: readonly string[];
  /** Hours the person gives at the new center, by field. */
  readonly hoursAtNewCenter: Readonly<Record<string, number>>;
  /** The gain at the destination as claims that each hold and add up. */
  readonly claims: readonly MoveClaim[];
  /** People who leave the destination under the plan. */
  readonly leaversAtDestination: number;
  /** The destination's minimum headcount when the move is needed to keep it; else null. */
  readonly keepsMinimum: number | null;
  readonly costToCenterLeft: number;
  readonly destination: { readonly uncoveredBefore: number; readonly uncoveredAfter: number };
  readonly origin: { readonly uncoveredBefore: number; readonly uncoveredAfter: number };
}

/** Hours with one decimal: 1,234.5 (en) or 1.234,5 (vi). */
export const formatHours = (x: number, lang: 'vi' | 'en'): string =>
  x.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const lower = (text: string): string => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

/** The move as one sentence: who, where, how far, what they work, which shortfall it covers and at what cost. */
export const moveSentence = (m: MoveFacts, w: ReasonWords): string => {
  const vi = w.lang === 'vi';
  const h = (x: number): string => formatHours(x, w.lang);
  const field = (f: string | null): string => lower(w.fieldName(f ?? ''));
  const to = `${w.centerName(m.to)} (${m.to})`;
  const from = `${w.centerName(m.from)} (${m.from})`;
  const total = Object.values(m.hoursAtNewCenter).reduce((s, v) => s + v, 0);
  const work = Object.entries(m.hoursAtNewCenter).filter(([, v]) => v >= NOISE_HOURS).sort((a, b) => b[1] - a[1])
    .map(([f, v]) => (vi ? `${h(v)} giờ ${field(f)}` : `${h(v)} h of ${field(f)}`)).join(', ');
  const covered = m.claims.reduce((s, c) => s + c.hours, 0);
  const claim = (c: MoveClaim): string => {
    switch (c.kind) {
      case 'covers':
        return vi ? `tự làm ${h(c.hours)} giờ ${field(c.field)} (nơi đến thiếu ${h(c.shortfallBefore)} giờ lĩnh vực này trước kế hoạch, ${h(c.shortfallAfter)} giờ sau kế hoạch)`
          : `does ${h(c.hours)} h of ${field(c.field)} themselves (the center lacked ${h(c.shortfallBefore)} h of it before the plan, ${h(c.shortfallAfter)} h after)`;
      case 'frees':
        return vi ? `đỡ việc khác cho đồng nghiệp để họ làm thêm ${h(c.hours)} giờ ${field(c.field)} (thiếu ${h(c.shortfallBefore)} giờ trước kế hoạch, ${h(c.shortfallAfter)} giờ sau)`
          : `relieves colleagues of other work so that they cover ${h(c.hours)} h of ${field(c.field)} (lacking ${h(c.shortfallBefore)} h before the plan, ${h(c.shortfallAfter)} h after)`;
      case 'replaces':
        return vi ? `bù ${h(c.hours)} giờ mà nơi đến sẽ thiếu sau khi ${m.leaversAtDestination} người ở đó chuyển đi theo kế hoạch`
          : `covers ${h(c.hours)} h the center would lack once ${m.leaversAtDestination} colleague${m.leaversAtDestination === 1 ? '' : 's'} leave${m.leaversAtDestination === 1 ? 's' : ''} it under the plan`;
      default:
        return vi ? `bù thêm ${h(c.hours)} giờ thiếu khác của nơi đến (trước kế hoạch thiếu tổng cộng ${h(c.shortfallBefore)} giờ; phần thiếu chia theo lĩnh vực tùy ai làm việc gì)`
          : `covers ${h(c.hours)} h more of the center's shortfall (${h(c.shortfallBefore)} h in all before the plan; how it splits between fields depends on who does what)`;
    }
  };
  const purpose = m.claims.length > 0
    ? (vi ? `giúp nơi đến bù được ${h(covered)} giờ thiếu: ${m.claims.map(claim).join('; ')}` : `lets the center cover ${h(covered)} h it would otherwise lack: ${m.claims.map(claim).join('; ')}`)
    : m.keepsMinimum !== null
      ? (vi ? `không bù giờ thiếu nào nhưng giữ ${to} ở mức tối thiểu ${m.keepsMinimum} người` : `covers no shortfall but keeps ${to} at its minimum of ${m.keepsMinimum} staff`)
      : (vi ? 'không bù giờ thiếu nào ở đó (không quy tắc nào bắt buộc)' : 'covers no shortfall there (no rule requires it)');
  const distance = vi
    ? `cách nhà ${h(m.homeKm)} km (${m.addedCommuteKm > 0 ? `xa hơn ${h(m.addedCommuteKm)} km` : 'không xa hơn hiện nay'})`
    : `${h(m.homeKm)} km from home (${m.addedCommuteKm > 0 ? `+${h(m.addedCommuteKm)} km commute` : 'commute no longer than today'})`;
  const expertise = m.fields.map(field).join(', ');
  return vi
    ? `${m.name} (${m.staffId}; chuyên môn: ${expertise}) chuyển từ ${from} đến ${to}, ${distance}, làm ${h(total)} giờ ở đó (${work || 'không giờ nào'}) và ${purpose}. ` +
        `Cả kế hoạch: giờ thiếu của ${to} từ ${h(m.destination.uncoveredBefore)} còn ${h(m.destination.uncoveredAfter)} giờ; ` +
        `${from} bù ít hơn ${h(m.costToCenterLeft)} giờ khi thiếu người này (giờ thiếu: ${h(m.origin.uncoveredBefore)} -> ${h(m.origin.uncoveredAfter)} giờ).`
    : `${m.name} (${m.staffId}; expertise: ${expertise}) moves from ${from} to ${to}, ${distance}, works ${h(total)} h there (${work || 'no hours'}) and ${purpose}. ` +
        `Over the whole plan ${to}'s uncovered hours go from ${h(m.destination.uncoveredBefore)} to ${h(m.destination.uncoveredAfter)} h; ` +
        `${from} covers ${h(m.costToCenterLeft)} h less without them (its uncovered hours: ${h(m.origin.uncoveredBefore)} -> ${h(m.origin.uncoveredAfter)} h).`;
};
