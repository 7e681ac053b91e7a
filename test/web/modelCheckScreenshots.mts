/**
 * Screenshots of the model check screen and of the norms line on the overview and the planner
 * (issue 12), at 1440 and 390 px, in headless Chromium, saved to web/docs/:
 *   model-check-{official,calibrated}-{1440,390}.png, overview-norms-{1440,390}.png,
 *   planner-norms-{1440,390}.png.
 *
 *   npm run web:build && npx tsx test/web/modelCheckScreenshots.mts
 *
 * Starts its own server (test/web/browserHarness.ts) on a free loopback port with a fresh data
 * directory, waits until its preparation is done, and solves the default scenario with calibrated
 * norms once. Fails (exit 1, nothing more saved) when the header or the check table overflows or
 * overlaps at a width (checkLayout).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { checkPrerequisites, CHROMIUM, CHROMIUM_ARGS, freePort, ROOT, startServer } from './browserHarness.ts';

const WIDTHS = [1440, 390] as const;
const DOCS = join(ROOT, 'web', 'docs');

checkPrerequisites();
const dataDir = mkdtempSync(join(tmpdir(), 'model-check-shots-'));
const port = await freePort();
const server = await startServer(port, { DATA_DIR: dataDir }, async (base) => {
  const res = await fetch(`${base}/api/forecasts/status`);
  return res.ok && ((await res.json()) as { state: string }).state === 'ready';
});
const base = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

/**
 * Throws unless the header's brand, screen links and language switch lie side by side or one under
 * the other without overlapping, inside the window, and the first month's verdict is in sight (not
 * past the right edge). What the screenshots at 390 px showed wrong before.
 */
const checkLayout = async (page: Page, width: number): Promise<void> => {
  interface Box { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number }
  // A string, not a function: tsx would wrap a function's inner helpers in a `__name` the page lacks.
  const boxes = await page.evaluate<{ header: Box | null; brandOverflow: number; brand: Box | null; lang: Box | null; links: (Box | null)[]; verdict: Box | null }>(`(() => {
    const box = (el) => { const r = el && el.getBoundingClientRect(); return r ? { left: r.left, right: r.right, top: r.top, bottom: r.bottom } : null; };
    const brand = document.querySelector('.app-header .brand');
    return {
      header: box(document.querySelector('.app-header')),
      brandOverflow: brand ? brand.scrollWidth - brand.clientWidth : 0,
      brand: box(brand),
      lang: box(document.querySelector('.app-header .lang-switch')),
      links: [...document.querySelectorAll('.app-header .nav a')].map(box),
      verdict: box(document.querySelector('.check-table tbody tr td:last-child')),
    };
  })()`);
  const overlap = (a: Box, b: Box): boolean => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const { header, brandOverflow, brand, lang, links, verdict } = boxes;
  if (header === null || brand === null || lang === null || verdict === null) throw new Error(`${width} px: header or check table missing`);
  if (brandOverflow > 1) throw new Error(`${width} px: the brand's text runs ${brandOverflow} px past its box (under the screen links)`);
  for (const [i, link] of links.entries()) {
    if (link === null) continue;
    if (link.top < header.top - 1 || link.bottom > header.bottom + 1) throw new Error(`${width} px: screen link ${i + 1} sticks out of the header`);
    if (overlap(link, brand) || overlap(link, lang)) throw new Error(`${width} px: screen link ${i + 1} overlaps the brand or the language switch`);
    if (link.right > width + 1) throw new Error(`${width} px: screen link ${i + 1} ends at ${Math.round(link.right)} px, past the window`);
  }
  if (overlap(brand, lang)) throw new Error(`${width} px: the brand overlaps the language switch`);
  if (verdict.right > width + 1) throw new Error(`${width} px: the first month's verdict ends at ${Math.round(verdict.right)} px, past the window`);
};

/** A page at `width` whose remembered norms choice (NormsSwitch) is `norms`. */
const pageAt = async (width: number, norms: 'official' | 'calibrated'): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width, height: width > 800 ? 900 : 844 }, deviceScaleFactor: 1 });
  await context.addInitScript((n) => localStorage.setItem('norms', n), norms);
  return context.newPage();
};

try {
  for (const width of WIDTHS) {
    for (const norms of ['official', 'calibrated'] as const) {
      const page = await pageAt(width, norms);
      await page.goto(`${base}/#/check`);
      await page.locator('.check-table').waitFor({ timeout: 120_000 });
      await page.locator('.norms-line').waitFor();
      await page.waitForTimeout(600);
      await checkLayout(page, width);
      await page.screenshot({ path: join(DOCS, `model-check-${norms}-${width}.png`), fullPage: true });
      await page.context().close();
    }
    const overview = await pageAt(width, 'calibrated');
    await overview.goto(`${base}/#/overview`);
    await overview.locator('.kpi').first().waitFor({ timeout: 120_000 });
    await overview.locator('.norms-line[data-norms="calibrated"]').waitFor({ timeout: 60_000 });
    await overview.waitForTimeout(800);
    await overview.screenshot({ path: join(DOCS, `overview-norms-${width}.png`) });
    await overview.context().close();
  }
  // The planner: the default scenario with calibrated norms, solved once; its results at each width.
  const planner = await pageAt(1440, 'official');
  await planner.goto(`${base}/#/planner`);
  await planner.getByLabel('Tên phương án').fill('Định mức hiệu chỉnh');
  await planner.locator('select[id$="-norms"]').selectOption('calibrated');
  await planner.getByRole('button', { name: 'Tính phương án', exact: true }).click();
  await planner.locator('.plan-results .norms-line').waitFor({ timeout: 180_000 });
  const url = planner.url();
  for (const width of WIDTHS) {
    await planner.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    await planner.goto(url);
    await planner.locator('.plan-results .norms-line').waitFor({ timeout: 60_000 });
    await planner.waitForTimeout(800);
    // Wide, the results sit beside the levers and their norms line is on the first screen; narrow,
    // they come after the levers: scrolled to put the line near the top.
    await planner.evaluate((wide) => {
      const line = document.querySelector('.plan-results .norms-line');
      window.scrollTo(0, wide || !line ? 0 : Math.max(0, line.getBoundingClientRect().top + window.scrollY - 240));
    }, width > 800);
    await planner.screenshot({ path: join(DOCS, `planner-norms-${width}.png`) });
  }
  console.log(`screenshots written to ${DOCS}`);
} finally {
  await browser.close();
  server.child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
