import { describe, expect, it } from 'vitest';
import type { HistoryRow } from '../../solver/domain.ts';
import type { CenterSeriesForecast } from '../../web/src/api.ts';
import { forecastTotals, historyTotals } from '../../web/src/seriesMath.ts';

const row = (month: string, field: string, channel: 'direct' | 'online', received: number): HistoryRow => ({
  centerCode: '11311',
  month,
  field,
  channel,
  received,
  resolvedOnTime: received,
  resolvedLate: 0,
  pending: 0,
});

const series = (field: string, channel: 'direct' | 'online', mean: number, sd: number): CenterSeriesForecast => ({
  centerCode: '11311',
  field,
  channel,
  months: ['2026-11'],
  method: 'seasonal_naive',
  mean: [mean],
  lo80: [mean - 1.2816 * sd],
  hi80: [mean + 1.2816 * sd],
  lo95: [mean - 1.96 * sd],
  hi95: [mean + 1.96 * sd],
  backtest: [],
});

describe('historyTotals', () => {
  it('sums the received dossiers of the kept fields and channels per month, months ascending', () => {
    const rows = [row('2026-02', 'land', 'direct', 5), row('2026-01', 'land', 'online', 2), row('2026-01', 'land', 'direct', 3), row('2026-01', 'certification', 'direct', 7)];
    expect(historyTotals(rows, { field: 'land', channel: undefined })).toEqual([
      { month: '2026-01', value: 5 },
      { month: '2026-02', value: 5 },
    ]);
    expect(historyTotals(rows, { field: undefined, channel: 'direct' })).toEqual([
      { month: '2026-01', value: 10 },
      { month: '2026-02', value: 5 },
    ]);
  });
});

describe('forecastTotals', () => {
  it('keeps the bounds of a single series as the forecast gave them', () => {
    const s = { ...series('land', 'direct', 10, 4), lo95: [0] };
    expect(forecastTotals([s], { field: 'land', channel: 'direct' })[0]?.lo95).toBe(0);
  });

  it('adds independent series in quadrature: two sd 3 and 4 give sd 5', () => {
    const [p] = forecastTotals([series('land', 'direct', 100, 3), series('land', 'online', 50, 4)], { field: 'land', channel: undefined });
    expect(p?.mean).toBe(150);
    expect(p?.hi95).toBeCloseTo(150 + 1.959964 * 5, 2);
    expect(p?.lo80).toBeCloseTo(150 - 1.281552 * 5, 2);
  });
});
