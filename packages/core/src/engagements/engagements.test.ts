import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessCynefin } from './cynefin.ts';
import { weightedScore } from './options-board.ts';

describe('assessCynefin', () => {
  it('places a routine, agreed, known question in clear', () => {
    expect(
      assessCynefin({ causeEffect: 'obvious', agreement: 'high', precedent: 'often', urgency: 'normal' }),
    ).toMatchObject({
      domain: 'clear',
      scores: { clear: 6, complicated: 1, complex: 0, chaotic: 0 },
    });
  });

  it('places an expert question in complicated and an emergent one in complex', () => {
    expect(
      assessCynefin({ causeEffect: 'expert', agreement: 'high', precedent: 'sometimes', urgency: 'normal' })
        .domain,
    ).toBe('complicated');
    expect(
      assessCynefin({ causeEffect: 'hindsight', agreement: 'low', precedent: 'never', urgency: 'normal' })
        .domain,
    ).toBe('complex');
  });

  it('places a crisis without discernible causes in chaotic', () => {
    expect(
      assessCynefin({ causeEffect: 'none', agreement: 'low', precedent: 'never', urgency: 'crisis' }).domain,
    ).toBe('chaotic');
  });

  it('says confusion when no domain leads by 2 points, naming the two leading ones', () => {
    const r = assessCynefin({
      causeEffect: 'expert',
      agreement: 'low',
      precedent: 'never',
      urgency: 'normal',
    });
    expect(r.domain).toBe('confusion');
    expect(r.leading).toEqual(['complicated', 'complex']);
    expect(r.margin).toBe(0);
  });

  it('is consistent: the domain is the leader exactly when the margin is at least 2', () => {
    const answers = fc.record({
      causeEffect: fc.constantFrom('obvious', 'expert', 'hindsight', 'none' as const),
      agreement: fc.constantFrom('high', 'partial', 'low' as const),
      precedent: fc.constantFrom('often', 'sometimes', 'never' as const),
      urgency: fc.constantFrom('crisis', 'pressing', 'normal' as const),
    });
    fc.assert(
      fc.property(answers, (a) => {
        const r = assessCynefin(a);
        const max = Math.max(...Object.values(r.scores));
        expect(r.scores[r.leading[0]]).toBe(max);
        expect(r.domain === 'confusion').toBe(r.margin < 2);
      }),
    );
  });
});

describe('weightedScore', () => {
  it('computes a weighted sum normalised to 100', () => {
    const criteria = [
      { id: 'impact', weight: 3 },
      { id: 'cost', weight: 1 },
    ];
    // (3×4 + 1×2) / (4×5) = 14/20 = 70
    expect(weightedScore(criteria, { impact: 4, cost: 2 })).toBe(70);
    expect(weightedScore(criteria, {})).toBe(0);
    expect(weightedScore([], { impact: 5 })).toBe(0);
    expect(weightedScore(criteria, { impact: 9, cost: -3 })).toBe(75);
  });
});
