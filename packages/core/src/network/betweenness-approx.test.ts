import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../test/datasets/network/load-fixture';
import { createRng, randomInt } from '../rng';
import { accumulateBetweenness, betweenness, rescaleBetweenness } from './betweenness';
import { approximateBetweenness, sampleSize, vertexDiameterBound } from './betweenness-approx';
import { buildGraph } from './graph';

function randomGraph(seed: number, n: number, m: number, isDirected: boolean, isWeighted: boolean) {
  const rng = createRng(seed);
  const sources: number[] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < m; i++) {
    const u = randomInt(rng, n);
    const v = randomInt(rng, n);
    if (u !== v) {
      sources.push(u);
      targets.push(v);
      weights.push(1 + randomInt(rng, 3));
    }
  }
  return buildGraph({
    nodeCount: n,
    sources,
    targets,
    weights: isWeighted ? weights : undefined,
    isDirected,
  });
}

describe('partial accumulation', () => {
  it('sums over a partition of sources to the full betweenness', () => {
    const g = randomGraph(3, 60, 200, true, true);
    const raw = new Float64Array(g.nodeCount);
    const even = [...Array(g.nodeCount).keys()].filter((v) => v % 2 === 0);
    const odd = [...Array(g.nodeCount).keys()].filter((v) => v % 2 === 1);
    accumulateBetweenness(g, even, raw);
    accumulateBetweenness(g, odd, raw);
    const full = betweenness(g);
    rescaleBetweenness(raw, g.nodeCount, true);
    raw.forEach((x, i) => {
      expect(x).toBeCloseTo(full[i]!, 12);
    });
  });
});

describe('approximateBetweenness (Riondato–Kornaropoulos)', () => {
  it('computes the sample size from the vertex-diameter bound', () => {
    const g = loadFixture('karate-club');
    expect(vertexDiameterBound(g)).toBeLessThanOrEqual(2 * 5 + 1);
    expect(sampleSize(11, 0.01, 0.1)).toBe(Math.ceil(5000 * (4 + Math.log(10))));
  });

  it.each([
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ])('stays within the stated bound (directed=%s, weighted=%s)', (isDirected, isWeighted) => {
    const g =
      isDirected || isWeighted
        ? randomGraph(11, 80, 300, isDirected, isWeighted)
        : loadFixture('karate-club');
    const exact = betweenness(g);
    const approx = approximateBetweenness(g, { epsilon: 0.02, delta: 0.1, seed: 5 });
    expect(approx.isCapped).toBe(false);
    let maxError = 0;
    exact.forEach((x, i) => {
      maxError = Math.max(maxError, Math.abs(x - approx.values[i]!));
    });
    expect(maxError).toBeLessThanOrEqual(approx.errorBound);
  });

  it('is deterministic for a seed', () => {
    const g = loadFixture('florentine-families');
    const a = approximateBetweenness(g, { epsilon: 0.05, seed: 2 }).values;
    const b = approximateBetweenness(g, { epsilon: 0.05, seed: 2 }).values;
    expect(Array.from(a)).toEqual(Array.from(b));
  });
});
