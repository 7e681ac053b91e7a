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
