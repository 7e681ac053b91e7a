/**
 * Colors. Utilization uses a diverging blue-to-vermillion scale built on the Okabe-Ito blue and
 * vermillion (the pair stays distinct under the common color-vision deficiencies): blue = idle
 * capacity (< 60%), near-white = balanced (80%), vermillion = overloaded (> 100%). Shortfall shares
 * use one hue whose lightness alone carries the value (prints in grayscale). Categories (channels,
 * scenarios) use the Okabe-Ito palette.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { contrastRatio } from './contrast.ts';

/** Okabe & Ito (2008), in their order, without black. */
export const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#0072B2', '#D55E00', '#CC79A7', '#F0E442'] as const;

/** Utilization shown from 40% to 130%; values outside take the end colors. */
export const UTILIZATION_DOMAIN: readonly [number, number] = [0.4, 1.3];
const UTILIZATION_STOPS = [0.4, 0.6, 0.8, 1.0, 1.3];
const UTILIZATION_COLORS = ['#0b5d94', '#74a9cf', '#f1eee8', '#f19b55', '#b23c00'];

/** Color of a utilization ratio (1 = 100%). */
export const utilizationColor: ScaleLinear<string, string> = scaleLinear<string>()
  .domain(UTILIZATION_STOPS)
  .range(UTILIZATION_COLORS)
  .clamp(true);

/** Color of an uncovered share 0..1 of a center-field's required hours: white to dark blue. */
export const shortfallColor: ScaleLinear<string, string> = scaleLinear<string>()
  .domain([0, 0.25, 1])
  .range(['#f4f7fb', '#9ecae1', '#08306b'])
  .clamp(true);

/**
 * Text color for a cell of color `background`: white or black, whichever contrasts more. One of
 * them always reaches 4.58:1 (WCAG AA text needs 4.5), where a threshold on the scale's position
 * left mid-blue cells at 3.6 to 4.3 with white.
 */
export const inkOn = (background: string): string =>
  contrastRatio('#ffffff', background) >= contrastRatio('#000000', background) ? '#ffffff' : '#000000';

export const CHANNEL_COLOR = { direct: OKABE_ITO[0], online: OKABE_ITO[3] } as const;
