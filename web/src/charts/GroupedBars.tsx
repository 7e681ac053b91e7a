/** Horizontal grouped bars: one group per category (a field), one bar per series (a plan), Okabe-Ito colors. */
import { useMemo } from 'react';
import { scaleBand, scaleLinear } from 'd3-scale';
import { formatNumber } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { useChartWidth } from './useChartWidth.ts';
import { OKABE_ITO } from '../palette.ts';

export interface GroupedBarsProps {
  readonly categories: readonly { readonly id: string; readonly label: string }[];
  readonly series: readonly { readonly label: string; readonly values: ReadonlyMap<string, number> }[];
  readonly title: string;
  readonly width?: number;
  /** Decimals of the values written beside the bars. Default 0. */
  readonly digits?: number;
}

const M = { top: 8, right: 56, bottom: 8, left: 190 };

export const GroupedBars = ({ categories, series, title, width: preferred = 900, digits = 0 }: GroupedBarsProps) => {
  const { lang } = useI18n();
  const { ref, width } = useChartWidth<HTMLElement>(preferred);
  // Category labels take at most 40% of a narrow chart (a phone): longer names are cut with "…".
  const left = Math.min(M.left, Math.round(width * 0.4));
  const maxChars = Math.floor((left - 12) / 6.2);
  const cut = (label: string) => (label.length > maxChars ? `${label.slice(0, Math.max(1, maxChars - 1))}…` : label);
  const rowHeight = 10 + series.length * 9;
  const height = M.top + M.bottom + categories.length * rowHeight;
  const y = useMemo(() => scaleBand<string>().domain(categories.map((c) => c.id)).range([M.top, height - M.bottom]).paddingInner(0.25), [categories, height]);
  const inner = useMemo(() => scaleBand<number>().domain(series.map((_, i) => i)).range([0, y.bandwidth()]).padding(0.08), [series, y]);
  const x = useMemo(() => {
    const max = Math.max(1, ...series.flatMap((s) => [...s.values.values()]));
    return scaleLinear().domain([0, max]).nice().range([left, width - M.right]);
  }, [series, width, left]);
  return (
    <figure className="chart" ref={ref}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        {categories.map((c) => (
          <g key={c.id} transform={`translate(0, ${y(c.id) ?? 0})`}>
            <text x={left - 8} y={y.bandwidth() / 2 + 4} textAnchor="end" className="bar-label">
              {cut(c.label)}
              <title>{c.label}</title>
            </text>
            {series.map((s, i) => {
              const v = s.values.get(c.id) ?? 0;
              return (
                <g key={i} transform={`translate(0, ${inner(i) ?? 0})`}>
                  <rect x={left} width={Math.max(0, x(v) - left)} height={inner.bandwidth()} fill={OKABE_ITO[i % OKABE_ITO.length]}>
                    <title>{`${s.label} · ${c.label}: ${formatNumber(lang, v, digits)}`}</title>
                  </rect>
                  <text x={x(v) + 4} y={inner.bandwidth() - 1} className="bar-value">
                    {formatNumber(lang, v, digits)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
    </figure>
  );
};
