import { describe, expect, it } from 'vitest';
import type { Channel, HistoryRow } from '../../../solver/domain.ts';
import { forecastHistory, historySeries } from '../../../solver/forecast/forecastHistory.ts';
import { addMonths } from '../../../solver/forecast/months.ts';

const FACTORS = [0.7, 1.3, 1.1, 1.0, 0.95, 1.0, 1.05, 0.9, 1.0, 1.0, 0.95, 1.05];

/** Three centers x one field x two channels, January 2023 to October 2025, level x 2 from July 2025. */
const history = (): HistoryRow[] => {
  const rows: HistoryRow[] = [];
  for (const [i, centerCode] of ['10001', '10002', '10003'].entries()) {
    for (const channel of ['direct', 'online'] as Channel[]) {
      for (let t = 0; t < 34; t += 1) {
        const month = addMonths('2023-01', t);
        const received = Math.round((100 + 50 * i) * (channel === 'online' ? 0.5 : 1) * (t >= 30 ? 2 : 1) * FACTORS[t % 12]!);
        rows.push({ centerCode, month, field: 'land', channel, received, resolvedOnTime: received, resolvedLate: 0, pending: 0 });
      }
    }
  }
  return rows;
};

describe('forecastHistory', () => {
  it('gives one forecast per center x field x channel, months continuing after the last month', () => {
    const progress: number[] = [];
    const out = forecastHistory(history(), { horizon: 3, breakMonth: '2025-07', onProgress: (done) => progress.push(done) });
    expect(out.map((f) => `${f.centerCode}/${f.channel}`)).toEqual(['10001/direct', '10001/online', '10002/direct', '10002/online', '10003/direct', '10003/online']);
    for (const f of out) expect(f.months).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('forecasts the post-reform level after the July 2025 break', () => {
    const out = forecastHistory(history(), { horizon: 3, breakMonth: '2025-07' });
    const f = out[0]!;
    // New level of center 10001 direct: 200 dossiers a month before seasonality.
    f.mean.forEach((v, k) => expect(Math.abs(v / FACTORS[(34 + k) % 12]! - 200)).toBeLessThan(25));
  });

  it('pools seasonality per field and channel across centers', () => {
    const { series } = historySeries(history(), '2025-07');
    expect(series[0]!.pooledSeasonality).toBeDefined();
    series[0]!.pooledSeasonality!.forEach((v, c) => expect(v).toBeCloseTo(FACTORS[c]! / (FACTORS.reduce((a, b) => a + b, 0) / 12), 1));
    expect(series[0]!.breakIndex).toBe(30);
  });

  it('treats a month missing from the history as a gap, not as zero', () => {
    const rows = history().filter((r) => !(r.centerCode === '10001' && r.channel === 'direct' && r.month === '2024-05'));
    const { series } = historySeries(rows);
    expect(series[0]!.values[16]).toBeNull();
  });

  it('returns nothing for an empty history', () => {
    expect(forecastHistory([], { horizon: 3 })).toEqual([]);
  });
});
