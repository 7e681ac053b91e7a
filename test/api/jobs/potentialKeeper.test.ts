/**
 * A worker's transfer potential: computed once, kept beside the forecasts, read back by any other
 * worker (a new keeper on the same folder) instead of solved again; a damaged file is computed again.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { potentialKeeper } from '../../../api/jobs/potentialKeeper.ts';
import { syntheticCity } from '../../../solver/plan/syntheticCity.ts';
import type { TransferPotential } from '../../../solver/plan/transferPotential.ts';

const input = syntheticCity({ seed: 3, centers: 6, staffPerCenter: 4 });
const potential: TransferPotential = { uncoveredAtBest: 1234.5, remainingByField: { land: 12.25 }, seconds: 0.4 };
const counted = () => {
  let calls = 0;
  return { compute: (): TransferPotential => ((calls += 1), potential), calls: () => calls };
};

/** A folder where one worker has computed and kept the potential of `input`. */
const keptByOneWorker = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'potential-'));
  potentialKeeper(dir)('a', input, counted().compute);
  return dir;
};

describe('the transfer potential a worker uses', () => {
  it('is computed once per workload, then taken from memory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'potential-'));
    const keep = potentialKeeper(dir);
    const c = counted();
    expect(keep('a', input, c.compute)).toEqual(potential);
    expect(keep('a', input, c.compute)).toEqual(potential);
    expect(c.calls()).toBe(1);
  });

  it('is read back from its prepared file by another worker instead of being solved again', () => {
    const dir = keptByOneWorker();
    const other = counted();
    expect(potentialKeeper(dir)('a', input, other.compute)).toEqual(potential);
    expect(other.calls()).toBe(0);
  });

  it('is computed again when its prepared file is damaged', () => {
    const dir = keptByOneWorker();
    for (const file of readdirSync(dir)) writeFileSync(join(dir, file), 'not a prepared file');
    const other = counted();
    expect(potentialKeeper(dir)('a', input, other.compute)).toEqual(potential);
    expect(other.calls()).toBe(1);
  });

  it('of another input is not the kept one', () => {
    const dir = keptByOneWorker();
    const other = counted();
    potentialKeeper(dir)('b', syntheticCity({ seed: 4, centers: 6, staffPerCenter: 4 }), other.compute);
    expect(other.calls()).toBe(1);
  });
});
