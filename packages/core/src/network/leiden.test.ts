import { describe, expect, it } from 'vitest';
import { createRng, randomInt } from '../rng';
import { buildGraph } from './graph';
import { leiden } from './leiden';
import { splitDisconnected, toLevelGraph } from './level-graph';
import { modularity } from './modularity';

/** Sparse random graph with planted groups, so that communities exist and moves are frequent. */
function plantedGraph(seed: number) {
  const rng = createRng(seed);
  const n = 400;
  const sources: number[] = [];
  const targets: number[] = [];
  for (let i = 0; i < 1600; i++) {
    const u = randomInt(rng, n);
    // Three edges in four stay inside u's group of 40.
    const v = rng() < 0.75 ? u - (u % 40) + randomInt(rng, 40) : randomInt(rng, n);
    if (u !== v) {
      sources.push(u);
      targets.push(v);
    }
  }
  return buildGraph({ nodeCount: n, sources, targets, isDirected: false });
}

/** Whether every community induces a connected subgraph. */
function isEveryCommunityConnected(
  graph: ReturnType<typeof plantedGraph>,
  labels: Int32Array,
  count: number,
) {
  const seen = new Uint8Array(graph.nodeCount);
  let components = 0;
  for (let root = 0; root < graph.nodeCount; root++) {
    if (seen[root]) {
      continue;
    }
    components++;
    seen[root] = 1;
    const stack = [root];
    while (stack.length > 0) {
      const v = stack.pop()!;
      for (let e = graph.outOffsets[v]!; e < graph.outOffsets[v + 1]!; e++) {
        const u = graph.outTargets[e]!;
        if (!seen[u] && labels[u] === labels[v]) {
          seen[u] = 1;
          stack.push(u);
        }
      }
    }
  }
  return components === count;
}

describe('leiden', () => {
  it.each([1, 2, 3, 4, 5])('returns connected communities after its final pass (seed %i)', (seed) => {
    const graph = plantedGraph(seed);
    for (const maxIterations of [1, 2, 10]) {
      const result = leiden(graph, { seed, maxIterations });
      expect(isEveryCommunityConnected(graph, result.labels, result.count)).toBe(true);
      expect(result.modularity).toBeCloseTo(modularity(graph, result.labels), 12);
    }
  });

  it('splits a community into its connected components', () => {
    // Two paths 0–1–2 and 3–4 in one community, 5 alone.
    const graph = buildGraph({ nodeCount: 6, sources: [0, 1, 3], targets: [1, 2, 4], isDirected: false });
    const labels = Int32Array.from([7, 7, 7, 7, 7, 2]);
    splitDisconnected(toLevelGraph(graph), labels);
    expect(Array.from(labels)).toEqual([0, 0, 0, 1, 1, 2]);
  });
});
