/**
 * Runs the transfer potential of a plan input on a worker thread (potentialWorker.ts) and gives a
 * promise of it: null, with the reason in `onFailure`, when the thread could not start or failed, so
 * that the caller computes it on its own thread instead (the same figures, only later). `stop` ends
 * the thread when its answer is not needed (a plan without an outcome), so it never holds the command open.
 */
import { Worker } from 'node:worker_threads';
import type { PlanInput } from '../../solver/plan/planInput.ts';
import type { TransferPotential } from '../../solver/plan/transferPotential.ts';
import { POTENTIAL_WORKER_ENTRY, TS_WORKER_BOOTSTRAP } from '../repoPaths.ts';

export interface PotentialThread {
  readonly potential: Promise<TransferPotential | null>;
  readonly stop: () => void;
}

export const potentialThread = (input: PlanInput, onFailure: (reason: string) => void): PotentialThread => {
  let worker: Worker | null = null;
  let stopped = false;
  const potential = new Promise<TransferPotential | null>((done) => {
    let settled = false;
    const settle = (value: TransferPotential | null, reason?: string): void => {
      if (settled) return;
      settled = true;
      if (reason !== undefined) onFailure(reason);
      done(value);
    };
    let started: Worker;
    try {
      const typescript = POTENTIAL_WORKER_ENTRY.pathname.endsWith('.ts');
      started = new Worker(typescript ? TS_WORKER_BOOTSTRAP : POTENTIAL_WORKER_ENTRY, { workerData: { entry: POTENTIAL_WORKER_ENTRY.href, input } });
    } catch (error) {
      settle(null, error instanceof Error ? error.message : String(error));
      return;
    }
    worker = started;
    started.once('message', (message: { ok: true; potential: TransferPotential } | { ok: false; message: string }) => {
      if (message.ok) settle(message.potential);
      else settle(null, message.message);
      void started.terminate();
    });
    started.once('error', (error) => settle(null, stopped ? undefined : error.message));
    started.once('exit', (code) => settle(null, stopped ? undefined : `the thread ended (exit code ${code}) before it answered`));
  });
  return {
    potential,
    stop: () => {
      stopped = true;
      void worker?.terminate();
    },
  };
};
