/**
 * Shared machinery of Louvain and Leiden: a weighted undirected working graph with
 * self-loops kept apart, the queue-based "fast local moving" phase and aggregation.
 *
 * Modularity gain of moving an isolated node v into community C (both sides × m):
 *
 *   ΔQ·m ∝ k_{v,C} − γ · K_C · k_v / 2m
 *
 * with k_{v,C} the weight from v to C, K_C the total strength of C and k_v v's strength.
 * Fast local moving (Traag, Waltman & van Eck 2019, Alg. A.2; Ozaki et al. 2016) only
 * revisits neighbours of moved nodes. O(m) per sweep; aggregation O(m).
 * @module
 */

import { type Rng, randomPermutation } from '../rng';
import { type Graph, symmetrize } from './graph';

export interface LevelGraph {
  nodeCount: number;
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  /**
   * True when every weight is 1: local moving then never reads `weights`, which halves the
   * memory traffic of a visit (arc lists are visited in random order, so each one is a miss).
   */
  isUnitWeight: boolean;
  /** Self-loop weight (an internal edge of an aggregated community counts once). */
  loops: Float64Array;
  /** k_v = Σ_u w_vu + 2·loop_v. */
  strength: Float64Array;
  /** 2m = Σ_v k_v. */
  totalStrength: number;
}

/** True when undirected without self-loops or parallel edges (its CSR can be used as is). */
function isSimpleUndirected(graph: Graph): boolean {
  if (graph.isDirected) {
    return false;
  }
  const n = graph.nodeCount;
  const { outOffsets, outTargets } = graph;
  const seen = new Int32Array(n).fill(-1);
  for (let u = 0; u < n; u++) {
    for (let e = outOffsets[u]!; e < outOffsets[u + 1]!; e++) {
      const v = outTargets[e]!;
      if (v === u || seen[v] === u) {
        return false;
      }
      seen[v] = u;
    }
  }
  return true;
}

/** Working graph from any graph (directed graphs are symmetrised: a_uv + a_vu). */
export function toLevelGraph(graph: Graph): LevelGraph {
  const sym = isSimpleUndirected(graph) ? graph : symmetrize(graph);
  const n = sym.nodeCount;
  const strength = new Float64Array(n);
  let total = 0;
  let isUnitWeight = true;
  for (let v = 0; v < n; v++) {
    let s = 0;
    for (let e = sym.outOffsets[v]!; e < sym.outOffsets[v + 1]!; e++) {
      s += sym.outWeights[e]!;
      isUnitWeight &&= sym.outWeights[e] === 1;
    }
    strength[v] = s;
    total += s;
  }
  return {
    nodeCount: n,
    offsets: sym.outOffsets,
    targets: sym.outTargets,
    weights: sym.outWeights,
    isUnitWeight,
    loops: new Float64Array(n),
    strength,
    totalStrength: total,
  };
}

/** Renumbers labels to 0..count−1 in order of first appearance; returns count. */
export function renumber(labels: Int32Array): number {
  const map = new Int32Array(labels.length).fill(-1);
  let count = 0;
  for (let v = 0; v < labels.length; v++) {
    const l = labels[v]!;
    if (map[l]! < 0) {
      map[l] = count++;
    }
    labels[v] = map[l]!;
  }
  return count;
}

/** Gives each connected component of every community its own label (labels < n, in place). */
export function splitDisconnected(level: LevelGraph, labels: Int32Array): void {
  const n = level.nodeCount;
  const { offsets, targets } = level;
  const next = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (next[root]! >= 0) {
      continue;
    }
    const c = labels[root]!;
    next[root] = count;
    let top = 0;
    stack[top++] = root;
    while (top > 0) {
      const v = stack[--top]!;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const u = targets[e]!;
        if (next[u]! < 0 && labels[u] === c) {
          next[u] = count;
          stack[top++] = u;
        }
      }
    }
    count++;
  }
  labels.set(next);
}

