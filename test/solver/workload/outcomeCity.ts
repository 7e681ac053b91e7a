/**
 * A small city for the model check and calibration tests (a helper, not a test file): one field
 * whose direct dossier takes exactly one hour (30 min at the counter + 30 processing), centers of
 * one full-time civil servant, and months whose load and outcomes the test chooses.
 */
import type { Center, Dataset, Field, HistoryRow } from '../../../solver/domain.ts';
import { availableHoursPerFte } from '../../../solver/workload/availableHours.ts';

export const FIELD: Field = {
  field: 'civil_status', nameVi: 'Hộ tịch', nameEn: 'Civil status', timeLimitDays: 3, minDirect: 30, minOnline: 20, minProcessing: 30, priority: 1,
};

/** One center-month: its load at official norms, and its late and pending shares. */
export interface MonthCase {
  readonly center: string;
  readonly month: string;
  readonly load: number;
  readonly lateShare?: number;
  readonly pendingShare?: number;
}

const center = (code: string): Center => ({
  code, nameVi: `Trung tâm ${code}`, nameAscii: `Trung tam ${code}`, type: 'ward', formerDistrict: 'X', areaKm2: 5, population: 30000,
  lat: 20.8, lon: 106.7, desks: 2, maxStaff: 4, areaAdequate: true, meetingRooms: 2,
});

/** Dossiers that make `load` of one FTE in `month` (1 h each, plus the 10% allowance). */
export const dossiersFor = (load: number, month: string): number => Math.round((load * availableHoursPerFte(month)) / 1.1);

/** A row with the month's outcomes, or without any when `outcomes` is false. */
export const monthRow = (c: MonthCase, outcomes = true): HistoryRow => {
  const received = dossiersFor(c.load, c.month);
  const pending = Math.round(received * (c.pendingShare ?? 0));
  const late = Math.round((received - pending) * (c.lateShare ?? 0));
  const base = { centerCode: c.center, month: c.month, field: FIELD.field, channel: 'direct' as const, received };
  return outcomes ? { ...base, resolvedOnTime: received - pending - late, resolvedLate: late, pending } : base;
};

/** A dataset of the given months; centers listed in `unstaffed` have nobody on the staff list. */
export const outcomeCity = (months: readonly MonthCase[], options: { readonly outcomes?: boolean; readonly unstaffed?: readonly string[] } = {}): Dataset => {
  const codes = [...new Set(months.map((m) => m.center))];
  return {
    centers: codes.map(center),
    fields: [FIELD],
    history: months.map((m) => monthRow(m, options.outcomes ?? true)),
    staff: codes
      .filter((code) => !(options.unstaffed ?? []).includes(code))
      .map((code) => ({ staffId: `S-${code}`, name: `Người ${code}`, centerCode: code, homeCode: code, fields: [FIELD.field], grade: 'chuyen_vien', fte: 1, locked: false })),
  };
};

/** Ten calm centers (loads 0.5-0.95, nothing late or pending) over July-October 2025, to set the usual rates. */
export const calmCenters = (): MonthCase[] =>
  Array.from({ length: 10 }, (_, i) => ['2025-07', '2025-08', '2025-09', '2025-10'].map((month, k) => ({
    center: `C${String(i).padStart(2, '0')}`, month, load: 0.5 + 0.05 * ((i + k) % 10),
  }))).flat();
