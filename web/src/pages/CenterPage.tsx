/**
 * One center in the period of the address (the overview's period control): its facts, what it needs,
 * has and lacks in hours and people, dossiers received and forecast with intervals, backtest
 * accuracy, field coverage and staff.
 */
import { useId, useMemo, useState } from 'react';
import { NormsLine } from '../components/NormsLine.tsx';
import { useNormsChoice } from '../components/NormsSwitch.tsx';
import { api, type CenterSeriesForecast } from '../api.ts';
import { ForecastChart } from '../charts/ForecastChart.tsx';
import { ErrorNote, Loading } from '../components/ErrorNote.tsx';
import { Kpi } from '../components/Kpi.tsx';
import { PeriodControls } from '../components/PeriodControls.tsx';
import { usePeopleShortText } from '../components/usePeopleShortText.ts';
import { formatInt, formatMonth, formatNumber, formatPercent, gradeName } from '../format.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { useReference } from '../reference.ts';
import { usePeriodRoute } from '../route.ts';
import { forecastTotals, historyTotals, type SeriesFilter } from '../seriesMath.ts';
import { useAsync } from '../useAsync.ts';
import { peopleOf } from '../workloadPeople.ts';

/**
 * Share of a field's required hours that the center's current staff cover in the best allocation
 * (the workload's coveredHours / requiredHours; 1 when nothing is required). Unlike required hours
 * over the experts' hours, it cannot read "35%" while every hour stays uncovered because the
 * experts are busy with other fields.
 */
export const coveredShareOf = (f: { readonly requiredHours: number; readonly coveredHours: number }): number =>
  f.requiredHours > 0 ? Math.min(1, f.coveredHours / f.requiredHours) : 1;

