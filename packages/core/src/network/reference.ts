/**
 * Slow, dense reference implementations used as oracles by the contract tests: they follow
 * the textbook definitions literally (Floyd–Warshall distances, O(n³) pair sums, dense
 * power iterations) and share no code with the fast versions. Only for n ≲ 100.
 * @module
 */
import type { Graph } from './graph';

/** Dense adjacency a[u][v] = weight (0 when absent; undirected graphs symmetric). */
export function denseAdjacency(graph: Graph): number[][] {
  const n = graph.nodeCount;
  const a = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let u = 0; u < n; u++) {
    for (let e = graph.outOffsets[u]!; e < graph.outOffsets[u + 1]!; e++) {
      a[u]![graph.outTargets[e]!]! += graph.isWeighted ? graph.outWeights[e]! : 1;
    }
  }
  return a;
}

/** All-pairs distances (Infinity when unreachable) by Floyd–Warshall. */
export function referenceDistances(graph: Graph): number[][] {
  const n = graph.nodeCount;
  const a = denseAdjacency(graph);
  const d = a.map((row, u) => row.map((w, v) => (u === v ? 0 : w > 0 ? w : Number.POSITIVE_INFINITY)));
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const via = d[i]![k]! + d[k]![j]!;
        if (via < d[i]![j]!) {
          d[i]![j] = via;
        }
      }
    }
  }
  return d;
}

/** Number of shortest paths σ[s][t] from distances (edges on a shortest path only). */
function pathCounts(graph: Graph, d: number[][]): number[][] {
  const n = graph.nodeCount;
  const a = denseAdjacency(graph);
  const sigma = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let s = 0; s < n; s++) {
    const order = [...Array(n).keys()].filter((t) => Number.isFinite(d[s]![t]!));
    order.sort((x, y) => d[s]![x]! - d[s]![y]!);
    for (const t of order) {
      if (t === s) {
        sigma[s]![t] = 1;
        continue;
      }
      let count = 0;
      for (let u = 0; u < n; u++) {
        if (a[u]![t]! > 0 && d[s]![u]! + a[u]![t]! === d[s]![t]!) {
          count += sigma[s]![u]!;
        }
      }
      sigma[s]![t] = count;
    }
  }
  return sigma;
}

/** Betweenness from the definition Σ_{s≠v≠t} σ_st(v)/σ_st, networkx normalisation. */
export function referenceBetweenness(graph: Graph): number[] {
  const n = graph.nodeCount;
  const d = referenceDistances(graph);
  const sigma = pathCounts(graph, d);
  const result = new Array<number>(n).fill(0);
  for (let v = 0; v < n; v++) {
    for (let s = 0; s < n; s++) {
      for (let t = 0; t < n; t++) {
        if (s === v || t === v || s === t || !Number.isFinite(d[s]![t]!)) {
          continue;
        }
        if (d[s]![v]! + d[v]![t]! === d[s]![t]!) {
          result[v]! += (sigma[s]![v]! * sigma[v]![t]!) / sigma[s]![t]!;
        }
      }
    }
  }
  const scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 1;
  return result.map((x) => x * scale);
}

/** Closeness (Wasserman–Faust) and harmonic from incoming distances. */
export function referenceCloseness(graph: Graph): { closeness: number[]; harmonic: number[] } {
  const n = graph.nodeCount;
  const d = referenceDistances(graph);
  const closeness: number[] = [];
  const harmonic: number[] = [];
  for (let u = 0; u < n; u++) {
    let total = 0;
    let reach = 0;
    let h = 0;
    for (let v = 0; v < n; v++) {
      const dist = d[v]![u]!;
      if (v !== u && Number.isFinite(dist)) {
        total += dist;
        reach++;
        h += 1 / dist;
      }
    }
    closeness.push(total > 0 ? (reach / total) * (reach / (n - 1)) : 0);
    harmonic.push(h);
  }
  return { closeness, harmonic };
}

/** PageRank with a dense Google matrix, many iterations. */
export function referencePagerank(graph: Graph, alpha = 0.85): number[] {
  const n = graph.nodeCount;
  const a = denseAdjacency(graph);
  const rowSum = a.map((row) => row.reduce((x, y) => x + y, 0));
  let x = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < 2000; it++) {
    const next = new Array<number>(n).fill(0);
    for (let u = 0; u < n; u++) {
      for (let v = 0; v < n; v++) {
        const p = rowSum[u] === 0 ? 1 / n : a[u]![v]! / rowSum[u]!;
        next[v]! += alpha * x[u]! * p + ((1 - alpha) * x[u]!) / n;
      }
    }
    x = next;
  }
  return x;
}

