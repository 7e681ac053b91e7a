import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../../solver/forecast/nelderMead.ts';

describe('nelderMead', () => {
  it('finds the minimum of a shifted quadratic bowl', () => {
    const r = nelderMead((x) => (x[0] - 1) ** 2 + 3 * (x[1] + 2) ** 2, [0, 0], { maxEvaluations: 500, tolerance: 1e-12 });
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(-2, 4);
    expect(r.converged).toBe(true);
  });

  it('finds the minimum of the Rosenbrock function at (1, 1)', () => {
    const r = nelderMead((x) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2, [-1.2, 1], { maxEvaluations: 2000, tolerance: 1e-14, step: 0.5 });
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
    expect(r.value).toBeLessThan(1e-6);
  });

  it('stays inside the box and stops on its boundary when the minimum lies outside', () => {
    const seen: number[][] = [];
    const r = nelderMead(
      (x) => {
        seen.push(Array.from(x));
        return (x[0] - 5) ** 2 + (x[1] - 0.5) ** 2;
      },
      [0.2, 0.2],
      { lower: [0, 0], upper: [1, 1], maxEvaluations: 400, tolerance: 1e-12 },
    );
    expect(seen.every(([a, b]) => (a as number) >= 0 && (a as number) <= 1 && (b as number) >= 0 && (b as number) <= 1)).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(0.5, 3);
  });

  it('never spends more evaluations than its budget', () => {
    const r = nelderMead((x) => Math.sin(x[0]) * Math.cos(x[1]) + x[2] ** 2, [1, 1, 1], { maxEvaluations: 25 });
    expect(r.evaluations).toBeLessThanOrEqual(25 + 3);
  });

  it('treats a non-finite objective as worse than any finite value', () => {
    const r = nelderMead((x) => (x[0] < 0 ? Number.NaN : (x[0] - 2) ** 2), [1], { maxEvaluations: 200, tolerance: 1e-12 });
    expect(r.x[0]).toBeCloseTo(2, 4);
  });
});
