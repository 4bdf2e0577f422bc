/**
 * @module Top contributors and blockers: constructs and items clearly above or below the rest.
 *
 * Rule, applied separately to constructs and to items (0–100 scores): with m the mean and sd
 * the population standard deviation of all scores of that kind, a unit is
 * - a contributor when score − m ≥ marginPoints AND z = (score − m)/sd ≥ minZ;
 * - a blocker when m − score ≥ marginPoints AND z ≤ −minZ.
 * Defaults: marginPoints = 10, minZ = 1, at least 3 units, at most 3 per list, strongest first.
 * Both tests must hold: the z-score alone flags trivial gaps when scores are tightly packed,
 * and the point margin alone ignores how spread the profile is.
 */
import type { DiagnosticSummary } from './summary';

/** Thresholds of the contributor/blocker rule. */
export interface HighlightOptions {
  readonly marginPoints: number;
  readonly minZ: number;
  readonly maxPerList: number;
}

/** Default rule: 10 points and one standard deviation, top 3. */
export const HIGHLIGHT_DEFAULTS: HighlightOptions = { marginPoints: 10, minZ: 1, maxPerList: 3 };

/** A flagged construct or item with the evidence that flagged it. */
export interface Highlight {
  readonly kind: 'construct' | 'item';
  readonly id: string;
  readonly score: number;
  readonly n: number;
  /** Mean and population SD of all scores of this kind. */
  readonly referenceMean: number;
  readonly referenceSd: number;
  readonly z: number;
  /** score − referenceMean, in points. */
  readonly distance: number;
}

/** Contributors (clearly above) and blockers (clearly below). */
export interface Highlights {
  readonly contributors: readonly Highlight[];
  readonly blockers: readonly Highlight[];
}

function flag(
  kind: Highlight['kind'],
  units: readonly { id: string; score: number; n: number }[],
  options: HighlightOptions,
): Highlights {
  const scored = units.filter((u) => !Number.isNaN(u.score));
  if (scored.length < 3) {
    return { contributors: [], blockers: [] };
  }
  const mean = scored.reduce((s, u) => s + u.score, 0) / scored.length;
  const sd = Math.sqrt(scored.reduce((s, u) => s + (u.score - mean) ** 2, 0) / scored.length);
  if (sd === 0) {
    return { contributors: [], blockers: [] };
  }
  const all = scored.map(
    (u): Highlight => ({
      kind,
      id: u.id,
      score: u.score,
      n: u.n,
      referenceMean: mean,
      referenceSd: sd,
      z: (u.score - mean) / sd,
      distance: u.score - mean,
    }),
  );
  const contributors = all
    .filter((h) => h.distance >= options.marginPoints && h.z >= options.minZ)
    .sort((a, b) => b.z - a.z || a.id.localeCompare(b.id))
    .slice(0, options.maxPerList);
  const blockers = all
    .filter((h) => -h.distance >= options.marginPoints && h.z <= -options.minZ)
    .sort((a, b) => a.z - b.z || a.id.localeCompare(b.id))
    .slice(0, options.maxPerList);
  return { contributors, blockers };
}

/**
 * Flag constructs and items clearly above (contributors) or below (blockers) the rest.
 * @example findHighlights(summary).blockers[0] // { kind: 'construct', id: 'decision-clarity', z: -1.8, ... }
 */
export function findHighlights(
  summary: DiagnosticSummary,
  options: Partial<HighlightOptions> = {},
): { constructs: Highlights; items: Highlights } {
  const resolved = { ...HIGHLIGHT_DEFAULTS, ...options };
  return {
    constructs: flag(
      'construct',
      summary.constructs.map((c) => ({ id: c.constructId, score: c.score, n: c.n })),
      resolved,
    ),
    items: flag(
      'item',
      summary.items.map((i) => ({ id: i.itemId, score: i.score, n: i.n })),
      resolved,
    ),
  };
}