/** Dense power iteration on (A + I)ᵀ normalised to unit L2 norm. */
export function referenceEigenvector(graph: Graph): number[] {
  const n = graph.nodeCount;
  const a = denseAdjacency(graph);
  let x = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < 5000; it++) {
    const next = x.map((xv, v) => xv + a.reduce((sum, row, u) => sum + row[v]! * x[u]!, 0));
    const norm = Math.sqrt(next.reduce((s, y) => s + y * y, 0)) || 1;
    x = next.map((y) => y / norm);
  }
  return x;
}

/** Burt's constraint and effective size straight from the formulas (mutual weights). */
export function referenceStructuralHoles(graph: Graph): { constraint: number[]; effectiveSize: number[] } {
  const n = graph.nodeCount;
  const a = denseAdjacency(graph);
  const mutual = (i: number, j: number) => (i === j ? 0 : a[i]![j]! + a[j]![i]!);
  const neighbours = (i: number) => [...Array(n).keys()].filter((j) => mutual(i, j) > 0);
  const p = (i: number, j: number) => {
    const total = neighbours(i).reduce((s, k) => s + mutual(i, k), 0);
    return total === 0 ? 0 : mutual(i, j) / total;
  };
  const m = (j: number, q: number) => mutual(j, q) / Math.max(...neighbours(j).map((k) => mutual(j, k)));
  const constraint: number[] = [];
  const effectiveSize: number[] = [];
  for (let i = 0; i < n; i++) {
    const ni = neighbours(i);
    if (ni.length === 0) {
      constraint.push(Number.NaN);
      effectiveSize.push(Number.NaN);
      continue;
    }
    let c = 0;
    let size = 0;
    for (const j of ni) {
      const indirect = ni.filter((q) => q !== j).reduce((s, q) => s + p(i, q) * p(q, j), 0);
      c += (p(i, j) + indirect) ** 2;
      size += 1 - ni.filter((q) => q !== j).reduce((s, q) => s + p(i, q) * m(j, q), 0);
    }
    constraint.push(c);
    effectiveSize.push(size);
  }
  return { constraint, effectiveSize };
}

/** Core numbers by repeated peeling of minimum-degree nodes. */
export function referenceCoreNumber(graph: Graph): number[] {
  const n = graph.nodeCount;
  const a = denseAdjacency(graph);
  const deg = (v: number, alive: boolean[]) =>
    [...Array(n).keys()].reduce(
      (s, u) => s + (alive[u] ? (a[v]![u]! > 0 ? 1 : 0) + (graph.isDirected && a[u]![v]! > 0 ? 1 : 0) : 0),
      0,
    );
  const alive = new Array<boolean>(n).fill(true);
  const core = new Array<number>(n).fill(0);
  let k = 0;
  for (let removed = 0; removed < n; removed++) {
    let best = -1;
    let bestDeg = Number.POSITIVE_INFINITY;
    for (let v = 0; v < n; v++) {
      if (alive[v] && deg(v, alive) < bestDeg) {
        best = v;
        bestDeg = deg(v, alive);
      }
    }
    k = Math.max(k, bestDeg);
    core[best] = k;
    alive[best] = false;
  }
  return core;
}

/** Dense modularity Q = (1/2m) Σ_ij (A_ij − γ k_i k_j / 2m) δ(c_i, c_j) on A + Aᵀ (directed) or A. */
export function referenceModularity(graph: Graph, labels: ArrayLike<number>, resolution = 1): number {
  const n = graph.nodeCount;
  const a = denseAdjacency(graph);
  const s = (i: number, j: number) => (graph.isDirected ? a[i]![j]! + a[j]![i]! : a[i]![j]!);
  const k = [...Array(n).keys()].map((i) => [...Array(n).keys()].reduce((sum, j) => sum + s(i, j), 0));
  const m2 = k.reduce((x, y) => x + y, 0);
  let q = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (labels[i] === labels[j]) {
        q += s(i, j) - (resolution * k[i]! * k[j]!) / m2;
      }
    }
  }
  return m2 === 0 ? 0 : q / m2;
}

/** Component labels from the reachability closure (strong: mutual reachability). */
export function referenceComponents(graph: Graph, isStrong: boolean): number[] {
  const n = graph.nodeCount;
  const a = denseAdjacency(graph);
  const r = a.map((row, u) => row.map((w, v) => u === v || w > 0 || (!isStrong && a[v]![u]! > 0)));
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        r[i]![j] = r[i]![j]! || (r[i]![k]! && r[k]![j]!);
      }
    }
  }
  const labels = new Array<number>(n).fill(-1);
  let next = 0;
  for (let v = 0; v < n; v++) {
    if (labels[v]! < 0) {
      for (let u = v; u < n; u++) {
        if (r[v]![u] && r[u]![v]) {
          labels[u] = next;
        }
      }
      next++;
    }
  }
  return labels;
}
