/**
 * Map of the service centers: a faint disc per unit (its area as a circle: an approximate extent, no
 * boundaries or tiles needed), a circle per center sized by dossier volume and colored by
 * utilization, and optional transfer arrows. d3 computes the projection and scales; React renders.
 */
import { useMemo, useState } from 'react';
import { scaleSqrt } from 'd3-scale';
import type { Center } from '../../../solver/domain.ts';
import { formatInt, formatPercent } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { useChartWidth } from './useChartWidth.ts';
import { utilizationColor } from '../palette.ts';

/** Transfers in near-black with a white casing: they must stand out on both ends of the utilization scale. */
const FLOW_COLOR = '#111827';
import { mapLayout, placeLabels, shortName } from './mapLayout.ts';

export interface MapFlow {
  readonly from: string;
  readonly to: string;
  /** People moving along this pair of centers. */
  readonly count: number;
}

export interface CenterMapProps {
  readonly centers: readonly Center[];
  /** Dossiers per month per center code (circle area). */
  readonly volume: ReadonlyMap<string, number>;
  /** Utilization per center code (color); missing = gray. */
  readonly utilization: ReadonlyMap<string, number | null>;
  readonly width?: number;
  readonly height?: number;
  readonly selected?: string | undefined;
  readonly onSelect?: (code: string) => void;
  /** Transfers to draw as arrows. */
  readonly flows?: readonly MapFlow[];
  /** How many of the largest centers get a name label. Default 10. */
  readonly labelCount?: number;
  readonly title: string;
  /**
   * The address of a center's page: when given, the map is followed by the list of its centers as
   * links (by name, with utilization and dossiers), the way to each center without the map.
   */
  readonly hrefOf?: (code: string) => string;
}

const volumeOf = (volume: ReadonlyMap<string, number>, code: string): number => volume.get(code) ?? 0;

