/**
 * A move as a sentence a council can read, when the server sent none: who, from where to where,
 * how far from home, which hours in which fields, and the shortfall it meets at the destination
 * (the plan's own before-figures). Numbers are the plan's; only the wording is made here.
 */
import { formatInt, formatNumber } from './format.ts';
import type { Lang } from './i18n.ts';
import type { CenterBefore, Move } from './planReport.ts';

export interface SentenceContext {
  readonly lang: Lang;
  readonly centerName: (code: string) => string;
  readonly fieldName: (id: string) => string;
  readonly before: ReadonlyMap<string, CenterBefore>;
  /** Uncovered hours of each center before the plan (all fields), when no field detail is known. */
  readonly uncoveredBefore?: ReadonlyMap<string, number>;
}

const centerNeed = (move: Move, ctx: SentenceContext, to: string): string => {
  const u = ctx.uncoveredBefore?.get(move.toCenter);
  if (u === undefined || u < 0.5) return '';
  return ctx.lang === 'vi'
    ? `; trước kế hoạch, ${to} thiếu ${formatInt(ctx.lang, u)} giờ`
    : `; before the plan ${to} lacked ${formatInt(ctx.lang, u)} h`;
};

/**
 * In English the server's own sentence is shown when it sent one; in Vietnamese the sentence is
 * composed here from the same figures (the server writes English).
 */
export const describeMove = (move: Move, ctx: SentenceContext): string => {
  if (move.reason && ctx.lang === 'en') return move.reason;
  const { lang, centerName, fieldName } = ctx;
  const vi = lang === 'vi';
  const who = move.name || move.staffId;
  const from = centerName(move.fromCenter);
  const to = centerName(move.toCenter);
  const fields = Object.entries(move.hours).sort((a, b) => b[1] - a[1]);
  const work = fields.map(([f, h]) => `${formatInt(lang, h)} ${vi ? 'giờ' : 'h of'} ${fieldName(f).toLowerCase()}`).join(', ');
  const km = move.km === null ? '' : formatNumber(lang, move.km);
  const added = move.addedKm ?? 0;
  const distance =
    move.km === null
      ? ''
      : vi
        ? ` (cách nhà ${km} km${added < 0 ? `, gần hơn ${formatNumber(lang, -added)} km` : added > 0 ? `, xa hơn ${formatNumber(lang, added)} km` : ''})`
        : ` (${km} km from home${added < 0 ? `, ${formatNumber(lang, -added)} km shorter` : added > 0 ? `, ${formatNumber(lang, added)} km longer` : ''})`;
  const short = ctx.before.get(move.toCenter)?.shortFields.find((s) => move.hours[s.field] !== undefined);
  const need = short
    ? vi
      ? `; trước kế hoạch, ${to} thiếu ${formatInt(lang, short.uncoveredHours)} giờ ${fieldName(short.field).toLowerCase()}${short.expertStaff === 0 ? ' và không ai có chuyên môn này' : ''}`
      : `; before the plan ${to} lacked ${formatInt(lang, short.uncoveredHours)} h of ${fieldName(short.field).toLowerCase()}${short.expertStaff === 0 ? ' and nobody held that expertise' : ''}`
    : centerNeed(move, ctx, to);
  const cost =
    move.costToCenterLeft === null
      ? ''
      : move.costToCenterLeft < 0.5
        ? vi
          ? `; ${from} không thiếu thêm giờ nào`
          : `; ${from} loses no covered hours`
        : vi
          ? `; ${from} thiếu thêm ${formatInt(lang, move.costToCenterLeft)} giờ`
          : `; ${from} loses ${formatInt(lang, move.costToCenterLeft)} covered hours`;
  return vi
    ? `${who} chuyển từ ${from} đến ${to}${distance}: đảm nhận ${work || 'công việc chung'}${need}${cost}.`
    : `${who} moves from ${from} to ${to}${distance}: takes ${work || 'general work'}${need}${cost}.`;
};
