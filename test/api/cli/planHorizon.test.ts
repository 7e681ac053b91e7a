/**
 * `npm run plan -- --horizon N`: the plan over several months from the command line. Months of the
 * history are planned (their counts, no forecast needed), on the small test city.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../solver/forecast/months.ts';
import type { HorizonPlan } from '../../../solver/horizon/horizonPlan.ts';
import { longHistoryDir } from '../server/testApp.ts';

const root = join(import.meta.dirname, '../../..');
const plan = (args: readonly string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'api/cli/plan.ts', '--data', longHistoryDir(), ...args], { cwd: root, encoding: 'utf8' });

/** Levers under which the test city's plan hires and cross-trains (its six people are all short of hours: no move pays). */
const YEAR_LEVERS = { secondmentMonths: 4, secondmentMinMonths: 1, trainingBudget: 1, moveHours: 1, hiresAllowedByField: { land: 1 }, hireLeadMonths: 1 };

/** A scenario file of these levers. */
const scenarioFile = (levers: object): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'plan-horizon-')), 'scenario.json');
  writeFileSync(file, JSON.stringify(levers));
  return file;
};
const whole = (x: number): string => Math.round(x).toLocaleString('en-US');

/** The month-by-month table of the summary, each row by its column headings (cells are right-aligned under them). */
const tableOf = (stdout: string, alsoRow?: string): Record<string, string>[] => {
  const lines = stdout.split('\n');
  const at = lines.findIndex((l) => l.startsWith('month '));
  const head = lines[at] ?? '';
  const names = ['month', 'h/FTE', 'P50 unc.', 'P80 unc.', 'P95 unc.', 'away', 'transfers', 'seconded', 'hires', 'trained'];
  let from = 0;
  const columns = names.map((name) => {
    const end = head.indexOf(name, from) + name.length;
    const column = { name, start: from, end };
    from = end;
    return column;
  });
  const rows: Record<string, string>[] = [];
  for (const line of lines.slice(at + 1)) {
    if (!/^\d{4}-\d{2} /.test(line) && !(alsoRow !== undefined && line.startsWith(`${alsoRow} `))) break;
    rows.push(Object.fromEntries(columns.map((c, i) => [c.name, (i === 0 ? line.slice(0, line.indexOf(' ')) : line.slice(c.start, c.end)).trim()])));
  }
  return rows;
};

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

  it('its month-by-month summary agrees with plan.json and the CSVs: counts, each month\'s uncovered hours and people away, the totals over the horizon', () => {
    const out = mkdtempSync(join(tmpdir(), 'plan-horizon-'));
    const run = plan(['--from', '2026-04', '--horizon', '3', '--max-transfers', '1', '--max-commute-km', '200', '--time-limit', '10', '--scenario', scenarioFile(YEAR_LEVERS), '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')) as { plan: HorizonPlan };
    const p = json.plan;
    const rowsOf = (file: string): number => readFileSync(join(out, file), 'utf8').trim().split('\n').length - 1;
    expect(rowsOf('moves.csv')).toBe(p.transfers.length);
    expect(rowsOf('secondments.csv')).toBe(p.secondments.length);
    expect(rowsOf('hires.csv')).toBe(p.hires.length);
    expect(rowsOf('training.csv')).toBe(p.trainings.length);
    const months = p.secondments.reduce((n, x) => n + x.months, 0);
    expect(run.stdout).toContain(`${p.transfers.length} lasting transfers, ${p.secondments.length} secondments (${months} person-months), ${p.hires.reduce((n, x) => n + x.count, 0)} hires, ${p.trainings.length} cross-trained`);
    const sum = (q: number): number => p.under.find((u) => u.quantile === q)?.months.reduce((n, m) => n + m.uncovered, 0) ?? NaN;
    expect(run.stdout).toContain(`uncovered hours over the horizon: P50 ${whole(sum(0.5))}, P80 ${whole(sum(0.8))}, P95 ${whole(sum(0.95))}`);
    // The planned quantile's uncovered hours are the plan's own months'.
    expect(sum(0.8)).toBeCloseTo(p.months.reduce((n, m) => n + m.uncovered, 0), 6);
    const table = tableOf(run.stdout);
    expect(table.map((r) => r['month'])).toEqual(['2026-04', '2026-05', '2026-06']);
    table.forEach((r, t) => {
      for (const q of [0.5, 0.8, 0.95]) expect(r[`P${Math.round(q * 100)} unc.`]).toBe(whole(p.under.find((u) => u.quantile === q)?.months[t]?.uncovered ?? NaN));
      expect(Number(r['away'])).toBe(p.months[t]?.away);
    });
    const column = (name: string): number => table.reduce((n, r) => n + Number(r[name] || 0), 0);
    expect(column('transfers')).toBe(p.transfers.length);
    expect(column('hires')).toBe(p.hires.reduce((n, x) => n + x.count, 0));
    expect(column('seconded')).toBe(months);
  }, 120_000);

  it('ends the month-by-month table with a total row: uncovered hours over the horizon per quantile, the transfers, person-months seconded, hires and trainings', () => {
    const out = mkdtempSync(join(tmpdir(), 'plan-horizon-'));
    const run = plan(['--from', '2026-04', '--horizon', '3', '--max-transfers', '1', '--max-commute-km', '200', '--time-limit', '10', '--scenario', scenarioFile(YEAR_LEVERS), '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const p = (JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')) as { plan: HorizonPlan }).plan;
    expect(p.hires.length + p.trainings.length).toBeGreaterThan(0);
    const total = tableOf(run.stdout, 'total').at(-1) ?? {};
    expect(total['month']).toBe('total');
    for (const q of [0.5, 0.8, 0.95]) expect(total[`P${Math.round(q * 100)} unc.`]).toBe(whole(p.under.find((u) => u.quantile === q)?.months.reduce((n, m) => n + m.uncovered, 0) ?? NaN));
    expect(Number(total['transfers'] || 0)).toBe(p.transfers.length);
    expect(Number(total['seconded'] || 0)).toBe(p.secondments.reduce((n, x) => n + x.months, 0));
    expect(Number(total['hires'] || 0)).toBe(p.hires.reduce((n, x) => n + x.count, 0));
    expect(Number(total['trained'] || 0)).toBe(p.trainings.length);
    expect(run.stdout).toContain('seconded: people on secondment that month (the total in person-months)');
  }, 120_000);

  it('refuses --curve and --export-lp with a horizon above 1 (exit 2, naming --horizon and what to ask instead), never a single month\'s answer', () => {
    for (const flag of [['--curve'], ['--export-lp', join(mkdtempSync(join(tmpdir(), 'plan-horizon-')), 'm.lp')]]) {
      const run = plan(['--from', '2026-04', '--horizon', '3', ...flag, '--out', mkdtempSync(join(tmpdir(), 'plan-horizon-'))]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`${flag[0]}: --horizon must be 1 for the ${flag[0] === '--curve' ? 'trade-off curve' : 'LP export'}, which is of today's single-month model (this scenario plans 3 months)`);
    }
  }, 60_000);

  it('refuses a horizon past the forecast with exit 2, naming the lever and the last month that can be planned', () => {
    const months = readFileSync(join(longHistoryDir(), 'history.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[1] ?? '');
    const last = months.reduce((a, b) => (b > a ? b : a));
    // Forecasts reach 12 months past the history: 12 months from 6 months past it end 5 months too far.
    const run = plan(['--from', addMonths(last, 6), '--horizon', '12', '--out', mkdtempSync(join(tmpdir(), 'plan-horizon-'))]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`horizon = 12: reaches ${addMonths(last, 17)}, past the last month that can be planned, ${addMonths(last, 12)}`);
  }, 60_000);
});
