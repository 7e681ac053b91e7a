/** Overview: where the city stands in a period: the map, the key figures, overloaded and idle centers. */
import { useMemo, useState } from 'react';
import type { CityWorkload } from '../../../solver/workload/workloadTypes.ts';
import { api } from '../api.ts';
import { CenterMap } from '../charts/CenterMap.tsx';
import { UtilizationLegend, VolumeLegend } from '../charts/Legends.tsx';
import { ErrorNote, Loading } from '../components/ErrorNote.tsx';
import { Kpi } from '../components/Kpi.tsx';
import { PeriodControls } from '../components/PeriodControls.tsx';
import { formatInt, formatPercent } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { useReference } from '../reference.ts';
import { hrefOf } from '../route.ts';
import { useAsync } from '../useAsync.ts';
import { ActivePlanSummary } from './ActivePlanSummary.tsx';

/** Last month of the embedded history: the default view is what really happened there. */
export const DEFAULT_OVERVIEW_PERIOD = '2026-10';

export const volumeByCenter = (w: CityWorkload): Map<string, number> => {
  const m = new Map<string, number>();
  for (const f of w.fields) m.set(f.centerCode, (m.get(f.centerCode) ?? 0) + f.direct + f.online);
  return m;
};

export const Overview = () => {
  const { lang, t } = useI18n();
  const ref = useReference();
  const [period, setPeriod] = useState(DEFAULT_OVERVIEW_PERIOD);
  const [quantile, setQuantile] = useState(0.8);
  const workload = useAsync(() => api.workload(period, quantile), [period, quantile]);
  const w = workload.data;
  const volume = useMemo(() => (w ? volumeByCenter(w) : new Map<string, number>()), [w]);
  const utilization = useMemo(() => new Map(w?.centers.map((c) => [c.centerCode, c.utilization]) ?? []), [w]);
  const overloaded = useMemo(
    () => (w ? [...w.centers].filter((c) => (c.utilization ?? 0) > 1).sort((a, b) => (b.utilization ?? 0) - (a.utilization ?? 0)) : []),
    [w],
  );
  const idle = useMemo(
    () =>
      w ? [...w.centers].filter((c) => c.utilization !== null && c.utilization < 0.6).sort((a, b) => (a.utilization ?? 0) - (b.utilization ?? 0)) : [],
    [w],
  );
  const open = (code: string) => {
    window.location.hash = hrefOf('center', code);
  };
  const nameOf = (code: string) => ref.centerByCode.get(code)?.nameVi ?? code;
  const fieldName = (id: string) => {
    const f = ref.fieldById.get(id);
    return f ? (lang === 'vi' ? f.nameVi : f.nameEn) : id;
  };
  return (
    <section className="screen" aria-labelledby="overview-title">
      <div className="screen-head">
        <h1 id="overview-title">{t('navOverview')}</h1>
        <PeriodControls period={period} quantile={quantile} onPeriod={setPeriod} onQuantile={setQuantile} />
      </div>
      <ErrorNote error={workload.error} onRetry={workload.reload} />
      {workload.loading && !w && <Loading />}
      {w && (
        <div className="kpis">
          <Kpi label={t('cityUtilization')} value={formatPercent(lang, w.totals.utilization)} hint={t('utilizationHelp')} />
          <Kpi label={t('dossiers')} value={formatInt(lang, w.totals.direct + w.totals.online)} hint={`${t('direct')} ${formatInt(lang, w.totals.direct)} · ${t('online')} ${formatInt(lang, w.totals.online)}`} />
          <Kpi label={t('staff')} value={formatInt(lang, w.totals.staffCount)} />
          <Kpi label={t('requiredHours')} value={formatInt(lang, w.totals.requiredHours)} />
          <Kpi label={t('uncoveredHours')} value={formatInt(lang, w.totals.uncoveredHours)} tone={w.totals.uncoveredHours > 0 ? 'bad' : undefined} />
          <Kpi label={t('overloadedCenters')} value={formatInt(lang, w.totals.overloadedCenters)} tone="bad" />
          <Kpi label={t('idleCenters')} value={formatInt(lang, w.totals.idleCenters)} />
        </div>
      )}
      <ActivePlanSummary />
      <div className="overview-grid">
        <div className="panel map-panel">
          <h2>{t('map')}</h2>
          <p className="help">{t('mapHelp')}</p>
          <CenterMap centers={ref.centers} volume={volume} utilization={utilization} onSelect={open} title={t('map')} />
          <div className="legends">
            <UtilizationLegend title={t('legendUtilization')} />
            <VolumeLegend title={t('legendVolume')} max={Math.max(0, ...volume.values())} />
          </div>
        </div>
        <div className="side-lists">
          <CenterList
            title={`${t('overloaded')} · ${overloaded.length}`}
            rows={overloaded.map((c) => ({
              code: c.centerCode,
              name: nameOf(c.centerCode),
              utilization: c.utilization,
              note: c.shortFields
                .slice(0, 2)
                .map((s) => `${fieldName(s.field)}${s.expertStaff === 0 ? ` (${t('missingExpertise')})` : ''}`)
                .join('; '),
              staff: c.staffCount,
            }))}
          />
          <CenterList
            title={`${t('idle')} · ${idle.length}`}
            rows={idle.map((c) => ({ code: c.centerCode, name: nameOf(c.centerCode), utilization: c.utilization, note: '', staff: c.staffCount }))}
          />
        </div>
      </div>
    </section>
  );
};

interface ListRow {
  readonly code: string;
  readonly name: string;
  readonly utilization: number | null;
  readonly note: string;
  readonly staff: number;
}

const CenterList = ({ title, rows }: { readonly title: string; readonly rows: readonly ListRow[] }) => {
  const { lang, t } = useI18n();
  return (
    <div className="panel">
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="help">{t('none')}</p>
      ) : (
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">{t('center')}</th>
              <th scope="col" className="num">
                {t('utilization')}
              </th>
              <th scope="col" className="num">
                {t('staff')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code}>
                <td>
                  <a href={hrefOf('center', r.code)}>{r.name}</a>
                  {r.note && <div className="sub">{r.note}</div>}
                </td>
                <td className="num">{formatPercent(lang, r.utilization)}</td>
                <td className="num">{r.staff}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
};
