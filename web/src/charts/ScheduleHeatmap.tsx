/**
 * The timeline of a plan over several months: months x centers, each cell the share of the
 * center's required hours left uncovered that month (the schedule's ScheduleMonth.centers, at the
 * quantile planned for), with no change or with the plan (a switch), in the shortfall scale of
 * palette.ts. The centers most short with no change come first; a button shows all of them. The
 * table scrolls sideways in its own region on a phone; its text alternative lists each shown
 * center's hours uncovered over the horizon before and after.
 */
import { useMemo, useState } from 'react';
import type { ScheduleMonth } from '../../../solver/horizon/horizonPlan.ts';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { formatInt, formatMonth, formatPercent } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { inkOn, shortfallColor } from '../palette.ts';
import { ChartTable } from './ChartTable.tsx';

export interface ScheduleHeatmapProps {
  readonly months: readonly ScheduleMonth[];
  readonly centerName: (code: string) => string;
  /** Rows shown before "show all". Default 15. */
  readonly maxRows?: number;
}

type Side = 'before' | 'after';

interface Row {
  readonly code: string;
  readonly required: number;
  readonly before: number;
  readonly after: number;
  /** Largest monthly share uncovered with no change: the ranking. */
  readonly worst: number;
}

export const ScheduleHeatmap = ({ months, centerName, maxRows = 15 }: ScheduleHeatmapProps) => {
  const { lang, t } = useI18n();
  const [side, setSide] = useState<Side>('after');
  const [all, setAll] = useState(false);
  const ranked = useMemo<readonly Row[]>(() => {
    const byCode = new Map<string, { required: number; before: number; after: number; worst: number }>();
    for (const m of months) {
      for (const c of m.centers) {
        const r = byCode.get(c.centerCode) ?? { required: 0, before: 0, after: 0, worst: 0 };
        r.required += c.required;
        r.before += c.uncoveredBefore;
        r.after += c.uncoveredAfter;
        if (c.required > 0) r.worst = Math.max(r.worst, c.uncoveredBefore / c.required);
        byCode.set(c.centerCode, r);
      }
    }
    return [...byCode].map(([code, r]) => ({ code, ...r })).sort((a, b) => b.worst - a.worst || b.before - a.before || a.code.localeCompare(b.code));
  }, [months]);
  const rows = all ? ranked : ranked.slice(0, maxRows);
  const cells = useMemo(() => months.map((m) => new Map(m.centers.map((c) => [c.centerCode, c]))), [months]);
  const title = t('timelineTitle');
  return (
    <div className="schedule-heatmap">
      <div className="segmented" role="radiogroup" aria-label={t('timelineSide')}>
        {(['before', 'after'] as const).map((s) => (
          <label key={s} className={side === s ? 'on' : undefined}>
            <input type="radio" name="timeline-side" value={s} checked={side === s} onChange={() => setSide(s)} />
            {t(s === 'before' ? 'timelineBefore' : 'timelineAfter')}
          </label>
        ))}
      </div>
      <ScrollRegion label={title} className="heatmap-wrap">
        <table className="heatmap timeline" aria-label={`${title}: ${t(side === 'before' ? 'timelineBefore' : 'timelineAfter')}`}>
          <thead>
            <tr>
              <th scope="col" className="corner">
                {t('center')}
              </th>
              {months.map((m) => (
                <th key={m.month} scope="col">
                  {formatMonth(m.month)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code}>
                <th scope="row">{centerName(r.code)}</th>
                {cells.map((byCode, i) => {
                  const c = byCode.get(r.code);
                  const month = months[i]?.month ?? '';
                  if (c === undefined || c.required <= 0) return <td key={month} className="empty" />;
                  const uncovered = side === 'before' ? c.uncoveredBefore : c.uncoveredAfter;
                  const share = uncovered / c.required;
                  const background = shortfallColor(share);
                  return (
                    <td key={month} style={{ background, color: inkOn(background) }} title={`${centerName(r.code)} · ${formatMonth(month)}: ${formatInt(lang, uncovered)} / ${formatInt(lang, c.required)} ${t('unitHours')}`}>
                      {share >= 0.005 ? formatPercent(lang, share) : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="help">
        {all ? t('timelineAll', { count: ranked.length }) : t('timelineTop', { shown: rows.length, count: ranked.length })}{' '}
        {ranked.length > maxRows && (
          <button type="button" className="link-button" aria-expanded={all} onClick={() => setAll(!all)}>
            {all ? t('timelineFewer', { shown: maxRows }) : t('timelineShowAll', { count: ranked.length })}
          </button>
        )}
      </p>
      <ChartTable
        caption={`${title} · ${t('chartTableShow')}`}
        columns={[t('center'), t('requiredHours'), t('timelineUncoveredBefore'), t('timelineUncoveredAfter')]}
        rows={rows.map((r) => [centerName(r.code), formatInt(lang, r.required), formatInt(lang, r.before), formatInt(lang, r.after)])}
      />
    </div>
  );
};
