/**
 * Overview: where the city stands in a period (the one in the address): the map, the key figures in
 * hours and people, overloaded centers with the people they lack, idle centers.
 */
import { useEffect, useMemo, useState } from 'react';
import type { CityWorkload } from '../../../solver/workload/workloadTypes.ts';
import { api } from '../api.ts';
import { CenterMap } from '../charts/CenterMap.tsx';
import { LandLegend, UtilizationLegend, VolumeLegend } from '../charts/Legends.tsx';
import { ErrorNote, Loading } from '../components/ErrorNote.tsx';
import { Kpi } from '../components/Kpi.tsx';
import { NormsLine } from '../components/NormsLine.tsx';
import { NormsSwitch, useNormsChoice } from '../components/NormsSwitch.tsx';
import { PeriodControls } from '../components/PeriodControls.tsx';
import { usePeopleShortText } from '../components/usePeopleShortText.ts';
import { formatInt, formatNumber, formatPercent } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { useReference } from '../reference.ts';
import { usePeriodRoute } from '../route.ts';
import { useAsync } from '../useAsync.ts';
import { peopleOf } from '../workloadPeople.ts';
import { ActivePlanSummary } from './ActivePlanSummary.tsx';


/**
 * A center counts as overloaded above this utilization. The list and the city KPI use the same test,
 * and the list shows one decimal, so no center reads "100%" under "> 100%".
 */
const OVERLOADED = 1;

/** Where the server's background preparation of the active dataset stands (GET /api/forecasts/status). */
interface Preparation {
  readonly state: 'pending' | 'preparing' | 'ready' | 'failed';
  readonly stage: string;
}

/** How often the overview asks whether the forecasts are ready while it waits for them, ms. */
const PREPARATION_POLL_MS = 500;

/** Words of the preparing state (this screen only). */
const PREPARING_WORDS: Readonly<Record<'vi' | 'en', { readonly title: string; readonly stages: Readonly<Record<string, string>> }>> = {
  vi: {
    title: 'Máy chủ đang chuẩn bị dự báo cho bộ dữ liệu này (chỉ lần khởi động đầu tiên hoặc sau khi nhập dữ liệu).',
    stages: { forecasts: 'Đang tính dự báo của mọi chuỗi trung tâm × lĩnh vực × kênh…', workload: 'Đang tính khối lượng công việc…', solver: 'Đang chuẩn bị bộ giải…' },
  },
  en: {
    title: 'The server is preparing the forecasts of this dataset (first start or after an import only).',
    stages: { forecasts: 'Forecasting every center × field × channel series…', workload: 'Computing the workload…', solver: 'Getting the solver ready…' },
  },
};

/**
 * While `waiting`, asks the server every PREPARATION_POLL_MS whether it is still preparing the
 * forecasts; undefined when it is not (or cannot say). The status route is open (no token).
 */
