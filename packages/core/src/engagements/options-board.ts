/**
 * Weighted-sum scoring of options against criteria (simple additive weighting, the usual first
 * multi-criteria method; e.g. Belton & Stewart, "Multiple Criteria Decision Analysis", 2002, ch. 6).
 * Scores are 0–5 per criterion; the total is normalised to 0–100. A missing score counts as 0 and
 * criteria with weight 0 are ignored. The total informs; it never chooses: the sponsor or the group does.
 */
export interface Criterion {
  id: string;
  weight: number;
}

export function weightedScore(
  criteria: readonly Criterion[],
  scores: Readonly<Record<string, number>>,
): number {
  let weightSum = 0;
  let total = 0;
  for (const c of criteria) {
    if (c.weight <= 0) {
      continue;
    }
    weightSum += c.weight;
    const v = scores[c.id] ?? 0;
    total += c.weight * Math.min(5, Math.max(0, v));
  }
  return weightSum === 0 ? 0 : Math.round((total / (weightSum * 5)) * 1000) / 10;
}