export const CenterMap = ({
  centers,
  volume,
  utilization,
  width: preferredWidth = 720,
  height: preferredHeight = 560,
  selected,
  onSelect,
  flows = [],
  labelCount = 10,
  title,
  hrefOf,
}: CenterMapProps) => {
  const { lang, t } = useI18n();
  const [hover, setHover] = useState<string | undefined>(undefined);
  // Drawn at the container's real width (same aspect as asked), so labels keep their px size.
  const { ref, width } = useChartWidth<HTMLDivElement>(preferredWidth);
  const height = Math.round((width * preferredHeight) / preferredWidth);
  const layout = useMemo(() => mapLayout(centers, width, height), [centers, width, height]);
  const radius = useMemo(() => {
    const max = Math.max(1, ...centers.map((c) => volumeOf(volume, c.code)));
    return scaleSqrt().domain([0, max]).range([2, 17]);
  }, [centers, volume]);
  const labelled = useMemo(
    () => placeLabels(layout.placed.filter((p) => !p.inset), (p) => volumeOf(volume, p.center.code), radius, labelCount),
    [layout, volume, radius, labelCount],
  );
  const drawOrder = useMemo(
    () => [...layout.placed].sort((a, b) => volumeOf(volume, b.center.code) - volumeOf(volume, a.center.code)),
    [layout, volume],
  );
  const byName = useMemo(() => [...centers].sort((a, b) => a.nameVi.localeCompare(b.nameVi, 'vi')), [centers]);
  const summaryOf = (c: Center) =>
    `${t('utilization').toLowerCase()} ${formatPercent(lang, utilization.get(c.code))}, ${formatInt(lang, volumeOf(volume, c.code))} ${t('dossiersPerMonth')}`;
  const nameOf = (code: string) => layout.byCode.get(code)?.center.nameVi ?? code;
  const focus = hover ?? selected;
  const focusPlaced = focus ? layout.byCode.get(focus) : undefined;
  const scaleKm = 10;
  return (
    <div className="center-map-wrap" ref={ref}>
    <svg className="center-map" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="group" aria-label={title}>
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill={FLOW_COLOR} />
        </marker>
      </defs>
      <rect x={0} y={0} width={width} height={height} className="map-sea" />
      <g className="map-land" aria-hidden="true">
        {layout.placed
          .filter((p) => !p.inset)
          .map((p) => (
            <circle key={p.center.code} cx={p.x} cy={p.y} r={Math.min(p.extentPx * 1.25, 60)} />
          ))}
      </g>
      {layout.inset && (
        <g className="map-inset" aria-hidden="true">
          <rect x={layout.inset.x} y={layout.inset.y} width={layout.inset.width} height={layout.inset.height} rx={4} />
          <text x={layout.inset.x + 6} y={layout.inset.y + 13}>
            {layout.placed
              .filter((p) => p.inset)
              .map((p) => shortName(p.center.nameVi))
              .join(', ')}
          </text>
        </g>
      )}
      <g className="map-flows">
        {flows.map((f) => {
          const a = layout.byCode.get(f.from);
          const b = layout.byCode.get(f.to);
          if (!a || !b) return null;
          const mx = (a.x + b.x) / 2 - (b.y - a.y) * 0.15;
          const my = (a.y + b.y) / 2 + (b.x - a.x) * 0.15;
          const d = `M${a.x},${a.y} Q${mx},${my} ${b.x},${b.y}`;
          const width = 1.4 + f.count * 0.8;
          return (
            <g key={`${f.from}-${f.to}`}>
              <path d={d} stroke="#ffffff" strokeWidth={width + 2.5} fill="none" opacity={0.9} />
              <path d={d} stroke={FLOW_COLOR} strokeWidth={width} fill="none" markerEnd="url(#arrow)">
                <title>{`${a.center.nameVi} → ${b.center.nameVi}: ${f.count}`}</title>
              </path>
            </g>
          );
        })}
      </g>
      <g className="map-centers">
        {drawOrder.map((p) => {
          const code = p.center.code;
          const u = utilization.get(code);
          const v = volumeOf(volume, code);
          const label = `${p.center.nameVi}: ${summaryOf(p.center)}`;
          return (
            <circle
              key={code}
              cx={p.x}
              cy={p.y}
              r={radius(v)}
              fill={u === null || u === undefined ? '#bdbdbd' : utilizationColor(u)}
              className={code === selected ? 'selected' : undefined}
              tabIndex={onSelect ? 0 : undefined}
              role={onSelect ? 'button' : undefined}
              aria-label={label}
              onClick={onSelect ? () => onSelect(code) : undefined}
              onKeyDown={
                onSelect
                  ? (e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        onSelect(code);
                      }
                    }
                  : undefined
              }
              onMouseEnter={() => setHover(code)}
              onMouseLeave={() => setHover(undefined)}
              onFocus={() => setHover(code)}
              onBlur={() => setHover(undefined)}
            >
              <title>{label}</title>
            </circle>
          );
        })}
      </g>
      <g className="map-labels" aria-hidden="true">
        {layout.placed
          .filter((p) => labelled.has(p.center.code) && !p.inset && p.center.code !== focus)
          .map((p) => (
            <text key={p.center.code} x={p.x + radius(volumeOf(volume, p.center.code)) + 3} y={p.y + 4}>
              {shortName(p.center.nameVi)}
            </text>
          ))}
        {focusPlaced && (
          <text className="focus-label" x={focusPlaced.x + radius(volumeOf(volume, focusPlaced.center.code)) + 3} y={focusPlaced.y + 4}>
            {shortName(focusPlaced.center.nameVi)} · {formatPercent(lang, utilization.get(focusPlaced.center.code))}
          </text>
        )}
      </g>
      <g className="map-scale" transform={`translate(${width - 24 - layout.pxPerKm * scaleKm}, ${height - 18})`} aria-hidden="true">
        <line x1={0} x2={layout.pxPerKm * scaleKm} y1={0} y2={0} />
        <line x1={0} x2={0} y1={-4} y2={0} />
        <line x1={layout.pxPerKm * scaleKm} x2={layout.pxPerKm * scaleKm} y1={-4} y2={0} />
        <text x={(layout.pxPerKm * scaleKm) / 2} y={-6} textAnchor="middle">
          {scaleKm} km
        </text>
      </g>
    </svg>
    {hrefOf && (
      <details className="map-list">
        <summary>{t('mapList', { count: formatInt(lang, centers.length) })}</summary>
        <ul>
          {byName.map((c) => (
            <li key={c.code}>
              <a href={hrefOf(c.code)} aria-current={c.code === selected ? 'true' : undefined}>
                {c.nameVi}
              </a>
              <span className="sub">: {summaryOf(c)}</span>
            </li>
          ))}
        </ul>
      </details>
    )}
    {flows.length > 0 && (
      <details className="map-list">
        <summary>{t('mapFlowsList', { count: formatInt(lang, flows.reduce((n, f) => n + f.count, 0)) })}</summary>
        <ul>
          {flows.map((f) => (
            <li key={`${f.from}-${f.to}`}>
              {nameOf(f.from)} → {nameOf(f.to)}: {formatInt(lang, f.count)}
            </li>
          ))}
        </ul>
      </details>
    )}
    </div>
  );
};
