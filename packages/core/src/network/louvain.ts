/**
 * Louvain community detection: repeat (fast local moving, aggregation) until no node moves,
 * then refine the projected partition by moving single nodes on the original graph.
 * Node order is a seeded random permutation, so results are reproducible.
 * Complexity: near-linear in practice, O(m) per sweep.
 * References: V. Blondel, J.-L. Guillaume, R. Lambiotte & E. Lefebvre, "Fast unfolding of
 * communities in large networks", J. Stat. Mech. P10008, 2008, arXiv:0803.0476;
 * N. Ozaki, H. Tezuka & M. Inaba, "A simple acceleration method for the Louvain
 * algorithm", IJCEE 8(3), 2016 (queue of nodes to revisit); R. Rotta & A. Noack, "Multilevel
 * local search algorithms for modularity clustering", ACM J. Exp. Algorithmics 16, 2011
 * (final single-node refinement of the projected partition on the original graph);
 * H. Lu, M. Halappanavar & A. Kalyanaraman, "Parallel heuristics for scalable community
 * detection", Parallel Computing 47, 2015, and S. Sahu, "GVE-Louvain", arXiv:2312.04876, 2023
 * (a per-iteration modularity-gain tolerance on the local-moving phase).
 *
 * Tolerance. Local moving at a level stops once a round (as many visits as nodes) raises
 * modularity by less than τ (`tolerance`, default 0.01). On sparse graphs with weak structure
 * (Barabási–Albert, 100k nodes) the queue otherwise keeps trading nodes between similar
 * communities for ~11 rounds at level 0 and as many at level 1, each round worth a few 10⁻³ of
 * modularity; aggregation and the final refinement, which runs to a local optimum on the
 * original graph, recover most of it far more cheaply (Q 0.285 instead of 0.293, 2–3× faster).
 * `tolerance: 0` runs every level to a local optimum (classic Louvain).
 * @module
 */

import { createRng } from '../rng';
import type { Graph } from './graph';
import { aggregate, levelModularity, moveNodesFast, renumber, toLevelGraph } from './level-graph';

export interface CommunityOptions {
  /** γ; 1 is classic modularity, larger values give smaller communities. */
  resolution?: number;
  seed?: number;
}

/** Options of {@link louvain}. */
export interface LouvainOptions extends CommunityOptions {
  /** Modularity gain per round of local moving below which a level stops. Default 0.01. */
  tolerance?: number;
}

export interface Communities {
  /** Community of each node, 0..count−1 in order of first appearance. */
  labels: Int32Array;
  count: number;
  modularity: number;
}

/**
 * Louvain communities maximising modularity.
 * @example
 * const { labels, modularity } = louvain(karate, { seed: 1 }); // modularity ≈ 0.419
 */
export function louvain(graph: Graph, options: LouvainOptions = {}): Communities {
  const resolution = options.resolution ?? 1;
  const rng = createRng(options.seed ?? 1);
  const tolerance = options.tolerance ?? 0.01;
  const base = toLevelGraph(graph);
  let level = base;
  const labels = new Int32Array(graph.nodeCount);
  for (let v = 0; v < labels.length; v++) {
    labels[v] = v;
  }
  for (;;) {
    const local = new Int32Array(level.nodeCount);
    for (let v = 0; v < local.length; v++) {
      local[v] = v;
    }
    const moves = moveNodesFast(level, local, resolution, rng, { tolerance });
    const count = renumber(local);
    if (moves === 0 || count === level.nodeCount) {
      break;
    }
    for (let v = 0; v < labels.length; v++) {
      labels[v] = local[labels[v]!]!;
    }
    level = aggregate(level, local, count);
  }
  // Multilevel refinement: single nodes may still gain by moving once communities are final.
  // One queue-driven pass to a local optimum; a second one moves < 1% of nodes for ~10⁻⁴.
  moveNodesFast(base, labels, resolution, rng);
  const count = renumber(labels);
  return { labels, count, modularity: levelModularity(base, labels, resolution) };
}
