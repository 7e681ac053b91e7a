import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InputProblem } from '../../../solver/domain.ts';
import { aggregateDossiers } from '../../../solver/dataset/aggregateDossiers.ts';
import { parseHistory } from '../../../solver/dataset/parseHistory.ts';
import { fixture, IMPORTS_DIR } from './fixtures.ts';

interface Cases {
  readonly good: readonly { claim: string; file: string; asOf?: string; expected: string }[];
  readonly bad: readonly { claim: string; file: string; problems: Omit<InputProblem, 'file'>[] }[];
}

const cases = JSON.parse(readFileSync(`${IMPORTS_DIR}dossiers/cases.json`, 'utf-8')) as Cases;
const known = { centers: new Set(['11443', '11446', '11629', '11948']), fields: new Set(['certification', 'civil_status', 'land', 'social_protection']) };
const HEADER = 'dossier_id,center_code,field,channel,received_date,due_date,finished_date';

describe('aggregateDossiers on the named cases', () => {
  it.each(cases.good.map((c) => [c.claim, c] as const))('%s', (_claim, c) => {
    const result = aggregateDossiers(fixture(`dossiers/${c.file}`), known, c.asOf === undefined ? {} : { asOf: c.asOf });
    const expected = parseHistory(fixture(`dossiers/${c.expected}`), known);
    expect(expected.problems).toEqual([]);
    expect(result).toEqual({ ok: true, value: expected.rows, warnings: [] });
  });

  it.each(cases.bad.map((c) => [c.claim, c] as const))('%s', (_claim, c) => {
    const result = aggregateDossiers(fixture(`dossiers/${c.file}`), known);
    expect(result).toEqual({ ok: false, problems: c.problems.map((p) => ({ file: c.file, ...p })) });
  });
});

describe('aggregateDossiers', () => {
  it('refuses an as-of date that is not a date, naming the option', () => {
    expect(() => aggregateDossiers(fixture('dossiers/good.csv'), known, { asOf: '2026-02-30' })).toThrow(/asOf.*2026-02-30/);
  });

  it('refuses a dossier received after the as-of date', () => {
    const text = `${HEADER}\nD1,11443,land,online,2026-04-06,2026-04-20,\n`;
    const result = aggregateDossiers({ name: 'x.csv', text }, known, { asOf: '2026-04-05' });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          file: 'x.csv',
          line: 2,
          column: 'received_date',
          value: '2026-04-06',
          message: 'is after the export date 2026-04-05',
          code: 'import.after_export',
          params: { asOf: '2026-04-05' },
        },
      ],
    });
  });

  it('counts every dossier exactly once, and every row balances', () => {
    const dates = fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10));
    const dossier = fc.record({
      center: fc.constantFrom(...known.centers),
      field: fc.constantFrom(...known.fields),
      channel: fc.constantFrom('direct', 'online'),
      received: dates,
      dueAfter: fc.integer({ min: 0, max: 20 }),
      finishedAfter: fc.option(fc.integer({ min: 0, max: 40 })),
    });
    fc.assert(
      fc.property(fc.array(dossier, { minLength: 1, maxLength: 60 }), (dossiers) => {
        const shift = (date: string, days: number): string =>
          new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
        const lines = dossiers.map(
          (d, i) =>
            `D${i},${d.center},${d.field},${d.channel},${d.received},${shift(d.received, d.dueAfter)},` +
            `${d.finishedAfter === null ? '' : shift(d.received, d.finishedAfter)}`,
        );
        const result = aggregateDossiers({ name: 'd.csv', text: [HEADER, ...lines].join('\n') }, known);
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        expect(result.value.reduce((sum, r) => sum + r.received, 0)).toBe(dossiers.length);
        for (const r of result.value) expect(Number(r.resolvedOnTime) + Number(r.resolvedLate) + Number(r.pending)).toBe(r.received);
        const late = dossiers.filter((d) => d.finishedAfter !== null && d.finishedAfter > d.dueAfter).length;
        expect(result.value.reduce((sum, r) => sum + Number(r.resolvedLate), 0)).toBe(late);
      }),
    );
  });

  it('gives the same rows whatever the order of the dossiers', () => {
    const text = readFileSync(`${IMPORTS_DIR}dossiers/good.csv`, 'utf-8').trim().split('\n');
    const reversed = [text[0], ...text.slice(1).reverse()].join('\n');
    const forward = aggregateDossiers(fixture('dossiers/good.csv'), known);
    const backward = aggregateDossiers({ name: 'good.csv', text: reversed }, known);
    expect(backward).toEqual(forward);
  });
});
