/**
 * Centers x fields after the plan: each cell's color and value are the share of the field's required
 * hours still uncovered there (uncoveredAfter / requiredHours of PlanResult's center fields; lightest
 * = fully covered), so the title over it and its cells say the same thing. Rows are the centers with
 * the largest share short; the caption says how many others are short and how many fully covered.
 */
import { useMemo } from 'react';
import type { Field } from '../../../solver/domain.ts';
import type { CenterResult, FieldFigures } from '../../../solver/plan/planResult.ts';
import { formatInt, formatPercent } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { inkOn, shortfallColor } from '../palette.ts';

export interface CoverageHeatmapProps {
  readonly centers: readonly CenterResult[];
  readonly fields: readonly Field[];
  /** Most rows shown. Default 25. */
  readonly maxRows?: number;
}

/** A center counts as covered below this many uncovered hours (floating-point remainders of the allocation). */
const COVERED_BELOW_HOURS = 0.5;

export const CoverageHeatmap = ({ centers, fields, maxRows = 25 }: CoverageHeatmapProps) => {
  const { lang, t } = useI18n();
  const { rows, moreShort, covered } = useMemo(() => {
    const ranked = centers
      .map((c) => ({ center: c, share: c.requiredHours > 0 ? c.uncoveredAfter / c.requiredHours : 0 }))
      .sort((a, b) => b.share - a.share);
    const short = ranked.filter((r) => r.center.uncoveredAfter >= COVERED_BELOW_HOURS);
    return { rows: short.slice(0, maxRows), moreShort: Math.max(0, short.length - maxRows), covered: ranked.length - short.length };
  }, [centers, maxRows]);
  const shown = fields.filter((f) => centers.some((c) => c.fields.some((x) => x.field === f.field && x.requiredHours > 0)));
  const fieldName = (f: Field) => (lang === 'vi' ? f.nameVi : f.nameEn);
  const cell = (c: CenterResult, f: Field) => {
    const x: FieldFigures | undefined = c.fields.find((y) => y.field === f.field);
    if (!x || x.requiredHours <= 0) return <td key={f.field} className="empty" />;
    const share = x.uncoveredAfter / x.requiredHours;
    return (
      <td
        key={f.field}
        style={{ background: shortfallColor(share), color: inkOn(share) }}
        title={`${c.name} · ${fieldName(f)}: ${formatInt(lang, x.uncoveredAfter)} / ${formatInt(lang, x.requiredHours)} ${t('unitHours')}`}
      >
        {share >= 0.005 ? formatPercent(lang, share) : ''}
      </td>
    );
  };
  return (
    <div className="heatmap-wrap">
      <table className="heatmap">
        <thead>
          <tr>
            <th scope="col" className="corner">
              {t('center')}
            </th>
            {shown.map((f) => (
              <th key={f.field} scope="col" title={fieldName(f)}>
                <span>{fieldName(f)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ center }) => (
            <tr key={center.centerCode}>
              <th scope="row">{center.name}</th>
              {shown.map((f) => cell(center, f))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="help">{t('heatmapRest', { more: moreShort, covered })}</p>
    </div>
  );
};
