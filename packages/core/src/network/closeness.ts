/**
 * Closeness and harmonic centrality over distances *to* each node (networkx convention:
 * incoming paths on directed graphs). BFS or Dijkstra from every node: O(nm) / O(nm log n).
 *
 *   closeness(u) = (r-1)/(n-1) · (r-1)/Σ_{v reaches u} d(v,u)   (Wasserman–Faust for r reachable)
 *   harmonic(u)  = Σ_{v≠u} 1/d(v,u)
 *
 * References: A. Bavelas, J. Acoust. Soc. Am. 22, 1950; S. Wasserman & K. Faust, Social
 * Network Analysis, 1994, eq. 5.3; M. Marchiori & V. Latora, Physica A 285, 2000 (harmonic);
 * P. Boldi & S. Vigna, "Axioms for centrality", Internet Mathematics 10, 2014.
 * @module
 */
import type { Graph } from './graph';
import { MinHeap } from './heap';

/**
 * Distances from `source` following in-arcs (i.e. d(v, source)); -1 when unreachable.
 * Returns the visit order length; `dist` must be filled with -1 on entry.
 */
function distancesTo(
  graph: Graph,
  source: number,
  dist: Float64Array,
  order: Int32Array,
  heap: MinHeap,
  settled: Uint8Array,
): number {
  const { inOffsets, inTargets, inWeights, isWeighted } = graph;
  dist[source] = 0;
  if (!isWeighted) {
    order[0] = source;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = order[head++]!;
      for (let e = inOffsets[v]!; e < inOffsets[v + 1]!; e++) {
        const w = inTargets[e]!;
        if (dist[w]! < 0) {
          dist[w] = dist[v]! + 1;
          order[tail++] = w;
        }
      }
    }
    return tail;
  }
  heap.clear();
  heap.push(0, source);
  let tail = 0;
  while (heap.size > 0) {
    const key = heap.peekKey();
    const v = heap.pop();
    if (settled[v] === 1 || key > dist[v]!) {
      continue;
    }
    settled[v] = 1;
    order[tail++] = v;
    for (let e = inOffsets[v]!; e < inOffsets[v + 1]!; e++) {
      const w = inTargets[e]!;
      const alt = dist[v]! + inWeights[e]!;
      if (dist[w]! < 0 || alt < dist[w]!) {
        dist[w] = alt;
        heap.push(alt, w);
      }
    }
  }
  return tail;
}

function eachNodeDistances(
  graph: Graph,
  visit: (u: number, dist: Float64Array, order: Int32Array, reached: number) => void,
) {
  const n = graph.nodeCount;
  const dist = new Float64Array(n).fill(-1);
  const order = new Int32Array(n);
  const heap = new MinHeap(1024);
  const settled = new Uint8Array(n);
  for (let u = 0; u < n; u++) {
    const reached = distancesTo(graph, u, dist, order, heap, settled);
    visit(u, dist, order, reached);
    for (let i = 0; i < reached; i++) {
      dist[order[i]!] = -1;
      settled[order[i]!] = 0;
    }
  }
}

/**
 * Closeness centrality with the Wasserman–Faust correction (networkx `wf_improved=True`).
 * @example
 * closeness(kite)[5]; // ≈ 0.643
 */
export function closeness(graph: Graph): Float64Array {
  const n = graph.nodeCount;
  const result = new Float64Array(n);
  eachNodeDistances(graph, (u, dist, order, reached) => {
    let total = 0;
    for (let i = 0; i < reached; i++) {
      total += dist[order[i]!]!;
    }
    if (total > 0 && n > 1) {
      result[u] = ((reached - 1) / total) * ((reached - 1) / (n - 1));
    }
  });
  return result;
}

/**
 * Harmonic centrality Σ 1/d(v,u) (not normalised, as networkx).
 * @example
 * harmonic(g)[0];
 */
export function harmonic(graph: Graph): Float64Array {
  const result = new Float64Array(graph.nodeCount);
  eachNodeDistances(graph, (u, dist, order, reached) => {
    let total = 0;
    for (let i = 1; i < reached; i++) {
      total += 1 / dist[order[i]!]!;
    }
    result[u] = total;
  });
  return result;
}