/** Collapses each community (labels 0..count−1) into one node. */
export function aggregate(level: LevelGraph, labels: Int32Array, count: number): LevelGraph {
  const n = level.nodeCount;
  const { offsets, targets, weights } = level;
  const start = new Int32Array(count + 1);
  for (let v = 0; v < n; v++) {
    start[labels[v]! + 1]!++;
  }
  for (let c = 0; c < count; c++) {
    start[c + 1]! += start[c]!;
  }
  const members = new Int32Array(n);
  const cursor = start.slice(0, count);
  for (let v = 0; v < n; v++) {
    members[cursor[labels[v]!]!++] = v;
  }
  const newOffsets = new Int32Array(count + 1);
  const newTargets = new Int32Array(targets.length);
  const newWeights = new Float64Array(targets.length);
  const loops = new Float64Array(count);
  const strength = new Float64Array(count);
  const acc = new Float64Array(count);
  const touched = new Int32Array(count);
  let arcs = 0;
  for (let c = 0; c < count; c++) {
    let touchedCount = 0;
    let loop = 0;
    let s = 0;
    for (let i = start[c]!; i < start[c + 1]!; i++) {
      const v = members[i]!;
      loop += level.loops[v]!;
      s += level.strength[v]!;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const d = labels[targets[e]!]!;
        if (d === c) {
          loop += weights[e]! / 2;
        } else {
          if (acc[d] === 0) {
            touched[touchedCount++] = d;
          }
          acc[d]! += weights[e]!;
        }
      }
    }
    for (let t = 0; t < touchedCount; t++) {
      const d = touched[t]!;
      newTargets[arcs] = d;
      newWeights[arcs++] = acc[d]!;
      acc[d] = 0;
    }
    newOffsets[c + 1] = arcs;
    loops[c] = loop;
    strength[c] = s;
  }
  return {
    nodeCount: count,
    offsets: newOffsets,
    targets: newTargets.slice(0, arcs),
    weights: newWeights.slice(0, arcs),
    isUnitWeight: false,
    loops,
    strength,
    totalStrength: level.totalStrength,
  };
}

/** Options of {@link moveNodesFast}. */
export interface LocalMoveOptions {
  /**
   * Stop once a round (as many node visits as there are nodes) raised modularity by less than
   * this. 0 (default) runs the queue until it empties, i.e. to a local optimum.
   */
  tolerance?: number;
  /**
   * First visit the nodes in index order instead of a random one (nodes moved later are revisited
   * in queue order either way). Arc lists and per-node arrays are then read sequentially on the
   * first sweep, the costliest one: on a Barabási–Albert graph of 100k nodes Leiden runs ≈ 20%
   * faster, at the same modularity. Classic Louvain also sweeps in index order (Blondel et al.
   * 2008 note the order changes the result little); the randomness Leiden needs for its
   * guarantees is in the refinement.
   */
  inIndexOrder?: boolean;
}

function identity(n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    order[i] = i;
  }
  return order;
}

/**
 * Fast local moving of nodes between communities (labels updated in place).
 * Returns the number of moves.
 */
