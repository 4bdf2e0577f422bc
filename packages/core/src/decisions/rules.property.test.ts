import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAdvice } from './rules/advice';
import { type ConsensusPosition, evaluateConsensus } from './rules/consensus';
import { evaluateConsent } from './rules/consent';
import { evaluateDeepDemocracy } from './rules/deep-democracy';
import { evaluateElection } from './rules/election';
import { evaluateFistToFive } from './rules/fist-to-five';
import { evaluateGradients } from './rules/gradients';
import { evaluateIntegrative, isValidObjection } from './rules/integrative';
import { evaluateMajority, MAJORITY_KINDS, type MajorityVote } from './rules/majority';

const reasonArb = fc.oneof(fc.constant(''), fc.constant('   '), fc.string({ minLength: 1, maxLength: 8 }));
const statusArb = fc.constantFrom('open' as const, 'integrated' as const, 'withdrawn' as const);

describe('consent (S3)', () => {
  const inputArb = fc.record({
    answers: fc.array(
      fc.record({
        answer: fc.constantFrom('consent' as const, 'concern' as const, 'object' as const),
        reason: fc.option(reasonArb),
      }),
      { maxLength: 12 },
    ),
    objections: fc.array(
      fc.record({ status: statusArb, reason: fc.string({ minLength: 1, maxLength: 5 }) }),
      { maxLength: 5 },
    ),
    eligibleCount: fc.integer({ min: 0, max: 12 }),
    isRoundClosed: fc.boolean(),
    reviewOn: fc.option(fc.constant('2027-06-01')),
  });

  it('never passes with an open objection, and never without a review date', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = evaluateConsent(input);
        if (input.objections.some((o) => o.status === 'open')) {
          expect(r.outcome).toBe('pending');
        }
        if (input.reviewOn === null) {
          expect(r.outcome).not.toBe('passed');
        }
        // Objections are integrated, not out-voted: consent never "rejects".
        expect(r.outcome).not.toBe('rejected');
      }),
    );
  });

  it('passes exactly when closed or complete, no open objection, someone answered and a review date is set', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const expected =
          !input.objections.some((o) => o.status === 'open') &&
          (input.isRoundClosed || input.answers.length >= input.eligibleCount) &&
          input.reviewOn !== null &&
          (input.answers.length > 0 || input.eligibleCount === 0);
        expect(evaluateConsent(input).outcome === 'passed').toBe(expected);
      }),
    );
  });

  it('integrating the last objection turns pending into passed (object → amend → re-test)', () => {
    const base = {
      answers: [{ answer: 'consent' as const, reason: null }],
      eligibleCount: 1,
      isRoundClosed: false,
      reviewOn: '2027-01-01',
    };
    expect(evaluateConsent({ ...base, objections: [{ status: 'open', reason: 'unsafe' }] }).outcome).toBe(
      'pending',
    );
    expect(
      evaluateConsent({ ...base, objections: [{ status: 'integrated', reason: 'unsafe' }] }).outcome,
    ).toBe('passed');
  });
});

describe('integrative decision-making (Holacracy)', () => {
  const testsArb = fc.record({
    reducesCapacity: fc.boolean(),
    createdByProposal: fc.boolean(),
    cannotAdaptInTime: fc.boolean(),
    limitsObjectorRole: fc.boolean(),
    breachesRules: fc.boolean(),
  });

  it('an objection is valid exactly when it meets the four tests, or breaks the rules, with a reason', () => {
    fc.assert(
      fc.property(testsArb, reasonArb, (t, reason) => {
        const truthTable =
          reason.trim() !== '' &&
          (t.breachesRules ||
            [t.reducesCapacity, t.createdByProposal, t.cannotAdaptInTime, t.limitsObjectorRole].every(
              Boolean,
            ));
        expect(isValidObjection(t, reason)).toBe(truthTable);
      }),
    );
  });

  it('passes iff the round is done and no valid (or untested) objection is open', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ reason: reasonArb, tests: fc.option(testsArb), status: statusArb }), {
          maxLength: 6,
        }),
        fc.boolean(),
        (objections, isObjectionRoundDone) => {
          const r = evaluateIntegrative({ objections, isObjectionRoundDone });
          const blocking = objections.some(
            (o) => o.status === 'open' && (o.tests === null || isValidObjection(o.tests, o.reason)),
          );
          expect(r.outcome === 'passed').toBe(isObjectionRoundDone && !blocking);
        },
      ),
    );
  });
});

