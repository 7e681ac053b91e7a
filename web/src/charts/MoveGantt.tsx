/**
 * Who works away from their center in which month, as the schedule says: a row per secondment
 * (person, from center -> to center, from month until month) and per lasting transfer (from its
 * month to the end of the horizon), a column per month, the months away filled. Secondments and
 * transfers differ in colour and in the mark each filled cell carries (so not by colour alone);
 * the table scrolls sideways on a phone and its text alternative lists every row's months.
 */
import type { PlanSchedule } from '../../../solver/horizon/horizonPlan.ts';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { formatMonth } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { OKABE_ITO, inkOn } from '../palette.ts';
import { ChartTable } from './ChartTable.tsx';

export interface MoveGanttProps {
  readonly schedule: PlanSchedule;
  readonly centerName: (code: string) => string;
  readonly staffName: (staffId: string) => string;
}

/** Okabe-Ito blue for secondments, bluish green for lasting transfers. */
const SECONDED = OKABE_ITO[3];
const TRANSFERRED = OKABE_ITO[2];

export const MoveGantt = ({ schedule, centerName, staffName }: MoveGanttProps) => {
  const { t } = useI18n();
  const rows = [
    ...schedule.secondments.map((x) => ({ ...x, kind: 'seconded' as const })),
    ...schedule.transfers.map((x) => ({ ...x, untilMonth: schedule.until, kind: 'transferred' as const })),
  ].sort((a, b) => a.fromMonth.localeCompare(b.fromMonth) || a.staffId.localeCompare(b.staffId));
  if (rows.length === 0) return <p className="help">{t('ganttNone')}</p>;
  const title = t('ganttTitle');
  return (
    <div className="gantt-wrap">
      <p className="legend-line help">
        <span className="swatch" style={{ background: SECONDED }} /> {t('ganttSeconded')}{' '}
        <span className="swatch" style={{ background: TRANSFERRED }} /> {t('ganttTransferred')}
      </p>
      <ScrollRegion label={title} className="heatmap-wrap">
        <table className="heatmap gantt" aria-label={title}>
          <thead>
            <tr>
              <th scope="col" className="corner">
                {t('name')}
              </th>
              {schedule.months.map((m) => (
                <th key={m.month} scope="col">
                  {formatMonth(m.month)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.kind}-${r.staffId}`}>
                <th scope="row">
                  {staffName(r.staffId)}
                  <div className="sub">
                    {centerName(r.fromCenter)} → {centerName(r.toCenter)}
                  </div>
                </th>
                {schedule.months.map((m) => {
                  const on = m.month >= r.fromMonth && m.month <= r.untilMonth;
                  if (!on) return <td key={m.month} />;
                  const background = r.kind === 'seconded' ? SECONDED : TRANSFERRED;
                  return (
                    <td key={m.month} className={`on ${r.kind}`} style={{ background, color: inkOn(background) }} title={`${staffName(r.staffId)}: ${centerName(r.toCenter)}, ${formatMonth(m.month)}`}>
                      {t(r.kind === 'seconded' ? 'ganttSecondedMark' : 'ganttTransferredMark')}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <ChartTable
        caption={`${title} · ${t('chartTableShow')}`}
        columns={[t('name'), t('ganttKind'), t('from'), t('to'), t('ganttFromMonth'), t('ganttUntilMonth')]}
        rows={rows.map((r) => [staffName(r.staffId), t(r.kind === 'seconded' ? 'ganttSeconded' : 'ganttTransferred'), centerName(r.fromCenter), centerName(r.toCenter), formatMonth(r.fromMonth), formatMonth(r.untilMonth)])}
      />
    </div>
  );
};

