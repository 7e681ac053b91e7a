import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../solver/csv.ts';
import { readExternalSeries } from '../../bench/external/readExternalSeries.ts';

const dir = new URL('../../bench/external/', import.meta.url);
const seriesText = readFileSync(new URL('monthly-series.csv', dir), 'utf8');
const infoText = readFileSync(new URL('series-info.csv', dir), 'utf8');

describe('the committed external benchmark series (bench/external/monthly-series.csv)', () => {
  const read = readExternalSeries('monthly-series.csv', seriesText, 12);

  it('reads without a problem', () => {
    expect(read.ok ? [] : read.problems).toEqual([]);
  });

  const series = read.ok ? read.series : [];

  it('holds at least 30 series, each with at least 36 training months and 12 held out', () => {
    expect(series.length).toBeGreaterThanOrEqual(30);
    for (const s of series) {
      expect(s.train.length, s.id).toBeGreaterThanOrEqual(36);
      expect(s.test.length, s.id).toBe(12);
    }
  });

  it('lists the same series, in the same order and with the same first month and length, as series-info.csv', () => {
    const info = readCsv('series-info.csv', infoText, ['series_id', 'first_month', 'n_train']);
    expect(info.ok).toBe(true);
    const rows = info.ok ? info.table.rows : [];
    expect(rows.map((r) => [r.cells['series_id'], r.cells['first_month'], Number(r.cells['n_train'])])).toEqual(
      series.map((s) => [s.id, s.firstMonth, s.train.length]),
    );
  });

  it('holds no two identical series', () => {
    const keys = series.map((s) => `${s.firstMonth}:${[...s.train, ...s.test].join(',')}`);
    expect(new Set(keys).size).toBe(series.length);
  });

  it('has a seasonal naive scale above 0 for every series, so MASE is defined', () => {
    for (const s of series) {
      const moved = s.train.slice(12).some((v, t) => v !== s.train[t]);
      expect(moved, s.id).toBe(true);
    }
  });
});

describe('readExternalSeries', () => {
  const header = 'series_id,month,value,split,ets,arima,theta';
  const good = (id: string): string[] => [
    `${id},2000-11,1,train,,,`,
    `${id},2000-12,2,train,,,`,
    `${id},2001-01,3,test,3.1,2.9,3`,
    `${id},2001-02,4,test,4.2,3.8,4`,
  ];

  it('reads well-formed series with their train, test and forecasts', () => {
    const read = readExternalSeries('t.csv', [header, ...good('a'), ...good('b')].join('\n'), 2);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.series.map((s) => s.id)).toEqual(['a', 'b']);
    expect(read.series[0]).toEqual({ id: 'a', firstMonth: '2000-11', train: [1, 2], test: [3, 4], standard: { ets: [3.1, 4.2], arima: [2.9, 3.8], theta: [3, 4] } });
  });

  it('refuses a gap in the months, naming the line', () => {
    const rows = good('a');
    rows[1] = 'a,2001-03,2,train,,,';
    const read = readExternalSeries('t.csv', [header, ...rows].join('\n'), 2);
    expect(read.ok ? [] : read.problems.map((p) => [p.line, p.column])).toContainEqual([3, 'month']);
  });

  it('refuses a missing forecast on a test row', () => {
    const rows = good('a');
    rows[3] = 'a,2001-02,4,test,4.2,,4';
    const read = readExternalSeries('t.csv', [header, ...rows].join('\n'), 2);
    expect(read.ok ? [] : read.problems.map((p) => [p.line, p.column])).toEqual([[5, 'arima']]);
  });

  it('refuses a series whose held-out months are not the horizon', () => {
    const read = readExternalSeries('t.csv', [header, ...good('a')].join('\n'), 3);
    expect(read.ok).toBe(false);
  });

  it('refuses a non-numeric value and a series split into two runs of rows', () => {
    const rows = [...good('a').slice(0, 2), ...good('b'), ...good('a').slice(2)];
    rows[0] = 'a,2000-11,x,train,,,';
    const read = readExternalSeries('t.csv', [header, ...rows].join('\n'), 2);
    const columns = read.ok ? [] : read.problems.map((p) => p.column);
    expect(columns).toContain('series_id');
  });
});
