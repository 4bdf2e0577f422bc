/**
 * Weighted k-means and silhouette in a low-dimensional space (the 2-D opinion map).
 *
 * Polis (`math/src/polismath/math/clusters.clj`) runs Lloyd iterations (`cluster-step`,
 * weighted centres `weighted-mean`) seeded with the first k distinct points, warm-started from
 * the previous run. Having no history, we seed with weighted k-means++ (Arthur & Vassilvitskii
 * 2007: next centre drawn with probability ∝ wᵢ·D(xᵢ)²) and keep the best of several restarts by
 * weighted inertia Σ wᵢ‖xᵢ − c(i)‖². Empty clusters are dropped, as Polis does.
 *
 * Silhouette (Rousseeuw 1987; Polis `silhouette`): s(i) = (b − a) / max(a, b) with a the mean
 * distance to the other members of i's cluster and b the smallest mean distance to another
 * cluster; 0 for a singleton. The clustering score is the unweighted mean of s(i).
 */

import type { Rng } from '../rng';

/** Output of {@link runKMeans}. */
export interface KMeansResult {
  /** Cluster index of each point, 0 … k − 1. */
  assignment: Int32Array;
  /** Row-major k × dim centres. */
  centers: Float64Array;
  k: number;
  inertia: number;
}

export interface KMeansOptions {
  rng: Rng;
  weights?: Float64Array;
  restarts?: number;
  maxIterations?: number;
  /**
   * 'first-distinct' seeds with the first k distinct points in input order, deterministic, as
   * Polis `init-clusters` does for a new conversation; 'plus-plus' uses weighted k-means++.
   */
  init?: 'plus-plus' | 'first-distinct';
  /** Explicit starting centres (row-major); overrides `init` and `restarts`. */
  initialCenters?: Float64Array;
  /**
   * Also stop once no centre moved by this distance or more in a step, as Polis does
   * (`clusters.clj` `kmeans` / `same-clustering?`, threshold 0.01). Default: only stop when no
   * assignment changes.
   */
  centerTolerance?: number;
}

/**
 * Clusters `points` (row-major, `dim` columns) into at most k groups.
 *
 * @example
 * const { assignment } = runKMeans(Float64Array.of(0, 0, 0, 1, 9, 9), 2, 2, { rng: createRng(1) });
 */
export function runKMeans(
  points: Float64Array,
  dim: number,
  k: number,
  options: KMeansOptions,
): KMeansResult {
  const n = points.length / dim;
  const isFixed = options.init === 'first-distinct' || options.initialCenters !== undefined;
  const restarts = isFixed ? 1 : Math.max(1, options.restarts ?? 1);
  let best: KMeansResult | null = null;
  for (let attempt = 0; attempt < restarts; attempt++) {
    const candidate = runLloyd(points, dim, Math.min(k, n), options);
    if (!best || candidate.inertia < best.inertia - 1e-12) {
      best = candidate;
    }
  }
  return best!;
}

function runLloyd(points: Float64Array, dim: number, k: number, options: KMeansOptions): KMeansResult {
  const n = points.length / dim;
  const w = options.weights;
  let centers = options.initialCenters
    ? Float64Array.from(options.initialCenters)
    : options.init === 'first-distinct'
      ? seedFirstDistinct(points, dim, k)
      : seedPlusPlus(points, dim, k, options.rng, w);
  let kk = centers.length / dim;
  const assignment = new Int32Array(n);
  const maxIterations = options.maxIterations ?? 100;
  const byX = dim === 2 ? new Int32Array(kk) : null;
  for (let iter = 0; iter < maxIterations; iter++) {
    let hasChanged = iter === 0;
    const isSorted = byX !== null && kk > SORTED_SEARCH_MIN_K;
    if (isSorted) {
      sortCentersByX(centers, kk, byX);
    }
    for (let i = 0; i < n; i++) {
      const c = isSorted
        ? nearest2Sorted(points, i, centers, kk, byX)
        : dim === 2
          ? nearest2(points, i, centers, kk)
          : nearest(points, i, centers, dim, kk);
      if (c !== assignment[i]) {
        assignment[i] = c;
        hasChanged = true;
      }
    }
    const next = new Float64Array(kk * dim);
    const mass = new Float64Array(kk);
    for (let i = 0; i < n; i++) {
      const c = assignment[i]!;
      const wi = w ? w[i]! : 1;
      mass[c]! += wi;
      for (let d = 0; d < dim; d++) {
        next[c * dim + d]! += wi * points[i * dim + d]!;
      }
    }
    // Drop empty clusters and renumber (Polis filters clusters without members).
    const remap = new Int32Array(kk).fill(-1);
    let live = 0;
    for (let c = 0; c < kk; c++) {
      if (mass[c]! > 0) {
        remap[c] = live++;
      }
    }
    const compact = new Float64Array(live * dim);
    for (let c = 0; c < kk; c++) {
      const to = remap[c]!;
      if (to >= 0) {
        for (let d = 0; d < dim; d++) {
          compact[to * dim + d] = next[c * dim + d]! / mass[c]!;
        }
      }
    }
    for (let i = 0; i < n; i++) {
      assignment[i] = remap[assignment[i]!]!;
    }
    const isSettled =
      options.centerTolerance !== undefined &&
      live === kk &&
      maxShift(centers, compact, dim, kk) < options.centerTolerance;
    centers = compact;
    kk = live;
    if (!hasChanged || isSettled) {
      break;
    }
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    inertia += (w ? w[i]! : 1) * squaredDistance(points, i, centers, assignment[i]!, dim);
  }
  return { assignment, centers, k: kk, inertia };
}

