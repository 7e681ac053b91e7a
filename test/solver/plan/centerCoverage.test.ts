import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { centerCoverage } from '../../../solver/plan/centerCoverage.ts';
import { solveWithJsLpSolver } from '../../../solver/plan/solveWithJsLpSolver.ts';
import { linearModelBuilder } from '../../../solver/plan/linearModel.ts';

/** The same quantity as an LP: maximise sum_f priority_f * sum_p h_pf (written as a minimisation). */
const byLp = (required: number[], priority: number[], people: { capacity: number; fields: number[] }[]): number => {
  const b = linearModelBuilder();
  const cover: [number, number][][] = required.map(() => []);
  people.forEach((person, p) => {
    const terms: [number, number][] = [];
    for (const f of person.fields) {
      const col = b.addColumn({ name: `h${p}_${f}`, cost: -(priority[f] ?? 1), lower: 0, upper: Infinity, integer: false });
      terms.push([col, 1]);
      cover[f]?.push([col, 1]);
    }
    b.addRow(`cap${p}`, -Infinity, person.capacity, terms);
  });
  required.forEach((r, f) => b.addRow(`req${f}`, -Infinity, r, cover[f] ?? []));
  return -(solveWithJsLpSolver(b.build()).objective ?? NaN);
};

describe('centerCoverage', () => {
  it('filling fields in priority order gives the LP optimum of priority-weighted covered hours', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.record({ capacity: fc.integer({ min: 0, max: 160 }), fields: fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 3 }) }), { maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 5, maxLength: 5 }),
        (required, rawPeople, priority) => {
          const people = rawPeople.map((p) => ({ capacity: p.capacity, fields: p.fields.filter((f) => f < required.length) }));
          const got = centerCoverage(required, priority.slice(0, required.length), people);
          expect(got).toBeCloseTo(byLp(required, priority.slice(0, required.length), people), 4);
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });

  it('a center with nobody covers nothing', () => {
    expect(centerCoverage([100, 50], [1, 2], [])).toBe(0);
  });
});
