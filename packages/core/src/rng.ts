/**
 * The one seeded pseudo-random generator of core: every randomised algorithm (network
 * shuffles and Monte-Carlo, opinion k-means seeding and PCA start vectors) draws from it so
 * that a seed reproduces a result exactly.
 *
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit state, period 2^32, passes
 * PractRand up to 2^32 outputs. Plenty for shuffles and Monte-Carlo in graphs of
 * up to ~10^7 nodes; not cryptographic.
 * @module
 */

/** A function returning uniform floats in [0, 1). */
export type Rng = () => number;

/**
 * Creates a mulberry32 generator from an integer seed.
 * @example
 * const rng = createRng(42);
 * rng(); // 0.6011037519201636
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** Fisher–Yates shuffle of a typed array, in place. */
export function shuffleInPlace(values: Int32Array, rng: Rng): Int32Array {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = values[i]!;
    values[i] = values[j]!;
    values[j] = tmp;
  }
  return values;
}

/** Identity permutation 0..n-1 shuffled with `rng`. */
export function randomPermutation(n: number, rng: Rng): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    order[i] = i;
  }
  return shuffleInPlace(order, rng);
}
