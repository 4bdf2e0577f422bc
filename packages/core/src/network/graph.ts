/**
 * Compact graph in CSR (compressed sparse row) form, built from edge lists.
 *
 * Nodes are dense integers 0..n-1; `ids[i]` keeps the caller's string id.
 * `outOffsets[v]..outOffsets[v+1]` indexes the arcs leaving v in `outTargets` /
 * `outWeights`; `in*` holds the transpose. An undirected edge {u,v} is stored as the
 * two arcs u→v and v→u and the `in*` arrays are the `out*` arrays themselves.
 * Building is O(n + m) (counting sort); memory is 4(n+1) + 12·arcs bytes per direction.
 * Parallel edges and self-loops are kept as given: callers (CSV parsing) reject them.
 * @module
 */

/** Immutable CSR graph. Unweighted graphs carry weights of 1. */
export interface Graph {
  readonly nodeCount: number;
  /** Number of input edges (an undirected edge counts once). */
  readonly edgeCount: number;
  readonly isDirected: boolean;
  readonly isWeighted: boolean;
  readonly ids: readonly string[];
  readonly outOffsets: Int32Array;
  readonly outTargets: Int32Array;
  readonly outWeights: Float64Array;
  readonly inOffsets: Int32Array;
  readonly inTargets: Int32Array;
  readonly inWeights: Float64Array;
}

/** Edge list over dense node indices. */
export interface EdgeArrays {
  nodeCount: number;
  sources: ArrayLike<number>;
  targets: ArrayLike<number>;
  /** Positive weights; omitted means unweighted (all 1). */
  weights?: ArrayLike<number> | undefined;
  isDirected: boolean;
  /** String ids; defaults to the decimal index. */
  ids?: readonly string[] | undefined;
}

/** One edge with string endpoints. */
export interface LabelledEdge {
  source: string;
  target: string;
  weight?: number | undefined;
}

/** The out-adjacency of a graph, e.g. as shared with worker threads. */
export interface CsrArrays {
  nodeCount: number;
  edgeCount: number;
  isDirected: boolean;
  isWeighted: boolean;
  outOffsets: Int32Array;
  outTargets: Int32Array;
  outWeights: Float64Array;
  ids?: readonly string[] | undefined;
}

function defaultIds(n: number): string[] {
  const ids = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    ids[i] = String(i);
  }
  return ids;
}

function compress(
  n: number,
  arcCount: number,
  from: (i: number) => number,
  to: (i: number) => number,
  weight: (i: number) => number,
): { offsets: Int32Array; targets: Int32Array; weights: Float64Array } {
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < arcCount; i++) {
    offsets[from(i) + 1]!++;
  }
  for (let v = 0; v < n; v++) {
    offsets[v + 1]! += offsets[v]!;
  }
  const cursor = offsets.slice(0, n);
  const targets = new Int32Array(arcCount);
  const weights = new Float64Array(arcCount);
  for (let i = 0; i < arcCount; i++) {
    const slot = cursor[from(i)]!++;
    targets[slot] = to(i);
    weights[slot] = weight(i);
  }
  return { offsets, targets, weights };
}

function transpose(
  n: number,
  offsets: Int32Array,
  targets: Int32Array,
  weights: Float64Array,
): { offsets: Int32Array; targets: Int32Array; weights: Float64Array } {
  const inOffsets = new Int32Array(n + 1);
  for (let e = 0; e < targets.length; e++) {
    inOffsets[targets[e]! + 1]!++;
  }
  for (let v = 0; v < n; v++) {
    inOffsets[v + 1]! += inOffsets[v]!;
  }
  const cursor = inOffsets.slice(0, n);
  const inTargets = new Int32Array(targets.length);
  const inWeights = new Float64Array(targets.length);
  for (let u = 0; u < n; u++) {
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
      const slot = cursor[targets[e]!]!++;
      inTargets[slot] = u;
      inWeights[slot] = weights[e]!;
    }
  }
  return { offsets: inOffsets, targets: inTargets, weights: inWeights };
}

function checkIndex(name: string, value: number, n: number): void {
  if (!Number.isInteger(value) || value < 0 || value >= n) {
    throw new RangeError(`network/buildGraph: ${name} ${value} is not a node index in [0, ${n})`);
  }
}

/**
 * Builds a CSR graph from parallel source/target (and optional weight) arrays.
 * @example
 * const g = buildGraph({ nodeCount: 3, sources: [0, 1], targets: [1, 2], isDirected: false });
 * g.outTargets; // Int32Array [1, 0, 2, 1]
 */
