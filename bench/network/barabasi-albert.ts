/**
 * Seeded Barabási–Albert generator for benchmarks: each new node attaches to `m` distinct
 * existing nodes chosen proportionally to degree (repeated-endpoints list), starting from a
 * clique of m+1 nodes. n nodes give ≈ n·m edges. O(n·m).
 * Reference: A.-L. Barabási & R. Albert, "Emergence of scaling in random networks",
 * Science 286, 1999; V. Batagelj & U. Brandes, Phys. Rev. E 71, 036113, 2005 (linear-time).
 */
import { createRng, randomInt } from '@essaim/core/network';

export interface EdgeArrays {
  nodeCount: number;
  sources: Int32Array;
  targets: Int32Array;
}

export function barabasiAlbert(n: number, m: number, seed: number): EdgeArrays {
  const rng = createRng(seed);
  const edgeCount = ((m + 1) * m) / 2 + (n - m - 1) * m;
  const sources = new Int32Array(edgeCount);
  const targets = new Int32Array(edgeCount);
  const endpoints = new Int32Array(2 * edgeCount);
  let edges = 0;
  let ends = 0;
  const add = (u: number, v: number) => {
    sources[edges] = u;
    targets[edges++] = v;
    endpoints[ends++] = u;
    endpoints[ends++] = v;
  };
  for (let u = 0; u <= m; u++) {
    for (let v = u + 1; v <= m; v++) {
      add(u, v);
    }
  }
  const chosen = new Int32Array(m);
  for (let v = m + 1; v < n; v++) {
    let count = 0;
    while (count < m) {
      const u = endpoints[randomInt(rng, ends)]!;
      let isNew = true;
      for (let i = 0; i < count; i++) {
        if (chosen[i] === u) {
          isNew = false;
          break;
        }
      }
      if (isNew) {
        chosen[count++] = u;
      }
    }
    for (let i = 0; i < m; i++) {
      add(v, chosen[i]!);
    }
  }
  return { nodeCount: n, sources, targets };
}
