import { describe, expect, it } from 'vitest';
import { planMemo, type StoredResult } from '../../../api/routes/planExports.ts';
import type { PlanRecord } from '../../../api/storage/planStore.ts';
import type { MoveExplanation } from '../../../solver/plan/explainPlan.ts';

// One move of 1,234.5 h of social protection from Phường Hòa Bình to Phường Lê Chân, with its claims.
const move: MoveExplanation = {
  staffId: 'CC1098', name: 'Nguyễn Trung Đạt', from: '11533', to: '11383', homeKm: 5.7, addedCommuteKm: 1.2,
  fields: ['land', 'social_protection'], hoursAtNewCenter: { social_protection: 1234.5 }, coversAtNewCenter: { social_protection: 1234.5 },
  claims: [{ kind: 'covers', field: 'social_protection', hours: 1234.5, shortfallBefore: 2964.2, shortfallAfter: 27.8 }],
  leaversAtDestination: 0, keepsMinimum: null, costToCenterLeft: 0,
  destination: { uncoveredBefore: 2764.2, uncoveredAfter: 2495.4 }, origin: { uncoveredBefore: 29.3, uncoveredAfter: 29.3 },
  sentence: 'English sentence',
};

const result = {
  summary: {
    status: 'optimal', message: 'Optimal.', objective: 1, bound: 29796.1, gap: 0.0027, seconds: 5.03, period: '2026-11', quantile: 0.8,
    requiredHours: 192431, uncoveredHoursBefore: 33873.4, uncoveredHoursAfter: 29841.2, overloadedCentersBefore: 37, overloadedCentersAfter: 37,
    maxUtilizationBefore: 4.93, maxUtilizationAfter: 2.96, transfers: 1, hires: 0, addedCommuteKm: 1.2,
  },
  moves: [{ staffId: 'CC1098', name: 'Nguyễn Trung Đạt', fromCenter: '11533', toCenter: '11383', commuteKm: 5.7, addedKm: 1.2, hours: { social_protection: 1234.5 } }],
  plan: { assignments: [], coverage: [], hires: [] },
  explanation: { centers: [], moves: [move], shadowPrices: [], crossTraining: [] },
} as unknown as StoredResult;

const record = { id: 'p1', datasetVersion: 1, datasetHash: 'abcdef0123456789abcdef', finishedAt: '2026-11-27T21:00:00Z' } as PlanRecord;
const names = {
  centers: [{ code: '11533', nameVi: 'Phường Hòa Bình' }, { code: '11383', nameVi: 'Phường Lê Chân' }],
  fields: [{ field: 'land', nameVi: 'Đất đai', nameEn: 'Land' }, { field: 'social_protection', nameVi: 'Bảo trợ xã hội', nameEn: 'Social protection' }],
};

describe('the printable memo', () => {
  it('is in Vietnamese by default: field and center names with diacritics, numbers as 1.234,5', () => {
    const html = planMemo(result, record, names, 'Mặc định');
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<td>33.873</td><td>29.841</td>');
    expect(html).toContain('tự làm 1.234,5 giờ bảo trợ xã hội');
    expect(html).toContain('chuyên môn: đất đai, bảo trợ xã hội');
    expect(html).toContain('Phường Lê Chân (11383)');
    expect(html).toContain('Kết quả giải: <b>tối ưu</b>');
    expect(html).not.toMatch(/social_protection|\bland\b|Solver|Transfers/);
  });

  it('is in English with lang en: field names, not codes, and numbers as 1,234.5', () => {
    const html = planMemo(result, record, names, 'Default', 'en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<td>33,873</td><td>29,841</td>');
    expect(html).toContain('does 1,234.5 h of social protection themselves');
    expect(html).not.toContain('social_protection');
  });
});
