/**
 * One source of Brandes' algorithm: the forward search (BFS unweighted, Dijkstra with a binary
 * heap weighted) that counts shortest paths σ_s·, then the backward accumulation of dependencies
 *
 *   δ_s(v) = Σ_{w : v ∈ P_s(w)} σ_sv / σ_sw · (1 + δ_s(w)),
 *
 * "pulled" from successors w (dist(w) = dist(v) + w(v,w)), with δ(w) stored as (1 + δ(w)) / σ(w)
 * so each arc costs one addition. The same search also yields d(s, v) for the closeness and
 * harmonic sums (see betweenness.ts).
 *
 * Unweighted fast path (most networks): levels in an Int32Array (half the cache footprint of
 * float distances: 40 kB for 10k nodes, inside L1), the shortest-path DAG recorded while the BFS
 * runs (each edge gives at most one DAG arc, so the backward pass reads ≤ m entries in order
 * instead of testing all 2m arcs again: measured faster than a predecessor-free rescan), and the
 * state reset folded into the backward pass (σ and δ are assigned before being read, so only the
 * levels need resetting). Weighted searches test the arcs backwards, as a Dijkstra arc may stop
 * being tight after it was relaxed.
 *
 * Reference: U. Brandes, "A faster algorithm for betweenness centrality", J. Math. Sociology
 * 25(2), 2001, doi:10.1080/0022250X.2001.9990249.
 * @module
 */
import type { Graph } from './graph';
import { MinHeap } from './heap';

/** Scratch arrays reused across sources (one per thread). */
export interface BetweennessWorkspace {
  /** BFS level of each node, −1 when unreached (unweighted searches). */
  level: Int32Array;
  /** Distance of each node, −1 when unreached (weighted searches). */
  dist: Float64Array;
  sigma: Float64Array;
  delta: Float64Array;
  order: Int32Array;
  heap: MinHeap;
  /** DAG children of the i-th visited node: dagTargets[dagStart[i] … dagStart[i + 1]). */
  dagStart: Int32Array;
  dagTargets: Int32Array;
}

export function createBetweennessWorkspace(nodeCount: number): BetweennessWorkspace {
  return {
    level: new Int32Array(nodeCount).fill(-1),
    dist: new Float64Array(nodeCount).fill(-1),
    sigma: new Float64Array(nodeCount),
    delta: new Float64Array(nodeCount),
    order: new Int32Array(nodeCount),
    heap: new MinHeap(1024),
    dagStart: new Int32Array(nodeCount + 1),
    dagTargets: new Int32Array(0),
  };
}

/** Distance sums gathered in the same searches as betweenness (see `accumulatePaths`). */
export interface DistanceSums {
  /** Σ_s d(s, v) over the sources s that reach v (s ≠ v). */
  distance: Float64Array;
  /** How many sources reach v (s ≠ v). */
  reachedBy: Float64Array;
  /** Σ_s 1 / d(s, v). */
  harmonic: Float64Array;
}

export function createDistanceSums(nodeCount: number): DistanceSums {
  return {
    distance: new Float64Array(nodeCount),
    reachedBy: new Float64Array(nodeCount),
    harmonic: new Float64Array(nodeCount),
  };
}

/** BFS from s: fills level/sigma/order and the DAG; returns how many nodes were reached. */
function searchUnweighted(graph: Graph, s: number, ws: BetweennessWorkspace): number {
  const { outOffsets, outTargets } = graph;
  if (ws.dagTargets.length < outTargets.length) {
    ws.dagTargets = new Int32Array(outTargets.length);
  }
  const { level, sigma, order, dagStart, dagTargets } = ws;
  level[s] = 0;
  sigma[s] = 1;
  order[0] = s;
  let head = 0;
  let tail = 1;
  let arcs = 0;
  while (head < tail) {
    dagStart[head] = arcs;
    const v = order[head++]!;
    const next = level[v]! + 1;
    const sv = sigma[v]!;
    const end = outOffsets[v + 1]!;
    for (let e = outOffsets[v]!; e < end; e++) {
      const w = outTargets[e]!;
      const lw = level[w]!;
      if (lw < 0) {
        level[w] = next;
        sigma[w] = sv;
        order[tail++] = w;
        dagTargets[arcs++] = w;
      } else if (lw === next) {
        sigma[w]! += sv;
        dagTargets[arcs++] = w;
      }
    }
  }
  dagStart[tail] = arcs;
  return tail;
}

