/**
 * Compare 2 to 4 solved plans side by side: a key-figure table, their trade-off of uncovered hours
 * per center, and the moves that differ (people moved in one plan and not, or elsewhere, in another).
 */
import { useId, useMemo, useState } from 'react';
import { api, type PlanJob } from '../api.ts';
import { GroupedBars } from '../charts/GroupedBars.tsx';
import { ErrorNote, Loading } from '../components/ErrorNote.tsx';
import { formatInt, formatNumber } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { OKABE_ITO } from '../palette.ts';
import { readReport, type PlanReport } from '../planReport.ts';
import { useReference } from '../reference.ts';
import { useAsync } from '../useAsync.ts';
import { StatusBadge } from './StatusBadge.tsx';

interface Compared {
  readonly job: PlanJob;
  readonly label: string;
  readonly report: PlanReport;
}

/** Moves that are not the same in every plan: staff id -> destination per plan (undefined = stays). */
export const moveDifferences = (plans: readonly { readonly report: PlanReport }[]): { staffId: string; name: string; from: string; to: (string | undefined)[] }[] => {
  const ids = new Set(plans.flatMap((p) => p.report.moves.map((m) => m.staffId)));
  const rows = [...ids].map((staffId) => {
    const found = plans.map((p) => p.report.moves.find((m) => m.staffId === staffId));
    const any = found.find((m) => m !== undefined);
    return { staffId, name: any?.name ?? '', from: any?.fromCenter ?? '', to: found.map((m) => m?.toCenter) };
  });
  return rows.filter((r) => new Set(r.to).size > 1).sort((a, b) => a.staffId.localeCompare(b.staffId));
};

/** Uncovered hours of a plan per field, summed over centers. */
export const uncoveredByField = (report: PlanReport): Map<string, number> => {
  const m = new Map<string, number>();
  for (const c of report.coverage) m.set(c.field, (m.get(c.field) ?? 0) + c.uncovered);
  return m;
};

export const Compare = () => {
  const { lang, t } = useI18n();
  const ref = useReference();
  const id = useId();
  const plans = useAsync(() => api.plans(), []);
  const scenarios = useAsync(() => api.scenarios(), []);
  const [chosen, setChosen] = useState<string[]>([]);
  const [compared, setCompared] = useState<Compared[] | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const done = (plans.data ?? []).filter((p) => p.status === 'done');
  const scenarioName = (job: PlanJob) => scenarios.data?.find((s) => s.id === job.scenarioId)?.name ?? job.scenarioId ?? job.id.slice(0, 8);
  const labelOf = (job: PlanJob) => `${scenarioName(job)} · ${job.createdAt.slice(0, 16).replace('T', ' ')}`;
  const toggle = (planId: string) =>
    setChosen((c) => (c.includes(planId) ? c.filter((x) => x !== planId) : c.length >= 4 ? c : [...c, planId]));
  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const jobs = chosen.map((c) => done.find((d) => d.id === c)).filter((j): j is PlanJob => j !== undefined);
      const reports = await Promise.all(jobs.map((j) => api.planResult(j.id)));
      setCompared(jobs.map((job, i) => ({ job, label: labelOf(job), report: readReport(reports[i]) })));
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    }
    setBusy(false);
  };
  const diffs = useMemo(() => (compared ? moveDifferences(compared) : []), [compared]);
  const nameOf = (code: string | undefined) => (code ? (ref.centerByCode.get(code)?.nameVi ?? code) : '–');
  const rows: [string, (r: PlanReport) => string][] = [
    [t('status'), (r) => r.status],
    [t('uncoveredHours'), (r) => formatInt(lang, r.coverage.reduce((s, c) => s + c.uncovered, 0))],
    [t('transfers'), (r) => formatInt(lang, r.moves.length)],
    [t('addedCommute'), (r) => `${formatNumber(lang, r.moves.reduce((s, m) => s + (m.km ?? 0), 0))} km`],
    [t('hires'), (r) => formatInt(lang, r.hires.reduce((s, h) => s + h.count, 0))],
    [t('objective'), (r) => (r.objective !== null ? formatNumber(lang, r.objective) : '–')],
    [t('seconds'), (r) => `${formatNumber(lang, r.seconds)} s`],
  ];
  return (
    <section className="screen" aria-labelledby="compare-title">
      <div className="screen-head">
        <h1 id="compare-title">{t('compare')}</h1>
      </div>
      <ErrorNote error={plans.error} onRetry={plans.reload} />
      <div className="panel">
        <fieldset className="plan-picker">
          <legend>{t('compareHelp')}</legend>
          {done.length === 0 && <p className="help">{t('none')}</p>}
          {done.map((p) => (
            <label key={p.id} className="check" htmlFor={`${id}-${p.id}`}>
              <input id={`${id}-${p.id}`} type="checkbox" checked={chosen.includes(p.id)} onChange={() => toggle(p.id)} disabled={!chosen.includes(p.id) && chosen.length >= 4} />
              {labelOf(p)}
            </label>
          ))}
        </fieldset>
        <div className="actions">
          <button type="button" className="primary" disabled={chosen.length < 2 || busy} onClick={() => void run()}>
            {t('compareRun')}
          </button>
        </div>
        <ErrorNote error={error} />
        {busy && <Loading />}
      </div>
      {compared && (
        <>
          <div className="panel">
            <h2>{t('kpis')}</h2>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col" />
                  {compared.map((c, i) => (
                    <th key={c.job.id} scope="col" className="num">
                      <i className="swatch" style={{ background: OKABE_ITO[i] }} aria-hidden="true" /> {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map(([label, value]) => (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    {compared.map((c) => (
                      <td key={c.job.id} className="num">
                        {label === t('status') ? <StatusBadge status={c.report.status} /> : value(c.report)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="panel">
            <h2>{t('uncoveredByField')}</h2>
            <GroupedBars
              title={t('uncoveredByField')}
              categories={ref.fields.map((f) => ({ id: f.field, label: lang === 'vi' ? f.nameVi : f.nameEn }))}
              series={compared.map((c) => ({ label: c.label, values: uncoveredByField(c.report) }))}
            />
          </div>
          <div className="panel">
            <h2>
              {t('differences')} · {diffs.length}
            </h2>
            <table className="table compact">
              <thead>
                <tr>
                  <th scope="col">{t('name')}</th>
                  <th scope="col">{t('from')}</th>
                  {compared.map((c) => (
                    <th key={c.job.id} scope="col">
                      {t('to')}: {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {diffs.map((d) => (
                  <tr key={d.staffId}>
                    <td>
                      {d.name || d.staffId}
                      <div className="sub mono">{d.staffId}</div>
                    </td>
                    <td>{nameOf(d.from)}</td>
                    {d.to.map((to, i) => (
                      <td key={i}>{to ? nameOf(to) : <span className="help">{t('noMoves')}</span>}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
};
