/**
 * Browser check of token mode (issues 5 and 6), in Debian's Chromium (/usr/bin/chromium through
 * playwright-core; no downloaded browser): the sign-in screen appears, a wrong token is refused in
 * words, a planner signs in (name and role in the header), sees the overview, solves, downloads the
 * CSV export and opens the memo (fetched with the token: no 401); a viewer sees Solve disabled with
 * the reason; a token revoked with `npm run admin -- delete-user` while in use brings the sign-in
 * dialog back with the reason, and what was typed stays.
 *
 * Run: `npx tsx test/web/tokenJourney.ts` after `npm run web:build`. Starts its own server on a free
 * port of 127.0.0.1 with ACCESS=tokens and a fresh DATA_DIR, where it creates a viewer and a planner
 * with the admin CLI. Saves token-*.png to test-output/screenshots/ (leaves the other screenshots
 * there). CHROMIUM overrides the browser path. Ends with "N passed, N failed"; exit 1 on a failure.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { checkPrerequisites, CHROMIUM, CHROMIUM_ARGS, exitWith, freePort, ROOT, runChecks, SHOTS, shot, startServer, type Check } from './browserHarness.ts';

/** A first solve on a fresh data directory also computes the forecasts. */
const SOLVE_TIMEOUT_MS = 240_000;
const LOAD_TIMEOUT_MS = 120_000;

/** `npm run admin -- ARGS --data-dir DIR`; returns its stdout (create-user prints the token last). */
const admin = (dataDir: string, ...args: string[]): string => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'api', 'cli', 'admin.ts'), ...args, '--data-dir', dataDir], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`admin ${args.join(' ')} exited with ${run.status}: ${run.stderr}`);
  return run.stdout;
};

const createUser = (dataDir: string, name: string, role: string): string => {
  const token = admin(dataDir, 'create-user', name, '--role', role).trim().split('\n').at(-1) ?? '';
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw new Error(`create-user ${name} printed no token`);
  return token;
};

/** Ready once /api/health answers and /api/centers refuses an anonymous reader (token mode). */
const tokenModeReady = async (base: string): Promise<boolean> => {
  if (!(await fetch(`${base}/api/health`)).ok) return false;
  const closed = await fetch(`${base}/api/centers`);
  if (closed.status !== 401) throw new Error(`/api/centers answered ${closed.status} without a token: the server is not in token mode`);
  return true;
};

const signIn = async (page: Page, token: string): Promise<void> => {
  await page.getByLabel('Mã truy cập', { exact: true }).fill(token);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
};