export function moveNodesFast(
  level: LevelGraph,
  labels: Int32Array,
  resolution: number,
  rng: Rng,
  options: LocalMoveOptions = {},
): number {
  const n = level.nodeCount;
  const { offsets, targets, weights, strength, totalStrength, isUnitWeight } = level;
  if (totalStrength === 0) {
    return 0;
  }
  const scale = resolution / totalStrength;
  const tot = new Float64Array(n);
  const size = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    tot[labels[v]!]! += strength[v]!;
    size[labels[v]!]!++;
  }
  const empty = new Int32Array(n);
  let emptyCount = 0;
  for (let c = n - 1; c >= 0; c--) {
    if (size[c] === 0) {
      empty[emptyCount++] = c;
    }
  }
  const queue = options.inIndexOrder ? identity(n) : randomPermutation(n, rng);
  const isQueued = new Uint8Array(n).fill(1);
  const linkWeight = new Float64Array(n);
  const linked = new Int32Array(n);
  let maxDegree = 0;
  for (let v = 0; v < n; v++) {
    maxDegree = Math.max(maxDegree, offsets[v + 1]! - offsets[v]!);
  }
  // Communities of v's neighbours as read while weighing them, reused when re-queueing them after a
  // move: labels[] is read at random, so a second read of each is a second cache miss.
  const nbrLabel = new Int32Array(maxDegree);
  // ΔQ of a move is (gain_new − gain_old) / m; rounds are checked against tolerance · m.
  const roundThreshold = (options.tolerance ?? 0) * (totalStrength / 2);
  let roundGain = 0;
  let roundLeft = n;
  let head = 0;
  let queued = n;
  let moves = 0;
  while (queued > 0) {
    if (roundLeft-- === 0) {
      if (roundGain < roundThreshold) {
        break;
      }
      roundGain = 0;
      roundLeft = n - 1;
    }
    const v = queue[head]!;
    head = head + 1 === n ? 0 : head + 1;
    queued--;
    isQueued[v] = 0;
    const current = labels[v]!;
    const kv = strength[v]!;
    let linkedCount = 0;
    const first = offsets[v]!;
    const last = offsets[v + 1]!;
    // Two loops rather than one test per arc: level 0 of an unweighted graph never reads weights.
    if (isUnitWeight) {
      for (let e = first; e < last; e++) {
        const c = labels[targets[e]!]!;
        nbrLabel[e - first] = c;
        if (linkWeight[c] === 0) {
          linked[linkedCount++] = c;
        }
        linkWeight[c]! += 1;
      }
    } else {
      for (let e = first; e < last; e++) {
        const c = labels[targets[e]!]!;
        nbrLabel[e - first] = c;
        if (linkWeight[c] === 0) {
          linked[linkedCount++] = c;
        }
        linkWeight[c]! += weights[e]!;
      }
    }
    tot[current]! -= kv;
    size[current]!--;
    let best = current;
    const kvScale = kv * scale;
    const stayGain = linkWeight[current]! - tot[current]! * kvScale;
    let bestGain = stayGain;
    for (let i = 0; i < linkedCount; i++) {
      const c = linked[i]!;
      const gain = linkWeight[c]! - tot[c]! * kvScale;
      if (gain > bestGain + 1e-12) {
        best = c;
        bestGain = gain;
      }
      linkWeight[c] = 0;
    }
    linkWeight[current] = 0;
    if (bestGain < -1e-12 && size[current]! > 0 && emptyCount > 0) {
      best = empty[--emptyCount]!;
      bestGain = 0;
    }
    tot[best]! += kv;
    size[best]!++;
    if (best !== current) {
      roundGain += bestGain - stayGain;
      if (size[current] === 0) {
        empty[emptyCount++] = current;
      }
      labels[v] = best;
      moves++;
      for (let e = first; e < last; e++) {
        const u = targets[e]!;
        if (isQueued[u] === 0 && nbrLabel[e - first] !== best) {
          isQueued[u] = 1;
          let slot = head + queued;
          if (slot >= n) {
            slot -= n;
          }
          queue[slot] = u;
          queued++;
        }
      }
    }
  }
  return moves;
}

/** Modularity of labels on a working graph (see modularity.ts for the formula). */
export function levelModularity(level: LevelGraph, labels: Int32Array, resolution: number): number {
  const n = level.nodeCount;
  const m2 = level.totalStrength;
  if (m2 === 0) {
    return 0;
  }
  const inner = new Float64Array(n);
  const tot = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const c = labels[v]!;
    tot[c]! += level.strength[v]!;
    inner[c]! += 2 * level.loops[v]!;
    for (let e = level.offsets[v]!; e < level.offsets[v + 1]!; e++) {
      if (labels[level.targets[e]!] === c) {
        inner[c]! += level.weights[e]!;
      }
    }
  }
  let q = 0;
  for (let c = 0; c < n; c++) {
    q += inner[c]! / m2 - resolution * (tot[c]! / m2) ** 2;
  }
  return q;
}
