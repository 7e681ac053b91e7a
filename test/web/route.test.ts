import { describe, expect, it } from 'vitest';
import { hrefOf, parseHash } from '../../web/src/route.ts';

describe('hash routes', () => {
  it('reads the screen and its parameter, and falls back to the overview', () => {
    expect(parseHash('#/center/11311')).toEqual({ screen: 'center', param: '11311', query: {} });
    expect(parseHash('')).toEqual({ screen: 'overview', param: undefined, query: {} });
    expect(parseHash('#/nowhere')).toEqual({ screen: 'overview', param: undefined, query: {} });
  });

  it('round-trips a parameter that needs escaping', () => {
    expect(parseHash(hrefOf('planner', 'a b/c'))).toEqual({ screen: 'planner', param: 'a b/c', query: {} });
  });

  it('keeps the period and forecast level in the address, and round-trips them', () => {
    expect(hrefOf('center', '11446', { period: '2026-12', quantile: 0.95 })).toBe('#/center/11446?period=2026-12&quantile=0.95');
    expect(parseHash('#/center/11446?period=2026-12&quantile=0.95')).toEqual({ screen: 'center', param: '11446', query: { period: '2026-12', quantile: 0.95 } });
  });

  it('leaves out a period that is not a month and a level that is not a share', () => {
    expect(parseHash('#/overview?period=2026-13&quantile=80').query).toEqual({});
    expect(parseHash('#/overview?period=soon').query).toEqual({});
  });
});
