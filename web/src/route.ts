/**
 * Screens are addressed by the URL hash (`#/center/11311?period=2026-11&quantile=0.8`), so links,
 * back and reload work without a server route. The period and forecast level the overview and the
 * center page show are in the address too, so a link, a reload and moving between them keep them.
 */
import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_LEVERS } from './scenario.ts';

export type Screen = 'overview' | 'center' | 'planner' | 'compare' | 'check' | 'data';
export const SCREENS: readonly Screen[] = ['overview', 'center', 'planner', 'compare', 'check', 'data'];

/** The month and forecast level a screen shows; absent = the screen's default. */
export interface PeriodQuery {
  readonly period?: string | undefined;
  readonly quantile?: number | undefined;
}

export interface Route {
  readonly screen: Screen;
  /** The second path segment: a center code, a scenario id. */
  readonly param: string | undefined;
  readonly query: PeriodQuery;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The period and quantile of a query string; a value that is not a month or a number is left out. */
const readQuery = (search: string): PeriodQuery => {
  const q = new URLSearchParams(search);
  const period = q.get('period') ?? undefined;
  const quantile = Number(q.get('quantile') ?? NaN);
  return { ...(period !== undefined && MONTH.test(period) ? { period } : {}), ...(Number.isFinite(quantile) && quantile > 0 && quantile < 1 ? { quantile } : {}) };
};

export const parseHash = (hash: string): Route => {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?');
  const [screen, param] = path.split('/');
  const known = SCREENS.find((s) => s === screen);
  return { screen: known ?? 'overview', param: param ? decodeURIComponent(param) : undefined, query: readQuery(search) };
};

export const hrefOf = (screen: Screen, param?: string, query: PeriodQuery = {}): string => {
  const q = new URLSearchParams();
  if (query.period !== undefined) q.set('period', query.period);
  if (query.quantile !== undefined) q.set('quantile', String(query.quantile));
  const search = q.toString();
  return `#/${screen}${param ? `/${encodeURIComponent(param)}` : ''}${search ? `?${search}` : ''}`;
};

/** Goes to `href` in place of the current entry (a change of period is not a step back), and tells the route. */
export const replaceRoute = (href: string): void => {
  window.history.replaceState(null, '', href);
  window.dispatchEvent(new Event('hashchange'));
};

export const useRoute = (): Route => {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
};

/** The forecast level every screen opens on (P80). */
export const DEFAULT_QUANTILE = 0.8;

export interface PeriodRoute {
  readonly period: string;
  readonly quantile: number;
  readonly setPeriod: (period: string) => void;
  readonly setQuantile: (quantile: number) => void;
  /** The address of another screen with the same period and level (a center from the overview). */
  readonly hrefWith: (screen: Screen, param?: string) => string;
}

/**
 * The period and forecast level of the screen in the address (default: the scenario's default month,
 * the first forecast month, at P80); setting one replaces the address's, keeping the screen.
 */
export const usePeriodRoute = (): PeriodRoute => {
  const route = useRoute();
  const period = route.query.period ?? DEFAULT_LEVERS.period;
  const quantile = route.query.quantile ?? DEFAULT_QUANTILE;
  const go = useCallback((next: PeriodQuery) => replaceRoute(hrefOf(route.screen, route.param, next)), [route.screen, route.param]);
  return {
    period,
    quantile,
    setPeriod: (p) => go({ period: p, quantile }),
    setQuantile: (q) => go({ period, quantile: q }),
    hrefWith: (screen, param) => hrefOf(screen, param, { period, quantile }),
  };
};
