/**
 * What a real browser must measure about the planner's layout (test/web/journey.ts): each function
 * runs in the page and returns the problems it finds, in words, or none. A phone (390 px) must not
 * scroll sideways, keep the navigation clear of the title and break no word across two lines; on
 * a desktop the moves table's headings must not run together, the heat map's headings must not be
 * cut, the comparison must stay inside its panel and the trade-off curve's labels inside its drawing.
 */
import type { Page } from 'playwright-core';

/**
 * tsx compiles these files with esbuild's keepNames, which wraps the page functions' inner named
 * functions in a `__name` helper the page does not have; this gives the page a harmless one.
 */
const withNames = async (page: Page): Promise<void> => {
  await page.evaluate('window.__name = window.__name || ((f) => f)');
};

/** The page is no wider than the window (it would scroll sideways). */
export const sidewaysScroll = (page: Page): Promise<string[]> =>
  withNames(page).then(() => page.evaluate(() => {
    const over = document.documentElement.scrollWidth - window.innerWidth;
    if (over <= 0) return [];
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .filter((e) => {
        for (let a = e.parentElement; a; a = a.parentElement) if (['auto', 'hidden', 'scroll'].includes(getComputedStyle(a).overflowX)) return false;
        return true;
      })
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()}.${(e as HTMLElement).className}`);
    return [`the page is ${over} px wider than the window (${wide.join(', ')})`];
  }));

/** No navigation link overlaps the brand, the language switch or the screen's title. */
export const navigationOverlap = (page: Page): Promise<string[]> =>
  withNames(page).then(() => page.evaluate(() => {
    const box = (e: Element | null) => e?.getBoundingClientRect();
    const meets = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const others = [
      ['the brand', box(document.querySelector('.brand'))],
      ['the language switch', box(document.querySelector('.lang-switch'))],
      ['the title', box(document.querySelector('main h1'))],
    ] as const;
    const problems: string[] = [];
    for (const link of document.querySelectorAll('.nav a')) {
      const r = link.getBoundingClientRect();
      for (const [name, o] of others) if (o && meets(r, o)) problems.push(`the link "${link.textContent}" overlaps ${name}`);
    }
    const header = box(document.querySelector('.app-header'));
    const title = box(document.querySelector('main h1'));
    if (header && title && title.top < header.bottom - 0.5) problems.push('the header covers the title');
    return problems;
  }));

/** Words of `selector`'s text that the layout breaks across two lines (a name split mid-word). */
export const brokenWords = (page: Page, selector: string): Promise<string[]> =>
  withNames(page).then(() => page.evaluate((sel) => {
    const broken: string[] = [];
    for (const el of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        let at = 0;
        for (const part of text.split(/(\s+)/)) {
          if (part.trim() !== '') {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + part.length);
            const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (lines.size > 1) broken.push(part);
          }
          at += part.length;
        }
      }
    }
    return [...new Set(broken)].slice(0, 5).map((w) => `"${w}" is broken across lines in ${sel}`);
  }, selector));

/** Each heading of the table fits its cell and none runs into the next. */
export const headingsRunTogether = (page: Page, table: string): Promise<string[]> =>
  withNames(page).then(() => page.evaluate((sel) => {
    const ths = [...document.querySelectorAll(`${sel} thead th`)] as HTMLElement[];
    if (ths.length === 0) return [`no ${sel} on the page`];
    const textBox = (th: HTMLElement) => {
      const range = document.createRange();
      range.selectNodeContents(th);
      return range.getBoundingClientRect();
    };
    const problems: string[] = [];
    ths.forEach((th, i) => {
      const own = th.getBoundingClientRect();
      const text = textBox(th);
      if (text.width > 0 && (text.left < own.left - 0.5 || text.right > own.right + 0.5)) problems.push(`"${th.textContent}" is wider than its column`);
      const next = ths[i + 1];
      if (next && text.width > 0 && text.right > textBox(next).left + 0.5 && text.top < textBox(next).bottom && textBox(next).top < text.bottom) {
        problems.push(`"${th.textContent}" runs into "${next.textContent}"`);
      }
    });
    return problems;
  }, table));

/** The heat map's (vertical) field headings are shown whole. */
export const cutHeatmapHeadings = (page: Page): Promise<string[]> =>
  withNames(page).then(() => page.evaluate(() => {
    const spans = [...document.querySelectorAll('table.heatmap thead th span')] as HTMLElement[];
    if (spans.length === 0) return ['no heat map on the page'];
    return spans.filter((s) => s.scrollHeight > s.clientHeight + 1 || s.scrollWidth > s.clientWidth + 1).map((s) => `the heading "${s.textContent}" is cut`);
  }));

/** `inner` stays within its closest `.panel`. */
export const outsidePanel = (page: Page, inner: string): Promise<string[]> =>
  withNames(page).then(() => page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const panel = el?.closest('.panel');
    if (!el || !panel) return [`no ${sel} in a panel`];
    const a = el.getBoundingClientRect();
    const b = panel.getBoundingClientRect();
    return a.right > b.right + 0.5 || a.left < b.left - 0.5 ? [`${sel} reaches ${Math.round(a.right - b.right)} px beyond its panel`] : [];
  }, inner));

/** Every text of the SVG `figure` is drawn inside the SVG. */
export const clippedChartLabels = (page: Page, figure: string): Promise<string[]> =>
  withNames(page).then(() => page.evaluate((sel) => {
    const svg = document.querySelector(`${sel} svg`) as SVGSVGElement | null;
    if (!svg) return [`no ${sel} on the page`];
    const width = svg.width.baseVal.value;
    const height = svg.height.baseVal.value;
    const problems: string[] = [];
    for (const text of svg.querySelectorAll('text')) {
      const m = text.getCTM();
      const b = text.getBBox();
      const left = b.x + (m?.e ?? 0);
      const top = b.y + (m?.f ?? 0);
      if (left < -0.5 || left + b.width > width + 0.5 || top < -0.5 || top + b.height > height + 0.5) problems.push(`the label "${text.textContent}" is cut by the chart's edge`);
    }
    return problems;
  }, figure));

/**
 * Presses Tab `steps` times from the top of the page and names each control that takes the focus
 * without a visible outline (every control is reached by keyboard and shows where the focus is).
 */
export const focusWithoutOutline = async (page: Page, steps: number): Promise<{ reached: number; problems: string[] }> => {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const problems: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < steps; i += 1) {
    await page.keyboard.press('Tab');
    await withNames(page);
    const found = await page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      if (!e || e === document.body) return undefined;
      const style = getComputedStyle(e);
      const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      const name = `${e.tagName.toLowerCase()} "${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 40)}"`;
      return { name, visible };
    });
    if (!found) continue;
    seen.add(found.name);
    if (!found.visible) problems.push(`${found.name} shows no focus`);
  }
  return { reached: seen.size, problems: [...new Set(problems)] };
};
