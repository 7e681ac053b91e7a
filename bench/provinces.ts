/**
 * The 34 generated provinces of the national simulation (bench/national.ts), also four rows of
 * bench/scenarios.ts: 3,321 units in all (Vietnam after the 2025 reorganisation), sizes from seeded
 * weights, seeds 1000-1033.
 */
import { mulberry32 } from '../solver/mulberry32.ts';

const PROVINCES = 34;
const UNITS = 3321;

export interface Job {
  readonly province: number;
  readonly seed: number;
  readonly units: number;
  readonly areaKm: number;
  readonly timeLimitSeconds: number;
}

/** Units per province: seeded weights in [0.35, 1.65), rounded, the rounding remainder spread so the sum is exact. */
const provinceSizes = (seed: number): number[] => {
  const rand = mulberry32(seed);
  const weights = Array.from({ length: PROVINCES }, () => 0.35 + 1.3 * rand());
  const total = weights.reduce((s, w) => s + w, 0);
  const sizes = weights.map((w) => Math.max(20, Math.floor((UNITS * w) / total)));
  let rest = UNITS - sizes.reduce((s, n) => s + n, 0);
  for (let i = 0; rest !== 0; i = (i + 1) % PROVINCES) {
    const step = rest > 0 ? 1 : -1;
    if ((sizes[i] ?? 0) + step >= 20) {
      sizes[i] = (sizes[i] ?? 0) + step;
      rest -= step;
    }
  }
  return sizes;
};

/** The provinces in order (1..34): seed, units and side of the area (Hai Phong's density: 114 units on ~90 km x 90 km). */
export const provinceJobs = (timeLimitSeconds = 10): Job[] =>
  provinceSizes(2025).map((units, p) => ({ province: p + 1, seed: 1000 + p, units, areaKm: 90 * Math.sqrt(units / 114), timeLimitSeconds }));
