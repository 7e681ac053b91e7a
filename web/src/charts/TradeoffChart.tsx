/**
 * Uncovered hours against the transfer budget: one point per budget the server solved
 * (POST /api/tradeoffs), "unlimited" at the right end; a budget without a plan has no point.
 */
import { useMemo } from 'react';
import type { TradeoffPoint as SolvedPoint } from '../../../solver/plan/tradeoffCurve.ts';
import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import { formatInt } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { useChartWidth } from './useChartWidth.ts';
import { OKABE_ITO } from '../palette.ts';

/** A budget's point: its transfer budget (null = unlimited) and the uncovered hours of its plan. */
interface TradeoffPoint {
  readonly maxTransfers: number | null;
  readonly uncoveredHours: number;
}

export interface TradeoffChartProps {
  readonly points: readonly SolvedPoint[];
  readonly title: string;
  readonly width?: number;
  readonly height?: number;
  readonly color?: string;
}

const M = { top: 24, right: 20, bottom: 40, left: 64 };

/** Width of a label of the axis at its 11 px font, px (an upper bound for Vietnamese and English letters). */
const labelWidth = (text: string): number => text.length * 6.6;

const labelOf = (p: TradeoffPoint, unlimited: string): string => (p.maxTransfers === null ? unlimited : String(p.maxTransfers));

export const TradeoffChart = ({ points, title, width: preferred = 520, height = 260, color = OKABE_ITO[4] }: TradeoffChartProps) => {
  const { lang, t } = useI18n();
  const { ref, width } = useChartWidth<HTMLElement>(preferred);
  const sorted = useMemo(
    () =>
      points
        .flatMap((p) => (p.uncoveredHours === null ? [] : [{ maxTransfers: p.maxTransfers, uncoveredHours: p.uncoveredHours }]))
        .sort((a, b) => (a.maxTransfers ?? Infinity) - (b.maxTransfers ?? Infinity)),
    [points],
  );
  // The last label ("Không giới hạn") is centred on its point: keep half of it inside the drawing.
  const right = Math.max(M.right, labelWidth(labelOf(sorted.at(-1) ?? { maxTransfers: 0, uncoveredHours: 0 }, t('unlimited'))) / 2 + 4);
  const x = scalePoint<string>()
    .domain(sorted.map((p) => labelOf(p, t('unlimited'))))
    .range([M.left, width - right])
    .padding(0.3);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...sorted.map((p) => p.uncoveredHours))])
    .nice()
    .range([height - M.bottom, M.top]);
  const path = line<TradeoffPoint>()
    .x((p) => x(labelOf(p, t('unlimited'))) ?? 0)
    .y((p) => y(p.uncoveredHours))(sorted as TradeoffPoint[]);
  return (
    <figure className="chart tradeoff-chart" ref={ref}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        <g className="grid">
          {y.ticks(5).map((v) => (
            <g key={v} transform={`translate(0, ${y(v)})`}>
              <line x1={M.left} x2={width - right} />
              <text x={M.left - 6} y={4} textAnchor="end">
                {formatInt(lang, v)}
              </text>
            </g>
          ))}
          {sorted.map((p) => (
            <text key={labelOf(p, '∞')} x={x(labelOf(p, t('unlimited'))) ?? 0} y={height - 22} textAnchor="middle">
              {labelOf(p, t('unlimited'))}
            </text>
          ))}
          <text x={(M.left + width - right) / 2} y={height - 6} textAnchor="middle" className="axis-title">
            {t('transferBudget')}
          </text>
        </g>
        <path d={path ?? ''} fill="none" stroke={color} strokeWidth={2} />
        {sorted.map((p) => (
          <g key={labelOf(p, '∞')} transform={`translate(${x(labelOf(p, t('unlimited'))) ?? 0}, ${y(p.uncoveredHours)})`}>
            <circle r={4} fill={color} />
            <text y={-8} textAnchor="middle" className="point-label">
              {formatInt(lang, p.uncoveredHours)}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
};
