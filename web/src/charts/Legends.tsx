/** Legends for the utilization color scale and the volume size scale. */
import { scaleSqrt } from 'd3-scale';
import { formatInt } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { UTILIZATION_DOMAIN, utilizationColor } from '../palette.ts';

export const UtilizationLegend = ({ title }: { readonly title: string }) => {
  const stops = [0.4, 0.6, 0.8, 1.0, 1.2];
  const [lo, hi] = UTILIZATION_DOMAIN;
  const width = 220;
  const x = (u: number) => ((u - lo) / (hi - lo)) * width;
  const gradient = Array.from({ length: 11 }, (_, i) => lo + ((hi - lo) * i) / 10);
  return (
    <figure className="legend">
      <figcaption>{title}</figcaption>
      <svg width={width + 20} height={34} aria-hidden="true">
        <defs>
          <linearGradient id="util-gradient">
            {gradient.map((u, i) => (
              <stop key={i} offset={`${i * 10}%`} stopColor={utilizationColor(u)} />
            ))}
          </linearGradient>
        </defs>
        <rect x={10} y={2} width={width} height={12} fill="url(#util-gradient)" />
        {stops.map((u) => (
          <g key={u} transform={`translate(${10 + x(u)}, 14)`}>
            <line y1={0} y2={4} stroke="#555" />
            <text y={15} textAnchor="middle">
              {Math.round(u * 100)}%
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
};

export const VolumeLegend = ({ title, max }: { readonly title: string; readonly max: number }) => {
  const { lang } = useI18n();
  const r = scaleSqrt().domain([0, Math.max(1, max)]).range([2, 17]);
  const values = [max / 10, max / 3, max].map((v) => Math.round(v / 100) * 100 || Math.round(v));
  return (
    <figure className="legend">
      <figcaption>{title}</figcaption>
      <svg width={220} height={40} aria-hidden="true">
        {values.map((v, i) => (
          <g key={i} transform={`translate(${20 + i * 70}, 20)`}>
            <circle r={r(v)} fill="none" stroke="#555" />
            <text x={r(v) + 3} y={4}>
              {formatInt(lang, v)}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
};

/** The map's pale grey discs: the approximate area around each center, drawn behind the centers. */
export const LandLegend = ({ label }: { readonly label: string }) => (
  <figure className="legend legend-land">
    <svg width={34} height={34} aria-hidden="true" className="map-land">
      <circle cx={17} cy={17} r={15} />
    </svg>
    <figcaption>{label}</figcaption>
  </figure>
);
