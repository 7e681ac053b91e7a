/**
 * The embedded dataset has the shape the issue asks for: complete monthly series January 2023 to
 * October 2026, consistent outcomes, the July 2025 level shift, Tet and post-Tet effects, the
 * social-protection waves, a growing online share, and staff as unevenly placed as the city found.
 */
import { describe, expect, it } from 'vitest';
import { num, resolved, table, type Row } from './embeddedTables.ts';

const months = (): string[] => {
  const list: string[] = [];
  for (let y = 2023; y <= 2026; y += 1) for (let m = 1; m <= 12; m += 1) list.push(`${y}-${String(m).padStart(2, '0')}`);
  return list.slice(0, list.indexOf('2026-10') + 1);
};

/** City totals of `column` by month, over rows that pass `where`. */
const byMonth = (column: string, where: (row: Row) => boolean = () => true): Map<string, number> => {
  const totals = new Map<string, number>();
  for (const row of table('history.csv')) if (where(row)) totals.set(row['month'] ?? '', (totals.get(row['month'] ?? '') ?? 0) + num(row, column));
  return totals;
};
const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
const at = (totals: Map<string, number>, month: string): number => totals.get(month) ?? Number.NaN;

describe('history.csv', () => {
  it('holds one row per center, month from 2023-01 to 2026-10, field and channel', () => {
    const rows = table('history.csv');
    const keys = new Set(rows.map((r) => `${r['center_code']}|${r['month']}|${r['field']}|${r['channel']}`));
    expect(keys.size).toBe(rows.length);
    expect(rows.length).toBe(114 * months().length * table('fields.csv').length * 2);
    expect(new Set(rows.map((r) => r['month']))).toEqual(new Set(months()));
  });

  it('has resolved on time + resolved late + pending = received, all counts non-negative integers', () => {
    const bad = table('history.csv').filter((r) => {
      const counts = ['received', 'resolved_on_time', 'resolved_late', 'pending'].map((c) => num(r, c));
      return counts.some((n) => !Number.isInteger(n) || n < 0) || resolved(r) + num(r, 'pending') !== num(r, 'received');
    });
    expect(bad).toEqual([]);
  });

  it('uses only known centers, fields and the channels direct and online', () => {
    const centers = new Set(table('centers.csv').map((c) => c['code']));
    const fields = new Set(table('fields.csv').map((f) => f['field']));
    const unknown = table('history.csv').filter((r) => !centers.has(r['center_code']) || !fields.has(r['field']) || !['direct', 'online'].includes(r['channel'] ?? ''));
    expect(unknown).toEqual([]);
  });

  it('shifts up at the July 2025 reform: the year after receives over 1.4 times the year before', () => {
    const totals = byMonth('received');
    const before = mean(months().filter((m) => m >= '2024-07' && m <= '2025-06').map((m) => at(totals, m)));
    const after = mean(months().filter((m) => m >= '2025-07' && m <= '2026-06').map((m) => at(totals, m)));
    expect(after / before).toBeGreaterThan(1.4);
  });

  it('dips in the month of the 2025 Tet break and swells in the wave right after it', () => {
    const totals = byMonth('received');
    expect(at(totals, '2025-01')).toBeLessThan(0.95 * at(totals, '2024-12'));
    expect(at(totals, '2025-02')).toBeGreaterThan(1.2 * at(totals, '2025-01'));
  });

  it('has social-protection waves in January and September over 1.4 times the spring months', () => {
    const social = byMonth('received', (r) => r['field'] === 'social_protection');
    const spring = mean(['2026-04', '2026-05', '2026-06'].map((m) => at(social, m)));
    expect(at(social, '2025-09')).toBeGreaterThan(1.4 * spring);
    expect(at(social, '2026-01')).toBeGreaterThan(1.4 * spring);
  });

  it('has a city online share that grows from 2023 to the reform and on to October 2026', () => {
    const all = byMonth('received');
    const viaPortal = byMonth('received', (r) => r['channel'] === 'online');
    const share = (m: string): number => at(viaPortal, m) / at(all, m);
    expect(share('2023-01')).toBeLessThan(share('2025-06'));
    expect(share('2025-07')).toBeLessThan(share('2026-10'));
  });

  it('resolves 96% or more on time city-wide in every month (96-99.9% reported elsewhere)', () => {
    const onTime = byMonth('resolved_on_time');
    const late = byMonth('resolved_late');
    for (const m of months()) expect(at(onTime, m) / (at(onTime, m) + at(late, m))).toBeGreaterThanOrEqual(0.96);
  });
});

