/**
 * A plan is a deterministic function of its input (issue 14): the solver's work limit, counted in
 * simplex iterations, decides where it stops, and the clock is only a safety net. One scenario is
 * solved on the machine as it is, then again under artificial load: two threads spinning on the
 * cores, and a clock running fast enough that the solve would use 40% of its limit unloaded (as on a
 * machine that many times slower). Everything but the seconds must be the same.
 */
import { Worker } from 'node:worker_threads';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Highs } from 'highs';
import { loadHighs } from '../../../solver/plan/loadHighs.ts';
import type { Plan } from '../../../solver/plan/plan.ts';
import { solvePlan } from '../../../solver/plan/solvePlan.ts';
import { syntheticCity } from '../../../solver/plan/syntheticCity.ts';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
  // One solve first: the JIT compiles the solver's JavaScript before anything is timed.
  solvePlan(highs, syntheticCity({ seed: 3, centers: 20, staffPerCenter: 6 }), { timeLimitSeconds: 10 });
});

let spinners: Worker[] = [];
afterEach(async () => {
  await Promise.all(spinners.map((w) => w.terminate()));
  spinners = [];
});

/** What a plan says of itself and of who works where, without the seconds it took. */
const outcome = (plan: Plan): object => {
  const { seconds: _seconds, timings: _timings, ...rest } = plan;
  return rest;
};

describe('the same scenario on a quiet and on a loaded machine', () => {
  it('gives the same plan, status, objective, bound, gap and work', () => {
    const input = syntheticCity({ seed: 4, centers: 30, staffPerCenter: 8 });
    const limit = 10;
    const t0 = performance.now();
    const workLimit = 20_000;
    const quiet = solvePlan(highs, input, { timeLimitSeconds: limit, workLimit, now: () => performance.now() });
    const seconds = (performance.now() - t0) / 1000;
    // The comparison means something only when the safety net did not stop the first solve.
    expect(quiet.status).not.toBe('time_limit');
    expect(quiet.work).toBeGreaterThan(0);

    spinners = [0, 1].map(() => new Worker('for (;;) {}', { eval: true }));
    const speed = (0.4 * limit) / Math.max(seconds, 0.05);
    const loaded = solvePlan(highs, input, { timeLimitSeconds: limit, workLimit, now: () => speed * performance.now() });
    const figures = (plan: Plan): object => ({ status: plan.status, objective: plan.objective, bound: plan.bound, gap: plan.gap, work: plan.work });
    expect(figures(loaded)).toEqual(figures(quiet));
    expect(outcome(loaded)).toEqual(outcome(quiet));
  }, 120_000);
});
