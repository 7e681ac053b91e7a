/**
 * What a browser check of the planner needs around its checks: Debian's Chromium (/usr/bin/chromium,
 * never a downloaded browser; CHROMIUM overrides it) with the flags of a headless CI run, the real
 * server on a free loopback port with its own environment, and the loop that runs named checks in
 * order, screenshots a failure and prints "N passed, N failed". Used by test/web/journey.ts and
 * test/web/tokenJourney.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SHOTS = join(ROOT, 'test-output', 'screenshots');
export const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Throws what to do when web/dist or the browser is missing. Makes the screenshot folder. */
export const checkPrerequisites = (): void => {
  if (!existsSync(join(ROOT, 'web', 'dist', 'index.html'))) throw new Error('web/dist is missing: run `npm run web:build` first');
  if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: apt-get install -y chromium`);
  mkdirSync(SHOTS, { recursive: true });
};

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });

export interface RunningServer {
  readonly child: ChildProcess;
  /** Everything the server printed so far. */
  readonly log: () => string;
}

/**
 * Starts api/server.ts on 127.0.0.1:`port` with `env` added, and waits (up to 180 s: a fresh data
 * directory loads the embedded dataset first) until `ready(base)` answers true, e.g. a 200 from
 * /api/health. Kills the server and throws with its output if it never does.
 */
export const startServer = async (port: number, env: Readonly<Record<string, string>>, ready: (base: string) => Promise<boolean>): Promise<RunningServer> => {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'api', 'server.ts')], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    if (await ready(`http://127.0.0.1:${port}`).catch(() => false)) return { child, log: () => output };
    await new Promise((r) => setTimeout(r, 300));
  }
  child.kill('SIGKILL');
  throw new Error(`server was not ready within 180 s:\n${output}`);
};

export interface Check {
  readonly name: string;
  /** Throws what is wrong; may return a note printed under the check's name. */
  readonly run: (page: Page) => Promise<string | void>;
}

export const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

/**
 * Runs `checks` in order on `page`, printing ✓ or ✗ and the note or the error of each; a failed
 * check leaves a screenshot `${prefix}failed-N.png`. Returns the counts.
 */
export const runChecks = async (checks: readonly Check[], page: Page, prefix = ''): Promise<{ passed: number; failed: number }> => {
  let passed = 0;
  let failed = 0;
  for (const check of checks) {
    try {
      const note = await check.run(page);
      passed += 1;
      console.log(`✓ ${check.name}${note ? `\n    ${note}` : ''}`);
    } catch (error) {
      failed += 1;
      console.log(`✗ ${check.name}\n    ${error instanceof Error ? error.message.split('\n').slice(0, 6).join('\n    ') : String(error)}`);
      await shot(page, `${prefix}failed-${passed + failed}`).catch(() => undefined);
    }
  }
  return { passed, failed };
};

/** Runs a browser check's `main`, prints "0 passed, 1 failed" if it throws, and exits with its code. */
export const exitWith = (main: () => Promise<number>): void => {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      console.log('0 passed, 1 failed');
      process.exit(1);
    },
  );
};
