/**
 * The README's screenshots (web/docs/*.png) from a running server: `npm start`, then
 * `npx tsx test/web/screenshots.mts [BASE_URL]` (default http://127.0.0.1:8080). Solves one scenario.
 */
import { chromium } from 'playwright-core';

const BASE = process.argv[2] ?? 'http://127.0.0.1:8080';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'] });
const p = await b.newPage({ viewport: { width: 1280, height: 860 } });
await p.goto(`${BASE}/#/overview`);
await p.locator('.kpi').first().waitFor({ timeout: 60000 });
await p.waitForTimeout(500);
await p.screenshot({ path: 'web/docs/overview.png' });
await p.goto(`${BASE}/#/planner`);
await p.getByLabel('Tên phương án').fill('Sóng bảo trợ xã hội +60%, tối đa 30 điều động');
await p.getByLabel('Hệ số nhu cầu: Bảo trợ xã hội').fill('160');
await p.getByRole('button', { name: 'Tính phương án', exact: true }).click();
await p.locator('.plan-results').waitFor({ timeout: 120000 });
await p.waitForTimeout(1500);
await p.locator('.plan-results').scrollIntoViewIfNeeded();
await p.evaluate(() => window.scrollTo(0, 0));
await p.screenshot({ path: 'web/docs/planner.png' });
await p.locator('table.moves').scrollIntoViewIfNeeded();
await p.evaluate(() => window.scrollBy(0, -120));
await p.screenshot({ path: 'web/docs/moves.png' });
await b.close();