const usePreparation = (waiting: boolean): Preparation | undefined => {
  const [preparation, setPreparation] = useState<Preparation | undefined>(undefined);
  useEffect(() => {
    if (!waiting) {
      setPreparation(undefined);
      return undefined;
    }
    let live = true;
    let timer = 0;
    const ask = async () => {
      try {
        const response = await fetch('api/forecasts/status');
        const body = response.ok ? ((await response.json()) as Preparation) : undefined;
        if (live) setPreparation(body?.state === 'preparing' ? body : undefined);
      } catch {
        // the workload request reports errors; this note only adds what the server is doing
      }
      if (live) timer = window.setTimeout(() => void ask(), PREPARATION_POLL_MS);
    };
    void ask();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [waiting]);
  return preparation;
};

export const volumeByCenter = (w: CityWorkload): Map<string, number> => {
  const m = new Map<string, number>();
  for (const f of w.fields) m.set(f.centerCode, (m.get(f.centerCode) ?? 0) + f.direct + f.online);
  return m;
};

export const Overview = () => {
  const { lang, t } = useI18n();
  const ref = useReference();
  const { period, quantile, setPeriod, setQuantile, hrefWith } = usePeriodRoute();
  const peopleShortText = usePeopleShortText();
  const [norms, setNorms] = useNormsChoice();
  const workload = useAsync(() => api.workload(period, quantile, norms), [period, quantile, norms]);
  const w = workload.data;
  const preparation = usePreparation(workload.loading && !w);
  const volume = useMemo(() => (w ? volumeByCenter(w) : new Map<string, number>()), [w]);
  const utilization = useMemo(() => new Map(w?.centers.map((c) => [c.centerCode, c.utilization]) ?? []), [w]);
  const overloaded = useMemo(
    () => (w ? [...w.centers].filter((c) => (c.utilization ?? 0) > OVERLOADED).sort((a, b) => (b.utilization ?? 0) - (a.utilization ?? 0)) : []),
    [w],
  );
  const idle = useMemo(
    () =>
      w ? [...w.centers].filter((c) => c.utilization !== null && c.utilization < 0.6).sort((a, b) => (a.utilization ?? 0) - (b.utilization ?? 0)) : [],
    [w],
  );
  const open = (code: string) => {
    window.location.hash = hrefWith('center', code);
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
        <div className="controls-row">
          <PeriodControls period={period} quantile={quantile} onPeriod={setPeriod} onQuantile={setQuantile} source={w?.period === period ? w.source : undefined} />
          <NormsSwitch value={norms} onChange={setNorms} id="overview-norms" />
        </div>
      </div>
      {w && <NormsLine norms={w.norms} />}
      <ErrorNote error={workload.error} onRetry={workload.reload} />
      {workload.loading && !w && !preparation && <Loading />}
      {preparation && (
        <p className="loading" role="status">
          {PREPARING_WORDS[lang].title} {PREPARING_WORDS[lang].stages[preparation.stage] ?? ''}
        </p>
      )}
      {w && (
        <div className="kpis">
          <Kpi label={t('cityUtilization')} value={formatPercent(lang, w.totals.utilization)} hint={t('utilizationHelp')} />
          <Kpi label={t('dossiers')} value={formatInt(lang, w.totals.direct + w.totals.online)} hint={`${t('direct')} ${formatInt(lang, w.totals.direct)} · ${t('online')} ${formatInt(lang, w.totals.online)}`} />
          <Kpi label={t('staff')} value={formatInt(lang, w.totals.staffCount)} />
          <Kpi label={t('requiredHours')} value={formatInt(lang, w.totals.requiredHours)} />
          <Kpi label={t('fteNeeded')} value={formatNumber(lang, w.totals.requiredFte)} hint={t('fteHelp', { hours: formatNumber(lang, w.hoursPerFte) })} />
          <Kpi label={t('uncoveredHours')} value={formatInt(lang, w.totals.uncoveredHours)} tone={w.totals.uncoveredHours > 0 ? 'bad' : undefined} />
          <Kpi
            label={t('cityFteShort')}
            value={formatNumber(lang, peopleOf(w.totals.uncoveredHours, w.hoursPerFte))}
            tone={w.totals.uncoveredHours > 0 ? 'bad' : undefined}
            hint={t('fteHelp', { hours: formatNumber(lang, w.hoursPerFte) })}
          />
          <Kpi label={t('overloadedCenters')} value={formatInt(lang, w.totals.overloadedCenters)} tone="bad" />
          <Kpi label={t('idleCenters')} value={formatInt(lang, w.totals.idleCenters)} />
        </div>
      )}
      <ActivePlanSummary period={period} />
      <div className="overview-grid">
        <div className="panel map-panel">
          <h2>{t('map')}</h2>
          <p className="help">{t('mapHelp')}</p>
          <CenterMap centers={ref.centers} volume={volume} utilization={utilization} onSelect={open} title={t('map')} />
          <div className="legends">
            <UtilizationLegend title={t('legendUtilization')} />
            <VolumeLegend title={t('legendVolume')} max={Math.max(0, ...volume.values())} />
            <LandLegend label={t('legendNoStaff')} />
          </div>
        </div>
        <div className="side-lists">
          <CenterList
            title={`${t('overloaded')} · ${overloaded.length}`}
            rows={overloaded.map((c) => ({
              code: c.centerCode,
              name: nameOf(c.centerCode),
              utilization: c.utilization,
              note: [
                peopleShortText('', c, w?.hoursPerFte ?? 0),
                ...c.shortFields.filter((s) => s.expertStaff === 0).map((s) => `${fieldName(s.field)}: ${t('missingExpertise')}`),
              ]
                .filter(Boolean)
                .join(' · '),
              staff: c.staffCount,
            }))}
            hrefOf={(code) => hrefWith('center', code)}
          />
          <CenterList
            title={`${t('idle')} · ${idle.length}`}
            rows={idle.map((c) => ({ code: c.centerCode, name: nameOf(c.centerCode), utilization: c.utilization, note: '', staff: c.staffCount }))}
            hrefOf={(code) => hrefWith('center', code)}
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

const CenterList = ({ title, rows, hrefOf }: { readonly title: string; readonly rows: readonly ListRow[]; readonly hrefOf: (code: string) => string }) => {
  const { lang, t } = useI18n();
  return (
    <div className="panel">
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="help">{t('none')}</p>
      ) : (
        <table className="table compact" aria-label={title}>
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
                  <a href={hrefOf(r.code)}>{r.name}</a>
                  {r.note && <div className="sub">{r.note}</div>}
                </td>
                <td className="num">{formatPercent(lang, r.utilization, 1)}</td>
                <td className="num">{r.staff}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
};
