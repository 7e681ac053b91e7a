/**
 * What a keyboard user meets on a screen, measured in a real browser (test/web/journey.ts): Tab from
 * the top until the focus comes back round, marking each element it lands on, then list the controls
 * Tab never reached (every enabled, shown link, button, field, summary or tabindex=0 element; one
 * radio per group, as a group is one Tab stop) and the ones whose focus could not be seen (no outline
 * and no box shadow on the element, or on its label when the element itself is a hidden input).
 */
import type { Page } from 'playwright-core';

export interface TabWalk {
  /** Distinct elements that took the focus. */
  readonly reached: number;
  /** Controls Tab never reached, in words. */
  readonly unreached: readonly string[];
  /** Controls that took the focus without a visible outline or box shadow, in words. */
  readonly noVisibleFocus: readonly string[];
}

const MARK = 'data-tab-reached';

/** Presses Tab at most `maxSteps` times from the top of the page (it stops when the focus wraps round). */
export const tabWalk = async (page: Page, maxSteps: number): Promise<TabWalk> => {
  // tsx's keepNames wraps inner functions in __name, which the page lacks (see layoutChecks.ts).
  await page.evaluate('window.__name = window.__name || ((f) => f)');
  await page.evaluate((mark) => {
    for (const e of document.querySelectorAll(`[${mark}]`)) e.removeAttribute(mark);
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  }, MARK);
  const noVisibleFocus = new Set<string>();
  let reached = 0;
  for (let i = 0; i < maxSteps; i += 1) {
    await page.keyboard.press('Tab');
    const step = await page.evaluate((mark) => {
      const e = document.activeElement as HTMLElement | SVGElement | null;
      if (!e || e === document.body) return { kind: 'none' as const };
      if (e.hasAttribute(mark)) return { kind: 'again' as const };
      e.setAttribute(mark, '');
      const box = e.getBoundingClientRect();
      const own = getComputedStyle(e);
      // A visually hidden input (a segmented radio) shows its focus on its label.
      const shown = box.width >= 4 && box.height >= 4 && parseFloat(own.opacity) > 0 ? e : (e.closest('label') ?? e);
      const style = getComputedStyle(shown);
      const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      const name = `${e.tagName.toLowerCase()} "${(e.getAttribute('aria-label') ?? e.textContent ?? (e as HTMLInputElement).value ?? '').trim().replace(/\s+/g, ' ').slice(0, 50)}"`;
      return { kind: 'new' as const, name, visible };
    }, MARK);
    if (step.kind === 'again') break;
    if (step.kind === 'none') continue;
    reached += 1;
    if (!step.visible) noVisibleFocus.add(step.name);
  }
  const unreached = await page.evaluate((mark) => {
    const candidates = [...document.querySelectorAll<HTMLElement | SVGElement>('a[href], button, input, select, textarea, summary, [tabindex]')].filter((e) => {
      if (e.tabIndex < 0 || (e as HTMLButtonElement).disabled || e.closest('[inert]')) return false;
      if (e instanceof HTMLInputElement && e.type === 'hidden') return false;
      if (e.closest('details:not([open])') && e.tagName !== 'SUMMARY') return false;
      const style = getComputedStyle(e);
      return e.getClientRects().length > 0 && style.visibility !== 'hidden';
    });
    const groupReached = (e: Element) =>
      e instanceof HTMLInputElement && e.type === 'radio' && e.name !== '' && document.querySelector(`input[type=radio][name="${CSS.escape(e.name)}"][${mark}]`) !== null;
    return candidates
      .filter((e) => !e.hasAttribute(mark) && !groupReached(e))
      .slice(0, 10)
      .map((e) => `${e.tagName.toLowerCase()} "${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50)}"`);
  }, MARK);
  return { reached, unreached, noVisibleFocus: [...noVisibleFocus] };
};
