/**
 * The README's screenshots of a plan over several months (web/docs/year-plan-*.png) from a running
 * server (as screenshots.mts: `npm start`, then `npx tsx test/web/yearPlanScreenshots.mts
 * [BASE_URL]`). Solves a 3-month scenario from 2026-11 (15 s limit) and saves, at 1440 px and
 * 390 px, the schedule's month table and timeline, the moves with their reasons in months, and
 * who works away when; whole pages go to test-output/screenshots/review-year-*.png.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './browserHarness.ts';

const BASE = (process.argv[2] ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const REVIEW = 'test-output/screenshots';
mkdirSync(REVIEW, { recursive: true });

const post = async (path: string, body: unknown): Promise<{ id: string }> =>
  (await (await fetch(`${BASE}/api/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { id: string };

const scenario = await post('scenarios', { name: 'Ba tháng từ 11/2026, biệt phái 12 tháng-người', scenario: { period: '2026-11', horizon: 3, secondmentMonths: 12, timeLimitSeconds: 15 } });
const job = await post('plans', { scenarioId: scenario.id });
for (let i = 0; ; i += 1) {
  const now = (await (await fetch(`${BASE}/api/plans/${job.id}`)).json()) as { status: string };
  if (now.status !== 'queued' && now.status !== 'running') break;
  if (i > 600) throw new Error('the 3-month plan still running after 180 s');
  await new Promise((r) => setTimeout(r, 300));
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const at = async (page: Page, selector: string, name: string): Promise<void> => {
  await page.evaluate((s) => document.querySelector(s)?.scrollIntoView({ block: 'start' }), selector);
  await page.waitForTimeout(500);
  await page.screenshot({ path: `web/docs/${name}.png` });
};
for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
  const page = await browser.newPage({ viewport });
  await page.goto(`${BASE}/#/planner/${scenario.id}`);
  await page.locator('.year-plan table.timeline').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(800);
  await at(page, '.year-plan', `year-plan-${viewport.width}`);
  await at(page, '.year-plan table.timeline', `year-timeline-${viewport.width}`);
  await at(page, 'table.year-moves', `year-moves-${viewport.width}`);
  await at(page, 'table.gantt', `year-gantt-${viewport.width}`);
  await page.screenshot({ path: `${REVIEW}/review-year-${viewport.width}.png`, fullPage: true });
  await page.close();
}
await browser.close();
console.log('screenshots: web/docs/year-*.png');