const main = async (): Promise<number> => {
  checkPrerequisites();
  const dataDir = mkdtempSync(join(tmpdir(), 'planner-token-journey-'));
  const planner = createUser(dataDir, 'lan.planner', 'planner');
  const viewer = createUser(dataDir, 'hoa.viewer', 'viewer');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}/`;
  // LOG=1: Fastify's JSON log, to show the server's errors when a check fails.
  const server = await startServer(port, { DATA_DIR: dataDir, ACCESS: 'tokens', LOG: '1' }, tokenModeReady);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  /** Every /api answer refused with 401, by path. */
  const refused: string[] = [];
  context.on('response', (r) => {
    if (r.status() === 401 && r.url().includes('/api/')) refused.push(new URL(r.url()).pathname);
  });
  const checks: Check[] = [
    {
      name: 'the sign-in screen appears instead of the screens (Vietnamese first)',
      run: async (p) => {
        await p.goto(`${base}#/overview`);
        await p.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor({ timeout: LOAD_TIMEOUT_MS });
        if ((await p.getByRole('link', { name: 'Tổng quan' }).count()) !== 0) throw new Error('the navigation shows before sign-in');
        const remember = p.getByLabel('Ghi nhớ trên máy tính này');
        if (await remember.isChecked()) throw new Error('"remember on this computer" is ticked by default');
        await shot(p, 'token-sign-in');
      },
    },
    {
      name: 'a wrong token is refused in words',
      run: async (p) => {
        await signIn(p, 'x'.repeat(43));
        const alert = p.locator('.sign-in [role="alert"]');
        await alert.waitFor();
        const text = (await alert.textContent()) ?? '';
        if (!text.startsWith('Máy chủ không nhận mã này')) throw new Error(`unexpected refusal: ${text}`);
        await shot(p, 'token-sign-in-refused');
        return text;
      },
    },
    {
      name: 'the planner signs in, sees their name and role in the header, and the overview',
      run: async (p) => {
        await signIn(p, planner);
        await p.getByRole('group', { name: 'Người dùng lan.planner, vai trò Người lập kế hoạch' }).waitFor({ timeout: LOAD_TIMEOUT_MS });
        await p.locator('.map-centers circle').nth(113).waitFor({ timeout: LOAD_TIMEOUT_MS });
        if ((await p.locator('.map-centers circle').count()) !== 114) throw new Error('not 114 circles');
        await p.locator('.app-header').screenshot({ path: join(SHOTS, 'token-header-planner.png') });
        const kept = await p.evaluate(() => [sessionStorage.getItem('planner.token') !== null, localStorage.getItem('planner.token') !== null]);
        if (!kept[0] || kept[1]) throw new Error(`token kept in sessionStorage ${kept[0]}, localStorage ${kept[1]}: expected the tab only`);
      },
    },
    {
      name: 'the planner may solve: Solve is enabled and returns a plan',
      run: async (p) => {
        refused.length = 0;
        await p.getByRole('link', { name: 'Lập kế hoạch' }).click();
        await p.getByLabel('Tên phương án').fill('Chế độ mã truy cập: 5 điều động');
        await p.getByLabel(/Số điều động tối đa/).fill('5');
        const solve = p.getByRole('button', { name: 'Tính phương án', exact: true });
        if (await solve.isDisabled()) throw new Error('Solve is disabled for a planner');
        const t0 = Date.now();
        await solve.click();
        await p.locator('.plan-results, form .error-note').first().waitFor({ timeout: SOLVE_TIMEOUT_MS });
        const error = p.locator('form .error-note');
        if ((await error.count()) > 0) throw new Error(`the planner shows: ${await error.first().textContent()}`);
        const shown = Date.now() - t0;
        // The moves table follows the key figures in a background render.
        await p.locator('.plan-results table.moves').waitFor({ timeout: 60_000 });
        return `plan shown ${shown} ms after Solve; ${await p.locator('table.moves tbody tr').count()} moves`;
      },
    },
    {
      name: 'the CSV export downloads with the token (not 401), and the memo opens as a printable page',
      run: async (p) => {
        const [download] = await Promise.all([p.waitForEvent('download', { timeout: 60_000 }), p.getByRole('link', { name: 'CSV', exact: true }).click()]);
        const file = await download.path();
        const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split('\n');
        if (!lines[0]?.startsWith('staff_id,name,from_center,from_center_name,to_center,to_center_name,moved,field,field_name,hours')) throw new Error(`unexpected CSV header: ${lines[0]}`);
        if (lines.length < 100) throw new Error(`only ${lines.length - 1} CSV rows`);
        const [memo] = await Promise.all([p.context().waitForEvent('page', { timeout: 60_000 }), p.getByRole('link', { name: /Tờ trình/ }).click()]);
        await memo.getByRole('heading', { name: /^(TỜ TRÌNH|PROPOSAL)$/, level: 1 }).waitFor({ timeout: 60_000 });
        await memo.emulateMedia({ media: 'print' });
        await shot(memo, 'token-memo-print');
        const memoUrl = memo.url();
        await memo.close();
        if (refused.length > 0) throw new Error(`401 answers since sign-in: ${refused.join(', ')}`);
        return `${download.suggestedFilename()}: ${lines.length - 1} rows; memo at ${memoUrl.slice(0, 5)}…`;
      },
    },
    {
      name: 'signing out returns to sign-in with the reason and forgets the token',
      run: async (p) => {
        await p.getByRole('button', { name: 'Đăng xuất' }).click();
        await p.getByText('Bạn đã đăng xuất.').waitFor();
        const kept = await p.evaluate(() => sessionStorage.getItem('planner.token') ?? localStorage.getItem('planner.token'));
        if (kept !== null) throw new Error('the token is still kept after signing out');
      },
    },
    {
      name: 'the viewer sees Solve disabled with the reason',
      run: async (p) => {
        await signIn(p, viewer);
        await p.getByRole('group', { name: 'Người dùng hoa.viewer, vai trò Người xem' }).waitFor({ timeout: LOAD_TIMEOUT_MS });
        await p.locator('.app-header').screenshot({ path: join(SHOTS, 'token-header-viewer.png') });
        await p.goto(`${base}#/planner`);
        const solve = p.getByRole('button', { name: 'Tính phương án', exact: true });
        await solve.waitFor({ timeout: LOAD_TIMEOUT_MS });
        if (!(await solve.isDisabled())) throw new Error('Solve is enabled for a viewer');
        if (!(await p.getByRole('button', { name: 'Lưu', exact: true }).isDisabled())) throw new Error('Save is enabled for a viewer');
        const reason = p.getByText('Cần vai trò Người lập kế hoạch; bạn là Người xem.');
        await reason.waitFor();
        await p.locator('.sticky-actions').screenshot({ path: join(SHOTS, 'token-viewer-solve-disabled.png') });
        return (await reason.textContent()) ?? '';
      },
    },
    {
      name: 'a token revoked while in use brings back sign-in with the reason, and the typed name stays',
      run: async (p) => {
        const name = p.getByLabel('Tên phương án');
        await name.fill('Chưa lưu: sóng bảo trợ xã hội');
        admin(dataDir, 'delete-user', 'hoa.viewer');
        await p.getByLabel(/^Kỳ kế hoạch/).first().selectOption({ index: 1 });
        const dialog = p.getByRole('dialog');
        await dialog.waitFor({ timeout: 30_000 });
        const reason = (await dialog.locator('[role="alert"]').first().textContent()) ?? '';
        if (!reason.startsWith('Máy chủ không còn chấp nhận mã truy cập của bạn')) throw new Error(`unexpected reason: ${reason}`);
        if ((await name.inputValue()) !== 'Chưa lưu: sóng bảo trợ xã hội') throw new Error('the typed scenario name was lost');
        await shot(p, 'token-expired-dialog');
        await signIn(p, planner);
        await dialog.waitFor({ state: 'detached', timeout: 30_000 });
        if ((await name.inputValue()) !== 'Chưa lưu: sóng bảo trợ xã hội') throw new Error('the typed scenario name was lost after signing in again');
        if (await p.getByRole('button', { name: 'Lưu', exact: true }).isDisabled()) throw new Error('Save stays disabled for the planner');
        return reason;
      },
    },
  ];

  let counts = { passed: 0, failed: 0 };
  try {
    counts = await runChecks(checks, page, 'token-');
  } finally {
    await browser.close();
    server.child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
  // Chromium logs each refused request; the refusals this journey provokes on purpose are 401s.
  const unexpected = consoleErrors.filter((e) => !e.includes('401'));
  if (unexpected.length) console.log(`  browser console errors: ${unexpected.slice(0, 5).join(' | ')}`);
  const serverErrors = server.log().split('\n').filter((line) => line.includes('"level":50'));
  if (counts.failed > 0 && serverErrors.length) console.log(`  server errors: ${serverErrors.slice(0, 3).map((l) => l.slice(0, 600)).join('\n  ')}`);
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  return counts.failed === 0 ? 0 : 1;
};

exitWith(main);
