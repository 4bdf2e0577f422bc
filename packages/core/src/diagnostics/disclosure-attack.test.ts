/**
 * Property-based attack suite for the disclosure planner: random respondents, nested
 * collectives, attribute filters and their combinations; the exact oracle
 * (disclosure-oracle.ts) then looks for any group of fewer than k respondents whose answers
 * follow from the shown aggregates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateCuts } from './aggregate-cuts';
import { buildCustomInstrument } from './build-instrument';
import {
  type CutDefinition,
  computeCutMembers,
  type DisclosureRespondent,
  enumerateRequestableCuts,
} from './cuts';
import { findExposedGroup } from './disclosure-oracle';
import { planCells } from './disclosure-plan';
import { ESSAIM_IC } from './essaim-ic';
import { planDisclosure } from './plan-disclosure';
import { buildResponseMatrix } from './response-matrix';

const collectives = [
  { id: 'org' },
  { id: 'a', parentId: 'org' },
  { id: 'a1', parentId: 'a' },
  { id: 'a2', parentId: 'a' },
  { id: 'b', parentId: 'org' },
];
const universe = enumerateRequestableCuts({
  collectives,
  attributes: [
    { name: 'site', values: ['x', 'y'] },
    { name: 'role', values: ['m', 'e', 's'] },
  ],
  maxFilters: 2,
});

const respondentArb = fc.record({
  collective: fc.constantFrom('org', 'a', 'a1', 'a2', 'b'),
  site: fc.constantFrom('x', 'y'),
  role: fc.constantFrom('m', 'e', 's'),
});

function toRespondents(
  drafts: readonly { collective: string; site: string; role: string }[],
): DisclosureRespondent[] {
  return drafts.map((d, i) => ({
    id: `r${i}`,
    collectiveIds: [d.collective],
    attributes: { site: d.site, role: d.role },
  }));
}

describe('disclosure planner under differencing attacks', () => {
  it('never exposes a group smaller than k through any linear combination (random cuts, k = 2..4)', () => {
    fc.assert(
      fc.property(
        fc.array(respondentArb, { minLength: 1, maxLength: 11 }),
        fc.subarray(universe, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 2, max: 4 }),
        (drafts, cuts, k) => {
          const respondents = toRespondents(drafts);
          const members = computeCutMembers(respondents, cuts, collectives);
          const cells = members.map((m, i) => ({ key: `c${i}`, members: m }));
          const decisions = planCells(cells, respondents.length, k);
          const shown = members.filter((_, i) => decisions[i]!.status === 'shown');
          for (const m of shown) {
            expect(m.length).toBeGreaterThanOrEqual(k);
          }
          expect(findExposedGroup(shown, respondents.length, k)).toBeNull();
        },
      ),
      { numRuns: 150, seed: 20260101 },
    );
  });

  it('holds at the production threshold (k = 5) through planDisclosure with nested collectives', () => {
    fc.assert(
      fc.property(
        fc.array(respondentArb, { minLength: 4, maxLength: 12 }),
        fc.subarray(universe, { minLength: 1, maxLength: 40 }),
        (drafts, cuts) => {
          const respondents = toRespondents(drafts);
          const decisions = planDisclosure({ respondents, requestedCuts: cuts, collectives });
          const shownCuts = decisions.filter((d) => d.status === 'shown').map((d) => d.cut);
          const shown = computeCutMembers(respondents, shownCuts, collectives);
          for (const d of decisions) {
            if (d.status === 'suppressed') {
              expect(d.n).toBeNull();
            }
          }
          // Pairwise: no two shown cuts differ by 1..k−1 people (symmetric difference).
          for (const a of shown) {
            for (const b of shown) {
              const setA = new Set(a);
              const setB = new Set(b);
              const diff =
                [...setA].filter((x) => !setB.has(x)).length + [...setB].filter((x) => !setA.has(x)).length;
              expect(diff === 0 || diff >= 5).toBe(true);
            }
          }
          expect(findExposedGroup(shown, respondents.length, 5)).toBeNull();
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });

  it('reconstructs nothing by brute-force differencing of shown sums (answers attack)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(respondentArb, fc.integer({ min: 1, max: 5 })), { minLength: 5, maxLength: 12 }),
        fc.subarray(universe, { minLength: 2, maxLength: 40 }),
        (rows, cuts) => {
          const respondents = toRespondents(rows.map(([d]) => d));
          const answers = rows.map(([, a]) => a);
          const decisions = planDisclosure({ respondents, requestedCuts: cuts, collectives });
          const shownCuts = decisions.filter((d) => d.status === 'shown').map((d) => d.cut);
          const shown = computeCutMembers(respondents, shownCuts, collectives);
          // Every ±1 combination of up to three shown sums: if its net membership is a single
          // respondent, the attack would have recovered that answer.
          const sets = shown.map((m) => new Set(m));
          const tryCombination = (terms: { set: Set<number>; sign: number }[]) => {
            const weight = new Map<number, number>();
            for (const { set, sign } of terms) {
              for (const m of set) {
                weight.set(m, (weight.get(m) ?? 0) + sign);
              }
            }
            const support = [...weight.entries()].filter(([, w]) => w !== 0);
            const total = support.reduce((s, [m, w]) => s + w * answers[m]!, 0);
            expect(support.length === 0 || support.length >= 5, `recovered ${total}`).toBe(true);
          };
          for (let i = 0; i < sets.length; i++) {
            for (let j = 0; j < sets.length; j++) {
              tryCombination([
                { set: sets[i]!, sign: 1 },
                { set: sets[j]!, sign: -1 },
              ]);
              for (let l = j + 1; l < sets.length; l++) {
                tryCombination([
                  { set: sets[i]!, sign: 1 },
                  { set: sets[j]!, sign: -1 },
                  { set: sets[l]!, sign: -1 },
                ]);
              }
            }
          }
        },
      ),
      { numRuns: 40, seed: 99 },
    );
  });

  it('does not depend on which cuts a single request names', () => {
    fc.assert(
      fc.property(
        fc.array(respondentArb, { minLength: 4, maxLength: 30 }),
        fc.subarray(universe, { minLength: 2, maxLength: 40 }),
        fc.nat(),
        (drafts, cuts, split) => {
          const respondents = toRespondents(drafts);
          const cut = split % cuts.length;
          const requested: CutDefinition[] = [cuts[cut]!];
          const others = cuts.filter((_, i) => i !== cut);
          const alone = planDisclosure({
            respondents,
            requestedCuts: requested,
            otherRequestableCuts: others,
            collectives,
          });
          const together = planDisclosure({ respondents, requestedCuts: cuts, collectives });
          expect(alone[0]).toEqual(together[cut]);
        },
      ),
      { numRuns: 100, seed: 3 },
    );
  });

  it('keeps optional-item and complete-case aggregates safe together with cut aggregates', () => {
    const built = buildCustomInstrument({
      id: 'attack',
      version: '1.0.0',
      name: { fr: 'Attaque', en: 'Attack' },
      bank: ESSAIM_IC,
      bankItemIds: ['safety-risk'],
      ownItems: [
        {
          id: 'safety-extra',
          constructId: 'psychological-safety',
          scale: 'agreement5',
          isOptional: true,
          text: { fr: 'Facultatif.', en: 'Optional.' },
        },
      ],
    });
    if (!built.ok) {
      throw new Error('fixture');
    }
    const instrument = built.value;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(respondentArb, fc.boolean()), { minLength: 5, maxLength: 12 }),
        fc.subarray(universe, { minLength: 1, maxLength: 30 }),
        (rows, cuts) => {
          const respondents = toRespondents(rows.map(([d]) => d));
          const submissions = rows.map(([, answered]) => ({
            numeric: { 'safety-risk': 3, ...(answered ? { 'safety-extra': 4 } : {}) },
            text: {},
          }));
          const report = aggregateCuts({
            matrix: buildResponseMatrix(instrument, submissions),
            respondents,
            requestedCuts: cuts,
            collectives,
          });
          const sets: Int32Array[] = [];
          for (const cut of report.cuts) {
            if (cut.status !== 'shown') {
              continue;
            }
            const members = computeCutMembers(respondents, [cut.cut], collectives)[0]!;
            sets.push(members);
            const isExtraShown = cut.summary!.items.some((i) => i.itemId === 'safety-extra');
            const isConstructShown = cut.summary!.constructs.length > 0;
            if (isExtraShown || isConstructShown) {
              sets.push(members.filter((m) => rows[m]![1]));
            }
          }
          expect(findExposedGroup(sets, respondents.length, 5)).toBeNull();
        },
      ),
      { numRuns: 60, seed: 11 },
    );
  });
});