describe('consensus (Seeds for Change)', () => {
  const posArb = fc.record({
    position: fc.constantFrom<ConsensusPosition>('agree', 'reservations', 'standAside', 'block'),
    reason: fc.option(reasonArb),
  });
  it('passes without the fallback only with no block and some support; warns on many stand-asides', () => {
    fc.assert(
      fc.property(fc.array(posArb, { maxLength: 15 }), (positions) => {
        const r = evaluateConsensus({ positions, fallback: null, isFallbackInvoked: false });
        const blocks = positions.filter((p) => p.position === 'block').length;
        const support = positions.filter(
          (p) => p.position === 'agree' || p.position === 'reservations',
        ).length;
        expect(r.outcome === 'passed').toBe(blocks === 0 && support > 0);
        const stand = positions.filter((p) => p.position === 'standAside').length;
        expect(r.warnings.includes('MANY_STAND_ASIDES')).toBe(stand > 0 && stand * 4 >= positions.length);
      }),
    );
  });
  it('the agreed fallback decides a blocked proposal by its supermajority', () => {
    fc.assert(
      fc.property(fc.array(posArb, { minLength: 1, maxLength: 15 }), (positions) => {
        const withBlock = [...positions, { position: 'block' as const, reason: 'values' }];
        const r = evaluateConsensus({
          positions: withBlock,
          fallback: { num: 3, den: 4 },
          isFallbackInvoked: true,
        });
        const support = withBlock.filter(
          (p) => p.position === 'agree' || p.position === 'reservations',
        ).length;
        expect(r.outcome === 'passed').toBe(support / withBlock.length >= 0.75);
        expect(r.isByFallback).toBe(true);
      }),
    );
  });
});

describe('fist to five and gradients', () => {
  it('fist to five passes exactly when someone voted and the minimum is 3 or more; any 0 rejects', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 20 }), (values) => {
        const r = evaluateFistToFive({ values: values.map((value) => ({ value, reason: 'x' })) });
        expect(r.outcome === 'passed').toBe(values.length > 0 && Math.min(...values) >= 3);
        expect(r.outcome === 'rejected').toBe(values.includes(0));
        expect(r.histogram.reduce((a, b) => a + b, 0)).toBe(values.length);
      }),
    );
  });

  it('gradients: a veto rejects; otherwise the share at or under the cut-off (abstentions aside) decides', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 8 }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom([1, 2], [2, 3], [3, 4], [1, 1]),
        (levels, cutoff, [num, den]) => {
          const r = evaluateGradients({ levels, cutoff, minShare: num! / den! });
          const counted = levels.filter((l) => l !== 4);
          let expected: string;
          if (levels.length === 0 || (counted.length === 0 && !levels.includes(8))) {
            expected = 'pending';
          } else if (levels.includes(8)) {
            expected = 'rejected';
          } else {
            // Exact fractions: support / counted ≥ num / den ⇔ support × den ≥ num × counted.
            const support = counted.filter((l) => l <= cutoff).length;
            expected = support * den! >= num! * counted.length ? 'passed' : 'rejected';
          }
          expect(r.outcome).toBe(expected);
        },
      ),
    );
  });
});

