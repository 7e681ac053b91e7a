/**
 * The planner's plan job, followed to its end: start a solve (POST /api/plans), or reopen a scenario
 * (its running solve is followed, else its latest plan that exists is shown, else why its newest
 * solve found none), poll the job every
 * POLL_MS until it is over, then fetch its result (PlanResult v2). One job at a time: starting,
 * reopening or clearing drops whatever an earlier request still answers, and unmounting stops
 * the polling.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlanResult } from '../../solver/plan/planResult.ts';
import { api, type PlanJob } from './api.ts';
import { latestPlan } from './components/storedPlans.ts';

/**
 * Poll interval of a running solve, ms. A poll costs the server well under a millisecond (a row
 * read, no result), and the plan appears at most this long after the server has it.
 */
export const POLL_MS = 100;

export interface PlanJobState {
  readonly job: PlanJob | undefined;
  /** The job's result once it is done: a plan (`outcome`) or why none exists (`infeasibility`). */
  readonly result: PlanResult | undefined;
  readonly error: Error | undefined;
  /** A solve is being started, queued or running. */
  readonly busy: boolean;
  /** On reopen: the scenario's newest finished solve when it found no plan and an older plan is shown instead. */
  readonly unplanned: PlanJob | undefined;
}

export interface PlanJobControls extends PlanJobState {
  readonly start: (scenarioId: string) => Promise<void>;
  readonly reopen: (scenarioId: string) => Promise<void>;
  readonly cancel: () => Promise<void>;
  readonly clear: () => void;
}

const EMPTY: PlanJobState = { job: undefined, result: undefined, error: undefined, busy: false, unplanned: undefined };

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/** `onPlan` is told when a solve started or followed here ends with a plan that exists (not on reopen of a finished one). */
export const usePlanJob = (onPlan?: (planId: string) => void): PlanJobControls => {
  const [state, setState] = useState<PlanJobState>(EMPTY);
  /** Grows with every start, reopen, clear and unmount: answers of an older generation are dropped. */
  const generation = useRef(0);
  const timer = useRef(0);
  const told = useRef(onPlan);
  told.current = onPlan;

  const next = (): number => {
    window.clearTimeout(timer.current);
    generation.current += 1;
    return generation.current;
  };

  const poll = useCallback((planId: string, mine: number) => {
    timer.current = window.setTimeout(async () => {
      try {
        const job = await api.plan(planId);
        if (mine !== generation.current) return;
        if (job.status === 'done') {
          const result = await api.planResult(planId);
          if (mine !== generation.current) return;
          setState((s) => ({ ...s, job, result, busy: false }));
          if (result.outcome !== null) told.current?.(planId);
        } else if (job.status === 'failed' || job.status === 'cancelled') {
          setState((s) => ({ ...s, job, busy: false, error: job.error === null ? undefined : new Error(job.error) }));
        } else {
          setState((s) => ({ ...s, job }));
          poll(planId, mine);
        }
      } catch (error) {
        if (mine === generation.current) setState((s) => ({ ...s, busy: false, error: asError(error) }));
      }
    }, POLL_MS);
  }, []);

  const start = useCallback(async (scenarioId: string) => {
    const mine = next();
    setState({ ...EMPTY, busy: true });
    try {
      const job = await api.solve(scenarioId);
      if (mine !== generation.current) return;
      setState((s) => ({ ...s, job }));
      poll(job.id, mine);
    } catch (error) {
      if (mine === generation.current) setState({ ...EMPTY, error: asError(error) });
    }
  }, [poll]);

  const reopen = useCallback(async (scenarioId: string) => {
    const mine = next();
    setState(EMPTY);
    try {
      const plans = (await api.plans()).filter((p) => p.scenarioId === scenarioId);
      if (mine !== generation.current) return;
      const newest = plans[0];
      if (newest && (newest.status === 'queued' || newest.status === 'running')) {
        // Reopened while its solve runs: follow that job as if Solve had just been pressed.
        setState({ ...EMPTY, job: newest, busy: true });
        poll(newest.id, mine);
        return;
      }
      const shown = latestPlan(plans);
      const newestDone = plans.find((p) => p.status === 'done');
      const unplanned = newestDone && newestDone.summary?.hasPlan === false ? newestDone : undefined;
      // No plan exists yet: the newest solve's result says why (it has no figures).
      const opened = shown ?? unplanned;
      if (!opened) return;
      const result = await api.planResult(opened.id);
      if (mine === generation.current) setState({ ...EMPTY, job: opened, result, unplanned: opened === unplanned ? undefined : unplanned });
    } catch (error) {
      if (mine === generation.current) setState({ ...EMPTY, error: asError(error) });
    }
  }, [poll]);

  const cancel = useCallback(async () => {
    const job = state.job;
    if (!job) return;
    const mine = next();
    try {
      const cancelled = await api.cancelPlan(job.id);
      if (mine === generation.current) setState((s) => ({ ...s, job: cancelled, busy: false }));
    } catch (error) {
      if (mine === generation.current) setState((s) => ({ ...s, busy: false, error: asError(error) }));
    }
  }, [state.job]);

  const clear = useCallback(() => {
    next();
    setState(EMPTY);
  }, []);

  useEffect(() => () => {
    window.clearTimeout(timer.current);
    generation.current += 1;
  }, []);

  return { ...state, start, reopen, cancel, clear };
};
