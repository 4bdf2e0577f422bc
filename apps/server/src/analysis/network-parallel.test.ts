import {
  accumulateBetweenness,
  betweenness,
  buildGraph,
  closeness,
  createRng,
  type Graph,
  harmonic,
  randomInt,
  rescaleBetweenness,
} from '@essaim/core/network';
import { describe, expect, it } from 'vitest';
import { parallelBetweenness, parallelPathCentralities } from './network-parallel';

/** Seeded random simple graph: `edgeCount` distinct pairs, no self-loops, optional weights. */
function randomGraph(props: {
  nodeCount: number;
  edgeCount: number;
  isDirected: boolean;
  isWeighted: boolean;
  seed: number;
}): Graph {
  const { nodeCount, edgeCount, isDirected, isWeighted, seed } = props;
  const rng = createRng(seed);
  const seen = new Set<string>();
  const sources: number[] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  while (sources.length < edgeCount) {
    const u = randomInt(rng, nodeCount);
    const v = randomInt(rng, nodeCount);
    const key = isDirected ? `${u}>${v}` : `${Math.min(u, v)}-${Math.max(u, v)}`;
    if (u === v || seen.has(key)) {
      continue;
    }
    seen.add(key);
    sources.push(u);
    targets.push(v);
    // Small integer weights create ties between shortest paths, the case that exercises σ.
    weights.push(1 + randomInt(rng, 4));
  }
  return buildGraph({ nodeCount, sources, targets, weights: isWeighted ? weights : undefined, isDirected });
}

function maxAbsDiff(a: Float64Array, b: Float64Array): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    max = Math.max(max, Math.abs(a[i]! - b[i]!));
  }
  return max;
}

const cases = [
  {
    name: 'undirected unweighted',
    nodeCount: 120,
    edgeCount: 360,
    isDirected: false,
    isWeighted: false,
    seed: 1,
  },
  {
    name: 'undirected weighted',
    nodeCount: 100,
    edgeCount: 300,
    isDirected: false,
    isWeighted: true,
    seed: 2,
  },
  {
    name: 'directed unweighted',
    nodeCount: 110,
    edgeCount: 440,
    isDirected: true,
    isWeighted: false,
    seed: 3,
  },
  { name: 'directed weighted', nodeCount: 90, edgeCount: 400, isDirected: true, isWeighted: true, seed: 4 },
  // Sparse enough to leave several components and unreachable pairs.
  {
    name: 'sparse, disconnected',
    nodeCount: 150,
    edgeCount: 100,
    isDirected: false,
    isWeighted: true,
    seed: 5,
  },
];

describe('parallelBetweenness', () => {
  it.each(cases)('matches single-threaded Brandes to 1e-9: $name', async (props) => {
    const graph = randomGraph(props);
    const expected = betweenness(graph);
    // Small chunks so that several workers really share the sources.
    const actual = await parallelBetweenness(graph, { threads: 3, chunkSize: 4 });
    expect(maxAbsDiff(actual, expected)).toBeLessThanOrEqual(1e-9);
  });

  it('matches un-normalised values too', async () => {
    const graph = randomGraph(cases[1]!);
    const expected = betweenness(graph, { isNormalized: false });
    const actual = await parallelBetweenness(graph, { threads: 2, isNormalized: false });
    expect(maxAbsDiff(actual, expected)).toBeLessThanOrEqual(1e-9);
  });

  it('extrapolates a source subset as Brandes–Pich (n/|S|) · Σ δ_s', async () => {
    const graph = randomGraph(cases[3]!);
    const sources = Int32Array.from([0, 7, 13, 42, 55, 89]);
    const raw = accumulateBetweenness(graph, sources, new Float64Array(graph.nodeCount));
    const expected = rescaleBetweenness(
      raw.map((x) => (x * graph.nodeCount) / sources.length),
      graph.nodeCount,
      graph.isDirected,
    );
    const actual = await parallelBetweenness(graph, { threads: 2, chunkSize: 1, sources });
    expect(maxAbsDiff(actual, expected)).toBeLessThanOrEqual(1e-9);
  });

  it('handles a single thread and a graph smaller than the thread count', async () => {
    const graph = buildGraph({ nodeCount: 3, sources: [0, 1], targets: [1, 2], isDirected: false });
    expect(maxAbsDiff(await parallelBetweenness(graph, { threads: 1 }), betweenness(graph))).toBe(0);
    expect(maxAbsDiff(await parallelBetweenness(graph, { threads: 8 }), betweenness(graph))).toBe(0);
  });

  it.each(cases)('the calling thread can take a share of the sources: $name', async (props) => {
    const graph = randomGraph(props);
    const actual = await parallelPathCentralities(graph, {
      threads: 2,
      chunkSize: 1,
      useCallingThread: true,
    });
    expect(maxAbsDiff(actual.betweenness, betweenness(graph))).toBeLessThanOrEqual(1e-9);
    expect(maxAbsDiff(actual.closeness, closeness(graph))).toBeLessThanOrEqual(1e-9);
    const alone = await parallelBetweenness(graph, { threads: 1, useCallingThread: true });
    expect(maxAbsDiff(alone, betweenness(graph))).toBeLessThanOrEqual(1e-9);
  });

  it.each(cases)(
    'parallel path centralities equal betweenness, closeness and harmonic: $name',
    async (props) => {
      const graph = randomGraph(props);
      const actual = await parallelPathCentralities(graph, { threads: 2, chunkSize: 8 });
      expect(maxAbsDiff(actual.betweenness, betweenness(graph))).toBeLessThanOrEqual(1e-9);
      expect(maxAbsDiff(actual.closeness, closeness(graph))).toBeLessThanOrEqual(1e-9);
      expect(maxAbsDiff(actual.harmonic, harmonic(graph))).toBeLessThanOrEqual(1e-9);
    },
  );
});
