/**
 * Compare 2 to 4 solved plans side by side. The key-figure table and the differences in moves come
 * from the server (POST /api/comparisons: one source of truth); the overlaid chart of uncovered hours
 * per field reads each plan's coverage from its result. A server error is shown beside the plan it
 * names (an unknown or unfinished plan), else beside the Compare button.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { normsLineText } from '../components/NormsLine.tsx';
import { api, type PlanJob } from '../api.ts';
import { GroupedBars } from '../charts/GroupedBars.tsx';
import { planNamedIn, type ComparedPlan, type ComparedSummary, type Comparison } from '../comparison.ts';
import { ErrorNote, Loading } from '../components/ErrorNote.tsx';
import { formatInt, formatNumber, formatPercent } from '../format.ts';
import { formatPlanTime, solvedAt } from '../components/storedPlans.ts';
import { useI18n, type Lang, type Translate } from '../i18n.ts';
import { planStatusText } from '../messages/conflictText.ts';
import { OKABE_ITO } from '../palette.ts';
import { readReport, type PlanReport } from '../planReport.ts';
import { useReference } from '../reference.ts';
import { useAsync } from '../useAsync.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** Uncovered hours of a plan per field, summed over centers. */
export const uncoveredByField = (report: PlanReport): Map<string, number> => {
  const m = new Map<string, number>();
  for (const c of report.coverage) m.set(c.field, (m.get(c.field) ?? 0) + c.uncovered);
  return m;
};

const dash = '–';
const orDash = (x: number | null, write: (x: number) => string): string => (x === null ? dash : write(x));

/** The rows of the key-figure table: a label and the cell of one plan's summary. */
export const kpiRows = (lang: Lang, t: Translate): readonly (readonly [string, (s: ComparedSummary) => string])[] => [
  [t('uncoveredHours'), (s) => `${formatInt(lang, s.uncoveredHoursBefore)} → ${orDash(s.uncoveredHoursAfter, (x) => formatInt(lang, x))}`],
  [t('transfers'), (s) => formatInt(lang, s.transfers)],
  [t('hires'), (s) => formatInt(lang, s.hires)],
  [t('addedCommute'), (s) => `${formatNumber(lang, s.addedCommuteKm)} km`],
  [t('overloadedCenters'), (s) => `${formatInt(lang, s.overloadedCentersBefore)} → ${orDash(s.overloadedCentersAfter, (x) => formatInt(lang, x))}`],
  [t('maxUtilization'), (s) => `${formatPercent(lang, s.maxUtilizationBefore)} → ${formatPercent(lang, s.maxUtilizationAfter)}`],
  [t('objective'), (s) => orDash(s.objective, (x) => formatNumber(lang, x))],
  [t('gap'), (s) => formatPercent(lang, s.gap, 2)],
  [t('seconds'), (s) => `${formatNumber(lang, s.seconds)} s`],
];

interface Outcome {
  readonly comparison: Comparison;
  /** Labels of the compared plans, in the server's order. */
  readonly labels: readonly string[];
}