/** Largest distance a centre moved between two steps with the same k. */
function maxShift(before: Float64Array, after: Float64Array, dim: number, k: number): number {
  let most = 0;
  for (let c = 0; c < k; c++) {
    most = Math.max(most, squaredDistance(before, c, after, c, dim));
  }
  return Math.sqrt(most);
}

/** Specialised 2-D nearest centre (the opinion map), the hot loop of base clustering. */
function nearest2(points: Float64Array, i: number, centers: Float64Array, k: number): number {
  const x = points[2 * i]!;
  const y = points[2 * i + 1]!;
  let best = 0;
  let bestD = Number.POSITIVE_INFINITY;
  for (let c = 0; c < k; c++) {
    const dx = x - centers[2 * c]!;
    const dy = y - centers[2 * c + 1]!;
    const d = dx * dx + dy * dy;
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

/** Above this many centres, 2-D assignment searches centres sorted by x (base clustering). */
const SORTED_SEARCH_MIN_K = 12;

/** Fills order[0 … k−1] with the centres sorted by x (ties by index). */
function sortCentersByX(centers: Float64Array, k: number, order: Int32Array): void {
  for (let c = 0; c < k; c++) {
    order[c] = c;
  }
  order.subarray(0, k).sort((a, b) => centers[2 * a]! - centers[2 * b]! || a - b);
}

/**
 * Same result as {@link nearest2} (lowest index among equally near centres), visiting only the
 * centres whose x lies within the best distance found so far: walking outwards from the point's
 * x in x-sorted order, a centre with dx² > best cannot be nearer, nor can any beyond it. Exact in
 * floating point, since dx² + dy² ≥ dx² after rounding too. ~10 centres visited instead of 100.
 */
function nearest2Sorted(
  points: Float64Array,
  i: number,
  centers: Float64Array,
  k: number,
  order: Int32Array,
): number {
  const x = points[2 * i]!;
  const y = points[2 * i + 1]!;
  let lo = 0;
  let hi = k;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (centers[2 * order[mid]!]! < x) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  let best = -1;
  let bestD = Number.POSITIVE_INFINITY;
  let left = lo - 1;
  let right = lo;
  while (left >= 0 || right < k) {
    if (right < k) {
      const c = order[right]!;
      const dx = x - centers[2 * c]!;
      const dx2 = dx * dx;
      if (dx2 > bestD) {
        right = k;
      } else {
        const dy = y - centers[2 * c + 1]!;
        const d = dx2 + dy * dy;
        if (d < bestD || (d === bestD && c < best)) {
          bestD = d;
          best = c;
        }
        right++;
      }
    }
    if (left >= 0) {
      const c = order[left]!;
      const dx = x - centers[2 * c]!;
      const dx2 = dx * dx;
      if (dx2 > bestD) {
        left = -1;
      } else {
        const dy = y - centers[2 * c + 1]!;
        const d = dx2 + dy * dy;
        if (d < bestD || (d === bestD && c < best)) {
          bestD = d;
          best = c;
        }
        left--;
      }
    }
  }
  // Only when every distance is +∞ or NaN, where nearest2 falls back to centre 0 too.
  return Math.max(best, 0);
}

function nearest(points: Float64Array, i: number, centers: Float64Array, dim: number, k: number): number {
  let best = 0;
  let bestD = Number.POSITIVE_INFINITY;
  for (let c = 0; c < k; c++) {
    const d = squaredDistance(points, i, centers, c, dim);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

function squaredDistance(
  points: Float64Array,
  i: number,
  centers: Float64Array,
  c: number,
  dim: number,
): number {
  let s = 0;
  for (let d = 0; d < dim; d++) {
    const x = points[i * dim + d]! - centers[c * dim + d]!;
    s += x * x;
  }
  return s;
}

function seedPlusPlus(
  points: Float64Array,
  dim: number,
  k: number,
  rng: Rng,
  w?: Float64Array,
): Float64Array {
  const n = points.length / dim;
  const chosen: number[] = [];
  const d2 = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  // Sampling weights, filled in place (no per-point closure calls in the hot loop).
  const chance = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    chance[i] = w ? w[i]! : 1;
  }
  let first = pickWeighted(chance, rng);
  while (chosen.length < k && first >= 0) {
    chosen.push(first);
    let total = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let d = 0; d < dim; d++) {
        const x = points[i * dim + d]! - points[first * dim + d]!;
        s += x * x;
      }
      d2[i] = Math.min(d2[i]!, s);
      chance[i] = (w ? w[i]! : 1) * d2[i]!;
      total += chance[i]!;
    }
    // Stop when every remaining point coincides with a centre: no distinct point is left.
    first = total > 0 ? pickWeighted(chance, rng) : -1;
  }
  const centers = new Float64Array(chosen.length * dim);
  chosen.forEach((p, c) => {
    for (let d = 0; d < dim; d++) {
      centers[c * dim + d] = points[p * dim + d]!;
    }
  });
  return centers;
}

function seedFirstDistinct(points: Float64Array, dim: number, k: number): Float64Array {
  const n = points.length / dim;
  const seen = new Set<string>();
  const chosen: number[] = [];
  for (let i = 0; i < n && chosen.length < k; i++) {
    const key = Array.from(points.subarray(i * dim, i * dim + dim)).join(',');
    if (!seen.has(key)) {
      seen.add(key);
      chosen.push(i);
    }
  }
  const centers = new Float64Array(chosen.length * dim);
  chosen.forEach((p, c) => {
    centers.set(points.subarray(p * dim, p * dim + dim), c * dim);
  });
  return centers;
}

/** Index drawn with probability ∝ weight[i]; -1 when there is none. */
function pickWeighted(weight: Float64Array, rng: Rng): number {
  const n = weight.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += weight[i]!;
  }
  if (!(total > 0)) {
    return n > 0 ? 0 : -1;
  }
  let target = rng() * total;
  for (let i = 0; i < n; i++) {
    target -= weight[i]!;
    if (target < 0 && weight[i]! > 0) {
      return i;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    if (weight[i]! > 0) {
      return i;
    }
  }
  return -1;
}

/**
 * Mean silhouette of a clustering given a symmetric distance function over point indices.
 */
export function computeSilhouette(
  n: number,
  assignment: Int32Array,
  k: number,
  distance: (i: number, j: number) => number,
): number {
  if (n === 0 || k < 2) {
    return 0;
  }
  const size = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    size[assignment[i]!]!++;
  }
  let total = 0;
  const sums = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const own = assignment[i]!;
    if (size[own]! <= 1) {
      continue;
    }
    sums.fill(0);
    for (let j = 0; j < n; j++) {
      if (j !== i) {
        sums[assignment[j]!]! += distance(i, j);
      }
    }
    const a = sums[own]! / (size[own]! - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      if (c !== own && size[c]! > 0) {
        b = Math.min(b, sums[c]! / size[c]!);
      }
    }
    const m = Math.max(a, b);
    total += m > 0 && Number.isFinite(b) ? (b - a) / m : 0;
  }
  return total / n;
}

/** Euclidean distance between rows i and j of a row-major point array. */
export function euclidean(points: Float64Array, dim: number): (i: number, j: number) => number {
  return (i, j) => {
    let s = 0;
    for (let d = 0; d < dim; d++) {
      const x = points[i * dim + d]! - points[j * dim + d]!;
      s += x * x;
    }
    return Math.sqrt(s);
  };
}
