/** Screens are addressed by the URL hash (`#/center/11311`), so links, back and reload work without a server route. */
import { useEffect, useState } from 'react';

export type Screen = 'overview' | 'center' | 'planner' | 'compare' | 'check' | 'data';
export const SCREENS: readonly Screen[] = ['overview', 'center', 'planner', 'compare', 'check', 'data'];

export interface Route {
  readonly screen: Screen;
  /** The second path segment: a center code, a scenario id. */
  readonly param: string | undefined;
}

export const parseHash = (hash: string): Route => {
  const [screen, param] = hash.replace(/^#\/?/, '').split('/');
  const known = SCREENS.find((s) => s === screen);
  return { screen: known ?? 'overview', param: param ? decodeURIComponent(param) : undefined };
};

export const hrefOf = (screen: Screen, param?: string): string => `#/${screen}${param ? `/${encodeURIComponent(param)}` : ''}`;

export const useRoute = (): Route => {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
};
