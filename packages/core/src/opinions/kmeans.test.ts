import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { runKMeans } from './kmeans';

/** Ten points on a line, 0 … 9, started from centres 0 and 1: Lloyd needs several steps to reach 2 and 7. */
const line = Float64Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? i / 2 : 0));
const start = Float64Array.of(0, 0, 1, 0);

describe('runKMeans stopping rule', () => {
  it('runs to a fixed point by default', () => {
    const km = runKMeans(line, 2, 2, { rng: createRng(1), initialCenters: start });
    expect(Array.from(km.centers)).toEqual([2, 0, 7, 0]);
  });

  it("stops once no centre moved by centerTolerance (Polis' same-clustering?)", () => {
    // First step: {0} and {1 … 9}, centres 0 and 5 (moved 0 and 4). A tolerance above 4 stops here.
    const early = runKMeans(line, 2, 2, { rng: createRng(1), initialCenters: start, centerTolerance: 4.5 });
    expect(Array.from(early.centers)).toEqual([0, 0, 5, 0]);
    const polis = runKMeans(line, 2, 2, { rng: createRng(1), initialCenters: start, centerTolerance: 0.01 });
    expect(Array.from(polis.centers)).toEqual([2, 0, 7, 0]);
  });

  it('honours the iteration cap', () => {
    const one = runKMeans(line, 2, 2, { rng: createRng(1), initialCenters: start, maxIterations: 1 });
    expect(Array.from(one.centers)).toEqual([0, 0, 5, 0]);
  });
});
