import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  agentsForTarget, erlangB, meanWaitSeconds, probabilityOfWaiting, serviceLevel,
} from '../../../solver/workload/erlangC.ts';

/*
 * Reference values. The classic textbook case of call-centre staffing texts: 100 calls per half
 * hour of 180 s each = 10 Erlangs, 20 s answer target, 11 to 14 agents (P(wait) about 68%, 45%,
 * 29%, 17%). Every figure below was computed independently of the code under test with
 * the factorial form of Erlang C, C = (A^N/N! N/(N-A)) / (sum_{k<N} A^k/k! + A^N/N! N/(N-A)),
 * in Python (exact fractions for the large case).
 */
const classic = { arrivalsPerHour: 200, minutesPerService: 3 }; // A = 200 x 3 / 60 = 10 Erlangs
const cases = [
  { name: 'A = 10, N = 11', load: classic, n: 11, c: 0.682118, asa: 122.7813, sl20: 0.389614 },
  { name: 'A = 10, N = 12', load: classic, n: 12, c: 0.449388, asa: 40.4449, sl20: 0.640158 },
  { name: 'A = 10, N = 13', load: classic, n: 13, c: 0.28527, asa: 17.1162, sl20: 0.795595 },
  { name: 'A = 10, N = 14', load: classic, n: 14, c: 0.174132, asa: 7.8359, sl20: 0.88835 },
];

describe('Erlang C against independently computed values', () => {
  for (const k of cases) {
    it(`${k.name}: P(wait) ${k.c}, mean wait ${k.asa} s, P(wait <= 20 s) ${k.sl20}`, () => {
      expect(probabilityOfWaiting(k.load, k.n)).toBeCloseTo(k.c, 5);
      expect(meanWaitSeconds(k.load, k.n)).toBeCloseTo(k.asa, 3);
      expect(serviceLevel(k.load, k.n, 20)).toBeCloseTo(k.sl20, 5);
    });
  }

  it('A = 2 (20 arrivals/hour of 6 min), N = 3: P(wait) = 4/9, mean wait 160 s, P(wait <= 60 s) 0.623786', () => {
    const load = { arrivalsPerHour: 20, minutesPerService: 6 };
    expect(probabilityOfWaiting(load, 3)).toBeCloseTo(4 / 9, 10);
    expect(meanWaitSeconds(load, 3)).toBeCloseTo(160, 8);
    expect(serviceLevel(load, 3, 60)).toBeCloseTo(0.623786, 5);
  });

  it('stays exact at large traffic: A = 500, N = 520 gives P(wait) 0.2747563 (exact fractions)', () => {
    const load = { arrivalsPerHour: 6000, minutesPerService: 5 }; // 6000 x 5 / 60 = 500 Erlangs
    expect(probabilityOfWaiting(load, 520)).toBeCloseTo(0.2747563446965241, 9);
  });

  it('Erlang B of 1 server is A / (1 + A)', () => {
    expect(erlangB(1, 3)).toBeCloseTo(0.75, 12);
  });
});

describe('agentsForTarget', () => {
  it('the classic case needs 14 agents for 80% within 20 s and 15 for 90% (13 gives 79.56%)', () => {
    expect(agentsForTarget({ ...classic, targetWaitSeconds: 20, serviceLevel: 0.8 })).toBe(14);
    expect(agentsForTarget({ ...classic, targetWaitSeconds: 20, serviceLevel: 0.9 })).toBe(15);
  });

  it('a mean-wait target picks the first N whose mean wait is within it (A = 10: 13 for 20 s, 14 for 10 s)', () => {
    expect(agentsForTarget({ ...classic, targetWaitSeconds: 20 })).toBe(13);
    expect(agentsForTarget({ ...classic, targetWaitSeconds: 10 })).toBe(14);
  });

  it('a service center: 30 citizens/hour of 12 min (A = 6) wait 15 min on average or less with 7 counters', () => {
    // N = 7: C = 0.6138301, mean wait = 0.6138301 x 720 s / 1 = 442 s <= 900 s; N = 6 is unstable.
    const load = { arrivalsPerHour: 30, minutesPerService: 12 };
    expect(meanWaitSeconds(load, 7)).toBeCloseTo(0.6138301231449321 * 720, 6);
    expect(agentsForTarget({ ...load, targetWaitSeconds: 900 })).toBe(7);
  });

  it('nobody arriving needs no counter', () => {
    expect(agentsForTarget({ arrivalsPerHour: 0, minutesPerService: 5, targetWaitSeconds: 60 })).toBe(0);
  });

  it('never returns an unstable count, and one counter fewer misses the target (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 400, noNaN: true }),
        fc.double({ min: 1, max: 30, noNaN: true }),
        fc.double({ min: 10, max: 1800, noNaN: true }),
        fc.option(fc.double({ min: 0.5, max: 0.99, noNaN: true }), { nil: undefined }),
        (arrivalsPerHour, minutesPerService, targetWaitSeconds, level) => {
          const target = level === undefined
            ? { arrivalsPerHour, minutesPerService, targetWaitSeconds }
            : { arrivalsPerHour, minutesPerService, targetWaitSeconds, serviceLevel: level };
          const n = agentsForTarget(target);
          const a = (arrivalsPerHour * minutesPerService) / 60;
          if (n <= a) return false;
          const misses = (m: number): boolean => m <= a || (level === undefined
            ? meanWaitSeconds(target, m) > targetWaitSeconds
            : serviceLevel(target, m, targetWaitSeconds) < level);
          return !misses(n) && (n === 1 || misses(n - 1));
        },
      ),
    );
  });

  it('unstable counts report certain waiting, infinite mean wait and zero service level', () => {
    expect(probabilityOfWaiting(classic, 10)).toBe(1);
    expect(meanWaitSeconds(classic, 9)).toBe(Number.POSITIVE_INFINITY);
    expect(serviceLevel(classic, 10, 600)).toBe(0);
  });

  it('rejects bad inputs naming the function and the value', () => {
    expect(() => probabilityOfWaiting({ arrivalsPerHour: -1, minutesPerService: 5 }, 2)).toThrow(/probabilityOfWaiting: arrivalsPerHour .* got -1/);
    expect(() => meanWaitSeconds({ arrivalsPerHour: 1, minutesPerService: 0 }, 2)).toThrow(/minutesPerService .* got 0/);
    expect(() => serviceLevel(classic, 2.5, 20)).toThrow(/agents must be an integer >= 1, got 2.5/);
    expect(() => agentsForTarget({ ...classic, targetWaitSeconds: 20, serviceLevel: 1 })).toThrow(/serviceLevel must be in \(0, 1\), got 1/);
    expect(() => agentsForTarget({ ...classic, targetWaitSeconds: 0 })).toThrow(/mean wait of 0 s/);
  });
});
