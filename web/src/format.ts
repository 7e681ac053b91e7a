/** Number and text formatting in the planner's language (Vietnamese uses `.` for thousands, `,` for decimals). */
import type { Lang } from './i18n.ts';

const locale = (lang: Lang): string => (lang === 'vi' ? 'vi-VN' : 'en-GB');

export const formatInt = (lang: Lang, value: number): string =>
  new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(value);

export const formatNumber = (lang: Lang, value: number, digits = 1): string =>
  new Intl.NumberFormat(locale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);

/** A ratio (1 = 100%) as a percentage, `null` as a dash. */
export const formatPercent = (lang: Lang, ratio: number | null | undefined, digits = 0): string =>
  ratio === null || ratio === undefined || !Number.isFinite(ratio)
    ? '–'
    : new Intl.NumberFormat(locale(lang), { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ratio);

/** `YYYY-MM` as `10/2026`. */
export const formatMonth = (month: string): string => {
  const [y, m] = month.split('-');
  return `${m}/${y}`;
};

const GRADES: Readonly<Record<string, { readonly vi: string; readonly en: string }>> = {
  chuyen_vien_cao_cap: { vi: 'Chuyên viên cao cấp', en: 'Senior principal specialist' },
  chuyen_vien_chinh: { vi: 'Chuyên viên chính', en: 'Principal specialist' },
  chuyen_vien: { vi: 'Chuyên viên', en: 'Specialist' },
  can_su: { vi: 'Cán sự', en: 'Officer' },
  nhan_vien: { vi: 'Nhân viên', en: 'Clerk' },
};

/** A civil-service grade id (`chuyen_vien_chinh`) in words; unknown ids as written. */
export const gradeName = (lang: Lang, grade: string): string => GRADES[grade]?.[lang] ?? grade.replace(/_/g, ' ');

/** A signed change with one decimal, as the server's sentences write it: `+134,4`, `−55,6` (a true minus sign). */
export const formatChange = (lang: Lang, value: number): string => {
  const text = formatNumber(lang, Math.abs(value));
  return value > 0 ? `+${text}` : value < 0 && text !== formatNumber(lang, 0) ? `−${text}` : text;
};
