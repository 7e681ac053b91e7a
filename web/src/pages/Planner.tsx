/**
 * Planner: edit a scenario's levers, save it, solve it as a server job (progress, cancel:
 * usePlanJob.ts), read the result. Errors appear next to what caused them: a lever the server
 * rejected, the save, the solve.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { api, ApiError, type ScenarioRecord } from '../api.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { EstimatePanel } from '../components/EstimatePanel.tsx';
import { LeverEditor, localLeverProblems, unknownNamesOf } from '../components/LeverEditor.tsx';
import { formatPlanTime, sameLevers, solvedAt } from '../components/storedPlans.ts';
import { sourceOf, useHistoryEnd } from '../components/useHistoryEnd.ts';
import { useI18n } from '../i18n.ts';
import { useReference } from '../reference.ts';
import { RoleNote } from '../session/RoleNote.tsx';
import { usePermission, useUnsavedWork } from '../session/SessionProvider.tsx';
import { hrefOf } from '../route.ts';
import { DEFAULT_LEVERS, leversOf, type ScenarioLevers } from '../scenario.ts';
import { useAsync } from '../useAsync.ts';
import { usePlanJob } from '../usePlanJob.ts';
import { PlanResults } from './PlanResults.tsx';
import { StatusBadge } from './StatusBadge.tsx';

/** Lever named by a server validation message such as "body/scenario/maxCommuteKm must be <= 100". */
export const LEVER_NAMES = [
  'period',
  'quantile',
  'demandMultiplierByField',
  'demandMultiplierByCenter',
  'onlineShareShift',
  'normMultiplierByField',
  'hiresAllowedByField',
  'maxTransfers',
  'maxCommuteKm',
  'minStaffPerCenter',
  'minStaffByCenter',
  'lockedStaffIds',
  'crossTraining',
  'weights',
  'timeLimitSeconds',
] as const;

/** The lever a server validation message names, e.g. "body/scenario/maxCommuteKm must be <= 500". */
export const leverOfMessage = (message: string): string | undefined =>
  LEVER_NAMES.find((name) => new RegExp(`(^|[/.'"\\s])${name}([/.'"\\s]|$)`).test(message));

