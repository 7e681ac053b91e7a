/**
 * The README's screenshots (web/docs/*.png) from a running server: `npm start`, then
 * `npx tsx test/web/screenshots.mts [BASE_URL]` (default http://127.0.0.1:8080). Solves one scenario.
 * The same screens at 1920 px go to test-output/screenshots/docs-1920-*.png, to check the wide layout.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';

const BASE = process.argv[2] ?? 'http://127.0.0.1:8080';
const WIDE = 'test-output/screenshots';
mkdirSync(WIDE, { recursive: true });
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'] });
const p = await b.newPage({ viewport: { width: 1280, height: 860 } });

/** Saves the view at 1280 px to web/docs/NAME.png and the same page at 1920 px for review. */
const both = async (page: Page, name: string): Promise<void> => {
  await page.screenshot({ path: `web/docs/${name}.png` });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${WIDE}/docs-1920-${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.waitForTimeout(400);
};

await p.goto(`${BASE}/#/overview`);
await p.locator('.kpi').first().waitFor({ timeout: 60000 });
await p.waitForTimeout(800);
await both(p, 'overview');

await p.goto(`${BASE}/#/center/11446`);
await p.getByRole('heading', { name: /^Công chức · [1-9]/ }).waitFor({ timeout: 60000 });
await p.waitForTimeout(800);
await p.getByRole('heading', { name: 'Độ phủ theo lĩnh vực' }).scrollIntoViewIfNeeded();
await p.evaluate(() => window.scrollBy(0, -420));
await both(p, 'center');

await p.goto(`${BASE}/#/planner`);
await p.getByLabel('Tên phương án').fill('Sóng bảo trợ xã hội +60%, tối đa 30 điều động');
await p.getByLabel('Hệ số nhu cầu: Bảo trợ xã hội').fill('160');
await p.getByRole('button', { name: 'Tính phương án', exact: true }).click();
await p.locator('.plan-results').waitFor({ timeout: 120000 });
await p.waitForTimeout(1500);
await p.evaluate(() => window.scrollTo(0, 0));
await both(p, 'planner');
await p.locator('table.moves').scrollIntoViewIfNeeded();
await p.evaluate(() => window.scrollBy(0, -120));
await p.screenshot({ path: 'web/docs/moves.png' });

// A reload keeps the plan: the planner reads the scenario's latest stored plan.
await p.reload();
await p.locator('.plan-results').waitFor({ timeout: 60000 });
await p.waitForTimeout(800);
await p.evaluate(() => window.scrollTo(0, 0));
await p.screenshot({ path: `${WIDE}/docs-planner-after-reload.png` });
await b.close();