export function buildGraph(input: EdgeArrays): Graph {
  const { nodeCount: n, sources, targets, weights, isDirected } = input;
  const m = sources.length;
  if (targets.length !== m || (weights && weights.length !== m)) {
    throw new RangeError('network/buildGraph: sources, targets and weights must have the same length');
  }
  for (let i = 0; i < m; i++) {
    checkIndex('source', sources[i]!, n);
    checkIndex('target', targets[i]!, n);
    if (weights && !(weights[i]! > 0 && Number.isFinite(weights[i]!))) {
      throw new RangeError(`network/buildGraph: weight ${weights[i]} of edge ${i} must be finite and > 0`);
    }
  }
  const weightOf = weights ? (i: number) => weights[i]! : () => 1;
  const ids = input.ids ?? defaultIds(n);
  if (ids.length !== n) {
    throw new RangeError('network/buildGraph: ids length differs from nodeCount');
  }
  const out = isDirected
    ? compress(
        n,
        m,
        (i) => sources[i]!,
        (i) => targets[i]!,
        weightOf,
      )
    : compress(
        n,
        2 * m,
        (i) => (i < m ? sources[i]! : targets[i - m]!),
        (i) => (i < m ? targets[i]! : sources[i - m]!),
        (i) => weightOf(i < m ? i : i - m),
      );
  const inn = isDirected ? transpose(n, out.offsets, out.targets, out.weights) : out;
  return {
    nodeCount: n,
    edgeCount: m,
    isDirected,
    isWeighted: weights !== undefined,
    ids,
    outOffsets: out.offsets,
    outTargets: out.targets,
    outWeights: out.weights,
    inOffsets: inn.offsets,
    inTargets: inn.targets,
    inWeights: inn.weights,
  };
}

/**
 * Builds a graph from string-labelled edges. Node order: `nodes` first (if given),
 * then endpoints in order of first appearance.
 * @example
 * graphFromEdges([{ source: 'ana', target: 'bo' }], { isDirected: true }).ids; // ['ana', 'bo']
 */
export function graphFromEdges(
  edges: readonly LabelledEdge[],
  options: { isDirected?: boolean; isWeighted?: boolean; nodes?: readonly string[] } = {},
): Graph {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const intern = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      index.set(id, i);
      ids.push(id);
    }
    return i;
  };
  for (const id of options.nodes ?? []) {
    intern(id);
  }
  const sources = new Int32Array(edges.length);
  const targets = new Int32Array(edges.length);
  const weights = options.isWeighted ? new Float64Array(edges.length) : undefined;
  edges.forEach((edge, i) => {
    sources[i] = intern(edge.source);
    targets[i] = intern(edge.target);
    if (weights) {
      weights[i] = edge.weight ?? 1;
    }
  });
  return buildGraph({
    nodeCount: ids.length,
    sources,
    targets,
    weights,
    isDirected: options.isDirected ?? false,
    ids,
  });
}

/** Rebuilds a graph around existing out-adjacency arrays (no copy; computes the transpose if directed). */
export function graphFromCsr(arrays: CsrArrays): Graph {
  const { nodeCount: n, outOffsets, outTargets, outWeights } = arrays;
  const inn = arrays.isDirected
    ? transpose(n, outOffsets, outTargets, outWeights)
    : { offsets: outOffsets, targets: outTargets, weights: outWeights };
  return {
    nodeCount: n,
    edgeCount: arrays.edgeCount,
    isDirected: arrays.isDirected,
    isWeighted: arrays.isWeighted,
    ids: arrays.ids ?? defaultIds(n),
    outOffsets,
    outTargets,
    outWeights,
    inOffsets: inn.offsets,
    inTargets: inn.targets,
    inWeights: inn.weights,
  };
}

/** Node index by id, for look-ups in results. */
export function indexNodes(graph: Graph): Map<string, number> {
  return new Map(graph.ids.map((id, i) => [id, i]));
}

/**
 * Undirected simple view: every pair {u,v} with u≠v linked in either direction once,
 * weighted by the mutual weight a_uv + a_vu (undirected input: the edge weight, parallel
 * edges summed). Self-loops are dropped. Used by modularity, constraint and k-core.
 */
export function symmetrize(graph: Graph): Graph {
  const n = graph.nodeCount;
  const capacity = graph.outTargets.length + (graph.isDirected ? graph.inTargets.length : 0);
  const sources = new Int32Array(capacity);
  const targets = new Int32Array(capacity);
  const weights = new Float64Array(capacity);
  const slot = new Int32Array(n).fill(-1);
  let count = 0;
  const addArcs = (u: number, offsets: Int32Array, tgts: Int32Array, wts: Float64Array, base: number) => {
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
      const v = tgts[e]!;
      if (v <= u) {
        continue;
      }
      const s = slot[v]!;
      if (s >= base) {
        weights[s]! += wts[e]!;
      } else {
        slot[v] = count;
        sources[count] = u;
        targets[count] = v;
        weights[count++] = wts[e]!;
      }
    }
  };
  for (let u = 0; u < n; u++) {
    const base = count;
    addArcs(u, graph.outOffsets, graph.outTargets, graph.outWeights, base);
    if (graph.isDirected) {
      addArcs(u, graph.inOffsets, graph.inTargets, graph.inWeights, base);
    }
  }
  return buildGraph({
    nodeCount: n,
    sources: sources.subarray(0, count),
    targets: targets.subarray(0, count),
    weights: graph.isWeighted || graph.isDirected ? weights.subarray(0, count) : undefined,
    isDirected: false,
    ids: graph.ids,
  });
}
