/**
 * A pool of worker threads that run long tasks (solves, forecasts) off the server's event loop.
 * A task waits in a bounded queue, runs in the first free worker, reports progress, and ends in
 * exactly one of: done, failed, cancelled. Cancelling a running task terminates its worker (HiGHS
 * cannot be interrupted from outside otherwise) and starts a fresh one; so does the hard time limit.
 *
 * A TypeScript entry (the sources, tests) starts through tsWorker.mjs, which registers tsx in the
 * thread; a compiled .js entry (dist/, the server `npm start` runs) starts directly.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { REPO_ROOT } from '../repoPaths.ts';

/** What the pool sends a worker. */
export interface TaskMessage {
  readonly id: string;
  readonly kind: string;
  readonly payload: unknown;
}

/** What a worker sends back. */
export type WorkerMessage =
  | { readonly type: 'progress'; readonly id: string; readonly stage: string; readonly fraction: number }
  | { readonly type: 'done'; readonly id: string; readonly result: unknown }
  | { readonly type: 'failed'; readonly id: string; readonly message: string };

export interface TaskHandlers {
  readonly started?: () => void;
  readonly progress?: (stage: string, fraction: number) => void;
  readonly done: (result: unknown) => void;
  readonly failed: (message: string) => void;
  readonly cancelled?: () => void;
}

export interface PoolOptions {
  /** URL of the worker's entry module: TypeScript (run through tsx) or compiled JavaScript. */
  readonly entry: URL;
  /** Worker threads. Default 1 (this machine has 2 cores; the event loop needs one). */
  readonly size?: number;
  /** Most tasks waiting (not counting running ones); beyond it submit answers `full`. Default 8. */
  readonly queueLimit?: number;
  /** A task still running after this many ms is stopped and fails. Default 120,000. */
  readonly hardLimitMs?: number;
  /** Passed to each worker as `workerData.options`. */
  readonly workerOptions?: Readonly<Record<string, unknown>>;
}

export interface WorkerPool {
  /** Queues a task (with its own hard limit, ms, if given); `full` when the queue is at its limit (nothing queued then). */
  readonly submit: (task: TaskMessage, handlers: TaskHandlers, hardLimitMs?: number) => 'queued' | 'full';
  /** Cancels a queued or running task; false when the pool does not hold it. */
  readonly cancel: (id: string) => boolean;
  readonly stats: () => { readonly running: number; readonly queued: number; readonly size: number; readonly queueLimit: number };
  /** Terminates every worker; queued tasks are dropped (their handlers are not called). */
  readonly close: () => Promise<void>;
}

interface Slot {
  worker: Worker;
  task?: { readonly message: TaskMessage; readonly handlers: TaskHandlers; readonly limitMs: number; readonly timer: NodeJS.Timeout };
}

const BOOTSTRAP = pathToFileURL(join(REPO_ROOT, 'api', 'jobs', 'tsWorker.mjs'));

