/**
 * Small seeded pseudo-random generator so that every opinion computation is reproducible.
 *
 * Algorithm: mulberry32 (Tommy Ettinger, public domain), a 32-bit state generator with a full
 * 2^32 period. It is not cryptographic; it only has to make k-means seeding and PCA start
 * vectors deterministic for a given seed.
 */

/** A function returning uniform floats in [0, 1). */
export type Rng = () => number;

/**
 * Creates a deterministic generator from an integer seed.
 *
 * @example
 * const rng = createRng(42);
 * rng(); // always the same first value for seed 42
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
