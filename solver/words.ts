/**
 * Numbers and names as a reader of each language writes them: Vietnamese `1.234,5` (the
 * administrative documents' style), English `1,234.5`. Used by every sentence the solver writes, so
 * a figure reads the same on the screen, in the memo, the workbook and the terminal.
 */

export type Lang = 'vi' | 'en';

const formats = new Map<string, Intl.NumberFormat>();

/** `x` with exactly `digits` decimals, thousands grouped. */
export const formatNumber = (lang: Lang, x: number, digits = 1): string => {
  const key = `${lang}:${digits}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formats.set(key, format);
  }
  // -0.0 reads as "-0,0": a change that rounds to nothing is written as 0.
  const rounded = Math.round(x * 10 ** digits) / 10 ** digits;
  return format.format(rounded === 0 ? 0 : rounded);
};

/** Hours with one decimal. */
export const formatHours = (lang: Lang, x: number): string => formatNumber(lang, x, 1);

/** A signed change with one decimal: `+74,7`, `−10,0` (a true minus sign), `0,0`. */
export const formatChange = (lang: Lang, x: number): string => {
  const text = formatNumber(lang, Math.abs(x), 1);
  const rounded = Math.round(x * 10) / 10;
  return rounded > 0 ? `+${text}` : rounded < 0 ? `−${text}` : text;
};

/** A share as a whole percentage: `133%`. */
export const formatPercent = (lang: Lang, share: number): string => `${formatNumber(lang, share * 100, 0)}%`;

/** The words a sentence needs besides its figures: centers and fields by code, in the sentence's language. */
export interface Names {
  readonly center: (code: string) => string;
  /** The field's name in the language (e.g. "Đất đai", "Land"), never its code. */
  readonly field: (field: string, lang: Lang) => string;
}

/** Names from the dataset's tables. */
export const namesOf = (dataset: {
  readonly centers: readonly { readonly code: string; readonly nameVi: string }[];
  readonly fields: readonly { readonly field: string; readonly nameVi: string; readonly nameEn: string }[];
}): Names => {
  const centers = new Map(dataset.centers.map((c) => [c.code, c.nameVi]));
  const fields = new Map(dataset.fields.map((f) => [f.field, f]));
  return {
    center: (code) => centers.get(code) ?? code,
    field: (field, lang) => {
      const f = fields.get(field);
      return f === undefined ? field : lang === 'vi' ? f.nameVi : f.nameEn;
    },
  };
};

/** First letter in lower case, for a name inside a sentence ("đất đai", "land"). */
export const lowerFirst = (text: string): string => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

/**
 * A change in words, its direction said: `từ 1.055,9 còn 981,2`, `từ 114% lên 142%`, `giữ nguyên 37`;
 * `from 1,055.9 to 981.2`, `unchanged at 37`. `a` and `b` are compared as written.
 */
export const fromTo = (lang: Lang, a: string, b: string, before: number, after: number): string => {
  if (a === b) return lang === 'vi' ? `giữ nguyên ${a}` : `unchanged at ${a}`;
  if (lang === 'en') return `from ${a} to ${b}`;
  return `từ ${a} ${after > before ? 'lên' : 'còn'} ${b}`;
};
