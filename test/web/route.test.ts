import { describe, expect, it } from 'vitest';
import { hrefOf, parseHash } from '../../web/src/route.ts';

describe('hash routes', () => {
  it('reads the screen and its parameter, and falls back to the overview', () => {
    expect(parseHash('#/center/11311')).toEqual({ screen: 'center', param: '11311' });
    expect(parseHash('')).toEqual({ screen: 'overview', param: undefined });
    expect(parseHash('#/nowhere')).toEqual({ screen: 'overview', param: undefined });
  });

  it('round-trips a parameter that needs escaping', () => {
    expect(parseHash(hrefOf('planner', 'a b/c'))).toEqual({ screen: 'planner', param: 'a b/c' });
  });
});