export const CenterPage = ({ code }: { readonly code: string | undefined }) => {
  const { lang, t } = useI18n();
  const ref = useReference();
  const id = useId();
  const sorted = useMemo(() => [...ref.centers].sort((a, b) => a.nameVi.localeCompare(b.nameVi, 'vi')), [ref.centers]);
  const center = code ? ref.centerByCode.get(code) : undefined;
  const chosen = center ?? sorted[0];
  const { period, quantile, setPeriod, setQuantile, hrefWith } = usePeriodRoute();
  const peopleShortText = usePeopleShortText();
  const choose = (next: string) => {
    window.location.hash = hrefWith('center', next);
  };
  const [field, setField] = useState<string | undefined>(undefined);
  const [channel, setChannel] = useState<'direct' | 'online' | undefined>(undefined);
  const c = chosen?.code ?? '';
  const history = useAsync(() => api.history(c), [c]);
  const forecasts = useAsync(() => api.forecasts(c), [c]);
  const staff = useAsync(() => api.staff(c), [c]);
  const [norms] = useNormsChoice();
  const workload = useAsync(() => api.workload(period, quantile, norms), [period, quantile, norms]);
  const H = workload.data?.hoursPerFte ?? 0;
  const filter: SeriesFilter = { field, channel };
  const hist = useMemo(() => historyTotals(history.data ?? [], filter), [history.data, field, channel]);
  const fc = useMemo(() => forecastTotals(forecasts.data ?? [], filter), [forecasts.data, field, channel]);
  const fieldName = (fid: string) => {
    const f = ref.fieldById.get(fid);
    return f ? (lang === 'vi' ? f.nameVi : f.nameEn) : fid;
  };
  const centerLoad = workload.data?.centers.find((w) => w.centerCode === c);
  const fieldLoads = workload.data?.fields.filter((w) => w.centerCode === c && w.requiredHours > 0) ?? [];
  if (!chosen) return <p>{t('none')}</p>;
  return (
    <section className="screen" aria-labelledby="center-title">
      <div className="screen-head">
        <h1 id="center-title">{chosen.nameVi}</h1>
        <div className="controls-row">
          <label htmlFor={`${id}-center`}>
            {t('chooseCenter')}
            <select id={`${id}-center`} value={chosen.code} onChange={(e) => choose(e.target.value)}>
              {sorted.map((x) => (
                <option key={x.code} value={x.code}>
                  {x.nameVi}
                </option>
              ))}
            </select>
          </label>
          <PeriodControls
            period={period}
            quantile={quantile}
            onPeriod={setPeriod}
            onQuantile={setQuantile}
            source={workload.data?.period === period ? workload.data.source : undefined}
          />
        </div>
      </div>
      <p className="help">
        {t(chosen.type as MessageKey)}
        {chosen.formerDistrict && ` · ${t('formerly', { district: chosen.formerDistrict })}`} · {t('population')} {formatInt(lang, chosen.population)} ·{' '}
        {formatNumber(lang, chosen.areaKm2)} km² · {t('desks')} {chosen.desks} · {t('maxStaff')} {chosen.maxStaff} · {t('areaAdequate')}:{' '}
        {chosen.areaAdequate ? t('yes') : t('no')}
      </p>
      {centerLoad && H > 0 && <p className="people-short">{peopleShortText(chosen.nameVi, centerLoad, H) ?? ''}</p>}
      <div className="kpis">
        <Kpi
          label={`${t('utilization')} · ${formatMonth(period)} · P${Math.round(quantile * 100)}`}
          value={formatPercent(lang, centerLoad?.utilization)}
          hint={t('utilizationHelp')}
          tone={(centerLoad?.utilization ?? 0) > 1 ? 'bad' : undefined}
        />
        <Kpi label={t('staff')} value={centerLoad ? formatInt(lang, centerLoad.staffCount) : '–'} />
        <Kpi label={t('requiredHours')} value={centerLoad ? formatInt(lang, centerLoad.requiredHours) : '–'} />
        <Kpi label={t('availableHours')} value={centerLoad ? formatInt(lang, centerLoad.availableHours) : '–'} />
        <Kpi label={t('fteNeeded')} value={centerLoad ? formatNumber(lang, centerLoad.requiredFte) : '–'} hint={t('fteHelp', { hours: formatNumber(lang, H) })} />
        <Kpi label={t('fteHave')} value={centerLoad ? formatNumber(lang, peopleOf(centerLoad.coveredHours, H)) : '–'} hint={t('fteHelp', { hours: formatNumber(lang, H) })} />
        <Kpi
          label={t('fteShort')}
          value={centerLoad ? formatNumber(lang, peopleOf(centerLoad.uncoveredHours, H)) : '–'}
          tone={(centerLoad?.uncoveredHours ?? 0) >= 1 ? 'bad' : undefined}
          hint={t('fteHelp', { hours: formatNumber(lang, H) })}
        />
      </div>
      <div className="panel">
        <div className="panel-head">
          <h2>{t('historyForecast')}</h2>
          <div className="controls-row">
            <label htmlFor={`${id}-field`}>
              {t('field')}
              <select id={`${id}-field`} value={field ?? ''} onChange={(e) => setField(e.target.value || undefined)}>
                <option value="">{t('allFields')}</option>
                {ref.fields.map((f) => (
                  <option key={f.field} value={f.field}>
                    {fieldName(f.field)}
                  </option>
                ))}
              </select>
            </label>
            <label htmlFor={`${id}-channel`}>
              {t('channel')}
              <select
                id={`${id}-channel`}
                value={channel ?? ''}
                onChange={(e) => setChannel(e.target.value === 'direct' || e.target.value === 'online' ? e.target.value : undefined)}
              >
                <option value="">{t('both')}</option>
                <option value="direct">{t('direct')}</option>
                <option value="online">{t('online')}</option>
              </select>
            </label>
          </div>
        </div>
        <ErrorNote error={history.error} onRetry={history.reload} />
        <ErrorNote error={forecasts.error} onRetry={forecasts.reload} />
        {(history.loading || forecasts.loading) && <Loading />}
        {hist.length > 0 && <ForecastChart history={hist} forecast={fc} title={t('historyForecast')} />}
      </div>
      <div className="center-tables">
        <div className="panel">
          <h2>{t('fieldCoverage')}</h2>
          {workload.data && <NormsLine norms={workload.data.norms} />}
          <ErrorNote error={workload.error} onRetry={workload.reload} />
          <div className="table-scroll">
          <table className="table wrap-head" aria-label={t('fieldCoverage')}>
            <thead>
              <tr>
                <th scope="col">{t('field')}</th>
                <th scope="col" className="num">{t('dossiers')}</th>
                <th scope="col" className="num">{t('requiredHours')}</th>
                <th scope="col" className="num">{t('uncoveredHours')}</th>
                <th scope="col" className="num">{t('fteNeeded')}</th>
                <th scope="col" className="num">{t('fteShort')}</th>
                <th scope="col" className="num">{t('expertStaff')}</th>
                <th scope="col" className="num">{t('coveredShare')}</th>
              </tr>
            </thead>
            <tbody>
              {fieldLoads.map((f) => (
                <tr key={f.field}>
                  <th scope="row">{fieldName(f.field)}</th>
                  <td className="num">{formatInt(lang, f.direct + f.online)}</td>
                  <td className="num">{formatInt(lang, f.requiredHours)}</td>
                  <td className={`num${f.uncoveredHours >= 1 ? ' bad' : ''}`}>{formatInt(lang, f.uncoveredHours)}</td>
                  <td className="num">{formatNumber(lang, peopleOf(f.requiredHours, H))}</td>
                  <td className={`num${f.uncoveredHours >= 1 ? ' bad' : ''}`}>{formatNumber(lang, peopleOf(f.uncoveredHours, H))}</td>
                  <td className="num">{f.expertStaff}</td>
                  <td className={`num${f.expertStaff === 0 || f.uncoveredHours >= 1 ? ' bad' : ''}`}>
                    {f.expertStaff === 0 ? t('noStaffWithExpertise') : formatPercent(lang, coveredShareOf(f))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          <p className="help">{t('coveredShareHelp')}</p>
        </div>
        <div className="panel">
          <h2>{t('backtest')}</h2>
          <BacktestTable forecasts={forecasts.data ?? []} fieldName={fieldName} />
        </div>
      </div>
      <div className="panel">
        <h2>
          {t('staff')} · {staff.data?.length ?? ''}
        </h2>
        <ErrorNote error={staff.error} onRetry={staff.reload} />
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('staffId')}</th>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('grade')}</th>
              <th scope="col" className="num">{t('fte')}</th>
              <th scope="col">{t('expertise')}</th>
              <th scope="col">{t('home')}</th>
              <th scope="col">{t('locked')}</th>
            </tr>
          </thead>
          <tbody>
            {(staff.data ?? []).map((p) => (
              <tr key={p.staffId}>
                <td className="mono">{p.staffId}</td>
                <td>{p.name}</td>
                <td>{gradeName(lang, p.grade)}</td>
                <td className="num">{formatNumber(lang, p.fte)}</td>
                <td>
                  {p.fields.map((f) => (
                    <span key={f} className="chip">
                      {fieldName(f)}
                    </span>
                  ))}
                </td>
                <td>{ref.centerByCode.get(p.homeCode)?.nameVi ?? p.homeCode}</td>
                <td>{p.locked ? t('yes') : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
};

const BacktestTable = ({
  forecasts,
  fieldName,
}: {
  readonly forecasts: readonly CenterSeriesForecast[];
  readonly fieldName: (id: string) => string;
}) => {
  const { lang, t } = useI18n();
  const kept = forecasts.filter((f) => f.backtest.length > 0 && f.mean.some((v) => v > 0));
  const fieldIds = [...new Set(kept.map((f) => f.field))];
  if (fieldIds.length === 0) return <p className="help">{t('none')}</p>;
  const cell = (field: string, channel: 'direct' | 'online') => {
    const f = kept.find((x) => x.field === field && x.channel === channel);
    const best = f ? (f.backtest.find((b) => b.method === f.method) ?? f.backtest[0]) : undefined;
    return { f, best };
  };
  return (
    <>
      <table className="table compact">
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {t('field')}
            </th>
            <th scope="colgroup" colSpan={2} className="num">
              {t('direct')}
            </th>
            <th scope="colgroup" colSpan={2} className="num">
              {t('online')}
            </th>
          </tr>
          <tr>
            <th scope="col" className="num">{t('mase')}</th>
            <th scope="col" className="num">{t('smape')}</th>
            <th scope="col" className="num">{t('mase')}</th>
            <th scope="col" className="num">{t('smape')}</th>
          </tr>
        </thead>
        <tbody>
          {fieldIds.map((field) => (
            <tr key={field}>
              <th scope="row">{fieldName(field)}</th>
              {(['direct', 'online'] as const).flatMap((channel) => {
                const { f, best } = cell(field, channel);
                const title = f ? `${t('method')}: ${f.method.replace(/^mean\((.*)\)$/, (_, list: string) => list.split('+').join(', '))}` : undefined;
                return [
                  <td key={`${channel}-m`} className="num" title={title}>
                    {best ? formatNumber(lang, best.mase, 2) : '–'}
                  </td>,
                  <td key={`${channel}-s`} className="num" title={title}>
                    {best ? formatNumber(lang, best.smape, 1) : '–'}
                  </td>,
                ];
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="help">{t('backtestHelp')}</p>
    </>
  );
};
