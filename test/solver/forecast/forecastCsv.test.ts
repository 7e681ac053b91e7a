import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../solver/csv.ts';
import { evaluatedCells, rawCells } from '../../spreadsheetCells.ts';
import { forecastCsv, FORECAST_OUTPUT_COLUMNS } from '../../../solver/forecast/forecastCsv.ts';

const CASES = new URL('../../cases/forecast/', import.meta.url);
const run = (name: string, horizon = 3) => forecastCsv(name, readFileSync(new URL(name, CASES), 'utf8'), { horizon });
const outputRows = (csv: string) => {
  const table = readCsv('out.csv', csv, FORECAST_OUTPUT_COLUMNS);
  if (!table.ok) throw new Error('output is not the documented CSV');
  return table.table.rows.map((r) => r.cells);
};

describe('forecastCsv', () => {
  it('forecasts every series of a good file, months continuing after each series\' last month', () => {
    const r = run('two-series.csv');
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.succeeded).toBe(2);
    expect(r.errors).toEqual([]);
    const rows = outputRows(r.csv);
    expect(rows.map((c) => `${c['series_id']} ${c['month']}`)).toEqual([
      'north 2025-07', 'north 2025-08', 'north 2025-09',
      'south 2026-01', 'south 2026-02', 'south 2026-03',
    ]);
    for (const c of rows) {
      expect(Number(c['lo95'])).toBeLessThanOrEqual(Number(c['mean']));
      expect(Number(c['hi95'])).toBeGreaterThanOrEqual(Number(c['mean']));
      expect(c['method']).not.toBe('');
    }
  });

  it('reports missing months as gaps and still forecasts the series', () => {
    const r = run('gaps.csv');
    if (!r.ok) throw new Error('unusable');
    expect(r.succeeded).toBe(1);
    expect(r.notes).toEqual(['gaps.csv: series "gappy": 3 missing month(s) filled by interpolation: 2023-06, 2023-07, 2024-06']);
  });

  it('names file, line and value of a non-numeric value, and forecasts the other series', () => {
    const r = run('bad-value.csv');
    if (!r.ok) throw new Error('unusable');
    expect(r.succeeded).toBe(1);
    expect(r.failed).toBe(1);
    expect(r.errors[0]).toBe('bad-value.csv:35 column value value "abc": series "bad": not a number');
    expect(outputRows(r.csv).every((c) => c['series_id'] === 'good')).toBe(true);
  });

  it('names a month that is not YYYY-MM', () => {
    const r = run('bad-month.csv');
    if (!r.ok) throw new Error('unusable');
    expect(r.errors[0]).toBe('bad-month.csv:36 column month value "2023-13": series "bad": not a month YYYY-MM');
    expect(r.succeeded).toBe(1);
  });

  it('names a month given twice in a series, with the line of its first occurrence', () => {
    const r = run('duplicate-month.csv');
    if (!r.ok) throw new Error('unusable');
    expect(r.errors[0]).toBe('duplicate-month.csv:62 column month value "2023-02": series "dup": month already given on line 33');
    expect(r.succeeded).toBe(1);
  });

  it('says a series is too short to forecast, and forecasts the others', () => {
    const r = run('too-short.csv');
    if (!r.ok) throw new Error('unusable');
    expect(r.errors).toEqual(['too-short.csv:32: series "short" not forecast: the series is too short: 2 observed value(s), at least 3 needed']);
    expect(r.succeeded).toBe(1);
  });

  it('reads semicolon-separated files with a BOM, decimal commas and Vietnamese series names', () => {
    const r = run('semicolon.csv', 2);
    if (!r.ok) throw new Error('unusable');
    expect(outputRows(r.csv).map((c) => c['series_id'])).toEqual(['Phường Phù Liễn', 'Phường Phù Liễn']);
  });

  it('refuses a file without the value column as unusable', () => {
    const r = run('missing-column.csv');
    expect(r).toEqual({ ok: false, problems: ['missing-column.csv:1 column value: missing column "value"'] });
  });

  it('refuses an empty file and a header without rows as unusable', () => {
    expect(run('empty.csv')).toEqual({ ok: false, problems: ['empty.csv: the file is empty'] });
    expect(run('header-only.csv')).toEqual({ ok: false, problems: ['header-only.csv: no data rows after the header'] });
  });

  it('refuses a horizon that is not a positive integer', () => {
    expect(forecastCsv('x.csv', 'series_id,month,value\n', { horizon: 1.5 }).ok).toBe(false);
  });
});

describe('forecastCsv output in a spreadsheet', () => {
  it('series ids that look like formulas are neutralized, and negative forecasts stay plain numbers', () => {
    const r = run('formula-series-ids.csv');
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.succeeded).toBe(3);
    expect(evaluatedCells(r.csv)).toEqual([]);
    const [, ...rows] = rawCells(r.csv);
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(['\'=HYPERLINK("http://example.invalid","x")', "'-2+3", "'@SUM(1+1)"]));
    const numbers = rows.flatMap((row) => row.slice(2, 7));
    expect(numbers.some((n) => n.startsWith('-'))).toBe(true);
    for (const n of numbers) expect(n).toMatch(/^-?\d+(\.\d+)?$/);
    // and the ids read back as the input gave them
    expect(new Set(outputRows(r.csv).map((c) => c['series_id']))).toEqual(new Set(['=HYPERLINK("http://example.invalid","x")', '-2+3', '@SUM(1+1)']));
  });
});
