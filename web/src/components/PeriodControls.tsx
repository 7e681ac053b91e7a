/** The period and forecast-level controls shared by the overview and the planner. */
import { useId } from 'react';
import { formatMonth } from '../format.ts';
import { useI18n } from '../i18n.ts';

export const QUANTILES: readonly number[] = [0.5, 0.8, 0.95];

/** Months offered: from the July 2025 reform (the units as they are now) to the end of 2027. */
export const PERIODS: readonly string[] = Array.from({ length: 30 }, (_, i) => {
  const n = 2025 * 12 + 6 + i;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
});

export interface PeriodControlsProps {
  readonly period: string;
  readonly quantile: number;
  readonly onPeriod: (period: string) => void;
  readonly onQuantile: (quantile: number) => void;
}

export const PeriodControls = ({ period, quantile, onPeriod, onQuantile }: PeriodControlsProps) => {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="controls-row">
      <label htmlFor={`${id}-period`}>
        {t('period')}
        <select id={`${id}-period`} value={period} onChange={(e) => onPeriod(e.target.value)}>
          {(PERIODS.includes(period) ? PERIODS : [period, ...PERIODS]).map((m) => (
            <option key={m} value={m}>
              {t('month')} {formatMonth(m)}
            </option>
          ))}
        </select>
      </label>
      <div className="segmented-wrap">
        <span id={`${id}-q-label`} className="control-label" title={t('quantileHelp')}>
          {t('quantile')}
        </span>
        <div className="segmented" role="radiogroup" aria-labelledby={`${id}-q-label`}>
          {QUANTILES.map((q) => (
            <label key={q} className={q === quantile ? 'on' : undefined}>
              <input type="radio" name={`${id}-q`} value={q} checked={q === quantile} onChange={() => onQuantile(q)} />P
              {Math.round(q * 100)}
            </label>
          ))}
        </div>
      </div>
    </div>
  );
};