export const Planner = ({ scenarioId }: { readonly scenarioId: string | undefined }) => {
  const { lang, t } = useI18n();
  const ref = useReference();
  const id = useId();
  const scenarios = useAsync(() => api.scenarios(), []);
  const [record, setRecord] = useState<ScenarioRecord | undefined>(undefined);
  const [name, setName] = useState('');
  const [levers, setLevers] = useState<ScenarioLevers>(DEFAULT_LEVERS);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<Error | undefined>(undefined);
  const plan = usePlanJob(ref.setActivePlanId);
  const busy = saving || plan.busy;
  const staffList = useAsync(() => api.staff(), []);
  const staffIds = useMemo(() => staffList.data?.map((p) => p.staffId), [staffList.data]);
  const centerCodes = useMemo(() => (ref.centers.length > 0 ? ref.centers.map((c) => c.code) : undefined), [ref.centers]);
  const historyEnd = useHistoryEnd();
  const mayWrite = usePermission('save');
  useUnsavedWork(dirty);

  useEffect(() => {
    const found = scenarios.data?.find((s) => s.id === scenarioId);
    if (found && found.id !== record?.id) {
      setRecord(found);
      setName(found.name);
      setLevers(leversOf(found.scenario));
      setDirty(false);
      // The scenario's latest plan stored on the server, so a reload keeps its results.
      void plan.reopen(found.id);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scenarioId, scenarios.data, record?.id]);

  const leverErrors: Record<string, string> = {};
  for (const e of [saveError, plan.error]) {
    const lever = e instanceof ApiError && e.status === 400 ? leverOfMessage(e.message) : undefined;
    if (lever && e) leverErrors[lever] = e.message;
  }

  const problemLevers = [
    ...localLeverProblems(levers).keys(),
    ...unknownNamesOf(levers, {
      fieldIds: new Set(ref.fields.map((f) => f.field)),
      staffIds: staffIds ? new Set(staffIds) : undefined,
      centerCodes: centerCodes ? new Set(centerCodes) : undefined,
    }).keys(),
  ];
  const label = name.trim() || `${t('scenario')} ${levers.period}`;
  const sameName = (scenarios.data ?? []).some((s) => s.id !== record?.id && s.name.trim() === label);

  const save = async (): Promise<ScenarioRecord | undefined> => {
    setSaveError(undefined);
    if (problemLevers.length > 0) {
      setSaveError(new Error(t('fixLeversFirst')));
      return undefined;
    }
    try {
      const saved = record ? await api.updateScenario(record.id, label, levers) : await api.createScenario(label, levers);
      setRecord(saved);
      setName(saved.name);
      setDirty(false);
      scenarios.reload();
      if (window.location.hash !== hrefOf('planner', saved.id)) window.history.replaceState(null, '', hrefOf('planner', saved.id));
      return saved;
    } catch (error) {
      setSaveError(error instanceof Error ? error : new Error(String(error)));
      return undefined;
    }
  };

  const solve = async () => {
    plan.clear();
    setSaving(true);
    const saved = dirty || !record ? await save() : record;
    setSaving(false);
    if (saved) await plan.start(saved.id);
  };

  const copy = async () => {
    if (!record) return;
    setSaveError(undefined);
    try {
      const made = await api.copyScenario(record.id);
      scenarios.reload();
      window.location.hash = hrefOf('planner', made.id);
    } catch (error) {
      setSaveError(error instanceof Error ? error : new Error(String(error)));
    }
  };

  const remove = async () => {
    if (!record || !window.confirm(`${t('delete')}: ${record.name}?`)) return;
    setSaveError(undefined);
    try {
      await api.deleteScenario(record.id);
      scenarios.reload();
      newScenario();
    } catch (error) {
      setSaveError(error instanceof Error ? error : new Error(String(error)));
    }
  };

  const newScenario = () => {
    plan.clear();
    setRecord(undefined);
    setName('');
    setLevers(DEFAULT_LEVERS);
    window.location.hash = hrefOf('planner');
  };

  const { job, result, unplanned } = plan;
  const stale = dirty || (record !== undefined && job !== undefined && !sameLevers({ ...DEFAULT_LEVERS, ...record.scenario }, { ...DEFAULT_LEVERS, ...job.scenario }));
  return (
    <section className="screen" aria-labelledby="planner-title">
      <div className="screen-head">
        <h1 id="planner-title">{t('navPlanner')}</h1>
        <div className="controls-row">
          <label htmlFor={`${id}-open`}>
            {t('savedScenarios')}
            <select
              id={`${id}-open`}
              value={record?.id ?? ''}
              onChange={(e) => {
                if (e.target.value) window.location.hash = hrefOf('planner', e.target.value);
                else newScenario();
              }}
            >
              <option value="">{t('newScenario')}</option>
              {(scenarios.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      <ErrorNote error={scenarios.error} onRetry={scenarios.reload} />
      <div className="planner-grid">
        <form
          className="panel"
          aria-label={t('levers')}
          onSubmit={(e) => {
            e.preventDefault();
            void solve();
          }}
        >
          <label htmlFor={`${id}-name`} className="wide">
            {t('scenarioName')}
            <input
              id={`${id}-name`}
              type="text"
              value={name}
              placeholder={`${t('scenario')} ${levers.period}`}
              onChange={(e) => {
                setName(e.target.value);
                setDirty(true);
              }}
            />
          </label>
          {sameName && (
            <p className="lever-warning" role="status">
              {t('duplicateScenarioName', { name: label })}
            </p>
          )}
          <LeverEditor
            levers={levers}
            fields={ref.fields}
            errors={leverErrors}
            staff={staffList.data}
            centerCodes={centerCodes}
            source={sourceOf(levers.period, historyEnd)}
            onChange={(next) => {
              setLevers(next);
              setDirty(true);
            }}
          />
          <div className="actions sticky-actions">
            <button type="button" onClick={() => void save()} disabled={busy || !mayWrite.allowed}>
              {t('save')}
            </button>
            <button type="submit" className="primary" disabled={busy || !mayWrite.allowed}>
              {busy ? t('solving') : t('solve')}
            </button>
            {plan.busy && (
              <button type="button" onClick={() => void plan.cancel()}>
                {t('cancel')}
              </button>
            )}
            {record && (
              <>
                <button type="button" onClick={() => void copy()} disabled={busy || !mayWrite.allowed}>
                  {t('copy')}
                </button>
                <button type="button" onClick={() => void remove()} disabled={busy || !mayWrite.allowed}>
                  {t('delete')}
                </button>
              </>
            )}
            {record && !dirty && <span className="help">✓ {t('saved')}</span>}
            <RoleNote permission={mayWrite} />
          </div>
          <ErrorNote error={saveError} />
          <ErrorNote error={plan.error} />
          {job && (
            <div className="progress-row" aria-live="polite">
              <StatusBadge status={job.status === 'done' ? (result?.status ?? 'done') : job.status} />
              {(job.status === 'queued' || job.status === 'running') && (
                <>
                  <progress max={1} value={job.progress} aria-label={t('progress')} />
                  <span className="help">{job.stage}</span>
                </>
              )}
            </div>
          )}
        </form>
        <div className="results">
          {unplanned && (
            <p className="plan-stamp unplanned" role="status">
              {t('latestSolveNoPlan', { time: formatPlanTime(lang, solvedAt(unplanned)) })}
              {unplanned.summary?.leadConflict ? ` ${unplanned.summary.leadConflict[lang]}` : ''}
            </p>
          )}
          {result && job && job.status === 'done' && (
            <p className="plan-stamp" role="status">
              {result.outcome === null ? t('solveNoPlanAt', { time: formatPlanTime(lang, solvedAt(job)) }) : t('planSolvedAt', { time: formatPlanTime(lang, solvedAt(job)) })}
              {stale && (
                <>
                  {' · '}
                  <span className="stale">{t('planStale')}</span>
                </>
              )}
            </p>
          )}
          {result && job ? (
            <PlanResults key={job.id} result={result} planId={job.id} scenarioId={record?.id} datasetVersion={job.datasetVersion} />
          ) : (
            <EstimatePanel levers={levers} />
          )}
        </div>
      </div>
    </section>
  );
};
