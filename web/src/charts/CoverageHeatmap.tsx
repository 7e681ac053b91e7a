/**
 * Centers x fields: each cell's color is the share of the center-field's required hours left
 * uncovered (lightest = fully covered). Rows are the centers with the largest uncovered share, so
 * the table stays readable; the caption says how many others are fully covered.
 */
import { useMemo } from 'react';
import type { Field } from '../../../solver/domain.ts';
import type { CenterFieldCoverage } from '../../../solver/plan/plan.ts';
import { formatInt, formatPercent } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { inkOn, shortfallColor } from '../palette.ts';

export interface CoverageHeatmapProps {
  readonly coverage: readonly CenterFieldCoverage[];
  readonly fields: readonly Field[];
  readonly nameOf: (code: string) => string;
  /** Most rows shown. Default 25. */
  readonly maxRows?: number;
}

export const CoverageHeatmap = ({ coverage, fields, nameOf, maxRows = 25 }: CoverageHeatmapProps) => {
  const { lang, t } = useI18n();
  const { rows, cells, moreShort, covered } = useMemo(() => {
    const cells = new Map<string, CenterFieldCoverage>();
    const total = new Map<string, { required: number; uncovered: number }>();
    for (const c of coverage) {
      cells.set(`${c.centerCode}|${c.field}`, c);
      const s = total.get(c.centerCode) ?? { required: 0, uncovered: 0 };
      total.set(c.centerCode, { required: s.required + c.required, uncovered: s.uncovered + c.uncovered });
    }
    const ranked = [...total.entries()]
      .map(([code, s]) => ({ code, share: s.required > 0 ? s.uncovered / s.required : 0, uncovered: s.uncovered }))
      .sort((a, b) => b.share - a.share);
    const short = ranked.filter((r) => r.uncovered >= 0.5);
    return { rows: short.slice(0, maxRows), cells, moreShort: Math.max(0, short.length - maxRows), covered: ranked.length - short.length };
  }, [coverage, maxRows]);
  const shown = fields.filter((f) => coverage.some((c) => c.field === f.field && c.required > 0));
  return (
    <div className="heatmap-wrap">
      <table className="heatmap">
        <thead>
          <tr>
            <th scope="col">{t('center')}</th>
            {shown.map((f) => (
              <th key={f.field} scope="col" title={lang === 'vi' ? f.nameVi : f.nameEn}>
                <span>{lang === 'vi' ? f.nameVi : f.nameEn}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <th scope="row">{nameOf(r.code)}</th>
              {shown.map((f) => {
                const c = cells.get(`${r.code}|${f.field}`);
                if (!c || c.required <= 0) return <td key={f.field} className="empty" />;
                const share = c.uncovered / c.required;
                return (
                  <td
                    key={f.field}
                    style={{ background: shortfallColor(share), color: inkOn(share) }}
                    title={`${nameOf(r.code)} · ${lang === 'vi' ? f.nameVi : f.nameEn}: ${formatInt(lang, c.uncovered)} / ${formatInt(lang, c.required)} ${t('unitHours')}`}
                  >
                    {share >= 0.005 ? formatPercent(lang, share) : ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="help">{t('heatmapRest', { more: moreShort, covered })}</p>
    </div>
  );
};
