/**
 * Utilization of every center before and after the plan: one column per center (sorted by
 * utilization before), a hollow dot before, a filled dot after, joined by a line; 100% marked.
 */
import { useMemo } from 'react';
import { scaleBand, scaleLinear } from 'd3-scale';
import { formatPercent } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { useChartWidth } from './useChartWidth.ts';
import { ChartTable } from './ChartTable.tsx';
import { utilizationColor } from '../palette.ts';

export interface UtilizationPair {
  readonly code: string;
  readonly name: string;
  readonly before: number | null;
  readonly after: number | null;
}

export interface UtilizationDumbbellProps {
  readonly rows: readonly UtilizationPair[];
  readonly title: string;
  readonly width?: number;
  readonly height?: number;
}

const M = { top: 10, right: 12, bottom: 16, left: 44 };

export const UtilizationDumbbell = ({ rows, title, width: preferred = 1100, height = 240 }: UtilizationDumbbellProps) => {
  const { lang, t } = useI18n();
  const { ref, width } = useChartWidth<HTMLElement>(preferred);
  const sorted = useMemo(() => [...rows].sort((a, b) => (b.before ?? 0) - (a.before ?? 0)), [rows]);
  const x = useMemo(() => scaleBand<string>().domain(sorted.map((r) => r.code)).range([M.left, width - M.right]).padding(0.2), [sorted, width]);
  const y = useMemo(() => {
    const max = Math.max(1.2, ...sorted.flatMap((r) => [r.before ?? 0, r.after ?? 0]));
    return scaleLinear().domain([0, max]).nice().range([height - M.bottom, M.top]);
  }, [sorted, height]);
  const cx = (code: string) => (x(code) ?? 0) + x.bandwidth() / 2;
  return (
    <figure className="chart" ref={ref}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        <g className="grid">
          {y.ticks(5).map((v) => (
            <g key={v} transform={`translate(0, ${y(v)})`}>
              <line x1={M.left} x2={width - M.right} className={v === 1 ? 'ref' : undefined} />
              <text x={M.left - 6} y={4} textAnchor="end">
                {formatPercent(lang, v)}
              </text>
            </g>
          ))}
        </g>
        {sorted.map((r) => (
          <g key={r.code}>
            <title>{`${r.name}: ${t('before')} ${formatPercent(lang, r.before)}, ${t('after')} ${formatPercent(lang, r.after)}`}</title>
            {r.before !== null && r.after !== null && <line x1={cx(r.code)} x2={cx(r.code)} y1={y(r.before)} y2={y(r.after)} stroke="#9ca3af" />}
            {r.before !== null && <circle cx={cx(r.code)} cy={y(r.before)} r={2.6} fill="#fff" stroke="#6b7280" />}
            {r.after !== null && <circle cx={cx(r.code)} cy={y(r.after)} r={3} fill={utilizationColor(r.after)} stroke="#1f2937" strokeWidth={0.5} />}
          </g>
        ))}
      </svg>
      <figcaption className="chart-legend">
        <span>
          <i className="swatch ring" /> {t('before')}
        </span>
        <span>
          <i className="swatch dotfill" /> {t('after')}
        </span>
      </figcaption>
      <ChartTable
        caption={title}
        columns={[t('center'), t('before'), t('after')]}
        rows={sorted.map((r) => [r.name, formatPercent(lang, r.before), formatPercent(lang, r.after)])}
      />
    </figure>
  );
};
