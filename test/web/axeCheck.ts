/**
 * The WCAG 2 A/AA check of a screen in a real browser (test/web/journey.ts, tokenJourney.ts): injects
 * axe-core's own build (node_modules/axe-core/axe.min.js, the devDependency) into the page and runs
 * its WCAG 2.0 and 2.1 A and AA rules on the whole document as it is now (an open combobox, a
 * plan's results, an error message: whatever the page shows). Returns each violation in words, one
 * per node: rule id, impact, the node's selector and axe's help text, so a failure says what to fix.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The rule sets of WCAG 2.0 and 2.1, levels A and AA (axe's tags). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/** Runs axe on `page` (injecting it once per document) and returns its violations in words. */
export const axeViolations = async (page: Page): Promise<string[]> => {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    (tags) => (window as unknown as { axe: { run: (c: Document, o: unknown) => Promise<AxeResults> } }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    [...WCAG_TAGS],
  );
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact ?? n.impact ?? 'no impact'}) at ${n.target.map(String).join(' > ')}: ${v.help}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, ' ').trim().slice(0, 200)}]` : ''}`),
  );
};

/**
 * Runs axe on `page` at each of `widths` (px; the height stays), each violation prefixed with the
 * width, then gives the page back its viewport.
 */
export const axeViolationsAt = async (page: Page, widths: readonly number[]): Promise<string[]> => {
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  const problems: string[] = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: viewport.height });
    // The layout settles (the charts measure their container again) before axe reads it.
    await page.waitForTimeout(400);
    for (const v of await axeViolations(page)) problems.push(`${width} px: ${v}`);
  }
  await page.setViewportSize(viewport);
  return problems;
};
