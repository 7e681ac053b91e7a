// @vitest-environment happy-dom
/**
 * usePlanJob: a solve is started, polled until it is over, and its result fetched once; a failed
 * or cancelled job ends with no result; a reopened scenario follows its running solve or shows its
 * latest plan that exists; nothing an older job answers reaches the screen after a newer one, and
 * polling stops when the planner goes away.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { PlanResult } from '../../solver/plan/planResult.ts';
import { POLL_MS, usePlanJob } from '../../web/src/usePlanJob.ts';
import { fakeServer, type FakeServer } from './fakeServer.ts';
import { planResultOf } from './planResultCases.ts';
import { planRecord } from './planServer.tsx';

let server: FakeServer;
let moves: PlanResult;
let infeasible: PlanResult;

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** GET plans/ID answers each of `statuses` in turn (the last one from then on). */
const jobGoesThrough = (id: string, result: PlanResult, statuses: readonly string[], extra: Record<string, unknown> = {}) => {
  let i = 0;
  server.routes.set(`GET plans/${id}`, () => {
    const status = statuses[Math.min(i, statuses.length - 1)];
    i += 1;
    return json({ ...planRecord(id, result), status, ...(status === 'done' ? {} : { summary: null }), ...extra });
  });
  server.routes.set(`GET plans/${id}/result`, { status: 200, body: result });
};

const polls = (id: string) => server.calls.filter((c) => c.method === 'GET' && c.path === `plans/${id}`).length;

beforeEach(async () => {
  [moves, infeasible] = await Promise.all([planResultOf('city-moves'), planResultOf('city-infeasible')]);
  server = fakeServer('local');
});
afterEach(() => vi.unstubAllGlobals());

describe('usePlanJob', () => {
  it('polls a started solve until it is done, then fetches its result once and tells the plan', async () => {
    server.routes.set('POST plans', { status: 202, body: { ...planRecord('p1', moves), status: 'queued', summary: null } });
    jobGoesThrough('p1', moves, ['queued', 'running', 'done']);
    const onPlan = vi.fn();
    const { result } = renderHook(() => usePlanJob(onPlan));
    await act(() => result.current.start('s1'));
    expect(result.current.busy).toBe(true);
    await waitFor(() => expect(result.current.result).toEqual(moves));
    expect(result.current.busy).toBe(false);
    expect(polls('p1')).toBe(3);
    expect(server.calls.filter((c) => c.path === 'plans/p1/result')).toHaveLength(1);
    expect(onPlan).toHaveBeenCalledWith('p1');
  });

  it('a solve that ends without a plan gives its result (why) but does not tell a plan', async () => {
    server.routes.set('POST plans', { status: 202, body: { ...planRecord('p1', infeasible), status: 'queued', summary: null } });
    jobGoesThrough('p1', infeasible, ['done']);
    const onPlan = vi.fn();
    const { result } = renderHook(() => usePlanJob(onPlan));
    await act(() => result.current.start('s1'));
    await waitFor(() => expect(result.current.result).toEqual(infeasible));
    expect(result.current.result?.outcome).toBeNull();
    expect(onPlan).not.toHaveBeenCalled();
  });

  it('a failed job ends with its error and no result', async () => {
    server.routes.set('POST plans', { status: 202, body: { ...planRecord('p1', moves), status: 'queued', summary: null } });
    jobGoesThrough('p1', moves, ['running', 'failed'], { error: 'the solver stopped unexpectedly' });
    const { result } = renderHook(() => usePlanJob());
    await act(() => result.current.start('s1'));
    await waitFor(() => expect(result.current.error?.message).toBe('the solver stopped unexpectedly'));
    expect(result.current.result).toBeUndefined();
    expect(result.current.busy).toBe(false);
    expect(server.calls.some((c) => c.path === 'plans/p1/result')).toBe(false);
  });

  it('cancel stops the polling and keeps the cancelled job', async () => {
    server.routes.set('POST plans', { status: 202, body: { ...planRecord('p1', moves), status: 'queued', summary: null } });
    server.routes.set('POST plans/p1/cancel', { status: 200, body: { ...planRecord('p1', moves), status: 'cancelled', summary: null } });
    jobGoesThrough('p1', moves, ['running']);
    const { result } = renderHook(() => usePlanJob());
    await act(() => result.current.start('s1'));
    await waitFor(() => expect(polls('p1')).toBeGreaterThan(0));
    await act(() => result.current.cancel());
    const seen = polls('p1');
    await new Promise((r) => setTimeout(r, POLL_MS * 4));
    expect(polls('p1')).toBe(seen);
    expect(result.current.job?.status).toBe('cancelled');
    expect(result.current.busy).toBe(false);
  });

  it('unmounting stops the polling', async () => {
    server.routes.set('POST plans', { status: 202, body: { ...planRecord('p1', moves), status: 'queued', summary: null } });
    jobGoesThrough('p1', moves, ['running']);
    const { result, unmount } = renderHook(() => usePlanJob());
    await act(() => result.current.start('s1'));
    await waitFor(() => expect(polls('p1')).toBeGreaterThan(0));
    unmount();
    const seen = polls('p1');
    await new Promise((r) => setTimeout(r, POLL_MS * 4));
    expect(polls('p1')).toBeLessThanOrEqual(seen + 1);
  });

  it('a reopened scenario whose solve still runs is followed to its end', async () => {
    server.routes.set('GET plans', { status: 200, body: [{ ...planRecord('p3', moves), status: 'running', summary: null }] });
    jobGoesThrough('p3', moves, ['running', 'done']);
    const { result } = renderHook(() => usePlanJob());
    await act(() => result.current.reopen('s1'));
    expect(result.current.busy).toBe(true);
    await waitFor(() => expect(result.current.result).toEqual(moves));
  });

  it('a reopened scenario shows its latest plan that exists, and names a newer solve that found none', async () => {
    const none = planRecord('p2', infeasible, { finishedAt: '2026-11-27T11:00:00.000Z' });
    server.routes.set('GET plans', { status: 200, body: [none, planRecord('p1', moves), { ...planRecord('p0', moves), scenarioId: 'other' }] });
    server.routes.set('GET plans/p1/result', { status: 200, body: moves });
    const { result } = renderHook(() => usePlanJob());
    await act(() => result.current.reopen('s1'));
    expect(result.current.job?.id).toBe('p1');
    expect(result.current.result).toEqual(moves);
    expect(result.current.unplanned?.id).toBe('p2');
  });

  it('what an older reopen answers after a new solve started is dropped', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    server.routes.set('GET plans', () => json([planRecord('p1', infeasible)]));
    server.routes.set('GET plans/p1/result', { status: 200, body: infeasible });
    server.routes.set('POST plans', { status: 202, body: { ...planRecord('p2', moves), status: 'queued', summary: null } });
    jobGoesThrough('p2', moves, ['done']);
    const slow = globalThis.fetch;
    vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
      if (String(input) === 'api/plans' && (init?.method ?? 'GET') === 'GET') await gate;
      return slow(input, init);
    });
    const { result } = renderHook(() => usePlanJob());
    let reopened: Promise<void> = Promise.resolve();
    act(() => {
      reopened = result.current.reopen('s1');
    });
    await act(() => result.current.start('s1'));
    await waitFor(() => expect(result.current.result).toEqual(moves));
    release();
    await act(() => reopened);
    expect(result.current.job?.id).toBe('p2');
    expect(result.current.result).toEqual(moves);
  });
});