describe('staff.csv', () => {
  const staff = (): readonly Row[] => table('staff.csv');

  it('has unique staff ids, known centers and home units, known fields, 0 < fte <= 1', () => {
    const centers = new Set(table('centers.csv').map((c) => c['code']));
    const fields = new Set(table('fields.csv').map((f) => f['field']));
    expect(new Set(staff().map((s) => s['staff_id'])).size).toBe(staff().length);
    const bad = staff().filter(
      (s) => !centers.has(s['center_code']) || !centers.has(s['home_code']) || !(num(s, 'fte') > 0 && num(s, 'fte') <= 1) ||
        (s['fields'] ?? '').split(';').some((f) => !fields.has(f)),
    );
    expect(bad).toEqual([]);
  });

  it('has a locked leader at every center', () => {
    for (const c of table('centers.csv')) expect(staff().some((s) => s['center_code'] === c['code'] && s['locked'] === 'true')).toBe(true);
  });

  it('has Vietnamese names with their diacritics', () => {
    expect(staff().filter((s) => /[ăâđêôơưàáảãạềếểễệọốồổỗộớờởỡợụùúủũưừứửữựỳýỷỹỵ]/i.test(s['name'] ?? '')).length).toBeGreaterThan(staff().length * 0.9);
  });

  it('seats no center above its max_staff', () => {
    for (const c of table('centers.csv')) expect(staff().filter((s) => s['center_code'] === c['code']).length).toBeLessThanOrEqual(num(c, 'max_staff'));
  });

  describe('as uneven as the city found it (recent 12 months, workload formula)', () => {
    const utilization = (): Map<string, number> => {
      const norms = new Map(table('fields.csv').map((f) => [f['field'], f]));
      const recent = months().slice(-12);
      const hours = new Map<string, number>();
      for (const r of table('history.csv')) {
        if (!recent.includes(r['month'] ?? '')) continue;
        const f = norms.get(r['field']);
        if (f === undefined) continue;
        const minutes = (r['channel'] === 'direct' ? num(f, 'min_direct') : num(f, 'min_online')) + num(f, 'min_processing');
        hours.set(r['center_code'] ?? '', (hours.get(r['center_code'] ?? '') ?? 0) + (num(r, 'received') * minutes * 1.1) / 60 / 12);
      }
      const fte = new Map<string, number>();
      for (const s of staff()) fte.set(s['center_code'] ?? '', (fte.get(s['center_code'] ?? '') ?? 0) + num(s, 'fte'));
      // About 21 working days x 8 h x 0.8 productivity per FTE and month.
      return new Map([...hours].map(([code, h]) => [code, h / ((fte.get(code) ?? 0) * 21 * 8 * 0.8)]));
    };

    it('has at least 10 centers above 120% utilization and 10 below 60%', () => {
      const u = [...utilization().values()];
      expect(u.filter((x) => x > 1.2).length).toBeGreaterThanOrEqual(10);
      expect(u.filter((x) => x < 0.6).length).toBeGreaterThanOrEqual(10);
    });

    it('has at least 5 centers where nobody holds the expertise of a field with over 50 dossiers a month', () => {
      const recent = months().slice(-12);
      const volume = new Map<string, number>();
      for (const r of table('history.csv')) {
        if (recent.includes(r['month'] ?? '')) volume.set(`${r['center_code']}|${r['field']}`, (volume.get(`${r['center_code']}|${r['field']}`) ?? 0) + num(r, 'received') / 12);
      }
      const gaps = table('centers.csv').filter((c) => {
        const held = new Set(staff().filter((s) => s['center_code'] === c['code']).flatMap((s) => (s['fields'] ?? '').split(';')));
        return table('fields.csv').some((f) => !held.has(f['field'] ?? '') && (volume.get(`${c['code']}|${f['field']}`) ?? 0) > 50);
      });
      expect(gaps.length).toBeGreaterThanOrEqual(5);
    });
  });
});
