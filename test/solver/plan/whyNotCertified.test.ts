/**
 * Why a plan is not within the tolerance (whyNotCertified.ts): each cause said with the figures of the
 * solve's trace, nothing said of a certified plan.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Highs } from 'highs';
import { loadHighs } from '../../../solver/plan/loadHighs.ts';
import type { PlanQuality, SolveTrace } from '../../../solver/plan/plan.ts';
import { solvePlan } from '../../../solver/plan/solvePlan.ts';
import { syntheticCity } from '../../../solver/plan/syntheticCity.ts';
import { whyNotCertified } from '../../../solver/plan/whyNotCertified.ts';

const trace = (over: Partial<SolveTrace> = {}): SolveTrace => ({
  boundRounds: 3,
  lpObjective: 950,
  mips: [{ columns: 1200, full: false, status: 'work_limit', iterations: 20_000, objective: 1000, bound: 980 }],
  workLimit: 60_000,
  workUsed: 60_000,
  outOfTime: false,
  ...over,
});

const quality = (gap: number, t: SolveTrace | undefined): PlanQuality => ({
  status: gap <= 0.01 ? 'optimal' : 'feasible',
  message: '',
  objective: 1000,
  bound: 1000 * (1 - gap),
  boundKind: 'lp_relaxation_full_model',
  gap,
  seconds: 1,
  modelSize: { columns: 0, rows: 0, binaries: 0 },
  ...(t === undefined ? {} : { trace: t }),
});

describe('why a plan is not certified', () => {
  it('says nothing of a plan within the tolerance', () => {
    expect(whyNotCertified(quality(0.004, trace()))).toBeNull();
  });

  it('says nothing without a trace (a plan from before traces, or none)', () => {
    expect(whyNotCertified(quality(0.05, undefined))).toBeNull();
  });

  it('names a MIP stopped by its work, with its iterations and its own bound against the plan', () => {
    const why = whyNotCertified(quality(0.05, trace())) ?? '';
    expect(why).toContain('gap 5.00%');
    expect(why).toContain('the full LP relaxation is 5.00% below the plan');
    expect(why).toContain('a set of 1,200 person-center columns stopped by its work after 20,000 iterations, its own bound 2.00% below the plan (valid for that set only)');
  });

  it('names a bound that column generation did not prove (Lagrangian) with its rounds', () => {
    const why = whyNotCertified(quality(0.05, trace({ lpObjective: null, boundRounds: 8 }))) ?? '';
    expect(why).toContain('column generation did not prove the full LP in 8 rounds');
  });

  it('calls the relaxation weak when a set reached its optimum still outside the tolerance of the full LP', () => {
    const why = whyNotCertified(quality(0.05, trace({ workUsed: 59_000, mips: [{ columns: 800, full: false, status: 'optimal', iterations: 9_000, objective: 1000, bound: 999 }] }))) ?? '';
    expect(why).toContain("reached that set's optimum");
    expect(why).toContain('1,000 iterations');
    expect(why).toContain('the relaxation is weak here');
  });

  it('says when the clock, not the work, cut the solve short', () => {
    expect(whyNotCertified(quality(0.05, trace({ outOfTime: true }))) ?? '').toContain('the clock (the safety net) cut a stage short');
  });
});

describe('the trace of a real solve', () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  it('records the bound rounds and each MIP, and says why a solve given little work is not certified', () => {
    const input = syntheticCity({ seed: 3, centers: 30, rules: { maxTransfers: null, maxCommuteKm: 20 } });
    const plan = solvePlan(highs, input, { timeLimitSeconds: 60, workLimit: 8_000 });
    expect(plan.trace?.boundRounds).toBeGreaterThan(0);
    expect(plan.trace?.workLimit).toBe(8_000);
    expect(plan.trace?.workUsed).toBe(plan.work);
    expect(plan.gap ?? 1).toBeGreaterThan(0.01);
    expect(whyNotCertified(plan)).toMatch(/^gap \d+\.\d\d% \([\d,]+ simplex iterations used, limit 8,000\): /);
  }, 60_000);
});
