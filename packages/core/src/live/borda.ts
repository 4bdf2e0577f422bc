/**
 * @module Borda count and rank dispersion for the ranking activity.
 *
 * Borda (J.-C. de Borda, "Mémoire sur les élections au scrutin", Histoire de l'Académie royale
 * des sciences, 1781): with n items, a ballot gives n − 1 points to its first item, n − 2 to the
 * second … 0 to the last. An item's score is the sum over ballots: B(i) = Σ_b (n − 1 − pos_b(i)),
 * with pos 0-based. Equivalently B(i) = Σ_p (n − 1 − p)·H_i[p] from the histogram H_i of
 * positions, which is what the reducer keeps so that a changed ballot costs O(n).
 *
 * Dispersion: the 1-based ranks an item received summarised by mean, population standard
 * deviation and range (best/worst rank). A low deviation means the group agrees on the item.
 */
import { summarizeHistogram } from './activities/histogram';

export interface BordaItem {
  readonly id: string;
  readonly score: number;
  /** Mean 1-based rank, `null` without ballots. */
  readonly meanRank: number | null;
  readonly rankStandardDeviation: number | null;
  readonly bestRank: number | null;
  readonly worstRank: number | null;
}

/**
 * Borda scores from per-item position histograms (index p counts ballots placing the item at p).
 * Items are returned by decreasing score; ties keep the given order.
 * @example bordaFromPositions(['a','b'], { a: [2, 0], b: [0, 2] })[0] // { id: 'a', score: 2, … }
 */
export function bordaFromPositions(
  itemIds: readonly string[],
  positions: Readonly<Record<string, readonly number[]>>,
): BordaItem[] {
  const n = itemIds.length;
  const rows = itemIds.map((id) => {
    const histogram = Object.hasOwn(positions, id) ? positions[id]! : [];
    let score = 0;
    let bestRank: number | null = null;
    let worstRank: number | null = null;
    histogram.forEach((count, p) => {
      score += (n - 1 - p) * count;
      if (count > 0) {
        bestRank ??= p + 1;
        worstRank = p + 1;
      }
    });
    const summary = summarizeHistogram(histogram, 1);
    return {
      id,
      score,
      meanRank: summary.mean,
      rankStandardDeviation: summary.standardDeviation,
      bestRank,
      worstRank,
    };
  });
  return rows.sort((a, b) => b.score - a.score);
}

/** Position histograms of complete ballots (each a permutation of `itemIds`). */
export function positionHistograms(
  itemIds: readonly string[],
  ballots: readonly (readonly string[])[],
): Record<string, number[]> {
  const positions: Record<string, number[]> = {};
  for (const id of itemIds) {
    positions[id] = new Array<number>(itemIds.length).fill(0);
  }
  for (const ballot of ballots) {
    ballot.forEach((id, p) => {
      positions[id]![p]! += 1;
    });
  }
  return positions;
}

/** Borda count straight from complete ballots. */
export function bordaCount(itemIds: readonly string[], ballots: readonly (readonly string[])[]): BordaItem[] {
  return bordaFromPositions(itemIds, positionHistograms(itemIds, ballots));
}
