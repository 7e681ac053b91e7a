/**
 * The embedded dataset reproduces every published figure of SEED-FACTS.md for July 2025, the first
 * month of the two-level local government, and the city's findings about staff and facilities.
 */
import { describe, expect, it } from 'vitest';
import type { Field } from '../../solver/domain.ts';
import { availableHoursPerFte } from '../../solver/workload/availableHours.ts';
import { dossierHours, withUnlistedAllowance } from '../../solver/workload/dossierHours.ts';
import { num, sumHistory, table, type Row } from './embeddedTables.ts';

const KIEN_AN = '11443';
const PHU_LIEN = '11446';
const DONG_HAI = '11411';
const AN_LAO = '11629';
const JULY = '2025-07';

const inJuly = (code: string) => (row: Row): boolean => row['center_code'] === code && row['month'] === JULY;
const july = (code: string, column: string, where: (row: Row) => boolean = () => true): number =>
  sumHistory(column, (row) => inJuly(code)(row) && where(row));
const julyResolved = (code: string): number => july(code, 'resolved_on_time') + july(code, 'resolved_late');
const direct = (row: Row): boolean => row['channel'] === 'direct';
const online = (row: Row): boolean => row['channel'] === 'online';

describe('Kien An ward, July 2025', () => {
  it('received 3,511 dossiers: 513 online and 2,998 direct', () => {
    expect(july(KIEN_AN, 'received')).toBe(3511);
    expect(july(KIEN_AN, 'received', online)).toBe(513);
    expect(july(KIEN_AN, 'received', direct)).toBe(2998);
  });

  it('received every direct dossier in certification', () => {
    expect(july(KIEN_AN, 'received', (r) => direct(r) && r['field'] === 'certification')).toBe(2998);
  });

  it('received online dossiers only in the seven fields the report lists', () => {
    const listed = ['meritorious_people', 'social_protection', 'education', 'business_household', 'civil_status', 'land', 'construction'];
    expect(july(KIEN_AN, 'received', (r) => online(r) && !listed.includes(r['field'] ?? ''))).toBe(0);
    for (const field of listed) expect(july(KIEN_AN, 'received', (r) => online(r) && r['field'] === field)).toBeGreaterThan(0);
  });

  it('resolved 3,340 dossiers', () => {
    expect(julyResolved(KIEN_AN)).toBe(3340);
  });
});

describe('Phu Lien ward, July 2025', () => {
  const within = (value: number, target: number, tolerance: number): void => {
    expect(Math.abs(value - target) / target).toBeLessThanOrEqual(tolerance);
  };

  it('received about 3,000 dossiers (within 3%)', () => {
    within(july(PHU_LIEN, 'received'), 3000, 0.03);
  });

  it('received about 700 online and about 2,300 direct (within 3%)', () => {
    within(july(PHU_LIEN, 'received', online), 700, 0.03);
    within(july(PHU_LIEN, 'received', direct), 2300, 0.03);
  });

  it('resolved about 2,600 (within 3%), none of them late', () => {
    within(julyResolved(PHU_LIEN), 2600, 0.03);
    expect(july(PHU_LIEN, 'resolved_late')).toBe(0);
  });

  it('has exactly 5 civil servants', () => {
    expect(table('staff.csv').filter((s) => s['center_code'] === PHU_LIEN)).toHaveLength(5);
  });

  it('is overloaded with today\'s staff and the norms (utilization above 100%)', () => {
    const fields = new Map<string, Field>(
      table('fields.csv').map((f) => [
        f['field'] ?? '',
        {
          field: f['field'] ?? '', nameVi: f['name_vi'] ?? '', nameEn: f['name_en'] ?? '', timeLimitDays: num(f, 'time_limit_days'),
          minDirect: num(f, 'min_direct'), minOnline: num(f, 'min_online'), minProcessing: num(f, 'min_processing'), priority: num(f, 'priority'),
        },
      ]),
    );
    const rows = table('history.csv').filter(inJuly(PHU_LIEN));
    const required = withUnlistedAllowance(
      rows.reduce((sum, r) => {
        const field = fields.get(r['field'] ?? '');
        if (field === undefined) throw new Error(`unknown field ${r['field']}`);
        const n = num(r, 'received');
        return sum + (direct(r) ? dossierHours(field, n, 0) : dossierHours(field, 0, n));
      }, 0),
    );
    const fte = table('staff.csv').filter((s) => s['center_code'] === PHU_LIEN).reduce((sum, s) => sum + num(s, 'fte'), 0);
    const available = fte * availableHoursPerFte(JULY);
    expect(required / available).toBeGreaterThan(1);
  });
});

describe('Dong Hai ward, July 2025', () => {
  it('received 3,334 dossiers', () => {
    expect(july(DONG_HAI, 'received')).toBe(3334);
  });

  it('resolved 95.35% of its resolved dossiers on time', () => {
    expect(((july(DONG_HAI, 'resolved_on_time') / julyResolved(DONG_HAI)) * 100).toFixed(2)).toBe('95.35');
  });
});

describe('An Lao commune, July 2025', () => {
  it('received 578 dossiers and resolved 470, all on time', () => {
    expect(july(AN_LAO, 'received')).toBe(578);
    expect(julyResolved(AN_LAO)).toBe(470);
    expect(july(AN_LAO, 'resolved_late')).toBe(0);
  });
});

describe('Cat Hai special zone, 1 July to 20 November 2025', () => {
  const CAT_HAI = '11914';
  const months = ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11'];
  const rows = (): readonly Row[] => table('history.csv').filter((r) => r['center_code'] === CAT_HAI && months.includes(r['month'] ?? ''));

  it('received about 6,520 dossiers (within 5%, counting 20/30 of November)', () => {
    const total = rows().reduce((s, r) => s + num(r, 'received') * (r['month'] === '2025-11' ? 20 / 30 : 1), 0);
    expect(Math.abs(total - 6520) / 6520).toBeLessThanOrEqual(0.05);
  });

  it('received over 98% of them online', () => {
    const all = rows().reduce((s, r) => s + num(r, 'received'), 0);
    const viaPortal = rows().filter(online).reduce((s, r) => s + num(r, 'received'), 0);
    expect(viaPortal / all).toBeGreaterThan(0.98);
  });
});

describe('the city\'s findings', () => {
  it('has the 114 units: 45 wards, 67 communes, 2 special zones, 4,664,124 people', () => {
    const centers = table('centers.csv');
    expect(centers).toHaveLength(114);
    const count = (type: string): number => centers.filter((c) => c['type'] === type).length;
    expect([count('ward'), count('commune'), count('special_zone')]).toEqual([45, 67, 2]);
    expect(centers.reduce((s, c) => s + num(c, 'population'), 0)).toBe(4_664_124);
  });

  it('has 68 centers lacking adequate floor area', () => {
    expect(table('centers.csv').filter((c) => c['area_adequate'] === 'false')).toHaveLength(68);
  });

  it('has many centers without the 2 online meeting rooms', () => {
    expect(table('centers.csv').filter((c) => num(c, 'meeting_rooms') < 2).length).toBeGreaterThanOrEqual(40);
  });

  it('has staff on the order of 10 to 14 per unit', () => {
    const perUnit = table('staff.csv').length / 114;
    expect(perUnit).toBeGreaterThanOrEqual(10);
    expect(perUnit).toBeLessThanOrEqual(14);
  });
});
