/**
 * Every command answers --help with its usage and help on standard output (exit 0), and an unknown
 * option with one line naming it and the usage on standard error (exit 2): never a stack trace
 * (issue 11: `check-data --help` crashed; `forecast` and `admin` said "Unknown option '--help'").
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const COMMANDS = ['plan', 'overview', 'check-data', 'forecast', 'admin', 'model-check'] as const;
const run = (command: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', `api/cli/${command}.ts`, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('the commands\' help and bad options', () => {
  it.each(COMMANDS)('npm run %s -- --help prints its usage and help and exits 0', (command) => {
    const out = run(command, '--help');
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toMatch(new RegExp(`^usage: npm run ${command} -- `));
    expect(out.stdout.split('\n').length).toBeGreaterThan(5);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  it.each(COMMANDS)('npm run %s -- --no-such-option names the option, shows the usage and exits 2, without a stack trace', (command) => {
    const out = run(command, '--no-such-option');
    expect(out.status).toBe(2);
    expect(out.stderr).toContain("'--no-such-option'");
    expect(out.stderr).toContain(`usage: npm run ${command} -- `);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  it('the forecast command documents its input format', () => {
    const out = run('forecast', '--help');
    for (const column of ['series_id', 'month', 'value', 'YYYY-MM']) expect(out.stdout).toContain(column);
  });
});
