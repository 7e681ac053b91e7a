/**
 * Compared plans over their months (issue 13), read off each plan's result: uncovered hours per
 * month with the plan at the quantile it was staffed to (a single-month plan has its one month),
 * as grouped bars with their table, then per plan the total over its months, lasting transfers,
 * secondments in person-months and hires. Only sums of the results' own figures.
 */
import type { PlanResult } from '../../../solver/plan/planResult.ts';
import { GroupedBars } from '../charts/GroupedBars.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { formatInt, formatMonth } from '../format.ts';
import { useI18n } from '../i18n.ts';

export interface CompareHorizonProps {
  readonly results: readonly PlanResult[];
  readonly labels: readonly string[];
}

/** A plan's months: uncovered hours with the plan at its own quantile (`schedule`), or its one month. */
export const uncoveredByMonth = (r: PlanResult): ReadonlyMap<string, number> =>
  r.schedule === null
    ? new Map(r.outcome === null ? [] : [[r.period, r.outcome.after.uncoveredHours]])
    : new Map(r.schedule.months.flatMap((m) => m.uncovered.filter((u) => u.quantile === r.quantile).map((u) => [m.month, u.after] as const)));

/** A plan's measures over its months: lasting transfers, secondments (people, person-months), hires. */
export const measuresOf = (r: PlanResult) => ({
  transfers: r.schedule?.transfers.length ?? r.outcome?.after.transfers ?? 0,
  secondments: r.schedule?.secondments.length ?? 0,
  secondmentMonths: r.schedule?.secondments.reduce((n, x) => n + x.months, 0) ?? 0,
  hires: r.schedule?.hires.reduce((n, x) => n + x.count, 0) ?? r.outcome?.after.hires ?? 0,
});

export const CompareHorizon = ({ results, labels }: CompareHorizonProps) => {
  const { lang, t } = useI18n();
  const series = results.map((r, i) => ({ label: labels[i] ?? '', values: uncoveredByMonth(r) }));
  const months = [...new Set(series.flatMap((s) => [...s.values.keys()]))].sort();
  const total = (values: ReadonlyMap<string, number>) => [...values.values()].reduce((s, v) => s + v, 0);
  const rows: readonly (readonly [string, (r: PlanResult, i: number) => string])[] = [
    [t('compareMonths'), (r) => (r.schedule === null ? formatMonth(r.period) : `${formatMonth(r.schedule.from)} – ${formatMonth(r.schedule.until)}`)],
    [t('compareUncoveredTotal'), (_, i) => formatInt(lang, total(series[i]?.values ?? new Map()))],
    [t('ganttTransferred'), (r) => formatInt(lang, measuresOf(r).transfers)],
    [t('compareSecondments'), (r) => `${formatInt(lang, measuresOf(r).secondments)} (${formatInt(lang, measuresOf(r).secondmentMonths)} ${t('unitPersonMonths')})`],
    [t('hires'), (r) => formatInt(lang, measuresOf(r).hires)],
  ];
  return (
    <>
      <GroupedBars
        title={t('compareByMonth')}
        categoryHeading={t('month')}
        categories={months.map((m) => ({ id: m, label: formatMonth(m) }))}
        series={series}
      />
      <ScrollRegion label={t('compareOverHorizon')}>
        <table className="table compare compare-horizon">
          <caption className="sr-only">{t('compareOverHorizon')}</caption>
          <thead>
            <tr>
              <th scope="col" />
              {labels.map((label) => (
                <th key={label} scope="col" className="num">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, cell]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {results.map((r, i) => (
                  <td key={labels[i] ?? i} className="num">
                    {cell(r, i)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
};
