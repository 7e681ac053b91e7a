/**
 * Seeded pseudo-random numbers for the data generator. Nothing here reads the clock or Math.random:
 * the same seed and key always give the same sequence, on any machine running the same JavaScript.
 *
 * Streams are keyed by a text (`history:11446:land:direct`), so adding a center or a field does not
 * shift the numbers of every other series.
 */

/** A stream of pseudo-random draws. Each method advances the stream. */
export interface Random {
  /** Uniform on [0, 1). */
  readonly uniform: () => number;
  /** Standard normal (mean 0, sd 1), polar Box-Muller. */
  readonly normal: () => number;
  /** Gamma with the given shape and scale 1/shape, so mean 1 and coefficient of variation 1/sqrt(shape). */
  readonly gammaMeanOne: (shape: number) => number;
  /** Poisson count with the given mean (>= 0). */
  readonly poisson: (mean: number) => number;
  /** Binomial count of n trials with success probability p. */
  readonly binomial: (n: number, p: number) => number;
  /** Integer uniform on [lo, hi], both included. */
  readonly integer: (lo: number, hi: number) => number;
  /** One element drawn with probability proportional to its weight (weights >= 0, not all 0). */
  readonly weighted: <T>(items: readonly T[], weights: readonly number[]) => T;
}

/** 32-bit FNV-1a hash of a text, used to derive a stream's starting state from its key. */
export const hashText = (text: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
};

/**
 * A 32-bit counter-based generator: the state advances by a fixed odd constant (a Weyl sequence) and
 * each output is the state passed through an avalanche mix (xor-shifts and odd multipliers).
 * Period 2^32 per stream, ample for a series of at most a few thousand draws.
 */
const uniformSource = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad) >>> 0;
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97) >>> 0;
    z = (z ^ (z >>> 15)) >>> 0;
    return z / 4294967296;
  };
};

/** The stream for `key` under the generator's global `seed`. */
export const randomStream = (seed: number, key: string): Random => {
  const uniform = uniformSource(hashText(`${seed}|${key}`));

  const normal = (): number => {
    for (;;) {
      const u = 2 * uniform() - 1;
      const v = 2 * uniform() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
    }
  };

  // Marsaglia and Tsang's method for shape >= 1; shapes below 1 use the boost gamma(a) = gamma(a+1) * U^(1/a).
  const gammaUnitScale = (shape: number): number => {
    if (shape < 1) return gammaUnitScale(shape + 1) * Math.pow(uniform(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = normal();
      const v0 = 1 + c * x;
      if (v0 <= 0) continue;
      const v = v0 * v0 * v0;
      const u = uniform();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };

  const gammaMeanOne = (shape: number): number => gammaUnitScale(shape) / shape;

  // Knuth's product method below a mean of 30; above it the normal approximation with continuity
  // correction, whose error in the tails does not matter for synthetic monthly counts.
  const poisson = (mean: number): number => {
    if (!(mean >= 0)) throw new Error(`poisson: mean must be >= 0, got ${mean}`);
    if (mean === 0) return 0;
    if (mean < 30) {
      const limit = Math.exp(-mean);
      let k = 0;
      let p = uniform();
      while (p > limit) {
        k += 1;
        p *= uniform();
      }
      return k;
    }
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
  };

  const binomial = (n: number, p: number): number => {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (n < 40) {
      let k = 0;
      for (let i = 0; i < n; i += 1) if (uniform() < p) k += 1;
      return k;
    }
    const sd = Math.sqrt(n * p * (1 - p));
    return Math.min(n, Math.max(0, Math.round(n * p + sd * normal())));
  };

  const integer = (lo: number, hi: number): number => lo + Math.floor(uniform() * (hi - lo + 1));

  const weighted = <T>(items: readonly T[], weights: readonly number[]): T => {
    const total = weights.reduce((a, b) => a + b, 0);
    if (!(total > 0) || items.length !== weights.length) throw new Error(`weighted: need positive weights, one per item (total ${total})`);
    let target = uniform() * total;
    for (let i = 0; i < items.length; i += 1) {
      target -= weights[i] ?? 0;
      if (target < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  };

  return { uniform, normal, gammaMeanOne, poisson, binomial, integer, weighted };
};
