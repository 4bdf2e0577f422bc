/**
 * Eigenvector centrality by power iteration on (A + I)ᵀ, as networkx: x_v grows with the
 * scores of nodes pointing *to* v; the identity shift keeps bipartite graphs convergent.
 * Normalised to unit Euclidean norm. O(m) per iteration.
 * Reference: P. Bonacich, "Factoring and weighting approaches to status scores and clique
 * identification", J. Math. Sociology 2(1), 1972; M. Newman, Networks, 2nd ed., §7.1.2.
 * @module
 */
import type { Graph } from './graph';

export interface EigenvectorOptions {
  tolerance?: number;
  maxIterations?: number;
  /** Use edge weights as tie strengths. */
  isWeighted?: boolean;
}

/**
 * Eigenvector centrality (unit L2 norm).
 * @example
 * eigenvector(g)[33];
 */
export function eigenvector(graph: Graph, options: EigenvectorOptions = {}): Float64Array {
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 1000;
  const isWeighted = options.isWeighted ?? graph.isWeighted;
  const n = graph.nodeCount;
  const { inOffsets, inTargets, inWeights } = graph;
  let x = new Float64Array(n).fill(n > 0 ? 1 / n : 0);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let norm = 0;
    for (let v = 0; v < n; v++) {
      let sum = x[v]!;
      for (let e = inOffsets[v]!; e < inOffsets[v + 1]!; e++) {
        sum += x[inTargets[e]!]! * (isWeighted ? inWeights[e]! : 1);
      }
      next[v] = sum;
      norm += sum * sum;
    }
    norm = Math.sqrt(norm) || 1;
    let change = 0;
    for (let v = 0; v < n; v++) {
      next[v]! /= norm;
      change += Math.abs(next[v]! - x[v]!);
    }
    [x, next] = [next, x];
    if (change < n * tolerance) {
      break;
    }
  }
  return x;
}
