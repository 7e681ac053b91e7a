/**
 * A plan over several months (PlanResult.schedule, issue 13), as the server sends it: the month
 * table (uncovered hours under P50/P80/P95 with no change and with the plan), the timeline heat
 * map, each lasting transfer and secondment with the server's reason in months (the sentence the
 * memo and the workbook carry), the Gantt-like view of who works away when, and the hiring and
 * training schedule. Nothing is recomputed but sums of the months shown.
 */
import type { PlanSchedule } from '../../../solver/horizon/horizonPlan.ts';
import { MoveGantt } from '../charts/MoveGantt.tsx';
import { ScheduleHeatmap } from '../charts/ScheduleHeatmap.tsx';
import { formatInt, formatMonth } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { useReference } from '../reference.ts';

export interface YearPlanProps {
  readonly schedule: PlanSchedule;
  readonly staffName: (staffId: string) => string;
}

export const YearPlan = ({ schedule, staffName }: YearPlanProps) => {
  const { lang, t } = useI18n();
  const ref = useReference();
  const centerName = (code: string) => ref.centerByCode.get(code)?.nameVi ?? code;
  const fieldName = (id: string) => {
    const f = ref.fieldById.get(id);
    return f ? (lang === 'vi' ? f.nameVi : f.nameEn) : id;
  };
  const quantiles = schedule.months[0]?.uncovered.map((u) => u.quantile) ?? [];
  const total = (q: number, side: 'before' | 'after') => schedule.months.reduce((s, m) => s + (m.uncovered.find((u) => u.quantile === q)?.[side] ?? 0), 0);
  const pair = (before: number, after: number) => `${formatInt(lang, before)} → ${formatInt(lang, after)}`;
  const moves = [
    ...schedule.transfers.map((x) => ({ key: `t-${x.staffId}`, staffId: x.staffId, from: x.fromCenter, to: x.toCenter, months: t('yearFromMonth', { month: formatMonth(x.fromMonth) }), kind: t('ganttTransferred'), reason: x.reason[lang] })),
    ...schedule.secondments.map((x) => ({ key: `s-${x.staffId}`, staffId: x.staffId, from: x.fromCenter, to: x.toCenter, months: `${formatMonth(x.fromMonth)} – ${formatMonth(x.untilMonth)}`, kind: t('ganttSeconded'), reason: x.reason[lang] })),
  ];
  return (
    <section className="year-plan" aria-labelledby="year-plan-title">
      <div className="panel">
        <h2 id="year-plan-title">{t('yearTitle', { from: formatMonth(schedule.from), until: formatMonth(schedule.until), months: schedule.horizon })}</h2>
        <p className="help">{t('yearHelp')}</p>
        <div className="table-scroll" role="region" aria-label={t('yearMonthTable')} tabIndex={0}>
          <table className="table compact year-months">
            <caption className="sr-only">{t('yearMonthTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('month')}</th>
                {quantiles.map((q) => (
                  <th key={q} scope="col" className="num">
                    {t('yearUncoveredAt', { level: `P${Math.round(q * 100)}` })}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('yearAway')}
                </th>
              </tr>
            </thead>
            <tbody>
              {schedule.months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{formatMonth(m.month)}</th>
                  {m.uncovered.map((u) => (
                    <td key={u.quantile} className="num">
                      {pair(u.before, u.after)}
                    </td>
                  ))}
                  <td className="num">{formatInt(lang, m.away)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('yearTotal')}</th>
                {quantiles.map((q) => (
                  <td key={q} className="num">
                    {pair(total(q, 'before'), total(q, 'after'))}
                  </td>
                ))}
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      </div>
      <div className="panel">
        <h2>{t('timelineTitle')}</h2>
        <ScheduleHeatmap months={schedule.months} centerName={centerName} />
      </div>
      <div className="panel">
        <h2>
          {t('yearMoves')} · {formatInt(lang, moves.length)}
        </h2>
        {moves.length === 0 ? (
          <p className="help">{t('noMoves')}</p>
        ) : (
          <table className="table moves stack year-moves" aria-label={t('yearMoves')}>
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">
                  {t('from')} → {t('to')}
                </th>
                <th scope="col">{t('yearWhen')}</th>
                <th scope="col">{t('reason')}</th>
              </tr>
            </thead>
            <tbody>
              {moves.map((m) => (
                <tr key={m.key}>
                  <td>
                    <span className="person">{staffName(m.staffId)}</span>
                    <div className="sub mono">{m.staffId}</div>
                  </td>
                  <td data-label={`${t('from')} → ${t('to')}`}>
                    {centerName(m.from)} → <strong>{centerName(m.to)}</strong>
                  </td>
                  <td data-label={t('yearWhen')}>
                    {m.kind}
                    <div className="sub">{m.months}</div>
                  </td>
                  <td data-label={t('reason')} className="reason">
                    {m.reason}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="panel">
        <h2>{t('ganttTitle')}</h2>
        <MoveGantt schedule={schedule} centerName={centerName} staffName={staffName} />
      </div>
      <div className="two-col">
        <div className="panel">
          <h2>{t('yearHires')}</h2>
          {schedule.hires.length === 0 ? (
            <p className="help">{t('none')}</p>
          ) : (
            <table className="table compact" aria-label={t('yearHires')}>
              <thead>
                <tr>
                  <th scope="col">{t('center')}</th>
                  <th scope="col">{t('field')}</th>
                  <th scope="col" className="num">
                    {t('headcount')}
                  </th>
                  <th scope="col">{t('yearStartMonth')}</th>
                </tr>
              </thead>
              <tbody>
                {schedule.hires.map((h) => (
                  <tr key={`${h.centerCode}-${h.field}-${h.startMonth}`}>
                    <td>{centerName(h.centerCode)}</td>
                    <td>{fieldName(h.field)}</td>
                    <td className="num">{formatInt(lang, h.count)}</td>
                    <td>{formatMonth(h.startMonth)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div className="panel">
          <h2>{t('yearTrainings')}</h2>
          {schedule.trainings.length === 0 ? (
            <p className="help">{t('none')}</p>
          ) : (
            <table className="table compact" aria-label={t('yearTrainings')}>
              <thead>
                <tr>
                  <th scope="col">{t('name')}</th>
                  <th scope="col">{t('newField')}</th>
                  <th scope="col">{t('yearTrainingMonths')}</th>
                </tr>
              </thead>
              <tbody>
                {schedule.trainings.map((x) => (
                  <tr key={`${x.staffId}-${x.field}`}>
                    <td>
                      {staffName(x.staffId)}
                      <div className="sub">{centerName(x.centerCode)}</div>
                    </td>
                    <td>{fieldName(x.field)}</td>
                    <td>{t('yearTrainingSpan', { start: formatMonth(x.startMonth), ready: formatMonth(x.readyMonth) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </section>
  );
};
