/**
 * Two-level clustering of the opinion map, as Polis does (`conversation.clj`, keys
 * `:base-clusters`, `:group-clusterings`, `:group-clusterings-silhouettes`, `:group-k-smoother`).
 *
 * 1. Base clusters: k-means with k = min(100, distinct points) on the projected positions of the
 *    included participants (at most 20 Lloyd iterations above 2,000 participants, Polis' default). They compress thousands of people into ≤ 100 weighted points.
 * 2. Groups: weighted k-means on the base-cluster centres (weight = member count) for every
 *    k = 2 … min(maxK, 2 + ⌊nBase / 12⌋) (Polis `max-k-fn`, maxK = 5).
 * 3. Choice of k: highest silhouette over the base-cluster centres (unweighted, as Polis), with
 *    two stability rules:
 *    - Within one run, silhouettes closer than `kTolerance` (0.025) to the best are ties: such
 *      gaps are below the run-to-run noise of k-means seeding (Polis itself warm-starts from the
 *      previous run, so its k depends on history). Among tied k the larger one wins, so that a
 *      small but coherent minority group is not merged into a majority (the point of mapping
 *      opinion groups). Each k uses the best of several seeded restarts.
 *    - Across runs (Polis `group-k-smoother`, buffer 4): when the previous smoother state is
 *      given, a new k is only adopted after it has been the best k for `groupKBuffer`
 *      consecutive runs; otherwise the previous k is kept.
 * 4. Refinement (Essaim): with k fixed, k-means over the participants themselves, started from
 *    the chosen groups' centres and from 10 k-means++ seeds (3 above 2,000 participants), keeping the lowest inertia. Base
 *    clusters are a lossy, seed-dependent compression; refining on the real points makes the
 *    partition stable across seeds without changing k.
 */

import type { Rng } from '../rng';
import { computeSilhouette, euclidean, runKMeans } from './kmeans';

/** Persistent state of Polis' k smoother; feed back the previous run's value for stability. */
export interface GroupCountSmoother {
  lastK: number;
  lastKCount: number;
  smoothedK: number;
}

export interface OpinionClusteringOptions {
  rng: Rng;
  baseK?: number;
  maxK?: number;
  groupKBuffer?: number;
  previous?: GroupCountSmoother;
  restarts?: number;
  /** Silhouette gap below which two k are considered tied. Default 0.025. */
  kTolerance?: number;
  baseInit?: 'plus-plus' | 'first-distinct';
  groupInit?: 'plus-plus' | 'first-distinct';
  /** Essaim's refinement on the participants themselves (step 4). Default true. */
  refine?: boolean;
  /** Lloyd iterations for base clusters. Default 100 (20 above 2,000 points). */
  baseIterations?: number;
  /** Lloyd iterations for groups. Default 100. */
  groupIterations?: number;
  /** Polis' convergence rule for both levels (see `KMeansOptions.centerTolerance`). */
  centerTolerance?: number;
}

/**
 * Clustering exactly as Polis specifies it for a conversation computed from scratch: base and group
 * k-means seeded with the first distinct points in participant order (`init-clusters`), k = the
 * highest silhouette (`max-key`, no tie tolerance; on equal values the larger k, as `max-key`
 * keeps the last), and groups made of whole base clusters (`group-members`), without refinement.
 * Iterations (`clusters.clj` `kmeans`, `{:keys [max-iters …] :or {max-iters 20}}`): base clusters
 * get `:max-iters (:base-iters opts')`, 100; the group clusterings in `conversation.clj` pass
 * `:cluster-iters (:group-iters opts')`, a key `kmeans` does not read, so groups run with the
 * default 20. Both stop early once every centre moved less than 0.01 (`same-clustering?`).
 */
export const POLIS_CLUSTERING = {
  baseInit: 'first-distinct',
  groupInit: 'first-distinct',
  kTolerance: 0,
  refine: false,
  baseIterations: 100,
  groupIterations: 20,
  centerTolerance: 0.01,
} as const satisfies Partial<OpinionClusteringOptions>;

export interface OpinionClustering {
  /** Base cluster of each input point. */
  baseAssignment: Int32Array;
  /** Group of each input point, groups numbered by decreasing size. */
  assignment: Int32Array;
  k: number;
  silhouettes: { k: number; silhouette: number }[];
  smoother: GroupCountSmoother;
}

