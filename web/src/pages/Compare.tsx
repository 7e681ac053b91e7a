/**
 * Compare 2 to 4 plans side by side (only plans that exist: a solve without a plan has no figures).
 * The key-figure table and the differences in moves come from the server (POST /api/comparisons:
 * one source of truth), in hours and people; the overlaid chart of people short per field reads each
 * plan's result, and so do the months of plans over several months (CompareHorizon.tsx). A plan of another dataset version than the active one says so. A server error is shown beside the plan it
 * names (an unknown or unfinished plan), else beside the Compare button.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { normsLineText } from '../components/NormsLine.tsx';
import type { PlanResult } from '../../../solver/plan/planResult.ts';
import { api, type PlanJob } from '../api.ts';
import { GroupedBars } from '../charts/GroupedBars.tsx';
import { planNamedIn, type ComparedPlan, type ComparedSummary, type Comparison } from '../comparison.ts';
import { DatasetNote } from '../components/DatasetNote.tsx';
import { ErrorNote, Loading } from '../components/ErrorNote.tsx';
import { formatInt, formatNumber, formatPercent } from '../format.ts';
import { formatPlanTime, solvedAt } from '../components/storedPlans.ts';
import { useI18n, type Lang, type Translate } from '../i18n.ts';
import { OKABE_ITO } from '../palette.ts';
import { useReference } from '../reference.ts';
import { useAsync } from '../useAsync.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { CompareHorizon } from './CompareHorizon.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';

const dash = '–';
const orDash = (x: number | null | undefined, write: (x: number) => string): string => (x === null || x === undefined ? dash : write(x));
const pair = (before: number | undefined, after: number | undefined, write: (x: number) => string): string => `${orDash(before, write)} → ${orDash(after, write)}`;

/**
 * The rows of the key-figure table: a label and the cell of one plan's summary (the server's: before
 * = today's staff, no hire, no move). The added commute has one decimal, as on the plan's results.
 */
export const kpiRows = (lang: Lang, t: Translate): readonly (readonly [string, (s: ComparedSummary) => string])[] => [
  [t('uncoveredHours'), (s) => pair(s.before?.uncoveredHours, s.after?.uncoveredHours, (x) => formatInt(lang, x))],
  [t('fteShort'), (s) => pair(s.before?.fteShort, s.after?.fteShort, (x) => formatNumber(lang, x))],
  [t('staff'), (s) => pair(s.before?.staff, s.after?.staff, (x) => formatInt(lang, x))],
  [t('transfers'), (s) => orDash(s.transfers, (x) => formatInt(lang, x))],
  [t('hires'), (s) => orDash(s.hires, (x) => formatInt(lang, x))],
  [t('addedCommute'), (s) => orDash(s.addedCommuteKm, (x) => `${formatNumber(lang, x, 1)} km`)],
  [t('overloadedCenters'), (s) => pair(s.before?.overloadedCenters, s.after?.overloadedCenters, (x) => formatInt(lang, x))],
  [t('maxUtilization'), (s) => pair(s.before?.maxUtilization, s.after?.maxUtilization, (x) => formatPercent(lang, x))],
  [t('objective'), (s) => orDash(s.objective, (x) => formatNumber(lang, x))],
  [t('gap'), (s) => formatPercent(lang, s.gap, 2)],
  [t('seconds'), (s) => `${formatNumber(lang, s.seconds)} s`],
];

/** People short per field after each plan (its result's after.fteShortByField), for the chart. */
const shortByField = (result: PlanResult): Map<string, number> => new Map(Object.entries(result.outcome?.after.fteShortByField ?? {}));

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
  const [results, setResults] = useState<{ data?: readonly PlanResult[]; error?: Error } | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  // Only plans that exist can be compared (the server refuses the others: they have no figures).
  const done = (plans.data ?? []).filter((p) => p.status === 'done' && p.summary?.hasPlan === true);
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
    setResults(undefined);
    try {
      const comparison = await api.compare(chosen);
      setOutcome({ comparison, labels: comparison.plans.map(labelOfCompared) });
      // The chart's people short per field is in each plan's result, not in the comparison.
      Promise.all(comparison.plans.map((p) => api.planResult(p.id)))
        .then((data) => setResults({ data }))
        .catch((e: unknown) => setResults({ error: e instanceof Error ? e : new Error(String(e)) }));
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
    [t('solverVerdict'), (p) => p.summary.verdict[lang], 'num help'],
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
            {compared.map((c, i) => (
              <div key={c.id} className="dataset-note-of">
                <DatasetNote planVersion={c.datasetVersion} label={labels[i]} />
              </div>
            ))}
            <ScrollRegion label={t('kpis')}>
            <table className="table compare">
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
            </ScrollRegion>
          </div>
          <div className="panel">
            <h2>{t('shortByField')}</h2>
            <ErrorNote error={results?.error} />
            {results === undefined && <Loading />}
            {results?.data && (
              <GroupedBars
                title={t('shortByField')}
                categoryHeading={t('field')}
                categories={ref.fields.map((f) => ({ id: f.field, label: lang === 'vi' ? f.nameVi : f.nameEn }))}
                series={results.data.map((r, i) => ({ label: labels[i] ?? '', values: shortByField(r) }))}
                digits={1}
              />
            )}
          </div>
          {results?.data?.some((r) => r.schedule !== null) && (
            <div className="panel">
              <h2>{t('compareOverHorizon')}</h2>
              <CompareHorizon results={results.data} labels={labels} />
            </div>
          )}
          <div className="panel">
            <h2>
              {t('differences')} · {formatInt(lang, outcome.comparison.moves.length)}
            </h2>
            {outcome.comparison.moves.length === 0 ? (
              <p className="help">{t('none')}</p>
            ) : (
              <ScrollRegion label={t('differences')}>
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
              </ScrollRegion>
            )}
          </div>
        </>
      )}
    </section>
  );
};
