/**
 * "Experiences like this engagement": how close a shared experience's profile is to an engagement's.
 *
 * Each facet gives a similarity in [0, 1] and has a weight; the score is the weighted mean over the
 * facets both sides describe (a facet one side leaves empty neither helps nor hurts), so a sparse
 * engagement is still compared fairly. Sets use Jaccard's index (|A∩B| / |A∪B|); size uses the ratio
 * on a log scale (a team of 8 is closer to 12 than to 120: 1 − |log10(a/b)|, floored at 0); the
 * diagnostic profile uses 1 − mean absolute difference over shared constructs on the 0–100 scale.
 */
import type { EngagementProfile } from './types.ts';

export const SIMILARITY_WEIGHTS = {
  diagnostic: 3,
  icForms: 2,
  cynefin: 2,
  methods: 2,
  sector: 1,
  size: 1,
} as const;
export type SimilarityFacet = keyof typeof SIMILARITY_WEIGHTS;

export interface Similarity {
  readonly score: number;
  /** Facets compared, with their own similarity, strongest first (the "why" shown to the user). */
  readonly facets: readonly { facet: SimilarityFacet; similarity: number }[];
}

function jaccard(a: readonly string[], b: readonly string[]): number | null {
  if (a.length === 0 || b.length === 0) {
    return null;
  }
  const left = new Set(a);
  const right = new Set(b);
  let common = 0;
  for (const x of left) {
    if (right.has(x)) {
      common++;
    }
  }
  return common / (left.size + right.size - common);
}

function diagnosticSimilarity(
  a: Readonly<Record<string, number>>,
  b: Readonly<Record<string, number>>,
): number | null {
  const shared = Object.keys(a).filter((k) => k in b && Number.isFinite(a[k]) && Number.isFinite(b[k]));
  if (shared.length === 0) {
    return null;
  }
  const mad = shared.reduce((sum, k) => sum + Math.abs(a[k]! - b[k]!), 0) / shared.length;
  return Math.max(0, 1 - mad / 100);
}

export function profileSimilarity(a: EngagementProfile, b: EngagementProfile): Similarity {
  const facets: { facet: SimilarityFacet; similarity: number }[] = [];
  const add = (facet: SimilarityFacet, similarity: number | null) => {
    if (similarity !== null) {
      facets.push({ facet, similarity });
    }
  };
  add('diagnostic', diagnosticSimilarity(a.diagnostic, b.diagnostic));
  add('icForms', jaccard(a.icForms, b.icForms));
  add('cynefin', a.cynefin && b.cynefin ? (a.cynefin === b.cynefin ? 1 : 0) : null);
  add('methods', jaccard(a.methodIds, b.methodIds));
  add(
    'sector',
    a.sector && b.sector ? (a.sector.trim().toLowerCase() === b.sector.trim().toLowerCase() ? 1 : 0) : null,
  );
  add(
    'size',
    a.size && b.size && a.size > 0 && b.size > 0
      ? Math.max(0, 1 - Math.abs(Math.log10(a.size / b.size)))
      : null,
  );
  const weight = facets.reduce((s, f) => s + SIMILARITY_WEIGHTS[f.facet], 0);
  const score =
    weight === 0 ? 0 : facets.reduce((s, f) => s + SIMILARITY_WEIGHTS[f.facet] * f.similarity, 0) / weight;
  facets.sort(
    (x, y) => y.similarity - x.similarity || SIMILARITY_WEIGHTS[y.facet] - SIMILARITY_WEIGHTS[x.facet],
  );
  return { score, facets };
}
