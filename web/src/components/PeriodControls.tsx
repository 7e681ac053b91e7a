/** The period and forecast-level controls shared by the overview and the planner. */
import { useId } from 'react';
import { useI18n } from '../i18n.ts';

export const QUANTILES: readonly number[] = [0.5, 0.8, 0.95];

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
        <input
          id={`${id}-period`}
          type="month"
          value={period}
          min="2023-01"
          max="2027-12"
          onChange={(e) => e.target.value && onPeriod(e.target.value)}
        />
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
