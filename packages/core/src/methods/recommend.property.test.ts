import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { METHOD_CATALOGUE } from './catalogue';
import { type RecommendationInput, recommendMethods, URGENT_MAX_MINUTES } from './recommend';
import { CYNEFIN_DOMAINS, IC_FORMS, METHOD_FAMILIES, type Method } from './types';

const inputArb: fc.Arbitrary<RecommendationInput> = fc.record(
  {
    family: fc.constantFrom(...METHOD_FAMILIES),
    icForms: fc.subarray([...IC_FORMS]),
    groupSize: fc.integer({ min: 1, max: 300 }),
    minutesAvailable: fc.integer({ min: 0, max: 600 }),
    mode: fc.constantFrom('online' as const, 'onsite' as const),
    trustLevel: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.double({ min: 1, max: 5, noNaN: true })),
    trustSource: fc.constantFrom('measured' as const, 'declared' as const),
    facilitatorLevel: fc.integer({ min: 1, max: 3 }),
    cynefin: fc.constantFrom(...CYNEFIN_DOMAINS),
    urgency: fc.constantFrom('low' as const, 'medium' as const, 'high' as const),
  },
  {
    requiredKeys: ['groupSize', 'minutesAvailable', 'mode', 'trustLevel', 'trustSource', 'facilitatorLevel'],
  },
);

/** A sub-catalogue, to exercise small and odd catalogues too. */
const catalogueArb: fc.Arbitrary<readonly Method[]> = fc.oneof(
  fc.constant(METHOD_CATALOGUE),
  fc.subarray([...METHOD_CATALOGUE], { minLength: 0, maxLength: 12 }),
);

/** Naive oracle of the hard rules, written independently of the implementation. */
const passesHardRules = (m: Method, input: RecommendationInput): boolean =>
  m.groupSize.min <= input.groupSize &&
  m.durationMinutes.min <= input.minutesAvailable &&
  (m.mode === 'both' || m.mode === input.mode);

const RUNS = { numRuns: 300 };

