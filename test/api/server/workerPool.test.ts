import { afterEach, describe, expect, it } from 'vitest';
import { createWorkerPool, type TaskHandlers, type WorkerPool } from '../../../api/jobs/workerPool.ts';

const ENTRY = new URL('./fixtures/spinWorker.ts', import.meta.url);
let pool: WorkerPool | undefined;
afterEach(async () => { await pool?.close(); pool = undefined; });

interface Outcome { readonly kind: 'done' | 'failed' | 'cancelled'; readonly value?: unknown; readonly stages: string[] }

const track = (): { handlers: TaskHandlers; outcome: Promise<Outcome> } => {
  const stages: string[] = [];
  let settle: (o: Outcome) => void = () => undefined;
  const outcome = new Promise<Outcome>((resolve) => { settle = resolve; });
  return {
    outcome,
    handlers: {
      progress: (stage) => stages.push(stage),
      done: (value) => settle({ kind: 'done', value, stages }),
      failed: (value) => settle({ kind: 'failed', value, stages }),
      cancelled: () => settle({ kind: 'cancelled', stages }),
    },
  };
};

describe('worker pool', () => {
  it('runs a task in a worker thread and reports its progress and result', async () => {
    pool = createWorkerPool({ entry: ENTRY });
    const t = track();
    expect(pool.submit({ id: 'a', kind: 'spin', payload: { ms: 300 } }, t.handlers)).toBe('queued');
    const outcome = await t.outcome;
    expect(outcome.kind).toBe('done');
    expect((outcome.value as { threadId: number }).threadId).toBeGreaterThan(0);
    expect(outcome.stages).toContain('spin');
  });

  it('passes a task\'s failure on as failed', async () => {
    pool = createWorkerPool({ entry: ENTRY });
    const t = track();
    pool.submit({ id: 'f', kind: 'fail', payload: {} }, t.handlers);
    expect(await t.outcome).toMatchObject({ kind: 'failed', value: 'spin worker told to fail' });
  });

  it('answers full when the queue is at its limit, and queues nothing then', async () => {
    pool = createWorkerPool({ entry: ENTRY, size: 1, queueLimit: 1 });
    const running = track();
    const waiting = track();
    expect(pool.submit({ id: 'r', kind: 'spin', payload: { ms: 1500 } }, running.handlers)).toBe('queued');
    expect(pool.submit({ id: 'w', kind: 'spin', payload: { ms: 10 } }, waiting.handlers)).toBe('queued');
    expect(pool.submit({ id: 'x', kind: 'spin', payload: { ms: 10 } }, track().handlers)).toBe('full');
    expect(pool.stats()).toMatchObject({ running: 1, queued: 1 });
    expect(pool.cancel('r')).toBe(true);
    expect((await waiting.outcome).kind).toBe('done');
  });

  it('cancelling a running task terminates its worker thread and a fresh one takes the next task', async () => {
    pool = createWorkerPool({ entry: ENTRY, size: 1 });
    const first = track();
    pool.submit({ id: 'long', kind: 'spin', payload: { ms: 60_000 } }, first.handlers);
    const firstThread = track();
    await new Promise((r) => setTimeout(r, 300));
    expect(pool.cancel('long')).toBe(true);
    expect((await first.outcome).kind).toBe('cancelled');
    pool.submit({ id: 'next', kind: 'spin', payload: { ms: 10 } }, firstThread.handlers);
    const next = await firstThread.outcome;
    expect(next.kind).toBe('done');
    expect(pool.stats().running).toBe(0);
    expect(pool.cancel('long')).toBe(false);
  });

  it('stops a task that outruns the hard time limit and fails it', async () => {
    pool = createWorkerPool({ entry: ENTRY, size: 1, hardLimitMs: 2000 });
    const t = track();
    pool.submit({ id: 'slow', kind: 'spin', payload: { ms: 60_000 } }, t.handlers);
    expect(await t.outcome).toMatchObject({ kind: 'failed', value: 'the task ran longer than 2 s and was stopped' });
    const after = track();
    pool.submit({ id: 'ok', kind: 'spin', payload: { ms: 10 } }, after.handlers);
    expect((await after.outcome).kind).toBe('done');
  });

  it('a done handler that throws ends its task as failed, naming why, and the pool runs the next task', async () => {
    pool = createWorkerPool({ entry: ENTRY, size: 1 });
    const t = track();
    pool.submit({ id: 'store-broken', kind: 'spin', payload: { ms: 10 } }, { ...t.handlers, done: () => { throw new Error('database is locked'); } });
    expect(await t.outcome).toMatchObject({ kind: 'failed', value: "the server could not record the task's outcome: database is locked" });
    const after = track();
    pool.submit({ id: 'ok', kind: 'spin', payload: { ms: 10 } }, after.handlers);
    expect((await after.outcome).kind).toBe('done');
  });

  it('a task whose payload cannot be sent to a worker fails at once and leaves the worker free', async () => {
    pool = createWorkerPool({ entry: ENTRY, size: 1 });
    const t = track();
    expect(pool.submit({ id: 'bad', kind: 'spin', payload: { ms: 10, callback: () => 1 } }, t.handlers)).toBe('queued');
    expect(await t.outcome).toMatchObject({ kind: 'failed', value: expect.stringMatching(/^the task could not be started: .*could not be cloned/) });
    expect(pool.stats().running).toBe(0);
    const after = track();
    pool.submit({ id: 'ok', kind: 'spin', payload: { ms: 10 } }, after.handlers);
    expect((await after.outcome).kind).toBe('done');
  });
});
