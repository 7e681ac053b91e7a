import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModelCheckArgs, runModelCheck, type ModelCheckDeps } from '../../api/cli/model-check.ts';
import type { Dataset } from '../../solver/domain.ts';
import type { ModelCheck } from '../../solver/workload/modelCheck.ts';
import { calmCenters, outcomeCity } from '../solver/workload/outcomeCity.ts';

const depsOf = (dataset: Dataset): ModelCheckDeps => ({ loadDataset: async () => ({ ok: true, value: dataset, warnings: [] }) });
const withOverload = (): Dataset => outcomeCity([...calmCenters(), { center: 'X', month: '2025-10', load: 2 }]);

describe('parseModelCheckArgs', () => {
  it('defaults: official norms, the flagged months, 30 shown, text', () => {
    expect(parseModelCheckArgs([])).toEqual({ ok: true, args: { norms: 'official', center: null, all: false, top: 30, json: false, dataDir: null } });
  });

  it('reads every flag', () => {
    expect(parseModelCheckArgs(['--norms', 'calibrated', '--center', '11446', '--all', '--top', '5', '--json', '--data', '/tmp/x']))
      .toEqual({ ok: true, args: { norms: 'calibrated', center: '11446', all: true, top: 5, json: true, dataDir: '/tmp/x' } });
  });

  it.each([
    [['--norms', 'fitted'], /--norms must be official or calibrated, got "fitted"/],
    [['--top', '0'], /--top must be a whole number >= 1, got "0"/],
    [['--colour'], /Unknown option '--colour'/],
  ])('refuses %j with a clear message and the usage line', (argv, message) => {
    const parsed = parseModelCheckArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toMatch(message);
      expect(parsed.message).toMatch(/usage: npm run model-check/);
    }
  });
});

describe('runModelCheck', () => {
  it('prints the flagged center-month in words, with the norms it used', async () => {
    const run = await runModelCheck([], depsOf(withOverload()));
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^Model check: workload by official norms\n/);
    expect(run.stdout).toContain('Flagged: 1 (1 modelled above the overtime band with nothing late');
    expect(run.stdout).toContain('modelled 200% but 0 late: norms or staff count likely wrong');
  });

  it('--json prints the check as the API answers it', async () => {
    const run = await runModelCheck(['--json', '--norms', 'calibrated'], depsOf(withOverload()));
    const check = JSON.parse(run.stdout) as ModelCheck;
    expect(check.norms).toMatchObject({ requested: 'calibrated', used: 'calibrated', fittedFrom: '2025-07', fittedTo: '2025-10' });
    expect(check.rows.find((r) => r.centerCode === 'X')?.verdict).toBeDefined();
  });

  it('says the check cannot be done when the history records no outcomes (and exits 0)', async () => {
    const run = await runModelCheck(['--norms', 'calibrated'], depsOf(outcomeCity(calmCenters(), { outcomes: false })));
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(
      'Model check: workload by official norms (calibrated ones were asked for, but the history records no outcomes to calibrate on)\n' +
      '  the history records no outcomes (resolved_on_time, resolved_late, pending): the model cannot be checked against what happened, and the official norms are used\n',
    );
  });

  it('refuses a center the dataset does not have, with exit code 2', async () => {
    const run = await runModelCheck(['--center', '99999'], depsOf(withOverload()));
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/--center 99999 is not a center of the dataset/);
  });
});

describe('npm run model-check on the embedded dataset', () => {
  it('shows Phù Liễn flagged at 435% with official norms and busy within the overtime band with calibrated ones', () => {
    const root = join(import.meta.dirname, '..', '..');
    const run = (norms: string) => spawnSync(process.execPath, ['--import', 'tsx', join(root, 'api', 'cli', 'model-check.ts'), '--norms', norms, '--center', '11446'], { cwd: root, encoding: 'utf8' });
    const official = run('official');
    expect(official.status).toBe(0);
    expect(official.stdout).toMatch(/2025-07 .* modelled 435% but 0 late: norms or staff count likely wrong/);
    const calibrated = run('calibrated');
    expect(calibrated.stdout).toMatch(/^Model check: workload by calibrated norms, fitted on 2025-07\.\.2026-10\n/);
    expect(calibrated.stdout).toMatch(/2025-07 .* busy \(11\d%\): within the overtime band, nothing late beyond the usual/);
  }, 180_000);
});
