/**
 * Planner: edit a scenario's levers, save it, solve it as a server job (progress, cancel), read the
 * result. Errors appear next to what caused them: a lever the server rejected, the save, the solve.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { api, ApiError, type PlanJob, type ScenarioRecord } from '../api.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { EstimatePanel } from '../components/EstimatePanel.tsx';
import { LeverEditor, localLeverProblems, unknownNamesOf } from '../components/LeverEditor.tsx';
import { formatPlanTime, latestDonePlan, sameLevers, solvedAt, type StoredPlan } from '../components/storedPlans.ts';
import { sourceOf, useHistoryEnd } from '../components/useHistoryEnd.ts';
import { useI18n } from '../i18n.ts';
import { readReport, type PlanReport } from '../planReport.ts';
import { useReference } from '../reference.ts';
import { RoleNote } from '../session/RoleNote.tsx';
import { usePermission, useUnsavedWork } from '../session/SessionProvider.tsx';
import { hrefOf } from '../route.ts';
import { DEFAULT_LEVERS, type ScenarioLevers } from '../scenario.ts';
import { useAsync } from '../useAsync.ts';
import { PlanResults } from './PlanResults.tsx';
import { StatusBadge } from './StatusBadge.tsx';

/**
 * Poll interval of a running solve, ms. A poll costs the server well under a millisecond (a row
 * read, no result), and the plan appears at most this long after the server has it.
 */
const POLL_MS = 100;

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
  const [saveError, setSaveError] = useState<Error | undefined>(undefined);
  const [solveError, setSolveError] = useState<Error | undefined>(undefined);
  const [job, setJob] = useState<PlanJob | undefined>(undefined);
  const [report, setReport] = useState<PlanReport | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [storedError, setStoredError] = useState<Error | undefined>(undefined);
  const polling = useRef(0);
  /** Counts the plans asked for; a stored plan that arrives after a solve started (or another scenario opened) is dropped. */
  const planRequest = useRef(0);
  const staffList = useAsync(() => api.staff(), []);
  const staffIds = useMemo(() => staffList.data?.map((p) => p.staffId), [staffList.data]);
  const centerCodes = useMemo(() => (ref.centers.length > 0 ? ref.centers.map((c) => c.code) : undefined), [ref.centers]);
  const historyEnd = useHistoryEnd();

  /** Shows the scenario's latest finished plan stored on the server, so a reload keeps its results. */
  const showStoredPlan = async (scenario: ScenarioRecord) => {
    const request = ++planRequest.current;
    setStoredError(undefined);
    try {
      const plans = await api.plans();
      const newest = plans.find((p) => p.scenarioId === scenario.id);
      if (request !== planRequest.current) return;
      if (newest && (newest.status === 'queued' || newest.status === 'running')) {
        // Reopened while its solve runs: follow that job as if Solve had just been pressed.
        setJob(newest);
        setBusy(true);
        poll(newest.id);
        return;
      }
      const plan = latestDonePlan(plans, (p) => p.scenarioId === scenario.id);
      if (!plan) return;
      const stored = readReport(await api.planResult(plan.id));
      if (request !== planRequest.current) return;
      setJob(plan);
      setReport(stored);
    } catch (error) {
      if (request === planRequest.current) setStoredError(error instanceof Error ? error : new Error(String(error)));
    }
  };
  const mayWrite = usePermission('save');
  useUnsavedWork(dirty);

  useEffect(() => {
    const found = scenarios.data?.find((s) => s.id === scenarioId);
    if (found && found.id !== record?.id) {
      setRecord(found);
      setName(found.name);
      setLevers({ ...DEFAULT_LEVERS, ...found.scenario });
      setDirty(false);
      setReport(undefined);
      setJob(undefined);
      void showStoredPlan(found);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scenarioId, scenarios.data, record?.id]);

  useEffect(() => () => window.clearTimeout(polling.current), []);

  const leverErrors: Record<string, string> = {};
  for (const e of [saveError, solveError]) {
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

  const poll = (planId: string) => {
    polling.current = window.setTimeout(async () => {
      try {
        const next = await api.plan(planId);
        setJob(next);
        if (next.status === 'done') {
          setReport(readReport(await api.planResult(planId)));
          ref.setActivePlanId(planId);
          setBusy(false);
        } else if (next.status === 'failed' || next.status === 'cancelled') {
          if (next.error) setSolveError(new Error(next.error));
          setBusy(false);
        } else poll(planId);
      } catch (error) {
        setSolveError(error instanceof Error ? error : new Error(String(error)));
        setBusy(false);
      }
    }, POLL_MS);
  };

  const solve = async () => {
    planRequest.current += 1;
    setSolveError(undefined);
    setReport(undefined);
    setBusy(true);
    const saved = dirty || !record ? await save() : record;
    if (!saved) {
      setBusy(false);
      return;
    }
    try {
      const started = await api.solve(saved.id);
      setJob(started);
      poll(started.id);
    } catch (error) {
      setSolveError(error instanceof Error ? error : new Error(String(error)));
      setBusy(false);
    }
  };

  const cancel = async () => {
    if (!job) return;
    window.clearTimeout(polling.current);
    try {
      setJob(await api.cancelPlan(job.id));
    } catch (error) {
      setSolveError(error instanceof Error ? error : new Error(String(error)));
    }
    setBusy(false);
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
    planRequest.current += 1;
    setRecord(undefined);
    setName('');
    setLevers(DEFAULT_LEVERS);
    setReport(undefined);
    setJob(undefined);
    window.location.hash = hrefOf('planner');
  };

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
            staffIds={staffIds}
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
            {busy && (
              <button type="button" onClick={() => void cancel()}>
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
          <ErrorNote error={solveError} />
          <ErrorNote error={storedError} />
          {job && (
            <div className="progress-row" aria-live="polite">
              <StatusBadge status={job.status === 'done' ? (report?.status ?? 'done') : job.status} />
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
          {report && job && job.status === 'done' && (
            <p className="plan-stamp" role="status">
              {t('planSolvedAt', { time: formatPlanTime(lang, solvedAt(job as StoredPlan)) })}
              {(dirty || (record !== undefined && !sameLevers({ ...DEFAULT_LEVERS, ...record.scenario }, { ...DEFAULT_LEVERS, ...job.scenario }))) && (
                <>
                  {' · '}
                  <span className="stale">{t('planStale')}</span>
                </>
              )}
            </p>
          )}
          {report && job ? <PlanResults report={report} planId={job.id} scenarioId={record?.id} /> : <EstimatePanel levers={levers} />}
        </div>
      </div>
    </section>
  );
};
