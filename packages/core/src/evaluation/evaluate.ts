/**
 * Evaluation of an engagement: what changed, with its evidence and uncertainty, and what cannot be
 * concluded. Pure: the server hands in the before/after comparison (Welch 95 % intervals, computed by
 * the diagnostics), decision counts and the participants' aggregated feedback.
 *
 * The rules are deliberately modest (what an evaluator would sign): a change is claimed only when its
 * 95 % interval excludes zero; an interval that contains zero says "no change detected", never "no
 * change"; a measured change is never attributed to the engagement (two measurements without a control
 * group cannot separate the engagement from everything else that happened meanwhile).
 */
import { MIN_OPEN_TEXT_FLOOR, MIN_RESPONDENTS_FLOOR } from '../diagnostics/thresholds.ts';

export interface EvaluationConstruct {
  name: string;
  before: { n: number; score: number };
  after: { n: number; score: number };
  delta: number;
  low: number | null;
  high: number | null;
  isSignificant: boolean;
}

export interface EvaluationInput {
  comparison: {
    before: string;
    after: string;
    cuts: {
      label: string;
      status: 'compared' | 'not-comparable';
      reason: string | null;
      constructs: EvaluationConstruct[];
    }[];
  } | null;
  closedCampaigns: number;
  decisions: { taken: number; adopted: number; reviewed: number; dueForReview: number };
  feedback: FeedbackSummary;
}

export type Finding =
  | {
      kind: 'changed';
      code: 'improved' | 'declined';
      group: string;
      subject: string;
      delta: number;
      low: number;
      high: number;
    }
  | {
      kind: 'stable';
      code: 'no-detectable-change';
      group: string;
      subject: string;
      delta: number;
      low: number | null;
      high: number | null;
    }
  | {
      kind: 'cannot-conclude';
      code:
        | 'no-baseline'
        | 'group-not-comparable'
        | 'feedback-below-threshold'
        | 'no-review-yet'
        | 'no-causal-claim';
      group?: string;
      reason?: string | null;
    };

export interface FeedbackSummary {
  status: 'shown' | 'suppressed';
  /** Respondents; null when suppressed (a count below the threshold is not shown either). */
  respondents: number | null;
  mean: number | null;
  distribution: { value: number; count: number }[];
  /** Open answers in alphabetical order (not the order given), only from MIN_OPEN_TEXT_FLOOR answers. */
  comments: string[];
  commentsStatus: 'shown' | 'suppressed';
}

/** Usefulness answers (1–5) and open answers, aggregated with the diagnostics' floors. */
export function summariseFeedback(
  answers: readonly { usefulness: number; comment: string | null }[],
  minRespondents = MIN_RESPONDENTS_FLOOR,
  minOpenText = MIN_OPEN_TEXT_FLOOR,
): FeedbackSummary {
  const n = answers.length;
  if (n < Math.max(minRespondents, MIN_RESPONDENTS_FLOOR)) {
    return {
      status: 'suppressed',
      respondents: null,
      mean: null,
      distribution: [],
      comments: [],
      commentsStatus: 'suppressed',
    };
  }
  const distribution = [1, 2, 3, 4, 5].map((value) => ({
    value,
    count: answers.filter((a) => a.usefulness === value).length,
  }));
  const mean = answers.reduce((s, a) => s + a.usefulness, 0) / n;
  const texts = answers.map((a) => a.comment?.trim() ?? '').filter((t) => t.length > 0);
  const commentsShown = texts.length >= Math.max(minOpenText, MIN_OPEN_TEXT_FLOOR);
  return {
    status: 'shown',
    respondents: n,
    mean: Math.round(mean * 100) / 100,
    distribution,
    comments: commentsShown ? [...texts].sort((a, b) => a.localeCompare(b)) : [],
    commentsStatus: commentsShown ? 'shown' : 'suppressed',
  };
}

export function evaluateEngagement(input: EvaluationInput): Finding[] {
  const findings: Finding[] = [];
  if (!input.comparison) {
    findings.push({ kind: 'cannot-conclude', code: 'no-baseline' });
  } else {
    for (const cut of input.comparison.cuts) {
      if (cut.status !== 'compared') {
        findings.push({
          kind: 'cannot-conclude',
          code: 'group-not-comparable',
          group: cut.label,
          reason: cut.reason,
        });
        continue;
      }
      for (const c of cut.constructs) {
        const excludesZero = c.low !== null && c.high !== null && (c.low > 0 || c.high < 0);
        if (c.isSignificant && excludesZero && c.low !== null && c.high !== null) {
          findings.push({
            kind: 'changed',
            code: c.delta > 0 ? 'improved' : 'declined',
            group: cut.label,
            subject: c.name,
            delta: c.delta,
            low: c.low,
            high: c.high,
          });
        } else {
          findings.push({
            kind: 'stable',
            code: 'no-detectable-change',
            group: cut.label,
            subject: c.name,
            delta: c.delta,
            low: c.low,
            high: c.high,
          });
        }
      }
    }
  }
  if (input.feedback.status === 'suppressed') {
    findings.push({ kind: 'cannot-conclude', code: 'feedback-below-threshold' });
  }
  if (input.decisions.adopted > 0 && input.decisions.reviewed === 0) {
    findings.push({ kind: 'cannot-conclude', code: 'no-review-yet' });
  }
  // Always: a before/after difference is not evidence that the engagement caused it.
  findings.push({ kind: 'cannot-conclude', code: 'no-causal-claim' });
  return findings;
}
