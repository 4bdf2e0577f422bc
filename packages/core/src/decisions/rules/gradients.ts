/**
 * @module Gradients of agreement.
 *
 * Source: S. Kaner with L. Lind, C. Toldi, S. Fisk & D. Berger, "Facilitator's Guide to Participatory
 * Decision-Making" (1996; 3rd ed. 2014), "Gradients of Agreement": eight levels from 1 (whole-hearted
 * endorsement) to 8 (veto). It is a diagnostic poll: the scale shows the texture of support, and the
 * group decides beforehand what counts as enough.
 *
 * {@link evaluateGradients}, with the group's cut-off `cutoff` (1..7: the worst level still counted as
 * support) and required share `minShare` (0..1, default 1 = everyone):
 * - any 8 (veto) → rejected;
 * - otherwise passes when supporters (level ≤ cutoff) ≥ minShare × positions, counting abstentions (4)
 *   as neither support nor opposition: they are left out of the denominator;
 * - any 5 ("more discussion needed") → warning `MORE_DISCUSSION_REQUESTED`.
 */
import { type RuleResult, result } from './result';

export const GRADIENT_ABSTAIN = 4;
export const GRADIENT_MORE_DISCUSSION = 5;
export const GRADIENT_VETO = 8;

export interface GradientsInput {
  readonly levels: readonly number[];
  readonly cutoff: number;
  readonly minShare: number;
}

export function evaluateGradients(input: GradientsInput): RuleResult & { readonly histogram: number[] } {
  const histogram = [0, 0, 0, 0, 0, 0, 0, 0];
  for (const l of input.levels) {
    histogram[l - 1] = (histogram[l - 1] ?? 0) + 1;
  }
  const warnings = histogram[GRADIENT_MORE_DISCUSSION - 1]! > 0 ? ['MORE_DISCUSSION_REQUESTED'] : [];
  if (input.levels.length === 0) {
    return { ...result('pending', ['NO_POSITION'], warnings), histogram };
  }
  if (histogram[GRADIENT_VETO - 1]! > 0) {
    return { ...result('rejected', ['VETO'], warnings), histogram };
  }
  const counted = input.levels.filter((l) => l !== GRADIENT_ABSTAIN);
  if (counted.length === 0) {
    return { ...result('pending', ['ALL_ABSTAIN'], warnings), histogram };
  }
  const support = counted.filter((l) => l <= input.cutoff).length;
  const isPassed = support >= input.minShare * counted.length - 1e-9;
  return {
    ...result(isPassed ? 'passed' : 'rejected', [isPassed ? 'CUTOFF_MET' : 'CUTOFF_NOT_MET'], warnings),
    histogram,
  };
}
