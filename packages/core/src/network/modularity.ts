/**
 * Newman–Girvan modularity with resolution γ on the undirected (symmetrised) weighted graph:
 *
 *   Q = Σ_c [ L_c / m − γ (K_c / 2m)² ]
 *
 * L_c = weight of edges inside community c, K_c = total strength of c, m = total edge
 * weight. Directed graphs are symmetrised (a_uv + a_vu) first. O(n + m).
 * References: M. Newman & M. Girvan, Phys. Rev. E 69, 026113, 2004; J. Reichardt &
 * S. Bornholdt, Phys. Rev. E 74, 016110, 2006 (resolution).
 * @module
 */
import type { Graph } from './graph';
import { levelModularity, toLevelGraph } from './level-graph';

/**
 * Modularity of a partition given as one label per node.
 * @example
 * modularity(karate, clubLabels); // ≈ 0.3715
 */
export function modularity(
  graph: Graph,
  labels: ArrayLike<number>,
  options: { resolution?: number } = {},
): number {
  const n = graph.nodeCount;
  const dense = new Int32Array(n);
  const map = new Map<number, number>();
  for (let v = 0; v < n; v++) {
    const l = labels[v]!;
    let d = map.get(l);
    if (d === undefined) {
      d = map.size;
      map.set(l, d);
    }
    dense[v] = d;
  }
  return levelModularity(toLevelGraph(graph), dense, options.resolution ?? 1);
}
