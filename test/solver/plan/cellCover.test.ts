/**
 * The cell-cover inequality (cellCover.ts): valid for every whole group of people at a center, and
 * stronger than the hours rows where a cell needs a part of a person.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellCover, cellCoverCoefficient } from '../../../solver/plan/cellCover.ts';

const H = 140.8;

describe('the cell-cover inequality of a demand cell', () => {
  it('holds for every whole group of people: least uncovered hours plus their coefficients reach the right-hand side', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 6 * H, noNaN: true }),
        fc.array(fc.constantFrom(0.5, 0.8, 1), { maxLength: 8 }),
        fc.integer({ min: 0, max: 3 }),
        (required, ftes, hires) => {
          const cell = cellCover(required, H);
          if (cell === null) return;
          const hours = H * (ftes.reduce((s, f) => s + f, 0) + hires);
          const leastUncovered = Math.max(0, required - hours);
          const lhs = leastUncovered + ftes.reduce((s, f) => s + cellCoverCoefficient(cell, H, f), 0) + hires * cellCoverCoefficient(cell, H, 1);
          expect(lhs).toBeGreaterThanOrEqual(cell.rhs - 1e-9 * Math.max(1, cell.rhs));
        },
      ),
      { numRuns: 2000, seed: 14 },
    );
  });

  it('leaves a quarter of an FTE uncovered when one and a half full-time people serve a cell of 1.5 FTE', () => {
    // The hours rows alone let 1.5 people cover 1.5 FTE of it exactly; whole people cannot.
    const cell = cellCover(1.5 * H, H);
    expect(cell).not.toBeNull();
    if (cell === null) return;
    const leastUncovered = cell.rhs - 1.5 * cellCoverCoefficient(cell, H, 1);
    expect(leastUncovered).toBeCloseTo(0.25 * H, 6);
  });

  it('is left out for a cell of whole FTE, where the hours rows already imply it', () => {
    expect(cellCover(2 * H, H)).toBeNull();
    expect(cellCover(0, H)).toBeNull();
  });
});
