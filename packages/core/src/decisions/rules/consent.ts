/**
 * @module Consent (sociocracy and Sociocracy 3.0).
 *
 * Sources: G. Endenburg, "Sociocracy: The Organization of Decision-Making" (1998), rule 1: a policy
 * decision is taken when no member has a reasoned, paramount objection; B. Bockelbrink, J. Priest &
 * L. David, "Sociocracy 3.0" (CC BY-SA 4.0), patterns "Consent Decision Making", "Resolve Objections"
 * and "Evaluate and Evolve Agreements": the bar is "good enough for now, safe enough to try", concerns
 * are recorded but do not block, and every agreement carries a review date.
 *
 * Exact semantics of {@link evaluateConsent}:
 * - an objection counts only with a reason (an unreasoned "no" is not a valid objection and is refused
 *   at input; here it is reported as `UNREASONED_OBJECTION`);
 * - objections are integrated, never out-voted: while any objection is `open` the proposal cannot pass,
 *   whatever the number of consents (object → amend → re-test, as many rounds as needed);
 * - a proposal passes when the round is complete (everyone eligible answered, or the round was closed
 *   by the facilitator), no objection is open, and a review date is set;
 * - without a review date it stays pending (`REVIEW_DATE_REQUIRED`).
 */
import { hasReason, type RuleResult, result } from './result';

export type ConsentAnswer = 'consent' | 'concern' | 'object';

export interface ConsentInput {
  /** Answers on the current version (one per participant who answered). */
  readonly answers: readonly { readonly answer: ConsentAnswer; readonly reason: string | null }[];
  readonly objections: readonly {
    readonly status: 'open' | 'integrated' | 'withdrawn';
    readonly reason: string;
  }[];
  readonly eligibleCount: number;
  /** The facilitator (or the deadline) closed the round even if some did not answer. */
  readonly isRoundClosed: boolean;
  readonly reviewOn: string | null;
}

export function evaluateConsent(input: ConsentInput): RuleResult & { readonly openObjections: number } {
  const openObjections = input.objections.filter((o) => o.status === 'open').length;
  const reasons: string[] = [];
  const warnings: string[] = [];
  if (input.objections.some((o) => !hasReason(o.reason))) {
    reasons.push('UNREASONED_OBJECTION');
  }
  if (input.answers.some((a) => a.answer === 'concern')) {
    warnings.push('CONCERNS_RECORDED');
  }
  if (openObjections > 0) {
    reasons.push('OPEN_OBJECTION');
    return { ...result('pending', reasons, warnings), openObjections };
  }
  const isComplete = input.isRoundClosed || input.answers.length >= input.eligibleCount;
  if (!isComplete) {
    reasons.push('ROUND_NOT_COMPLETE');
    return { ...result('pending', reasons, warnings), openObjections };
  }
  if (input.reviewOn === null) {
    reasons.push('REVIEW_DATE_REQUIRED');
    return { ...result('pending', reasons, warnings), openObjections };
  }
  if (input.answers.length === 0 && input.eligibleCount > 0) {
    // Absence is not consent in a sociocratic circle unless the circle agreed so: nobody answered.
    reasons.push('NOBODY_ANSWERED');
    return { ...result('pending', reasons, warnings), openObjections };
  }
  return { ...result('passed', ['NO_OPEN_OBJECTION'], warnings), openObjections };
}
