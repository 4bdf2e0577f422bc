/**
 * Degree and strength. in/out count arcs (strength: sum of weights); total = in + out
 * for directed graphs and the plain degree for undirected ones. O(n) from CSR offsets,
 * O(m) when weighted.
 * @module
 */
import type { Graph } from './graph';

export type DegreeMode = 'in' | 'out' | 'total';

function sumRange(offsets: Int32Array, weights: Float64Array, v: number, isWeighted: boolean): number {
  if (!isWeighted) {
    return offsets[v + 1]! - offsets[v]!;
  }
  let sum = 0;
  for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
    sum += weights[e]!;
  }
  return sum;
}

/**
 * Degree (or weighted strength) of every node.
 * @example
 * degree(g, { mode: 'in', isWeighted: true });
 */
export function degree(
  graph: Graph,
  options: { mode?: DegreeMode; isWeighted?: boolean } = {},
): Float64Array {
  const mode = options.mode ?? 'total';
  const isWeighted = options.isWeighted ?? false;
  const n = graph.nodeCount;
  const result = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const out = sumRange(graph.outOffsets, graph.outWeights, v, isWeighted);
    if (!graph.isDirected || mode === 'out') {
      result[v] = out;
    } else {
      const inn = sumRange(graph.inOffsets, graph.inWeights, v, isWeighted);
      result[v] = mode === 'in' ? inn : inn + out;
    }
  }
  return result;
}
