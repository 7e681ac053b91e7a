/**
 * The README's screenshots (web/docs/*.png) from a running server: `npm start` (or `npm run
 * web:build` and `npx tsx api/server.ts` with PORT, DATA_DIR), then
 * `npx tsx test/web/screenshots.mts [BASE_URL]` (default http://127.0.0.1:8080). Every screen at
 * 1440 px (desktop) and 390 px (a phone): overview, center page, planner with a solved plan, the
 * plan's moves with their reasons, an infeasible plan, compare and data. Solves three scenarios (a
 * social-protection wave, 20 transfers, an impossible minimum). The whole pages go to
 * test-output/screenshots/review-*.png, to look at everything below the first screen too.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './browserHarness.ts';

const BASE = (process.argv[2] ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const REVIEW = 'test-output/screenshots';
mkdirSync(REVIEW, { recursive: true });
mkdirSync('web/docs', { recursive: true });

const WIDTHS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

/** Saves the view as web/docs/NAME-WIDTH.png and the whole page for review. */
const save = async (page: Page, name: string, width: string, top = true): Promise<void> => {
  if (top) await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(500);
  await page.screenshot({ path: `web/docs/${name}-${width}.png` });
  await page.screenshot({ path: `${REVIEW}/review-${name}-${width}.png`, fullPage: true });
};

/** Saves a scenario through the API and waits until its plan is done; returns the scenario id. */
const solved = async (name: string, scenario: Record<string, unknown>): Promise<string> => {
  const made = (await (await fetch(`${BASE}/api/scenarios`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, scenario }) })).json()) as { id: string };
  const job = (await (await fetch(`${BASE}/api/plans`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenarioId: made.id }) })).json()) as { id: string };
  for (let i = 0; i < 600; i += 1) {
    const now = (await (await fetch(`${BASE}/api/plans/${job.id}`)).json()) as { status: string };
    if (now.status !== 'queued' && now.status !== 'running') return made.id;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`plan of ${name} still running after 180 s`);
};

const wave = await solved('Sóng bảo trợ xã hội +60%, tối đa 30 điều động', { demandMultiplierByField: { social_protection: 1.6 } });
const twenty = await solved('Tối đa 20 điều động, bán kính 20 km', { maxTransfers: 20, maxCommuteKm: 20 });
const impossible = await solved('Tối thiểu 20 người mỗi trung tâm', { minStaffPerCenter: 20 });
const plans = (await (await fetch(`${BASE}/api/plans`)).json()) as { id: string; scenarioId: string }[];

for (const { name: width, ...viewport } of WIDTHS) {
  const page = await browser.newPage({ viewport });
  await page.goto(`${BASE}/#/overview`);
  await page.locator('.kpi').first().waitFor({ timeout: 120_000 });
  await page.locator('.map-centers circle').nth(113).waitFor();
  await save(page, 'overview', width);

  await page.goto(`${BASE}/#/center/11446`);
  await page.getByRole('heading', { name: /^Công chức · [1-9]/ }).waitFor({ timeout: 60_000 });
  await page.locator('.chart svg path').first().waitFor();
  await save(page, 'center', width);

  await page.goto(`${BASE}/#/planner/${wave}`);
  await page.locator('.plan-results .kpi').first().waitFor({ timeout: 60_000 });
  // A phone shows the levers above the results: its shot starts at the solved plan.
  if (width === 'phone') await page.evaluate(() => document.querySelector('.results')?.scrollIntoView({ block: 'start' }));
  else await page.evaluate(() => window.scrollTo(0, 0));
  await save(page, 'planner', width, false);
  await page.locator('table.moves').waitFor();
  await page.evaluate(() => document.querySelector('table.moves')?.closest('.panel')?.scrollIntoView({ block: 'start' }));
  await save(page, 'moves', width, false);

  await page.goto(`${BASE}/#/planner/${impossible}`);
  await page.locator('.infeasibility').waitFor({ timeout: 60_000 });
  await page.evaluate(() => document.querySelector('.results')?.scrollIntoView({ block: 'start' }));
  await save(page, 'infeasible', width, false);

  await page.goto(`${BASE}/#/compare`);
  for (const id of [wave, twenty]) {
    const plan = plans.find((p) => p.scenarioId === id);
    await page.locator(`input[type=checkbox][id$="-${plan?.id}"]`).check();
  }
  await page.getByRole('button', { name: 'So sánh', exact: true }).click();
  await page.getByRole('heading', { name: 'Chỉ số chính' }).waitFor({ timeout: 60_000 });
  await page.locator('figure.chart svg').first().waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await save(page, 'compare', width);

  await page.goto(`${BASE}/#/data`);
  await page.getByRole('heading', { name: 'Phiên bản dữ liệu' }).waitFor();
  await save(page, 'data', width);
  await page.close();
}
await browser.close();
console.log(`screenshots: web/docs/*-desktop.png, *-phone.png; whole pages: ${REVIEW}/review-*.png`);
