/**
 * The generator is deterministic: running it again, in another process or in this one, gives the
 * committed files byte for byte. Its building blocks keep their own promises.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../data/gen/allocate.ts';
import { generateTables } from '../../data/gen/generateTables.ts';
import { onTimeCountFor } from '../../data/gen/outcomes.ts';
import { randomStream } from '../../data/gen/random.ts';
import { DATA_DIR } from './embeddedTables.ts';

const ROOT = join(DATA_DIR, '..', '..');
const FILES = ['centers.csv', 'fields.csv', 'history.csv', 'staff.csv'] as const;
const committed = (file: string): string => readFileSync(join(DATA_DIR, file), 'utf8');

describe('data/generate.ts', () => {
  it('writes files byte-identical to the committed dataset when run as `npm run data` does', () => {
    const out = mkdtempSync(join(tmpdir(), 'haiphong-'));
    try {
      execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'data', 'generate.ts'), '--out', out], { cwd: ROOT, stdio: 'pipe' });
      for (const file of FILES) expect(readFileSync(join(out, file), 'utf8') === committed(file), file).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 180_000);

  it('gives the same bytes again when called in this process', () => {
    const tables = generateTables(readFileSync(join(ROOT, 'data', 'sources', 'haiphong_units.csv'), 'utf8'));
    for (const file of FILES) expect(tables[file] === committed(file), file).toBe(true);
  }, 120_000);

  it('keeps the real facts of every unit from the source table', () => {
    const source = readFileSync(join(ROOT, 'data', 'sources', 'haiphong_units.csv'), 'utf8').trim().split(/\r?\n/);
    const centers = committed('centers.csv').trim().split('\n');
    expect(centers.length).toBe(source.length);
    source.forEach((line, i) => expect(centers[i]?.startsWith(line)).toBe(true));
  });
});

describe('randomStream', () => {
  it('gives the same draws for the same seed and key', () => {
    const a = randomStream(7, 'series:11446:land');
    const b = randomStream(7, 'series:11446:land');
    expect(Array.from({ length: 20 }, () => a.uniform())).toEqual(Array.from({ length: 20 }, () => b.uniform()));
  });

  it('gives different draws for a different key or seed', () => {
    const first = randomStream(7, 'x').uniform();
    expect(randomStream(7, 'y').uniform()).not.toBe(first);
    expect(randomStream(8, 'x').uniform()).not.toBe(first);
  });

  it('draws Poisson counts whose mean is the asked mean (within 2% over 20,000 draws)', () => {
    for (const mean of [3, 250]) {
      const random = randomStream(1, `poisson:${mean}`);
      const draws = Array.from({ length: 20_000 }, () => random.poisson(mean));
      expect(Math.abs(draws.reduce((a, b) => a + b, 0) / draws.length / mean - 1)).toBeLessThan(0.02);
    }
  });

  it('draws mean-one gamma multipliers with the asked spread (sd 1/sqrt(shape), within 5%)', () => {
    const random = randomStream(1, 'gamma');
    const draws = Array.from({ length: 20_000 }, () => random.gammaMeanOne(70));
    const m = draws.reduce((a, b) => a + b, 0) / draws.length;
    const sd = Math.sqrt(draws.reduce((a, b) => a + (b - m) ** 2, 0) / draws.length);
    expect(Math.abs(m - 1)).toBeLessThan(0.01);
    expect(Math.abs(sd * Math.sqrt(70) - 1)).toBeLessThan(0.05);
  });
});

describe('allocate', () => {
  it('splits a total into integer parts that add up to it, each within 1 of its exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 30 }), (total, weights) => {
        const parts = allocate(total, weights);
        const sum = weights.reduce((a, b) => a + b, 0);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        parts.forEach((p, i) => {
          expect(Number.isInteger(p)).toBe(true);
          expect(Math.abs(p - (total * (weights[i] ?? 0)) / sum)).toBeLessThan(1);
        });
      }),
    );
  });

  it('never exceeds a cap and gives nothing to a zero weight', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 10, noNaN: true }), fc.integer({ min: 0, max: 50 })), { minLength: 1, maxLength: 20 }), (pairs) => {
        const weights = pairs.map(([w]) => w);
        const caps = pairs.map(([, c]) => c);
        const capacity = pairs.reduce((s, [w, c]) => s + (w > 0 ? c : 0), 0);
        const parts = allocate(Math.floor(capacity / 2), weights, caps);
        parts.forEach((p, i) => {
          expect(p).toBeLessThanOrEqual(caps[i] ?? 0);
          if ((weights[i] ?? 0) === 0) expect(p).toBe(0);
        });
        expect(parts.reduce((a, b) => a + b, 0)).toBe(Math.floor(capacity / 2));
      }),
    );
  });

  it('refuses a total larger than the capped parts can hold', () => {
    expect(() => allocate(10, [1, 1], [3, 3])).toThrow(/exceeds the capacity 6/);
  });
});

describe('onTimeCountFor', () => {
  it('finds the on-time count whose share rounds to the published 95.35%', () => {
    const count = onTimeCountFor(2988, 0.9535);
    expect(((count / 2988) * 100).toFixed(2)).toBe('95.35');
  });

  it('refuses a total too small to show a share to 0.01%', () => {
    expect(() => onTimeCountFor(7, 0.9535)).toThrow(/no count of 7 resolved gives 95.35% on time/);
  });
});
