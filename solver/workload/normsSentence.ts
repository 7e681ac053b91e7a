/**
 * The line every surface prints about the norms behind its figures, in English (the CLI, the
 * memo's English; the web and the Vietnamese memo say the same in their own words):
 * "workload by calibrated norms, fitted on 2025-07..2026-10".
 */
import type { NormsUsed } from './calibrationTypes.ts';

const FALLBACK_WHY: Readonly<Record<NonNullable<NormsUsed['fallback']>, string>> = {
  no_outcomes: 'the history records no outcomes to calibrate on',
  no_months: 'no month of the history has outcomes, dossiers and staff',
  solver_failed: 'the calibration could not be solved',
};

/** `undefined` (a plan stored before the norms lever) reads as official norms. */
export const normsSentence = (norms: NormsUsed | undefined): string => {
  if (norms === undefined || (norms.used === 'official' && norms.fallback === null)) return 'workload by official norms';
  if (norms.used === 'official') return `workload by official norms (calibrated ones were asked for, but ${FALLBACK_WHY[norms.fallback ?? 'no_outcomes']})`;
  return `workload by calibrated norms, fitted on ${norms.fittedFrom ?? '?'}..${norms.fittedTo ?? '?'}`;
};

const FALLBACK_WHY_VI: Readonly<Record<NonNullable<NormsUsed['fallback']>, string>> = {
  no_outcomes: 'lịch sử không ghi kết quả giải quyết hồ sơ để hiệu chỉnh',
  no_months: 'không tháng nào của lịch sử có đủ kết quả giải quyết, hồ sơ và công chức',
  solver_failed: 'bài toán hiệu chỉnh không giải được',
};

/** `2025-07` as `07/2025`. */
const monthVi = (month: string | null): string => (month === null ? '?' : `${month.slice(5, 7)}/${month.slice(0, 4)}`);

/** The same line as a sentence in Vietnamese and English, for the plan result and every surface that shows it. */
export const normsSentences = (norms: NormsUsed | undefined): { readonly vi: string; readonly en: string } => {
  const en = `${normsSentence(norms).replace(/^w/, 'W')}.`;
  if (norms === undefined || (norms.used === 'official' && norms.fallback === null)) return { vi: 'Khối lượng công việc tính theo định mức chính thức.', en };
  if (norms.used === 'official') return { vi: `Khối lượng công việc tính theo định mức chính thức (đã chọn định mức hiệu chỉnh, nhưng ${FALLBACK_WHY_VI[norms.fallback ?? 'no_outcomes']}).`, en };
  return { vi: `Khối lượng công việc tính theo định mức đã hiệu chỉnh theo kết quả giải quyết hồ sơ từ tháng ${monthVi(norms.fittedFrom)} đến tháng ${monthVi(norms.fittedTo)}.`, en };
};
