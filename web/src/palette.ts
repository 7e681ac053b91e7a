/**
 * Colors. Utilization and shortfall use cividis (colorblind-safe, monotone in lightness, so it
 * survives grayscale printing), reversed so that more ink means more load. Categories (channels,
 * scenarios) use the Okabe-Ito palette, distinguishable under the common color-vision deficiencies.
 */
import { interpolateCividis } from 'd3-scale-chromatic';
import { scaleSequential, type ScaleSequential } from 'd3-scale';

/** Okabe & Ito (2008), in their order, without black. */
export const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#0072B2', '#D55E00', '#CC79A7', '#F0E442'] as const;

/** Utilization shown from 40% (lightest) to 140% (darkest); values outside are clamped. */
export const UTILIZATION_DOMAIN: readonly [number, number] = [0.4, 1.4];

const reversedCividis = (t: number): string => interpolateCividis(1 - t * 0.92);

/** Color of a utilization ratio (1 = 100%). */
export const utilizationColor: ScaleSequential<string> = scaleSequential(reversedCividis)
  .domain(UTILIZATION_DOMAIN)
  .clamp(true);

/** Color of an uncovered share 0..1 of a center-field's required hours. */
export const shortfallColor: ScaleSequential<string> = scaleSequential(reversedCividis).domain([0, 1]).clamp(true);

/** Text color that stays legible on `background` (a cividis color from the scales above). */
export const inkOn = (t: number): string => (t > 0.55 ? '#ffffff' : '#1a1a1a');

export const CHANNEL_COLOR = { direct: OKABE_ITO[0], online: OKABE_ITO[3] } as const;
