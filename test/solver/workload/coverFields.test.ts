import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Highs } from 'highs';
import { coverFields, type CoverField, type CoverPerson } from '../../../solver/workload/coverFields.ts';

interface CoverCase {
  readonly description: string;
  readonly people: CoverPerson[];
  readonly fields: CoverField[];
  readonly expectedUncovered?: Record<string, number>;
  readonly expectedUncoveredTotal?: number;
}

const dir = join(import.meta.dirname, '../../cases/workload/cover');
const cases = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  .map((file) => ({ file, c: JSON.parse(readFileSync(join(dir, file), 'utf8')) as CoverCase }));

/** Checks the invariants every allocation keeps. */
const checkInvariants = (people: readonly CoverPerson[], fields: readonly CoverField[]): void => {
  const cover = coverFields(people, fields);
  const capacity = (id: string): number => people.filter((p) => p.fields.includes(id)).reduce((s, p) => s + p.hours, 0);
  cover.forEach((c, i) => {
    const f = fields[i] as CoverField;
    expect(c.coveredHours + c.uncoveredHours).toBeCloseTo(f.requiredHours, 6);
    expect(c.uncoveredHours).toBeGreaterThanOrEqual(0);
    expect(c.coveredHours).toBeLessThanOrEqual(capacity(f.field) + 1e-4);
  });
  const total = cover.reduce((s, c) => s + c.coveredHours, 0);
  expect(total).toBeLessThanOrEqual(people.reduce((s, p) => s + p.hours, 0) + 1e-4);
};

describe('coverFields: named cases in test/cases/workload/cover', () => {
  for (const { file, c } of cases) {
    it(`${file}: ${c.description}`, () => {
      const cover = coverFields(c.people, c.fields);
      if (c.expectedUncovered !== undefined) {
        for (const [field, hours] of Object.entries(c.expectedUncovered)) {
          expect(cover.find((x) => x.field === field)?.uncoveredHours).toBeCloseTo(hours, 4);
        }
      }
      if (c.expectedUncoveredTotal !== undefined) {
        expect(cover.reduce((s, x) => s + x.uncoveredHours, 0)).toBeCloseTo(c.expectedUncoveredTotal, 4);
      }
      checkInvariants(c.people, c.fields);
    });
  }
});

describe('coverFields', () => {
  it('a center without staff leaves every field uncovered', () => {
    const cover = coverFields([], [{ field: 'land', requiredHours: 12, priority: 1 }]);
    expect(cover).toEqual([{ field: 'land', coveredHours: 0, uncoveredHours: 12 }]);
  });

  it('rejects a non-positive priority, naming the field', () => {
    expect(() => coverFields([{ hours: 1, fields: ['a'] }], [{ field: 'a', requiredHours: 1, priority: 0 }]))
      .toThrow(/priority of a must be > 0, got 0/);
  });

  describe('agrees with HiGHS on random centers (an independent LP solver)', () => {
    let highs: Highs;
    beforeAll(async () => {
      // Node loads the package's CommonJS build, whose module.exports is the loader; its types say
      // `export default`, which NodeNext reads as one level deeper.
      const mod = (await import('highs')) as unknown as { default: () => Promise<Highs> };
      highs = await mod.default();
    });

    const toLp = (people: readonly CoverPerson[], fields: readonly CoverField[]): string => {
      const terms: string[] = [];
      const rows: string[] = [];
      const byField = new Map<string, string[]>();
      people.forEach((p, i) => {
        const vars = [...new Set(p.fields)].filter((f) => fields.some((g) => g.field === f)).map((f) => `x${i}_${f}`);
        for (const v of vars) {
          const f = v.slice(v.indexOf('_') + 1);
          terms.push(`${fields.find((g) => g.field === f)?.priority ?? 1} ${v}`);
          byField.set(f, [...(byField.get(f) ?? []), v]);
        }
        if (vars.length > 0) rows.push(` p${i}: ${vars.join(' + ')} <= ${p.hours}`);
      });
      for (const f of fields) {
        const vars = byField.get(f.field) ?? [];
        if (vars.length > 0) rows.push(` f_${f.field}: ${vars.join(' + ')} <= ${f.requiredHours}`);
      }
      return `Maximize\n obj: ${terms.length > 0 ? terms.join(' + ') : '0 zero'}\nSubject To\n${rows.join('\n')}\nEnd\n`;
    };

    it('same priority-weighted covered hours on 60 random instances', () => {
      const ids = ['a', 'b', 'c', 'd', 'e'];
      const instance = fc.record({
        people: fc.array(fc.record({
          hours: fc.integer({ min: 0, max: 150 }),
          fields: fc.subarray(ids, { minLength: 1 }),
        }), { minLength: 1, maxLength: 8 }),
        required: fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 5, maxLength: 5 }),
        priority: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 5, maxLength: 5 }),
      });
      fc.assert(fc.property(instance, ({ people, required, priority }) => {
        const fields = ids.map((field, i) => ({ field, requiredHours: required[i] ?? 0, priority: priority[i] ?? 1 }));
        const cover = coverFields(people, fields);
        const ours = cover.reduce((s, c, i) => s + c.coveredHours * (fields[i]?.priority ?? 1), 0);
        const result = highs.solve(toLp(people, fields));
        expect(result.Status).toBe('Optimal');
        expect(ours).toBeCloseTo(result.ObjectiveValue, 3);
        checkInvariants(people, fields);
      }), { numRuns: 60 });
    });
  });
});
