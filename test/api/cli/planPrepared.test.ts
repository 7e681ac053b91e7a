/**
 * `npm run plan` keeps what it prepared (the checked dataset, the transfer potential:
 * api/storage/preparedDataset.ts, preparedPotential.ts) and a second run on the same data reads them
 * back: the same plan, the same figures, only sooner.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostileNamesDir } from '../server/testApp.ts';

const root = join(import.meta.dirname, '../../..');

const planOnce = (data: string, budget: number): { stderr: string; plan: { result: Record<string, unknown> } } => {
  const out = mkdtempSync(join(tmpdir(), 'plan-prepared-'));
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'api/cli/plan.ts', '--data', data, '--period', '2026-06', '--max-transfers', String(budget), '--max-commute-km', '30', '--time-limit', '5', '--out', out], { cwd: root, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return { stderr: run.stderr, plan: JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')) as { result: Record<string, unknown> } };
};

/** The parts of a result that do not carry wall-clock seconds. */
const figures = (result: Record<string, unknown>): unknown => ({ outcome: result['outcome'], verdict: result['verdict'], shortage: result['shortage'] ?? null, infeasibility: result['infeasibility'] });

describe('npm run plan: what it prepared is read back', () => {
  it('plans the same on a second run, reading the checked dataset and the transfer potential back, also when only the budget changed', () => {
    const data = hostileNamesDir();
    const first = planOnce(data, 4);
    const second = planOnce(data, 4);
    const other = planOnce(data, 3);
    expect(second.stderr).toMatch(/dataset checked before \(prepared file /);
    expect(second.stderr).toMatch(/transfer potential computed before \(prepared file /);
    expect(other.stderr).toMatch(/transfer potential computed before \(prepared file /);
    expect(first.plan.result['shortage']).not.toBeNull();
    expect(figures(second.plan.result)).toEqual(figures(first.plan.result));
  }, 120_000);
});
