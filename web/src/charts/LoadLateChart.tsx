/**
 * The model check at a glance: each center-month's modelled load (x) against its late share (y),
 * with the capacity (100%) and the overtime limit (130%) as vertical lines. Loads beyond the axis
 * sit on its right edge (drawn as triangles), so one center at 500% does not squeeze the rest.
 */
import { scaleLinear } from 'd3-scale';
import type { CheckVerdict } from '../../../solver/workload/modelCheck.ts';
import { formatPercent } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { OKABE_ITO } from '../palette.ts';
import { useChartWidth } from './useChartWidth.ts';

export interface LoadLatePoint {
  readonly key: string;
  readonly load: number;
  readonly lateShare: number;
  readonly verdict: CheckVerdict;
  /** Shown on hover: center, month, load, late share. */
  readonly label: string;
}

/** Right end of the load axis (300%). */
export const LOAD_AXIS_MAX = 3;

const M = { top: 12, right: 16, bottom: 38, left: 52 };

export const VERDICT_COLORS: Readonly<Record<CheckVerdict, string>> = {
  overloaded_unseen: OKABE_ITO[4],
  late_unexplained: OKABE_ITO[0],
  overloaded: OKABE_ITO[3],
  overtime: OKABE_ITO[1],
  consistent: '#9aa5b1',
  not_judged: '#d0d5da',
};

const flagged = (v: CheckVerdict): boolean => v === 'overloaded_unseen' || v === 'late_unexplained';

export const LoadLateChart = ({ points, title, height = 300 }: { readonly points: readonly LoadLatePoint[]; readonly title: string; readonly height?: number }) => {
  const { lang, t } = useI18n();
  const { ref, width } = useChartWidth<HTMLElement>(640);
  const x = scaleLinear().domain([0, LOAD_AXIS_MAX]).range([M.left, width - M.right]);
  const yMax = Math.max(0.05, Math.min(0.5, Math.max(0, ...points.map((p) => p.lateShare))));
  const y = scaleLinear().domain([0, yMax]).nice().range([height - M.bottom, M.top]);
  // Flagged points last, so they are drawn on top.
  const ordered = [...points].sort((a, b) => Number(flagged(a.verdict)) - Number(flagged(b.verdict)));
  return (
    <figure className="chart load-late-chart" ref={ref}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        <g className="grid">
          {y.ticks(5).map((v) => (
            <g key={`y${v}`} transform={`translate(0, ${y(v)})`}>
              <line x1={M.left} x2={width - M.right} />
              <text x={M.left - 6} y={4} textAnchor="end">{formatPercent(lang, v)}</text>
            </g>
          ))}
          {x.ticks(6).map((v) => (
            <text key={`x${v}`} x={x(v)} y={height - M.bottom + 16} textAnchor="middle">{formatPercent(lang, v)}</text>
          ))}
          {[1, 1.3].map((v) => (
            <line key={`ref${v}`} className="ref" x1={x(v)} x2={x(v)} y1={M.top} y2={height - M.bottom} />
          ))}
          <text x={(M.left + width - M.right) / 2} y={height - 4} textAnchor="middle" className="axis-title">{t('mcLoad')}</text>
          <text transform={`translate(12, ${(M.top + height - M.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="axis-title">{t('mcLate')}</text>
        </g>
        {ordered.map((p) => {
          const beyond = p.load > LOAD_AXIS_MAX;
          const cx = x(Math.min(p.load, LOAD_AXIS_MAX));
          const cy = y(Math.min(p.lateShare, y.domain()[1] ?? yMax));
          const color = VERDICT_COLORS[p.verdict];
          return beyond ? (
            <path key={p.key} d={`M${cx - 5},${cy - 4}L${cx + 1},${cy}L${cx - 5},${cy + 4}Z`} fill={color}>
              <title>{p.label}</title>
            </path>
          ) : (
            <circle key={p.key} cx={cx} cy={cy} r={flagged(p.verdict) ? 3.5 : 2.5} fill={color} fillOpacity={flagged(p.verdict) ? 0.95 : 0.55}>
              <title>{p.label}</title>
            </circle>
          );
        })}
      </svg>
    </figure>
  );
};
