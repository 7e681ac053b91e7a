import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contrastRatio, relativeLuminance } from '../../web/src/contrast.ts';
import { inkOn, shortfallColor, utilizationColor } from '../../web/src/palette.ts';

const CSS = readFileSync(join(import.meta.dirname, '..', '..', 'web', 'src', 'styles.css'), 'utf8');

/** The :root custom properties of styles.css that are hex colors, by name. */
const tokens = new Map([...CSS.matchAll(/--([a-z0-9-]+):\s*(#[0-9a-fA-F]{3,6})\b/g)].map((m) => [m[1] ?? '', m[2] ?? '']));

/** The tokens the stylesheet sets text in. */
const TEXT_TOKENS = ['ink', 'ink-2', 'ink-3', 'brand', 'brand-2', 'bad', 'good'] as const;

/** Every light surface the stylesheet paints (a `background:` hex lighter than 80% luminance), and the two background tokens. */
const surfaces = [
  ...new Set([
    tokens.get('bg') ?? '',
    tokens.get('panel') ?? '',
    ...[...CSS.matchAll(/background:\s*(#[0-9a-fA-F]{3,6})\b/g)].map((m) => m[1] ?? '').filter((c) => relativeLuminance(c) > 0.8),
  ]),
];

const hexColor = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
  .map((rgb) => `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`);

describe('color contrast (WCAG 2 AA, 4.5:1 for text)', () => {
  it('the contrast ratio is WCAG\'s: 21 for black on white, 1 for a color on itself, 4.48 for #777 on white', () => {
    expect(contrastRatio('#000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrastRatio('rgb(12, 80, 200)', '#0c50c8')).toBe(1);
    expect(contrastRatio('#777777', '#fff')).toBeCloseTo(4.48, 2);
  });

  it('an unreadable color is refused by name', () => {
    expect(() => contrastRatio('teal', '#fff')).toThrow('rgbOf: "teal" is not a #rgb, #rrggbb or rgb(r, g, b) color');
  });

  it('every text color token of styles.css reads at 4.5:1 or more on every light surface it paints', () => {
    expect(surfaces.length).toBeGreaterThan(5);
    const below = TEXT_TOKENS.flatMap((name) => {
      const ink = tokens.get(name);
      if (ink === undefined) return [`--${name} is not a hex color in :root`];
      return surfaces.filter((bg) => contrastRatio(ink, bg) < 4.5).map((bg) => `--${name} ${ink} on ${bg}: ${contrastRatio(ink, bg).toFixed(2)}`);
    });
    expect(below).toEqual([]);
  });

  it('the ink chosen for a colored cell reads at 4.5:1 or more on any background color', () => {
    fc.assert(fc.property(hexColor, (bg) => contrastRatio(inkOn(bg), bg) >= 4.5));
  });

  it('the heat map\'s and the utilization scale\'s cells carry text at 4.5:1 or more at every share', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (t) => contrastRatio(inkOn(shortfallColor(t)), shortfallColor(t)) >= 4.5));
    fc.assert(fc.property(fc.double({ min: 0, max: 2, noNaN: true }), (u) => contrastRatio(inkOn(utilizationColor(u)), utilizationColor(u)) >= 4.5));
  });
});