/** Clusters 2-D points (interleaved x, y) into base clusters then groups. */
export function clusterOpinionMap(
  points: Float64Array,
  options: OpinionClusteringOptions,
): OpinionClustering {
  const n = points.length / 2;
  const restarts = options.restarts ?? 20;
  const base = runKMeans(points, 2, Math.min(options.baseK ?? 100, n), {
    rng: options.rng,
    restarts: n > 2000 ? 1 : 3,
    init: options.baseInit,
    // Polis' kmeans defaults to 20 iterations; base clusters only need to compress the map.
    maxIterations: options.baseIterations ?? (n > 2000 ? 20 : 100),
    centerTolerance: options.centerTolerance,
  });
  const nBase = base.k;
  const weights = new Float64Array(nBase);
  for (let i = 0; i < n; i++) {
    weights[base.assignment[i]!]!++;
  }
  const maxK = Math.min(options.maxK ?? 5, 2 + Math.floor(nBase / 12), nBase);
  const distance = euclidean(base.centers, 2);
  const candidates: { k: number; silhouette: number; groupOfBase: Int32Array }[] = [];
  for (let k = 2; k <= maxK; k++) {
    const groups = runKMeans(base.centers, 2, k, {
      rng: options.rng,
      weights,
      restarts,
      init: options.groupInit,
      maxIterations: options.groupIterations,
      centerTolerance: options.centerTolerance,
    });
    candidates.push({
      k: groups.k,
      silhouette: computeSilhouette(nBase, groups.assignment, groups.k, distance),
      groupOfBase: groups.assignment,
    });
  }
  const top = Math.max(...candidates.map((c) => c.silhouette));
  const tolerance = options.kTolerance ?? 0.025;
  const tied = candidates.filter((c) => c.silhouette >= top - tolerance);
  const thisK = tied.length > 0 ? Math.max(...tied.map((c) => c.k)) : 1;
  const buffer = options.groupKBuffer ?? 4;
  const prev = options.previous;
  const lastKCount = prev && prev.lastK === thisK ? prev.lastKCount + 1 : 1;
  let smoothedK = thisK;
  if (prev && lastKCount < buffer && candidates.some((c) => c.k === prev.smoothedK)) {
    smoothedK = prev.smoothedK;
  }
  const chosen = candidates.find((c) => c.k === smoothedK);
  const groupOfBase = chosen ? chosen.groupOfBase : new Int32Array(nBase);
  const k = chosen ? chosen.k : 1;
  let raw: Int32Array = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    raw[i] = groupOfBase[base.assignment[i]!]!;
  }
  if (k > 1 && options.refine !== false) {
    const fromBase = runKMeans(points, 2, k, { rng: options.rng, initialCenters: centersOf(points, raw, k) });
    const fresh = runKMeans(points, 2, k, { rng: options.rng, restarts: n > 2000 ? 3 : 10 });
    const refined = fresh.k === k && fresh.inertia < fromBase.inertia - 1e-9 ? fresh : fromBase;
    if (refined.k === k) {
      raw = refined.assignment;
    }
  }
  return {
    baseAssignment: base.assignment,
    assignment: renumberBySize(raw, k),
    k,
    silhouettes: candidates.map(({ k: ck, silhouette }) => ({ k: ck, silhouette })),
    smoother: { lastK: thisK, lastKCount, smoothedK: k },
  };
}

/** Mean position of each label 0 … k − 1 over 2-D points (interleaved x, y); (0, 0) for an empty label. */
export function centersOf(points: Float64Array, labels: ArrayLike<number>, k: number): Float64Array {
  const sum = new Float64Array(2 * k);
  const count = new Float64Array(k);
  for (let i = 0; i < labels.length; i++) {
    const g = labels[i]!;
    sum[2 * g]! += points[2 * i]!;
    sum[2 * g + 1]! += points[2 * i + 1]!;
    count[g]!++;
  }
  return sum.map((s, at) => s / Math.max(count[at >> 1]!, 1));
}

/** Renumbers labels 0 … k − 1 by decreasing size (ties: first appearance). */
export function renumberBySize(labels: Int32Array, k: number): Int32Array {
  const size = new Int32Array(k);
  const first = new Int32Array(k).fill(labels.length);
  labels.forEach((g, i) => {
    if (g >= 0) {
      size[g]!++;
      first[g] = Math.min(first[g]!, i);
    }
  });
  const order = Array.from({ length: k }, (_, g) => g).sort(
    (a, b) => size[b]! - size[a]! || first[a]! - first[b]!,
  );
  const map = new Int32Array(k);
  order.forEach((g, rank) => {
    map[g] = rank;
  });
  return labels.map((g) => (g >= 0 ? map[g]! : g));
}
