/**
 * Whole-network cohesion: density and reciprocity.
 *
 *   density     = m / (n(n−1)) directed, 2m / (n(n−1)) undirected
 *   reciprocity = |{(u,v) ∈ E : (v,u) ∈ E}| / |E|   (directed; 1 for undirected graphs)
 *
 * Reference: S. Wasserman & K. Faust, Social Network Analysis, 1994, §4.2 and §13.2;
 * D. Garlaschelli & M. Loffredo, Phys. Rev. Lett. 93, 268701, 2004.
 * @module
 */
import type { Graph } from './graph';

/**
 * Edge density in [0, 1].
 * @example
 * density(kite); // 18 / 45 = 0.4
 */
export function density(graph: Graph): number {
  const n = graph.nodeCount;
  if (n < 2) {
    return 0;
  }
  const pairs = (n * (n - 1)) / (graph.isDirected ? 1 : 2);
  return graph.edgeCount / pairs;
}

/**
 * Share of arcs whose reverse arc also exists (networkx `overall_reciprocity`).
 * @example
 * reciprocity(directedGraph);
 */
export function reciprocity(graph: Graph): number {
  if (!graph.isDirected) {
    return 1;
  }
  const n = graph.nodeCount;
  const { outOffsets, outTargets } = graph;
  const mark = new Int32Array(n).fill(-1);
  let mutual = 0;
  for (let u = 0; u < n; u++) {
    for (let e = outOffsets[u]!; e < outOffsets[u + 1]!; e++) {
      mark[outTargets[e]!] = u;
    }
    for (let e = graph.inOffsets[u]!; e < graph.inOffsets[u + 1]!; e++) {
      if (mark[graph.inTargets[e]!] === u) {
        mutual++;
      }
    }
  }
  return graph.edgeCount === 0 ? 0 : mutual / graph.edgeCount;
}
