/**
 * Trust measured by a closed diagnostic, on the recommender's 1–5 scale (docs/methods.md §4).
 *
 * The Essaim IC diagnostic separates competence-based and care-based trust (McAllister 1995);
 * both are 0–100 construct scores. Only constructs of a cut the disclosure planner showed are
 * passed in: a suppressed cut has no scores, so it can never inform the recommendation.
 */

/** Construct ids that measure trust in the built-in instrument. */
export const TRUST_CONSTRUCT_IDS: readonly string[] = ['trust-competence', 'trust-care'];

export interface ShownConstructScore {
  readonly constructId: string;
  readonly score: number | null;
}

/**
 * Mean of the shown trust constructs mapped linearly 0–100 → 1–5 and rounded to the nearest level,
 * or null when no trust construct has a score.
 * @example measuredTrustLevel([{ constructId: 'trust-care', score: 80 }]) // 4
 */
export function measuredTrustLevel(constructs: readonly ShownConstructScore[]): number | null {
  const scores = constructs
    .filter((c) => TRUST_CONSTRUCT_IDS.includes(c.constructId))
    .map((c) => c.score)
    .filter((s): s is number => s !== null && Number.isFinite(s));
  if (scores.length === 0) {
    return null;
  }
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  return Math.min(5, Math.max(1, Math.round(1 + mean / 25)));
}
