import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RuleRecommendationInput, recommendRules } from './recommend';
import { DECISION_RULES } from './record';

const inputArb: fc.Arbitrary<RuleRecommendationInput> = fc.record({
  groupSize: fc.integer({ min: 1, max: 500 }),
  trustLevel: fc.integer({ min: 1, max: 5 }),
  trustSource: fc.constantFrom('measured' as const, 'declared' as const),
  urgency: fc.constantFrom('low' as const, 'medium' as const, 'high' as const),
  reversibility: fc.constantFrom('easy' as const, 'costly' as const, 'irreversible' as const),
  stakes: fc.constantFrom('low' as const, 'medium' as const, 'high' as const),
  hasSeveralOptions: fc.boolean(),
});

describe('decision-rule recommender', () => {
  it('always offers at least three distinct explained rules and leaves the choice to the group', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = recommendRules(input);
        expect(r.isChoiceForGroup).toBe(true);
        expect(r.options.length).toBeGreaterThanOrEqual(3);
        expect(new Set(r.options.map((o) => o.rule)).size).toBe(r.options.length);
        for (const o of r.options) {
          expect(DECISION_RULES).toContain(o.rule);
          expect(o.advantages.length).toBeGreaterThan(0);
          expect(o.drawbacks.length).toBeGreaterThan(0);
        }
        expect(r.options.map((o) => o.score)).toEqual(
          [...r.options.map((o) => o.score)].sort((a, b) => b - a),
        );
      }),
    );
  });

  it('warns against formal consensus in a low-trust group whenever it is offered', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = recommendRules({ ...input, trustLevel: 1 }, 12);
        const consensus = r.options.find((o) => o.rule === 'consensus');
        expect(consensus?.warnings).toContain('CONSENSUS_LOW_TRUST');
      }),
    );
  });

  it('prefers objection-based rules for an irreversible, high-stakes choice in a small group', () => {
    const r = recommendRules({
      groupSize: 8,
      trustLevel: 3,
      trustSource: 'measured',
      urgency: 'low',
      reversibility: 'irreversible',
      stakes: 'high',
    });
    expect(['consent', 'integrative', 'consensus', 'deepDemocracy']).toContain(r.options[0]!.rule);
    expect(r.notices).not.toContain('TRUST_DECLARED_NOT_MEASURED');
  });

  it('prefers fast rules for an urgent, reversible choice in a large group', () => {
    const r = recommendRules({
      groupSize: 200,
      trustLevel: 3,
      trustSource: 'declared',
      urgency: 'high',
      reversibility: 'easy',
      stakes: 'low',
    });
    expect(['majority', 'advice', 'score', 'fistToFive']).toContain(r.options[0]!.rule);
    const majority = recommendRules(
      {
        groupSize: 200,
        trustLevel: 3,
        trustSource: 'declared',
        urgency: 'high',
        reversibility: 'irreversible',
        stakes: 'high',
      },
      12,
    ).options.find((o) => o.rule === 'majority');
    expect(majority?.warnings).toContain('MINORITY_ON_HIGH_STAKES');
  });
});