describe('recommendMethods properties', () => {
  it('never breaks a hard rule', () => {
    fc.assert(
      fc.property(catalogueArb, inputArb, (catalogue, input) => {
        const result = recommendMethods(catalogue, input);
        for (const option of result.options) {
          expect(passesHardRules(option.method, input)).toBe(true);
        }
        expect(result.eligibleCount + result.excluded.length).toBe(catalogue.length);
        for (const excluded of result.excluded) {
          const method = catalogue.find((m) => m.id === excluded.methodId);
          expect(method !== undefined && !passesHardRules(method, input)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('raises each warning exactly when its threshold is crossed', () => {
    fc.assert(
      fc.property(catalogueArb, inputArb, (catalogue, input) => {
        for (const { method: m, warnings } of recommendMethods(catalogue, input).options) {
          const codes = new Set(warnings.map((w) => w.code));
          expect(codes.has('TRUST_ABOVE_COLLECTIVE')).toBe(m.trustRequired > input.trustLevel);
          expect(codes.has('SKILL_ABOVE_FACILITATOR')).toBe(m.facilitationSkill > input.facilitatorLevel);
          expect(codes.has('DURATION_ABOVE_AVAILABLE')).toBe(
            m.durationMinutes.max !== null && m.durationMinutes.max > input.minutesAvailable,
          );
          expect(codes.has('GROUP_ABOVE_MAX')).toBe(
            m.groupSize.max !== null && input.groupSize > m.groupSize.max,
          );
          expect(codes.has('MULTI_SESSION')).toBe(m.elapsedDays !== undefined);
          expect(codes.has('SLOW_FOR_URGENCY')).toBe(
            input.urgency === 'high' && m.durationMinutes.min > URGENT_MAX_MINUTES,
          );
          expect(codes.has('CYNEFIN_MISMATCH')).toBe(
            input.cynefin !== undefined && !m.cynefin.includes(input.cynefin),
          );
          expect(codes.size).toBe(warnings.length);
        }
      }),
      RUNS,
    );
  });

  it('returns at least three options whenever at least three methods pass the hard rules', () => {
    fc.assert(
      fc.property(catalogueArb, inputArb, fc.integer({ min: 0, max: 10 }), (catalogue, input, limit) => {
        const eligible = catalogue.filter((m) => passesHardRules(m, input)).length;
        const result = recommendMethods(catalogue, input, { limit });
        expect(result.eligibleCount).toBe(eligible);
        expect(result.options.length).toBe(Math.min(eligible, Math.max(3, limit)));
        if (eligible >= 3) {
          expect(result.options.length).toBeGreaterThanOrEqual(3);
        }
        expect(new Set(result.options.map((o) => o.methodId)).size).toBe(result.options.length);
      }),
      RUNS,
    );
  });

  it('always states that the choice belongs to the group or sponsor', () => {
    fc.assert(
      fc.property(catalogueArb, inputArb, (catalogue, input) => {
        const result = recommendMethods(catalogue, input);
        expect(result.isChoiceForGroup).toBe(true);
        expect(result.notices).toContainEqual({ code: 'CHOICE_BELONGS_TO_GROUP' });
      }),
      RUNS,
    );
  });

  it('spreads options over several families when none is requested and the eligible set allows it', () => {
    fc.assert(
      fc.property(catalogueArb, inputArb, (catalogue, input) => {
        const result = recommendMethods(catalogue, input);
        const eligibleFamilies = new Set(
          catalogue.filter((m) => passesHardRules(m, input)).map((m) => m.family),
        );
        if (input.family === undefined && result.options.length >= 2 && eligibleFamilies.size >= 2) {
          expect(new Set(result.options.map((o) => o.method.family)).size).toBeGreaterThanOrEqual(2);
        }
      }),
      RUNS,
    );
  });

  it('keeps scores within [0, 100] and consistent with their breakdown', () => {
    fc.assert(
      fc.property(catalogueArb, inputArb, (catalogue, input) => {
        for (const option of recommendMethods(catalogue, input).options) {
          expect(option.score).toBeGreaterThanOrEqual(0);
          expect(option.score).toBeLessThanOrEqual(100);
          const sum = option.breakdown.reduce((s, c) => s + c.points, 0);
          expect(Math.abs(sum - option.score)).toBeLessThanOrEqual(0.05 + 1e-9);
          for (const component of option.breakdown) {
            expect(component.value).toBeGreaterThanOrEqual(0);
            expect(component.value).toBeLessThanOrEqual(1);
          }
        }
      }),
      RUNS,
    );
  });

  it('is deterministic and independent of catalogue order', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...METHOD_CATALOGUE], { minLength: METHOD_CATALOGUE.length }),
        inputArb,
        (shuffled, input) => {
          const a = recommendMethods(METHOD_CATALOGUE, input);
          const b = recommendMethods(METHOD_CATALOGUE, input);
          const c = recommendMethods(shuffled, input);
          expect(b).toEqual(a);
          expect(c.options.map((o) => o.methodId)).toEqual(a.options.map((o) => o.methodId));
          expect(c.excluded).toEqual(a.excluded);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('gives a higher Cynefin value to favoured methods than to others', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        if (input.cynefin === undefined) {
          return;
        }
        const domain = input.cynefin;
        const result = recommendMethods(METHOD_CATALOGUE, input);
        for (const option of result.options) {
          const value = option.breakdown.find((c) => c.criterion === 'cynefin')?.value ?? -1;
          const m = option.method;
          if (domain === 'complex') {
            expect(value === 1).toBe(m.cynefin.includes('complex'));
          }
          if (domain === 'chaotic' && m.cynefin.includes('chaotic') && m.durationMinutes.min <= 20) {
            expect(value).toBe(1);
          }
          if (
            domain === 'clear' &&
            (m.family === 'converge' || m.family === 'decide') &&
            m.durationMinutes.min <= 30
          ) {
            expect(value).toBe(1);
          }
        }
      }),
      RUNS,
    );
  });
});