/** Unweighted source s: search, accumulate into `into` (and `sums`), reset the levels. */
function sweepUnweighted(
  graph: Graph,
  s: number,
  ws: BetweennessWorkspace,
  into: Float64Array,
  sums: DistanceSums | null,
): void {
  const reached = searchUnweighted(graph, s, ws);
  const { level, sigma, delta, order, dagStart, dagTargets } = ws;
  for (let i = reached - 1; i > 0; i--) {
    const v = order[i]!;
    const last = dagStart[i + 1]!;
    let sum = 0;
    for (let a = dagStart[i]!; a < last; a++) {
      sum += delta[dagTargets[a]!]!;
    }
    const sv = sigma[v]!;
    const dep = sv * sum;
    delta[v] = (1 + dep) / sv;
    into[v]! += dep;
    if (sums) {
      const d = level[v]!;
      sums.distance[v]! += d;
      sums.reachedBy[v]!++;
      sums.harmonic[v]! += 1 / d;
    }
    level[v] = -1;
  }
  level[s] = -1;
}

/** Dijkstra from s: fills dist/sigma/order; returns how many nodes were settled. */
function searchWeighted(graph: Graph, s: number, ws: BetweennessWorkspace): number {
  const { outOffsets, outTargets, outWeights } = graph;
  const { dist, sigma, order, heap, delta } = ws;
  // delta doubles as the "settled" flag during the search (reset to 0 before accumulation).
  heap.clear();
  dist[s] = 0;
  sigma[s] = 1;
  heap.push(0, s);
  let tail = 0;
  while (heap.size > 0) {
    const key = heap.peekKey();
    const v = heap.pop();
    if (delta[v] === 1 || key > dist[v]!) {
      continue;
    }
    delta[v] = 1;
    order[tail++] = v;
    const dv = dist[v]!;
    const sv = sigma[v]!;
    const end = outOffsets[v + 1]!;
    for (let e = outOffsets[v]!; e < end; e++) {
      const w = outTargets[e]!;
      const alt = dv + outWeights[e]!;
      const dw = dist[w]!;
      if (dw < 0 || alt < dw) {
        dist[w] = alt;
        sigma[w] = sv;
        heap.push(alt, w);
      } else if (alt === dw && delta[w] !== 1) {
        sigma[w]! += sv;
      }
    }
  }
  for (let i = 0; i < tail; i++) {
    delta[order[i]!] = 0;
  }
  return tail;
}

/** Weighted source s: search, accumulate into `into` (and `sums`), reset the state. */
function sweepWeighted(
  graph: Graph,
  s: number,
  ws: BetweennessWorkspace,
  into: Float64Array,
  sums: DistanceSums | null,
): void {
  const reached = searchWeighted(graph, s, ws);
  const { outOffsets, outTargets, outWeights } = graph;
  const { dist, sigma, delta, order } = ws;
  for (let i = reached - 1; i > 0; i--) {
    const v = order[i]!;
    const dv = dist[v]!;
    const end = outOffsets[v + 1]!;
    let sum = 0;
    for (let e = outOffsets[v]!; e < end; e++) {
      const w = outTargets[e]!;
      if (dist[w] === dv + outWeights[e]!) {
        sum += delta[w]!;
      }
    }
    const sv = sigma[v]!;
    const dep = sv * sum;
    delta[v] = (1 + dep) / sv;
    into[v]! += dep;
    if (sums) {
      sums.distance[v]! += dv;
      sums.reachedBy[v]!++;
      sums.harmonic[v]! += 1 / dv;
    }
  }
  for (let i = 0; i < reached; i++) {
    const v = order[i]!;
    dist[v] = -1;
    sigma[v] = 0;
    delta[v] = 0;
  }
}

/**
 * Runs Brandes from every source in `sources`: adds δ_s(v) to `into[v]` and, when `sums` is
 * given, d(s, v), 1 and 1/d(s, v) to its arrays (s ≠ v).
 */
export function sweepSources(
  graph: Graph,
  sources: ArrayLike<number>,
  into: Float64Array,
  sums: DistanceSums | null,
  workspace: BetweennessWorkspace,
): void {
  const sweep = graph.isWeighted ? sweepWeighted : sweepUnweighted;
  for (let i = 0; i < sources.length; i++) {
    sweep(graph, sources[i]!, workspace, into, sums);
  }
}
