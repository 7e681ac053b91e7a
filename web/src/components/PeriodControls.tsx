/** The period and forecast-level controls shared by the overview and the planner. */
import { useId } from 'react';
import { formatMonth } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { DEFAULT_LEVERS } from '../scenario.ts';

/**
 * The period every screen opens on: the scenario's default month (solver/scenario.ts), the first
 * month after the embedded history, so the overview, the center page and the planner agree and the
 * forecast level (P50/P80/P95) means something there.
 */
export const DEFAULT_PERIOD: string = DEFAULT_LEVERS.period;

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
  /**
   * Where the period's counts come from (the workload's `source`): for `history` the quantile
   * control is disabled with the reason; undefined while unknown (nothing is said).
   */
  readonly source?: 'history' | 'forecast' | undefined;
}

export const PeriodControls = ({ period, quantile, onPeriod, onQuantile, source }: PeriodControlsProps) => {
  const { t } = useI18n();
  const id = useId();
  const history = source === 'history';
  return (
    <div className="period-controls">
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
        <div
          className={`segmented${history ? ' disabled' : ''}`}
          role="radiogroup"
          aria-labelledby={`${id}-q-label`}
          aria-describedby={source ? `${id}-source` : undefined}
          aria-disabled={history || undefined}
          title={history ? t('quantileHistoryReason') : undefined}
        >
          {QUANTILES.map((q) => (
            <label key={q} className={q === quantile ? 'on' : undefined}>
              <input type="radio" name={`${id}-q`} value={q} checked={q === quantile} disabled={history} onChange={() => onQuantile(q)} />P
              {Math.round(q * 100)}
            </label>
          ))}
        </div>
      </div>
    </div>
      {source && (
        <p id={`${id}-source`} className={`period-source ${source}`} role="status">
          <span className="period-kind">{t(history ? 'periodKindHistory' : 'periodKindForecast')}</span>{' '}
          {history
            ? `${t('periodHistory', { period: formatMonth(period) })} ${t('quantileHistoryReason')}`
            : t('periodForecast', { period: formatMonth(period), level: `P${Math.round(quantile * 100)}` })}
        </p>
      )}
    </div>
  );
};