describe('majorities with quorum', () => {
  it('matches the textbook definitions computed with exact fractions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<MajorityVote>('yes', 'no', 'abstain'), { maxLength: 30 }),
        fc.constantFrom(...MAJORITY_KINDS),
        fc.integer({ min: 0, max: 20 }),
        fc.constantFrom(0, 0.5, 2 / 3),
        (votes, kind, extra, quorum) => {
          const eligibleCount = votes.length + extra;
          const r = evaluateMajority({ votes, kind, eligibleCount, quorum });
          const yes = votes.filter((v) => v === 'yes').length;
          const cast = votes.filter((v) => v !== 'abstain').length;
          if (votes.length < Math.ceil(quorum * eligibleCount - 1e-9)) {
            expect(r.outcome).toBe('pending');
            return;
          }
          const threshold = {
            simple: [1, 2, '>'],
            absolute: [1, 2, '>E'],
            twoThirds: [2, 3, '>='],
            threeQuarters: [3, 4, '>='],
          }[kind];
          const [num, den, op] = threshold as [number, number, string];
          const expected =
            op === '>'
              ? yes / cast > num / den
              : op === '>E'
                ? yes / eligibleCount > num / den
                : cast > 0 && yes * den >= num * cast;
          expect(r.outcome === 'passed').toBe(Boolean(expected));
        },
      ),
    );
  });

  it('two thirds of three is exactly two', () => {
    expect(
      evaluateMajority({ votes: ['yes', 'yes', 'no'], kind: 'twoThirds', eligibleCount: 3, quorum: 0 })
        .outcome,
    ).toBe('passed');
    expect(
      evaluateMajority({ votes: ['yes', 'no'], kind: 'simple', eligibleCount: 2, quorum: 0 }).outcome,
    ).toBe('rejected');
  });
});

describe('advice, deep democracy, election by consent', () => {
  it('the advice process never passes without affected and expert advice all answered and a written decision', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            from: fc.constantFrom('affected' as const, 'expert' as const),
            advice: fc.string(),
            isFollowed: fc.option(fc.boolean()),
            why: fc.option(reasonArb),
          }),
          { maxLength: 6 },
        ),
        fc.option(reasonArb),
        (advice, decision) => {
          const r = evaluateAdvice({ advice, decision });
          const expected =
            advice.some((a) => a.from === 'affected') &&
            advice.some((a) => a.from === 'expert') &&
            advice.every((a) => a.isFollowed !== null && (a.why ?? '').trim() !== '') &&
            (decision ?? '').trim() !== '';
          expect(r.outcome === 'passed').toBe(expected);
        },
      ),
    );
  });

  it('deep democracy: a majority with a minority waits until the minority was asked; conditions are kept', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<MajorityVote>('yes', 'no', 'abstain'), { maxLength: 15 }),
        fc.boolean(),
        fc.array(fc.record({ text: fc.string({ minLength: 1 }), isAdded: fc.boolean() }), { maxLength: 3 }),
        (votes, isMinorityAsked, conditions) => {
          const r = evaluateDeepDemocracy({ votes, isMinorityAsked, conditions });
          const yes = votes.filter((v) => v === 'yes').length;
          const no = votes.filter((v) => v === 'no').length;
          expect(r.outcome === 'passed').toBe(yes > no && (no === 0 || isMinorityAsked));
          expect(r.addedConditions).toEqual(conditions.filter((c) => c.isAdded).map((c) => c.text));
        },
      ),
    );
  });

  it('election by consent passes only when the nominee consents last after everyone else', () => {
    const people = ['ana', 'ben', 'chloe', 'dev'];
    fc.assert(
      fc.property(
        fc.shuffledSubarray(people, { minLength: 0, maxLength: 4 }),
        fc.constantFrom(...people),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        (order, nominee, consents) => {
          const answers = order.map((by, i) => ({
            by,
            answer: consents[i] ? ('consent' as const) : ('object' as const),
            isOpen: !consents[i],
          }));
          const r = evaluateElection({
            eligible: people,
            nominations: [{ by: 'ana', nominee, reason: 'clear and steady' }],
            proposedNominee: nominee,
            answers,
          });
          const expected =
            order.length === people.length &&
            order[order.length - 1] === nominee &&
            answers.every((a) => a.answer === 'consent');
          expect(r.outcome === 'passed').toBe(expected);
        },
      ),
    );
  });
});
