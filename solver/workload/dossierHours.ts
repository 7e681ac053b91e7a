/**
 * Hours of work that dossiers make (workload formula, notes/workload-formula.md):
 *   direct x (min_direct + min_processing) / 60 + online x (min_online + min_processing) / 60,
 * direct dossiers carrying counter time, online ones the (shorter) online reception; then an
 * allowance for requests outside the procedure list (confirmations of circumstances, of leave, of
 * graves, financial confirmations for study abroad: real work no statistic counts), default +10%.
 */
import type { Field } from '../domain.ts';

/** Allowance for requests outside the procedure list, as a share of dossier hours. */
export const DEFAULT_UNLISTED_ALLOWANCE = 0.1;

/**
 * Hours for `direct` and `online` dossiers of `field`, every norm scaled by `normMultiplier`
 * (1 = today's norms; 0.8 = a 20% faster procedure). Counts may be fractional (forecasts).
 */
export const dossierHours = (field: Field, direct: number, online: number, normMultiplier = 1): number => {
  if (!(direct >= 0) || !(online >= 0)) {
    throw new Error(`dossierHours: dossier counts must be >= 0, got direct ${direct}, online ${online} (field ${field.field})`);
  }
  if (!(normMultiplier >= 0) || !Number.isFinite(normMultiplier)) {
    throw new Error(`dossierHours: normMultiplier must be a finite number >= 0, got ${normMultiplier} (field ${field.field})`);
  }
  const minutes = direct * (field.minDirect + field.minProcessing) + online * (field.minOnline + field.minProcessing);
  return (minutes * normMultiplier) / 60;
};

/** `hours` plus the unlisted-request allowance (a share >= 0, default 0.10). */
export const withUnlistedAllowance = (hours: number, allowance: number = DEFAULT_UNLISTED_ALLOWANCE): number => {
  if (!(allowance >= 0) || !Number.isFinite(allowance)) {
    throw new Error(`withUnlistedAllowance: allowance must be a finite share >= 0, got ${allowance}`);
  }
  return hours * (1 + allowance);
};