export const Compare = () => {
  const { lang, t } = useI18n();
  const ref = useReference();
  const id = useId();
  const plans = useAsync(() => api.plans(), []);
  const scenarios = useAsync(() => api.scenarios(), []);
  const [chosen, setChosen] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const [error, setError] = useState<{ planId: string | undefined; error: Error } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [reports, setReports] = useState<{ data?: readonly PlanReport[]; error?: Error } | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  const done = (plans.data ?? []).filter((p) => p.status === 'done');
  const scenarioName = (job: PlanJob) => scenarios.data?.find((s) => s.id === job.scenarioId)?.name ?? job.scenarioId ?? job.id.slice(0, 8);
  /** The scenario's name and the solve time to the second: two plans of same-named scenarios still read apart. */
  const labelOf = (job: PlanJob) => `${scenarioName(job)} · ${formatPlanTime(lang, solvedAt(job))}`;
  const labelOfCompared = (p: ComparedPlan) => {
    const job = done.find((d) => d.id === p.id);
    return job ? labelOf(job) : p.scenarioName;
  };
  const toggle = (planId: string) => {
    setError(undefined);
    setChosen((c) => (c.includes(planId) ? c.filter((x) => x !== planId) : c.length >= 4 ? c : [...c, planId]));
  };

  const run = async () => {
    setBusy(true);
    setError(undefined);
    setReports(undefined);
    try {
      const comparison = await api.compare<Comparison>(chosen);
      setOutcome({ comparison, labels: comparison.plans.map(labelOfCompared) });
      // The chart's coverage per field is in each plan's result, not in the comparison.
      Promise.all(comparison.plans.map((p) => api.planResult(p.id)))
        .then((results) => setReports({ data: results.map(readReport) }))
        .catch((e: unknown) => setReports({ error: e instanceof Error ? e : new Error(String(e)) }));
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      setOutcome(undefined);
      setError({ planId: planNamedIn(err.message, chosen), error: err });
    }
    setBusy(false);
  };

  useEffect(() => {
    if (outcome) heading.current?.focus();
  }, [outcome]);

  const nameOf = (code: string) => ref.centerByCode.get(code)?.nameVi ?? code;
  const compared = outcome?.comparison.plans ?? [];
  const labels = outcome?.labels ?? [];
  /** Label, cell of one plan, cell class: the status, the solver's verdict in words, the key figures, the data version. */
  const tableRows: readonly (readonly [string, (p: ComparedPlan) => ReactNode, string])[] = [
    [t('status'), (p) => <StatusBadge status={p.summary.status} />, 'num'],
    [t('solverVerdict'), (p) => planStatusText(lang, p.summary), 'num help'],
    ...kpiRows(lang, t).map(([label, value]) => [label, (p: ComparedPlan) => value(p.summary), 'num'] as const),
    [t('norms'), (p) => normsLineText(t, p.summary.norms), 'help'],
    [t('datasetVersion'), (p) => p.datasetVersion, 'num'],
  ];
  const full = chosen.length >= 4;
  return (
    <section className="screen" aria-labelledby="compare-title">
      <div className="screen-head">
        <h1 id="compare-title">{t('compare')}</h1>
      </div>
      <ErrorNote error={plans.error} onRetry={plans.reload} />
      <div className="panel">
        <fieldset className="plan-picker" aria-describedby={full ? `${id}-full` : undefined}>
          <legend>{t('compareHelp')}</legend>
          {plans.loading && <Loading />}
          {!plans.loading && done.length === 0 && <p className="help">{t('none')}</p>}
          {done.map((p) => {
            const mine = error?.planId === p.id;
            return (
              <div key={p.id} className="plan-choice">
                <label className="check" htmlFor={`${id}-${p.id}`}>
                  <input
                    id={`${id}-${p.id}`}
                    type="checkbox"
                    checked={chosen.includes(p.id)}
                    onChange={() => toggle(p.id)}
                    disabled={!chosen.includes(p.id) && full}
                    aria-invalid={mine || undefined}
                    aria-describedby={mine ? `${id}-${p.id}-error` : undefined}
                  />
                  {labelOf(p)}
                </label>
                {mine && (
                  <div id={`${id}-${p.id}-error`}>
                    <ErrorNote error={error.error} />
                  </div>
                )}
              </div>
            );
          })}
          {full && (
            <p id={`${id}-full`} className="help">
              {t('compareAtMost')}
            </p>
          )}
        </fieldset>
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={chosen.length < 2 || busy}
            onClick={() => void run()}
            aria-describedby={error && error.planId === undefined ? `${id}-error` : undefined}
          >
            {t('compareRun')}
          </button>
        </div>
        {error && error.planId === undefined && (
          <div id={`${id}-error`}>
            <ErrorNote error={error.error} />
          </div>
        )}
        {busy && <Loading />}
      </div>
      {outcome && (
        <>
          <div className="panel">
            <h2 ref={heading} tabIndex={-1}>
              {t('kpis')}
            </h2>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col" />
                  {compared.map((c, i) => (
                    <th key={c.id} scope="col" className="num">
                      <i className="swatch" style={{ background: OKABE_ITO[i % OKABE_ITO.length] }} aria-hidden="true" /> {labels[i]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {tableRows.map(([label, cell, className]) => (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    {compared.map((c) => (
                      <td key={c.id} className={className}>
                        {cell(c)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="panel">
            <h2>{t('uncoveredByField')}</h2>
            <ErrorNote error={reports?.error} />
            {reports === undefined && <Loading />}
            {reports?.data && (
              <GroupedBars
                title={t('uncoveredByField')}
                categories={ref.fields.map((f) => ({ id: f.field, label: lang === 'vi' ? f.nameVi : f.nameEn }))}
                series={reports.data.map((r, i) => ({ label: labels[i] ?? '', values: uncoveredByField(r) }))}
              />
            )}
          </div>
          <div className="panel">
            <h2>
              {t('differences')} · {formatInt(lang, outcome.comparison.moves.length)}
            </h2>
            {outcome.comparison.moves.length === 0 ? (
              <p className="help">{t('none')}</p>
            ) : (
              <table className="table compact">
                <thead>
                  <tr>
                    <th scope="col">{t('name')}</th>
                    <th scope="col">{t('from')}</th>
                    {compared.map((c, i) => (
                      <th key={c.id} scope="col">
                        {t('to')}: {labels[i]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {outcome.comparison.moves.map((d) => (
                    <tr key={d.staffId}>
                      <td>
                        {d.name || d.staffId}
                        <div className="sub mono">{d.staffId}</div>
                      </td>
                      <td>{nameOf(d.fromCenter)}</td>
                      {d.toCenters.map((to, i) => (
                        <td key={i}>{to === d.fromCenter ? <span className="help">{t('compareStays')}</span> : nameOf(to)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </>
      )}
    </section>
  );
};
