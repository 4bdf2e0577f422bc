/**
 * @module The advice process.
 *
 * Source: D. Bakke, "Joy at Work" (2005), on AES; F. Laloux, "Reinventing Organizations" (2014). Anyone
 * may take a decision after seeking advice from everyone meaningfully affected and from people with
 * relevant expertise. Advice must be weighed but need not be followed; the decider owns the decision.
 *
 * {@link evaluateAdvice}: the decision can be taken (`passed`) once the decider has recorded at least one
 * advice from an affected person and one from an expert, has answered every advice (followed or not,
 * and why), and has written the decision. Until then it is pending with the missing pieces as reasons.
 */
import { hasReason, type RuleResult, result } from './result';

export interface AdviceEntry {
  readonly from: 'affected' | 'expert';
  readonly advice: string;
  /** Null until the decider answers it. */
  readonly isFollowed: boolean | null;
  readonly why: string | null;
}

export interface AdviceInput {
  readonly advice: readonly AdviceEntry[];
  readonly decision: string | null;
}

export function evaluateAdvice(input: AdviceInput): RuleResult {
  const reasons: string[] = [];
  if (!input.advice.some((a) => a.from === 'affected')) {
    reasons.push('NO_AFFECTED_ADVICE');
  }
  if (!input.advice.some((a) => a.from === 'expert')) {
    reasons.push('NO_EXPERT_ADVICE');
  }
  if (input.advice.some((a) => a.isFollowed === null || !hasReason(a.why))) {
    reasons.push('ADVICE_NOT_ANSWERED');
  }
  if (!hasReason(input.decision)) {
    reasons.push('NO_DECISION_WRITTEN');
  }
  if (reasons.length > 0) {
    return result('pending', reasons);
  }
  const warnings = input.advice.every((a) => a.isFollowed === false) ? ['NO_ADVICE_FOLLOWED'] : [];
  return result('passed', ['ADVICE_SOUGHT_AND_WEIGHED'], warnings);
}
