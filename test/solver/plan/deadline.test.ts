import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deadline } from '../../../solver/plan/deadline.ts';

/** A clock the test moves by hand (ms). */
const handClock = () => {
  let ms = 0;
  return { now: () => ms, advance: (seconds: number) => { ms += seconds * 1000; } };
};

describe('deadline', () => {
  it('without a clock, time is the seconds charged: 3 s charged of a 10 s limit leave 7 s', () => {
    const d = deadline(10);
    d.charge(3);
    expect(d.elapsed()).toBe(3);
    expect(d.left()).toBe(7);
    expect(d.passed()).toBe(false);
    d.charge(8);
    expect(d.left()).toBe(0);
    expect(d.passed()).toBe(true);
  });

  it('with a clock, time is the clock\'s and charged seconds add nothing (they are already on the clock)', () => {
    const clock = handClock();
    const d = deadline(2, clock.now);
    d.charge(5);
    expect(d.left()).toBe(2);
    clock.advance(1.5);
    expect(d.left()).toBeCloseTo(0.5, 12);
    clock.advance(1);
    expect(d.passed()).toBe(true);
  });

  it('a stage within a deadline ends at its own limit or its parent\'s, whichever comes first, and its charges count for the parent', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 30, noNaN: true }), { maxLength: 6 }),
        fc.boolean(),
        (limit, stageSeconds, steps, clocked) => {
          const clock = handClock();
          const parent = deadline(limit, clocked ? clock.now : undefined);
          const stage = parent.within(stageSeconds);
          let spent = 0;
          for (const s of steps) {
            if (clocked) clock.advance(s);
            else stage.charge(s);
            spent += s;
            expect(stage.left()).toBeLessThanOrEqual(parent.left() + 1e-9);
            expect(stage.left()).toBeCloseTo(Math.max(0, Math.min(stageSeconds, limit) - spent), 6);
            expect(parent.elapsed()).toBeCloseTo(spent, 6);
          }
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });

  it('a limit that is not a number >= 0 is refused, naming the value', () => {
    expect(() => deadline(Number.NaN)).toThrow('deadline: limitSeconds must be a number >= 0, got NaN');
    expect(() => deadline(-1)).toThrow('got -1');
  });
});
