import { describe, expect, it } from 'vitest';
import { evaluateEngagement, summariseFeedback } from './evaluate.ts';

const c = (name: string, delta: number, low: number, high: number, isSignificant: boolean) => ({
  name,
  before: { n: 12, score: 50 },
  after: { n: 12, score: 50 + delta },
  delta,
  low,
  high,
  isSignificant,
});

describe('engagement evaluation', () => {
  it('claims a change only when the interval excludes zero, and never a cause', () => {
    const findings = evaluateEngagement({
      comparison: {
        before: 'A',
        after: 'B',
        cuts: [
          {
            label: 'All',
            status: 'compared',
            reason: null,
            constructs: [
              c('Trust', 8, 2, 14, true),
              c('Voice', 3, -2, 8, false),
              c('Roles', -9, -15, -3, true),
            ],
          },
          { label: 'Small', status: 'not-comparable', reason: 'suppressed-after', constructs: [] },
        ],
      },
      closedCampaigns: 2,
      decisions: { taken: 3, adopted: 2, reviewed: 0, dueForReview: 1 },
      feedback: summariseFeedback([]),
    });
    expect(findings.filter((f) => f.kind === 'changed').map((f) => f.code)).toEqual(['improved', 'declined']);
    expect(findings.find((f) => f.kind === 'stable')).toMatchObject({ subject: 'Voice' });
    expect(findings.filter((f) => f.kind === 'cannot-conclude').map((f) => f.code)).toEqual([
      'group-not-comparable',
      'feedback-below-threshold',
      'no-review-yet',
      'no-causal-claim',
    ]);
  });
  it('says there is no baseline without two comparable campaigns', () => {
    const f = evaluateEngagement({
      comparison: null,
      closedCampaigns: 1,
      decisions: { taken: 0, adopted: 0, reviewed: 0, dueForReview: 0 },
      feedback: summariseFeedback([]),
    });
    expect(f[0]).toEqual({ kind: 'cannot-conclude', code: 'no-baseline' });
  });
});

describe('feedback summary', () => {
  it('shows nothing, not even the count, below five answers', () => {
    const s = summariseFeedback(Array.from({ length: 4 }, () => ({ usefulness: 5, comment: 'bien' })));
    expect(s).toMatchObject({ status: 'suppressed', respondents: null, mean: null, comments: [] });
  });
  it('shows the mean and distribution from five, and open answers sorted only from ten', () => {
    const five = summariseFeedback([1, 2, 3, 4, 5].map((u) => ({ usefulness: u, comment: `c${6 - u}` })));
    expect(five).toMatchObject({
      status: 'shown',
      respondents: 5,
      mean: 3,
      commentsStatus: 'suppressed',
      comments: [],
    });
    const ten = summariseFeedback(
      Array.from({ length: 10 }, (_, i) => ({ usefulness: 4, comment: `z${9 - i}` })),
    );
    expect(ten.comments).toEqual(['z0', 'z1', 'z2', 'z3', 'z4', 'z5', 'z6', 'z7', 'z8', 'z9']);
  });
});
