/**
 * Exact shortest-path betweenness centrality (Brandes' algorithm).
 *
 *   c_B(v) = Σ_{s≠v≠t} σ_st(v) / σ_st
 *
 * σ_st is the number of shortest s–t paths and σ_st(v) those through v. From each
 * source s, one BFS (unweighted) or Dijkstra with a binary heap (weighted) yields σ_s·
 * and a DAG order; dependencies are accumulated backwards:
 *
 *   δ_s(v) = Σ_{w : v ∈ P_s(w)} σ_sv / σ_sw · (1 + δ_s(w))
 *
 * here "pulled" from successors w (the per-source kernels are in brandes-sweep.ts).
 * Cost O(nm) unweighted, O(nm + n² log n) weighted, O(n + m) memory.
 * Sources are independent, so `accumulateBetweenness` over disjoint source subsets can
 * run on separate threads and be summed.
 *
 * Normalisation follows networkx: undirected sums are halved, then ×2/((n-1)(n-2));
 * directed ×1/((n-1)(n-2)); both amount to ×1/((n-1)(n-2)) on the ordered-pair sum.
 *
 * References: U. Brandes, "A faster algorithm for betweenness centrality", J. Math.
 * Sociology 25(2), 2001, doi:10.1080/0022250X.2001.9990249; U. Brandes, "On variants of
 * shortest-path betweenness centrality and their generic computation", Social Networks
 * 30(2), 2008, doi:10.1016/j.socnet.2007.11.001.
 * @module
 */

import {
  type BetweennessWorkspace,
  createBetweennessWorkspace,
  createDistanceSums,
  type DistanceSums,
  sweepSources,
} from './brandes-sweep';
import type { Graph } from './graph';

export {
  type BetweennessWorkspace,
  createBetweennessWorkspace,
  createDistanceSums,
  type DistanceSums,
} from './brandes-sweep';

/**
 * One search per source for betweenness, closeness and harmonic centrality together: Brandes'
 * forward search from s already yields d(s, v) for every v it reaches, which is exactly what
 * closeness and harmonic need on the target side (networkx measures incoming distances), so
 * summing d(s, v), 1/d(s, v) and the reach count over all sources gives both without another
 * all-pairs sweep. Sums over disjoint source sets add up, as for betweenness.
 */
export function accumulatePaths(
  graph: Graph,
  sources: ArrayLike<number>,
  into: Float64Array,
  sums: DistanceSums,
  workspace: BetweennessWorkspace = createBetweennessWorkspace(graph.nodeCount),
): void {
  sweepSources(graph, sources, into, sums, workspace);
}

/** Path-based centralities of every node, as networkx computes them. */
export interface PathCentralities {
  /** Normalised like networkx `betweenness_centrality`. */
  betweenness: Float64Array;
  /** Wasserman–Faust closeness (networkx `closeness_centrality`, `wf_improved=True`). */
  closeness: Float64Array;
  /** networkx `harmonic_centrality` (not normalised). */
  harmonic: Float64Array;
}

/** Turns raw sums (over every source) into {@link PathCentralities}; `raw` is scaled in place. */
export function finishPathCentralities(
  graph: Graph,
  raw: Float64Array,
  sums: DistanceSums,
): PathCentralities {
  const n = graph.nodeCount;
  const closeness = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const total = sums.distance[v]!;
    const r = sums.reachedBy[v]!;
    if (total > 0 && n > 1) {
      closeness[v] = (r / total) * (r / (n - 1));
    }
  }
  return {
    betweenness: rescaleBetweenness(raw, n, graph.isDirected),
    closeness,
    harmonic: sums.harmonic,
  };
}

/**
 * Betweenness, closeness and harmonic centrality in one sweep of n searches (instead of 3n).
 * @example
 * const { betweenness, closeness, harmonic } = pathCentralities(graph);
 */
export function pathCentralities(graph: Graph): PathCentralities {
  const n = graph.nodeCount;
  const sources = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    sources[i] = i;
  }
  const raw = new Float64Array(n);
  const sums = createDistanceSums(n);
  accumulatePaths(graph, sources, raw, sums);
  return finishPathCentralities(graph, raw, sums);
}

/**
 * Adds Σ_{s ∈ sources} δ_s(v) to `into[v]` (raw, un-normalised, ordered pairs).
 * Summing the outputs over a partition of all nodes gives the raw betweenness.
 * @example
 * const raw = accumulateBetweenness(g, [0, 1, 2], new Float64Array(g.nodeCount));
 */
export function accumulateBetweenness(
  graph: Graph,
  sources: ArrayLike<number>,
  into: Float64Array,
  workspace: BetweennessWorkspace = createBetweennessWorkspace(graph.nodeCount),
): Float64Array {
  sweepSources(graph, sources, into, null, workspace);
  return into;
}

/** Scale factor applied to the raw ordered-pair sums, as networkx does. */
export function betweennessScale(nodeCount: number, isDirected: boolean, isNormalized: boolean): number {
  if (isNormalized) {
    return nodeCount > 2 ? 1 / ((nodeCount - 1) * (nodeCount - 2)) : 1;
  }
  return isDirected ? 1 : 0.5;
}

/** Scales raw sums in place (see {@link betweennessScale}). */
export function rescaleBetweenness(
  raw: Float64Array,
  nodeCount: number,
  isDirected: boolean,
  isNormalized = true,
): Float64Array {
  const scale = betweennessScale(nodeCount, isDirected, isNormalized);
  for (let i = 0; i < raw.length; i++) {
    raw[i]! *= scale;
  }
  return raw;
}

/**
 * Exact betweenness of every node, normalised like networkx unless `isNormalized` is false.
 * @example
 * betweenness(karate)[0]; // 0.43763528138528146
 */
export function betweenness(graph: Graph, options: { isNormalized?: boolean } = {}): Float64Array {
  const n = graph.nodeCount;
  const sources = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    sources[i] = i;
  }
  const raw = accumulateBetweenness(graph, sources, new Float64Array(n));
  return rescaleBetweenness(raw, n, graph.isDirected, options.isNormalized ?? true);
}
