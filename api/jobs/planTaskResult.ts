/**
 * What a plan task sends back from its worker thread, and the clocks that time its stages.
 */
import type { PlanSummary } from './planSummary.ts';

/** A plan task's answer: the small summary, and the full result as JSON text (stored as it is). */
export interface PlanTaskResult {
  readonly summary: PlanSummary;
  /** JSON of { summary, scenario, explanation, moves, plan, workload, timings }. */
  readonly text: string;
  /** Milliseconds per stage in the worker, in order (computeWorker.ts, plan task). */
  readonly timings: Readonly<Record<string, number>>;
  /** Wall clock when the worker posted the answer (wallMs), so the main thread can time the transfer. */
  readonly sentAt: number;
}

/** The wall clock in ms since the epoch with sub-millisecond resolution, comparable between threads. */
export const wallMs = (): number => performance.timeOrigin + performance.now();

/** Milliseconds since the previous lap, per named stage (rounded to 0.1 ms), by the clock `now` (ms). */
export const stopwatch = (clock: () => number = () => performance.now()) => {
  let last = clock();
  const laps: Record<string, number> = {};
  return {
    laps,
    lap: (name: string): void => {
      const now = clock();
      laps[name] = Math.round((now - last) * 10) / 10;
      last = now;
    },
  };
};
