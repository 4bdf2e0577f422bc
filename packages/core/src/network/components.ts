/**
 * Connected components: weak (BFS ignoring direction) and strong (iterative Tarjan), O(n + m).
 * Labels are dense 0..count−1 in order of the smallest node index of each component.
 * Reference: R. Tarjan, "Depth-first search and linear graph algorithms", SIAM J. Comput.
 * 1(2), 1972.
 * @module
 */
import type { Graph } from './graph';

export interface Components {
  labels: Int32Array;
  count: number;
}

/**
 * Weakly connected components (plain components when undirected).
 * @example
 * weakComponents(g).count;
 */
export function weakComponents(graph: Graph): Components {
  const n = graph.nodeCount;
  const labels = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (labels[root]! >= 0) {
      continue;
    }
    labels[root] = count;
    queue[0] = root;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = queue[head++]!;
      for (const [off, adj] of [
        [graph.outOffsets, graph.outTargets],
        [graph.inOffsets, graph.inTargets],
      ] as const) {
        for (let e = off[v]!; e < off[v + 1]!; e++) {
          const w = adj[e]!;
          if (labels[w]! < 0) {
            labels[w] = count;
            queue[tail++] = w;
          }
        }
      }
    }
    count++;
  }
  return { labels, count };
}

/**
 * Strongly connected components (equal to weak ones when undirected).
 * @example
 * strongComponents(g).count;
 */
export function strongComponents(graph: Graph): Components {
  if (!graph.isDirected) {
    return weakComponents(graph);
  }
  const n = graph.nodeCount;
  const { outOffsets, outTargets } = graph;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callStack = new Int32Array(n);
  const edgeCursor = new Int32Array(n);
  const raw = new Int32Array(n);
  let stackSize = 0;
  let counter = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root]! >= 0) {
      continue;
    }
    let depth = 0;
    callStack[0] = root;
    index[root] = low[root] = counter++;
    edgeCursor[root] = outOffsets[root]!;
    stack[stackSize++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callStack[depth]!;
      const e = edgeCursor[v]!;
      if (e < outOffsets[v + 1]!) {
        edgeCursor[v] = e + 1;
        const w = outTargets[e]!;
        if (index[w]! < 0) {
          index[w] = low[w] = counter++;
          edgeCursor[w] = outOffsets[w]!;
          stack[stackSize++] = w;
          onStack[w] = 1;
          callStack[++depth] = w;
        } else if (onStack[w] === 1) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--stackSize]!;
          onStack[w] = 0;
          raw[w] = count;
        } while (w !== v);
        count++;
      }
      depth--;
      if (depth >= 0) {
        const parent = callStack[depth]!;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
    }
  }
  return { labels: relabelByFirstNode(raw, count), count };
}

/** Renumbers labels so component ids follow the smallest node index. */
export function relabelByFirstNode(labels: Int32Array, count: number): Int32Array {
  const map = new Int32Array(count).fill(-1);
  let next = 0;
  const result = new Int32Array(labels.length);
  for (let v = 0; v < labels.length; v++) {
    const l = labels[v]!;
    if (map[l]! < 0) {
      map[l] = next++;
    }
    result[v] = map[l]!;
  }
  return result;
}
