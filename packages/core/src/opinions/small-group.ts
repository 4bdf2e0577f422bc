/**
 * Small-group mode (roughly 4–15 participants), used when too few people qualify for the Polis
 * pipeline: 100 base clusters and silhouettes over a 2-D projection say little about a team.
 *
 * Agreement similarity between participants i and j over the statements both voted on
 * (Essaim method, in the spirit of Polis' participant correlation, `corr.clj`):
 *   s(i, j) = Σ agreement(vᵢ, vⱼ) / n · n / (n + 3)
 * where agreement is 1 for the same vote, −1 for agree vs disagree, 0 when one of them passed,
 * n is the number of co-voted statements and n / (n + 3) shrinks pairs with little overlap
 * towards 0. Distance d = 1 − s ∈ [0, 2].
 *
 * Groups come from average-linkage agglomerative clustering (UPGMA, Sokal & Michener 1958) cut at
 * k = 2 … min(4, ⌊n / 2⌋), every group having at least 2 members. The cut with the best mean
 * silhouette is kept only if that silhouette is ≥ 0.25, below which Kaufman & Rousseeuw (1990)
 * consider that "no substantial structure" exists: the outcome is then "no clear groups".
 */

import { computeSilhouette } from './kmeans';
import type { VoteMatrix } from './vote-matrix';

/** Silhouette below which no group structure is reported (Kaufman & Rousseeuw 1990). */
export const MIN_SMALL_GROUP_SILHOUETTE = 0.25;

export interface SmallGroupClustering {
  /** Group per selected row (same order as `rows`), −1 when no clear groups. */
  assignment: Int32Array;
  k: number;
  silhouette: number;
  hasClearGroups: boolean;
}

/** Agreement-similarity distance matrix (row-major) between the given matrix rows. */
export function computeAgreementDistances(
  m: VoteMatrix,
  rows: readonly number[],
  excluded?: Uint8Array,
): Float64Array {
  const n = rows.length;
  const nCols = m.statements.length;
  const dense = rows.map((r) => {
    const v = new Int8Array(nCols).fill(2);
    for (let at = m.rowStart[r]!; at < m.rowStart[r + 1]!; at++) {
      if (!excluded?.[m.column[at]!]) {
        v[m.column[at]!] = m.value[at]!;
      }
    }
    return v;
  });
  const dist = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      let sum = 0;
      let common = 0;
      for (let j = 0; j < nCols; j++) {
        const x = dense[a]![j]!;
        const y = dense[b]![j]!;
        if (x !== 2 && y !== 2) {
          common++;
          sum += x === y ? 1 : x * y;
        }
      }
      const s = common === 0 ? 0 : (sum / common) * (common / (common + 3));
      dist[a * n + b] = 1 - s;
      dist[b * n + a] = 1 - s;
    }
  }
  return dist;
}

/** Clusters a handful of participants, or reports that no clear groups exist. */
export function clusterSmallGroup(dist: Float64Array, n: number): SmallGroupClustering {
  const none: SmallGroupClustering = {
    assignment: new Int32Array(n).fill(-1),
    k: 0,
    silhouette: 0,
    hasClearGroups: false,
  };
  const maxK = Math.min(4, Math.floor(n / 2));
  if (maxK < 2) {
    return none;
  }
  const cuts = averageLinkageCuts(dist, n, maxK);
  let best: SmallGroupClustering | null = null;
  for (let k = 2; k <= maxK; k++) {
    const labels = cuts.get(k);
    if (!labels) {
      continue;
    }
    const sizes = new Int32Array(k);
    labels.forEach((g) => {
      sizes[g]!++;
    });
    if (sizes.some((s) => s < 2)) {
      continue;
    }
    const silhouette = computeSilhouette(n, labels, k, (i, j) => dist[i * n + j]!);
    if (!best || silhouette > best.silhouette + 1e-12) {
      best = { assignment: labels, k, silhouette, hasClearGroups: true };
    }
  }
  if (!best || best.silhouette < MIN_SMALL_GROUP_SILHOUETTE) {
    return { ...none, silhouette: best?.silhouette ?? 0 };
  }
  return best;
}

/** Labels for each k ≤ maxK obtained by cutting the UPGMA dendrogram. */
function averageLinkageCuts(dist: Float64Array, n: number, maxK: number): Map<number, Int32Array> {
  let clusters: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const cuts = new Map<number, Int32Array>();
  const linkage = (a: number[], b: number[]): number => {
    let s = 0;
    for (const i of a) {
      for (const j of b) {
        s += dist[i * n + j]!;
      }
    }
    return s / (a.length * b.length);
  };
  while (clusters.length > 1) {
    if (clusters.length <= maxK) {
      const labels = new Int32Array(n);
      clusters.forEach((members, g) => {
        for (const i of members) {
          labels[i] = g;
        }
      });
      cuts.set(clusters.length, labels);
    }
    let bestA = 0;
    let bestB = 1;
    let bestD = Number.POSITIVE_INFINITY;
    for (let a = 0; a < clusters.length; a++) {
      for (let b = a + 1; b < clusters.length; b++) {
        const d = linkage(clusters[a]!, clusters[b]!);
        if (d < bestD - 1e-12) {
          bestD = d;
          bestA = a;
          bestB = b;
        }
      }
    }
    const merged = [...clusters[bestA]!, ...clusters[bestB]!].sort((x, y) => x - y);
    clusters = clusters.filter((_, i) => i !== bestA && i !== bestB);
    clusters.push(merged);
    clusters.sort((x, y) => x[0]! - y[0]!);
  }
  return cuts;
}
