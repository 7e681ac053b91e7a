/**
 * Seeded simulated monthly count series with a known data-generating process, for tests of
 * interval coverage and for the benchmark before a real dataset exists.
 *
 * DGP: level_t = level_{t-1} exp(g + eta_t), eta ~ N(0, sdLevel); y_t = max(0, round(level_t s_{t mod 12}
 * (1 + eps_t))), eps ~ N(0, sdNoise); s a fixed multiplicative seasonal pattern with mean 1.
 * Optionally the level is multiplied by `jump` from position `breakIndex` on (a structural break).
 * PRNG: mulberry32 (public-domain 32-bit generator) and Box-Muller normals: pure and repeatable.
 */

/** Standard normal draws from a uniform generator (Box-Muller). */
export const normal = (uniform: () => number): (() => number) => () => {
  const u = Math.max(uniform(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
};

export interface SimulationParameters {
  readonly length: number;
  readonly level: number;
  /** Monthly log growth of the level. */
  readonly growth: number;
  readonly sdLevel: number;
  readonly sdNoise: number;
  /** 12 multiplicative factors, mean 1. */
  readonly season: readonly number[];
  readonly breakIndex?: number;
  readonly jump?: number;
}

/** One series from the DGP above. */
export const simulateSeries = (p: SimulationParameters, draw: () => number): number[] => {
  const out: number[] = [];
  let level = p.level;
  for (let t = 0; t < p.length; t += 1) {
    level *= Math.exp(p.growth + p.sdLevel * draw());
    const shift = p.breakIndex !== undefined && t >= p.breakIndex ? p.jump ?? 1 : 1;
    out.push(Math.max(0, Math.round(level * shift * p.season[t % 12] * (1 + p.sdNoise * draw()))));
  }
  return out;
};

/** Random parameters of a plausible monthly dossier series (levels 20-3,000, mild growth, seasonal). */
export const randomParameters = (length: number, uniform: () => number): SimulationParameters => {
  const amplitude = 0.05 + 0.3 * uniform();
  const phase = uniform() * 2 * Math.PI;
  const raw = Array.from({ length: 12 }, (_, c) => 1 + amplitude * Math.sin((2 * Math.PI * c) / 12 + phase) + (c === 1 ? -amplitude : 0));
  const mean = raw.reduce((a, b) => a + b, 0) / 12;
  return {
    length,
    level: Math.exp(Math.log(20) + uniform() * Math.log(150)),
    growth: (uniform() - 0.4) * 0.02,
    sdLevel: 0.01 + 0.04 * uniform(),
    sdNoise: 0.03 + 0.1 * uniform(),
    season: raw.map((v) => v / mean),
  };
};
