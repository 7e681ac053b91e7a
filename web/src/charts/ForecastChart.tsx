/**
 * History and forecast of one monthly series: the history as a line, the forecast mean dashed, the
 * 80% and 95% intervals as nested bands. d3 builds scales and path strings; React renders them.
 */
import { useMemo } from 'react';
import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { formatInt, formatMonth } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { useChartWidth } from './useChartWidth.ts';
import { ChartTable } from './ChartTable.tsx';
import { OKABE_ITO } from '../palette.ts';
import { monthIndex, type ForecastPoint, type MonthValue } from '../seriesMath.ts';

export interface ForecastChartProps {
  readonly history: readonly MonthValue[];
  readonly forecast: readonly ForecastPoint[];
  readonly title: string;
  readonly width?: number;
  readonly height?: number;
}

const M = { top: 12, right: 16, bottom: 28, left: 56 };

const xOf = (p: { month: string }): number => monthIndex(p.month);

export const ForecastChart = ({ history, forecast, title, width: preferred = 760, height = 280 }: ForecastChartProps) => {
  const { lang, t } = useI18n();
  const { ref, width } = useChartWidth<HTMLElement>(preferred);
  const scales = useMemo(() => {
    const xs = [...history.map(xOf), ...forecast.map(xOf)];
    const ymax = Math.max(1, ...history.map((h) => h.value), ...forecast.map((f) => f.hi95));
    const x = scaleLinear()
      .domain([Math.min(...xs), Math.max(...xs)])
      .range([M.left, width - M.right]);
    const y = scaleLinear().domain([0, ymax]).nice().range([height - M.bottom, M.top]);
    return { x, y };
  }, [history, forecast, width, height]);
  const { x, y } = scales;
  const paths = useMemo(() => {
    const histLine = line<MonthValue>()
      .x((d) => x(xOf(d)))
      .y((d) => y(d.value))(history as MonthValue[]);
    const last = history[history.length - 1];
    const joined: ForecastPoint[] = last
      ? [{ month: last.month, mean: last.value, lo80: last.value, hi80: last.value, lo95: last.value, hi95: last.value }, ...forecast]
      : [...forecast];
    const band = (lo: (d: ForecastPoint) => number, hi: (d: ForecastPoint) => number) =>
      area<ForecastPoint>()
        .x((d) => x(xOf(d)))
        .y0((d) => y(lo(d)))
        .y1((d) => y(hi(d)))(joined);
    return {
      histLine,
      band95: band((d) => d.lo95, (d) => d.hi95),
      band80: band((d) => d.lo80, (d) => d.hi80),
      meanLine: line<ForecastPoint>()
        .x((d) => x(xOf(d)))
        .y((d) => y(d.mean))(joined),
    };
  }, [history, forecast, x, y]);
  const yTicks = y.ticks(5);
  const allMonths = [...history.map((h) => h.month), ...forecast.map((f) => f.month)];
  const xTicks = allMonths.filter((m) => m.endsWith('-01') || m.endsWith('-07'));
  return (
    <figure className="chart" ref={ref}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        <g className="grid">
          {yTicks.map((v) => (
            <g key={v} transform={`translate(0, ${y(v)})`}>
              <line x1={M.left} x2={width - M.right} />
              <text x={M.left - 6} y={4} textAnchor="end">
                {formatInt(lang, v)}
              </text>
            </g>
          ))}
          {xTicks.map((m) => (
            <text key={m} x={x(monthIndex(m))} y={height - 8} textAnchor="middle">
              {formatMonth(m)}
            </text>
          ))}
        </g>
        {forecast.length > 0 && (
          <>
            <path d={paths.band95 ?? ''} fill={OKABE_ITO[1]} opacity={0.25} />
            <path d={paths.band80 ?? ''} fill={OKABE_ITO[1]} opacity={0.45} />
            <path d={paths.meanLine ?? ''} fill="none" stroke={OKABE_ITO[3]} strokeWidth={2} strokeDasharray="5 3" />
          </>
        )}
        <path d={paths.histLine ?? ''} fill="none" stroke="#1f2937" strokeWidth={1.8} />
      </svg>
      <figcaption className="chart-legend">
        <span>
          <i className="swatch line" style={{ background: '#1f2937' }} /> {t('history')}
        </span>
        <span>
          <i className="swatch dashed" style={{ borderColor: OKABE_ITO[3] }} /> {t('forecast')}
        </span>
        <span>
          <i className="swatch" style={{ background: OKABE_ITO[1], opacity: 0.6 }} /> {t('band80')}
        </span>
        <span>
          <i className="swatch" style={{ background: OKABE_ITO[1], opacity: 0.3 }} /> {t('band95')}
        </span>
      </figcaption>
      <ChartTable
        caption={title}
        columns={[t('month'), t('history'), t('forecast'), t('band80'), t('band95')]}
        rows={[
          ...history.map((h) => [formatMonth(h.month), formatInt(lang, h.value), '', '', '']),
          ...forecast.map((f) => [formatMonth(f.month), '', formatInt(lang, f.mean), `${formatInt(lang, f.lo80)}–${formatInt(lang, f.hi80)}`, `${formatInt(lang, f.lo95)}–${formatInt(lang, f.hi95)}`]),
        ]}
      />
    </figure>
  );
};