export const createWorkerPool = (options: PoolOptions): WorkerPool => {
  const size = options.size ?? 1;
  const queueLimit = options.queueLimit ?? 8;
  const hardLimitMs = options.hardLimitMs ?? 120_000;
  const queue: { message: TaskMessage; handlers: TaskHandlers; limitMs: number }[] = [];
  const slots: Slot[] = [];
  let closed = false;

  const finish = (slot: Slot): Slot['task'] => {
    const task = slot.task;
    if (task !== undefined) clearTimeout(task.timer);
    slot.task = undefined;
    return task;
  };

  /**
   * Calls one handler of a task. A handler that throws (a store that cannot write) must neither
   * kill the server (these run in worker events) nor leave its task without an outcome: a throwing
   * `done` ends the task as failed with what went wrong; a throwing `failed` has no outcome left
   * to give.
   */
  const call = (handlers: TaskHandlers, run: (h: TaskHandlers) => void): void => {
    try {
      run(handlers);
    } catch (error) {
      try {
        handlers.failed(`the server could not record the task's outcome: ${error instanceof Error ? error.message : String(error)}`);
      } catch {
        // nothing further can be recorded
      }
    }
  };

  const replace = (slot: Slot): void => {
    void slot.worker.terminate();
    if (closed) return;
    slot.worker = spawn(slot);
  };

  const spawn = (slot: Slot): Worker => {
    const workerData = { entry: options.entry.href, options: options.workerOptions ?? {} };
    const worker = new Worker(options.entry.pathname.endsWith('.ts') ? BOOTSTRAP : options.entry, { workerData });
    worker.on('message', (message: WorkerMessage) => {
      if (slot.worker !== worker || slot.task?.message.id !== message.id) return;
      if (message.type === 'progress') {
        const { handlers } = slot.task;
        call(handlers, (h) => h.progress?.(message.stage, message.fraction));
        return;
      }
      const task = finish(slot);
      if (task !== undefined) call(task.handlers, (h) => (message.type === 'done' ? h.done(message.result) : h.failed(message.message)));
      next();
    });
    worker.on('error', () => {
      if (slot.worker !== worker) return;
      const task = finish(slot);
      if (task !== undefined) call(task.handlers, (h) => h.failed('the solver stopped unexpectedly'));
      replace(slot);
      next();
    });
    worker.on('exit', () => {
      if (slot.worker !== worker || closed) return;
      const task = finish(slot);
      if (task !== undefined) call(task.handlers, (h) => h.failed('the solver stopped unexpectedly'));
      slot.worker = spawn(slot);
      next();
    });
    return worker;
  };

  /** Gives `item` to the idle `slot`; when it cannot start (a handler or the message failed), the task fails and the slot stays idle. */
  const dispatch = (slot: Slot, item: (typeof queue)[number]): void => {
    const timer = setTimeout(() => {
      if (slot.task?.message.id !== item.message.id) return;
      finish(slot);
      call(item.handlers, (h) => h.failed(`the task ran longer than ${item.limitMs / 1000} s and was stopped`));
      replace(slot);
      next();
    }, item.limitMs);
    timer.unref();
    slot.task = { ...item, timer };
    try {
      item.handlers.started?.();
      slot.worker.postMessage(item.message);
    } catch (error) {
      finish(slot);
      call(item.handlers, (h) => h.failed(`the task could not be started: ${error instanceof Error ? error.message : String(error)}`));
    }
  };

  const next = (): void => {
    for (const slot of slots) {
      while (slot.task === undefined) {
        const item = queue.shift();
        if (item === undefined) return;
        dispatch(slot, item);
      }
    }
  };

  for (let i = 0; i < size; i += 1) {
    const slot = {} as Slot;
    slot.worker = spawn(slot);
    slots.push(slot);
  }

  return {
    submit: (message, handlers, limitMs = hardLimitMs) => {
      if (closed) throw new Error('workerPool.submit: the pool is closed');
      const idle = slots.some((s) => s.task === undefined);
      if (!idle && queue.length >= queueLimit) return 'full';
      queue.push({ message, handlers, limitMs });
      next();
      return 'queued';
    },
    cancel: (id) => {
      const waiting = queue.findIndex((q) => q.message.id === id);
      if (waiting >= 0) {
        const [item] = queue.splice(waiting, 1);
        if (item !== undefined) call(item.handlers, (h) => h.cancelled?.());
        return true;
      }
      const slot = slots.find((s) => s.task?.message.id === id);
      if (slot === undefined) return false;
      const task = finish(slot);
      if (task !== undefined) call(task.handlers, (h) => h.cancelled?.());
      replace(slot);
      next();
      return true;
    },
    stats: () => ({
      running: slots.filter((s) => s.task !== undefined).length,
      queued: queue.length,
      size,
      queueLimit,
    }),
    close: async () => {
      closed = true;
      queue.length = 0;
      for (const slot of slots) finish(slot);
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
};
