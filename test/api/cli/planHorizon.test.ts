/**
 * `npm run plan -- --horizon N`: the plan over several months from the command line. Months of the
 * history are planned (their counts, no forecast needed), on the small test city.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../solver/forecast/months.ts';
import { longHistoryDir } from '../server/testApp.ts';

const root = join(import.meta.dirname, '../../..');
const plan = (args: readonly string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'api/cli/plan.ts', '--data', longHistoryDir(), ...args], { cwd: root, encoding: 'utf8' });

describe('npm run plan -- --horizon', () => {
  it('writes plan.json, moves.csv, secondments.csv, hires.csv and training.csv, and prints one summary line per month', () => {
    const out = mkdtempSync(join(tmpdir(), 'plan-horizon-'));
    const run = plan(['--from', '2026-04', '--horizon', '3', '--max-transfers', '2', '--max-commute-km', '30', '--time-limit', '10', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8'));
    expect(json.plan.months.map((m: { month: string }) => m.month)).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(json.ruleViolations).toEqual([]);
    expect(readFileSync(join(out, 'secondments.csv'), 'utf8')).toMatch(/^\uFEFFstaff_id,name,from_center,from_name,to_center,to_name,from_month,until_month,months,reason\r?\n/);
    expect(readFileSync(join(out, 'moves.csv'), 'utf8')).toMatch(/^\uFEFFstaff_id,name,from_center,from_name,to_center,to_name,from_month,reason\r?\n/);
    expect(readFileSync(join(out, 'hires.csv'), 'utf8')).toMatch(/^\uFEFFcenter,center_name,field,field_name,count,start_month/);
    expect(readFileSync(join(out, 'training.csv'), 'utf8')).toMatch(/^\uFEFFstaff_id,name,center,center_name,field,field_name,start_month,ready_month/);
    for (const month of ['2026-04', '2026-05', '2026-06']) expect(run.stdout).toMatch(new RegExp(`^${month} `, 'm'));
    expect(run.stdout).toContain('Self-check: every rule holds in every month.');
  }, 120_000);

  it('refuses a horizon past the forecast with exit 2, naming the lever and the last month that can be planned', () => {
    const months = readFileSync(join(longHistoryDir(), 'history.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[1] ?? '');
    const last = months.reduce((a, b) => (b > a ? b : a));
    // Forecasts reach 12 months past the history: 12 months from 6 months past it end 5 months too far.
    const run = plan(['--from', addMonths(last, 6), '--horizon', '12', '--out', mkdtempSync(join(tmpdir(), 'plan-horizon-'))]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`horizon = 12: reaches ${addMonths(last, 17)}, past the last month that can be planned, ${addMonths(last, 12)}`);
  }, 60_000);
});
