/**
 * Core numbers by the Batagelj–Zaversnik bucket algorithm, O(n + m). Degree counts every
 * incident arc (in + out on directed graphs, as networkx `core_number`).
 * Reference: V. Batagelj & M. Zaversnik, "An O(m) algorithm for cores decomposition of
 * networks", arXiv:cs/0310049, 2003; S. Seidman, Social Networks 5, 1983.
 * @module
 */
import type { Graph } from './graph';

/**
 * Core number of every node.
 * @example
 * coreNumber(g); // Int32Array
 */
export function coreNumber(graph: Graph): Int32Array {
  const n = graph.nodeCount;
  const { outOffsets, outTargets, inOffsets, inTargets, isDirected } = graph;
  const deg = new Int32Array(n);
  let maxDeg = 0;
  for (let v = 0; v < n; v++) {
    let d = outOffsets[v + 1]! - outOffsets[v]!;
    if (isDirected) {
      d += inOffsets[v + 1]! - inOffsets[v]!;
    }
    deg[v] = d;
    maxDeg = Math.max(maxDeg, d);
  }
  const bin = new Int32Array(maxDeg + 2);
  for (let v = 0; v < n; v++) {
    bin[deg[v]! + 1]!++;
  }
  for (let d = 1; d <= maxDeg + 1; d++) {
    bin[d]! += bin[d - 1]!;
  }
  const pos = new Int32Array(n);
  const vert = new Int32Array(n);
  const cursor = bin.slice();
  for (let v = 0; v < n; v++) {
    const p = cursor[deg[v]!]!++;
    pos[v] = p;
    vert[p] = v;
  }
  const lower = (v: number, u: number) => {
    // u loses a neighbour still in the graph: move it to the front of its bucket.
    const du = deg[u]!;
    if (du <= deg[v]!) {
      return;
    }
    const pu = pos[u]!;
    const pw = bin[du]!;
    const w = vert[pw]!;
    if (u !== w) {
      pos[u] = pw;
      vert[pu] = w;
      pos[w] = pu;
      vert[pw] = u;
    }
    bin[du]!++;
    deg[u] = du - 1;
  };
  for (let i = 0; i < n; i++) {
    const v = vert[i]!;
    for (let e = outOffsets[v]!; e < outOffsets[v + 1]!; e++) {
      lower(v, outTargets[e]!);
    }
    if (isDirected) {
      for (let e = inOffsets[v]!; e < inOffsets[v + 1]!; e++) {
        lower(v, inTargets[e]!);
      }
    }
  }
  return deg;
}
