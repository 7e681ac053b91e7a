/**
 * Helpers shared by the renderers of coded server messages: reading a message's params safely and
 * writing numbers in the planner's language. A renderer that lacks a param it needs returns
 * `undefined`, and the caller shows the server's English text instead (never nothing).
 */
import type { MessageParams } from '../../../solver/messageCode.ts';
import { formatInt, formatNumber } from '../format.ts';
import type { Lang } from '../i18n.ts';

export type { MessageParams };

/** A coded message as it comes over the wire: `code` and `params` may be absent (older servers, other sources). */
export interface WireCoded {
  readonly code?: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly message: string;
}

/**
 * One code's sentence in each language, with `{slot}`s, and how to read the slots from the params
 * (`p.lang` says the language, for the few slots that are words themselves). A slot read as
 * undefined (a param missing) makes the caller show the server's English instead.
 */
export interface Entry {
  readonly vi: string;
  readonly en: string;
  readonly slots?: (p: Params) => Readonly<Record<string, string | undefined>>;
}

/** Sentences by code. */
export type Catalog = Readonly<Record<string, Entry>>;

/** Typed access to a message's params in one language. */
export interface Params {
  readonly lang: Lang;
  /** A number param written for `lang` (`1.234`, `0,5`), or undefined when absent. */
  readonly num: (name: string) => string | undefined;
  /** A number param as a number. */
  readonly raw: (name: string) => number | undefined;
  /** A text param. */
  readonly text: (name: string) => string | undefined;
}

/** A number as the planner writes it: whole numbers with thousands separators, others with up to 2 decimals. */
export const writeNumber = (lang: Lang, x: number): string => {
  if (Number.isInteger(x)) return formatInt(lang, x);
  const digits = Math.abs(x * 10 - Math.round(x * 10)) < 1e-9 ? 1 : 2;
  return formatNumber(lang, x, digits);
};

export const paramsFor = (lang: Lang, params: Readonly<Record<string, unknown>> | undefined): Params => {
  const raw = (name: string): number | undefined => {
    const v = params?.[name];
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  };
  return {
    lang,
    raw,
    num: (name) => {
      const v = raw(name);
      return v === undefined ? undefined : writeNumber(lang, v);
    },
    text: (name) => {
      const v = params?.[name];
      return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
    },
  };
};

/** Fills `{name}` slots from `values`; undefined when any value is undefined (the caller falls back). */
export const fill = (template: string, values: Readonly<Record<string, string | undefined>>): string | undefined => {
  let missing = false;
  const out = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) missing = true;
    return v ?? '';
  });
  return missing ? undefined : out;
};

/**
 * The sentence of a coded message in `lang` from `catalog`, or the server's English `message` when
 * the code is unknown, absent, or a param it needs is missing.
 */
export const renderCoded = (catalog: Catalog, lang: Lang, m: WireCoded): string => {
  const entry = m.code === undefined ? undefined : catalog[m.code];
  if (entry === undefined) return m.message;
  return fill(entry[lang], entry.slots?.(paramsFor(lang, m.params)) ?? {}) ?? m.message;
};

/** `YYYY-MM-DD` as `31/12/2026` in Vietnamese; unchanged in English (ISO reads well there). */
export const writeDate = (lang: Lang, iso: string | undefined): string | undefined => {
  if (iso === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return lang === 'vi' && m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
};
