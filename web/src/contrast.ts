/**
 * The contrast ratio of two colors as WCAG 2 defines it (1.4.3: relative luminance of sRGB,
 * (L1 + 0.05) / (L2 + 0.05), from 1 to 21). Text needs 4.5 (AA), large text and graphics 3.
 * Colors are `#rgb`, `#rrggbb` or `rgb(r, g, b)` (what d3's color scales return).
 */

/** The red, green and blue channels 0..255 of `color`; throws naming a color it cannot read. */
export const rgbOf = (color: string): readonly [number, number, number] => {
  const c = color.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(c)?.[1];
  if (hex !== undefined) {
    const full = hex.length === 3 ? [...hex].map((d) => d + d).join('') : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as unknown as readonly [number, number, number];
  }
  const rgb = /^rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(c);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new Error(`rgbOf: "${color}" is not a #rgb, #rrggbb or rgb(r, g, b) color`);
};

/** WCAG 2 relative luminance, 0 (black) to 1 (white). */
export const relativeLuminance = (color: string): number => {
  const [r, g, b] = rgbOf(color).map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as unknown as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

export const contrastRatio = (a: string, b: string): number => {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};
