/**
 * PageRank by power iteration (networkx semantics: uniform teleport, dangling mass spread
 * uniformly, weights as transition preferences, undirected edges in both directions).
 *
 *   x'_v = α Σ_{u→v} x_u · w_uv / W_u  +  α Σ_{dangling u} x_u / n  +  (1-α)/n
 *
 * Stops when ‖x' − x‖₁ < n·tol. O(m) per iteration.
 * Reference: S. Brin & L. Page, "The anatomy of a large-scale hypertextual Web search
 * engine", Computer Networks 30, 1998; A. Langville & C. Meyer, Google's PageRank and
 * Beyond, 2006 (dangling nodes).
 * @module
 */
import { degree } from './degree';
import type { Graph } from './graph';

export interface PageRankOptions {
  /** Damping factor α. */
  alpha?: number;
  tolerance?: number;
  maxIterations?: number;
}

const DEFAULTS: Required<PageRankOptions> = { alpha: 0.85, tolerance: 1e-10, maxIterations: 1000 };

/**
 * PageRank scores summing to 1.
 * @example
 * pagerank(g, { alpha: 0.85 });
 */
export function pagerank(graph: Graph, options: PageRankOptions = {}): Float64Array {
  const { alpha, tolerance, maxIterations } = { ...DEFAULTS, ...options };
  const n = graph.nodeCount;
  if (n === 0) {
    return new Float64Array(0);
  }
  const { inOffsets, inTargets, inWeights } = graph;
  const strength = degree(graph, { mode: 'out', isWeighted: true });
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const scaled = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let dangling = 0;
    for (let u = 0; u < n; u++) {
      const s = strength[u]!;
      if (s === 0) {
        dangling += x[u]!;
        scaled[u] = 0;
      } else {
        scaled[u] = x[u]! / s;
      }
    }
    const base = (alpha * dangling + 1 - alpha) / n;
    let change = 0;
    for (let v = 0; v < n; v++) {
      let sum = 0;
      for (let e = inOffsets[v]!; e < inOffsets[v + 1]!; e++) {
        sum += scaled[inTargets[e]!]! * inWeights[e]!;
      }
      const value = alpha * sum + base;
      next[v] = value;
      change += Math.abs(value - x[v]!);
    }
    [x, next] = [next, x];
    if (change < n * tolerance) {
      break;
    }
  }
  return x;
}
