import { describe, expect, it } from 'vitest';
import { aggregateCuts } from './aggregate-cuts';
import { buildCustomInstrument } from './build-instrument';
import {
  type CutDefinition,
  computeCutMembers,
  type DisclosureRespondent,
  enumerateRequestableCuts,
} from './cuts';
import { ESSAIM_IC, ESSAIM_IC_PULSE } from './essaim-ic';
import { buildResponseMatrix } from './response-matrix';
import { normaliseAnswer, scoreAnswer } from './scales';
import type { ValidSubmission } from './submission';

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const collectives = [{ id: 'org' }, { id: 'a', parentId: 'org' }, { id: 'b', parentId: 'org' }];
const random = mulberry32(7);
const respondents: DisclosureRespondent[] = Array.from({ length: 40 }, (_, i) => ({
  id: `r${i}`,
  collectiveIds: [i < 18 ? 'a' : 'b'],
  attributes: { site: random() < 0.5 ? 'x' : 'y', role: random() < 0.2 ? 'manager' : 'staff' },
}));
const submissions: ValidSubmission[] = respondents.map(() => ({
  numeric: Object.fromEntries(
    ESSAIM_IC_PULSE.items
      .filter((i) => i.scale !== 'openText')
      .map((i) => [i.id, 1 + Math.floor(random() * 5)]),
  ),
  text: {},
}));
const universe = enumerateRequestableCuts({
  collectives,
  attributes: [
    { name: 'site', values: ['x', 'y'] },
    { name: 'role', values: ['manager', 'staff'] },
  ],
});

describe('aggregateCuts', () => {
  const matrix = buildResponseMatrix(ESSAIM_IC_PULSE, submissions);
  const report = aggregateCuts({ matrix, respondents, requestedCuts: universe, collectives });

  it('returns aggregates only for shown cuts, and a reason for every suppressed one', () => {
    expect(report.cuts).toHaveLength(universe.length);
    const shown = report.cuts.filter((c) => c.status === 'shown');
    expect(shown.length).toBeGreaterThan(3);
    expect(report.cuts.some((c) => c.reason === 'differencing-risk')).toBe(true);
    for (const cut of report.cuts) {
      if (cut.status === 'shown') {
        expect(cut.summary).toBeDefined();
        expect(cut.n).toBeGreaterThanOrEqual(5);
      } else {
        expect(cut.summary).toBeUndefined();
        expect(cut.interpretation).toBeUndefined();
        expect(cut.n).toBeNull();
        expect(['no-respondents', 'below-minimum', 'differencing-risk']).toContain(cut.reason);
      }
    }
  });

  it('computes the same construct scores as a naive per-cut computation', () => {
    const shown = report.cuts.filter((c) => c.status === 'shown');
    const members = computeCutMembers(
      respondents,
      shown.map((c) => c.cut),
      collectives,
    );
    shown.forEach((cut, index) => {
      for (const construct of cut.summary!.constructs) {
        const items = ESSAIM_IC_PULSE.items.filter((i) => i.constructId === construct.constructId);
        const scores = Array.from(members[index]!, (m) => {
          const values = items.map((i) =>
            normaliseAnswer(
              i.scale,
              scoreAnswer(i.scale, submissions[m]!.numeric[i.id]!, i.isReverseScored === true),
            ),
          );
          return values.reduce((s, v) => s + v, 0) / values.length;
        });
        const mean = scores.reduce((s, v) => s + v, 0) / scores.length;
        expect(construct.n).toBe(scores.length);
        expect(construct.score).toBeCloseTo(mean, 9);
      }
    });
  });

  it('never lowers thresholds below 5 and 10', () => {
    const lowered = aggregateCuts({
      matrix,
      respondents,
      requestedCuts: [{ collectiveId: 'a' }],
      collectives,
      thresholds: { minRespondents: 2, minOpenText: 1 },
    });
    expect(lowered.thresholds).toEqual({ minRespondents: 5, minOpenText: 10, minSelfDeclared: 10 });
    const raised = aggregateCuts({
      matrix,
      respondents,
      requestedCuts: [{ collectiveId: 'a' }],
      collectives,
      thresholds: { minRespondents: 25 },
    });
    expect(raised.cuts[0]!.reason).toBe('below-minimum');
  });

  it('withholds an optional item when too few people skipped it to hide who did', () => {
    const result = buildCustomInstrument({
      id: 'custom',
      version: '1.0.0',
      name: { fr: 'Perso', en: 'Custom' },
      bank: ESSAIM_IC,
      bankItemIds: ['safety-risk', 'safety-valued'],
      ownItems: [
        {
          id: 'safety-extra',
          constructId: 'psychological-safety',
          scale: 'agreement5',
          isOptional: true,
          text: { fr: 'Question facultative.', en: 'Optional question.' },
        },
      ],
    });
    if (!result.ok) {
      throw new Error('fixture');
    }
    const rows: ValidSubmission[] = Array.from({ length: 12 }, (_, i) => ({
      numeric: { 'safety-risk': 4, 'safety-valued': 3, ...(i < 2 ? {} : { 'safety-extra': 5 }) },
      text: {},
    }));
    const people = rows.map((_, i) => ({ id: `p${i}`, collectiveIds: ['a'], attributes: {} }));
    const cuts: CutDefinition[] = [{ collectiveId: 'a' }];
    const custom = aggregateCuts({
      matrix: buildResponseMatrix(result.value, rows),
      respondents: people,
      requestedCuts: cuts,
      collectives,
    });
    const cut = custom.cuts[0]!;
    expect(cut.status).toBe('shown');
    expect(cut.withheld).toEqual([
      { kind: 'item', id: 'safety-extra', reason: 'differencing-risk' },
      { kind: 'construct', id: 'psychological-safety', reason: 'differencing-risk' },
    ]);
    expect(cut.summary!.items.map((i) => i.itemId)).toEqual(['safety-risk', 'safety-valued']);
    expect(cut.summary!.constructs).toEqual([]);
  });

  it('rejects a matrix that does not match the respondents', () => {
    expect(() =>
      aggregateCuts({ matrix, respondents: respondents.slice(1), requestedCuts: [{}], collectives }),
    ).toThrow(/differ in length/);
  });
});

describe('aggregateCuts with self-declared members', () => {
  const people = (n: number, selfDeclared: boolean, collective: string): DisclosureRespondent[] =>
    Array.from({ length: n }, (_, i) => ({
      id: `${collective}-${selfDeclared ? 's' : 'v'}${i}`,
      collectiveIds: [collective],
      attributes: {},
      selfDeclared,
    }));
  const answers = (n: number): ValidSubmission[] =>
    Array.from({ length: n }, () => ({
      numeric: Object.fromEntries(
        ESSAIM_IC_PULSE.items.filter((i) => i.scale !== 'openText').map((i) => [i.id, 3]),
      ),
      text: {},
    }));
  const tree = [{ id: 'a' }, { id: 'b' }];
  const run = (rs: DisclosureRespondent[]) =>
    aggregateCuts({
      matrix: buildResponseMatrix(ESSAIM_IC_PULSE, answers(rs.length)),
      respondents: rs,
      requestedCuts: [{ collectiveId: 'a' }, { collectiveId: 'b' }],
      collectives: tree,
    });

  it('needs 10 respondents per cell, and per derivable group, once anyone declared their own membership', () => {
    // 4 scripted answers through the shared link plus 1 real one: n = 5 must not be shown.
    const padded = run([...people(5, true, 'a'), ...people(12, false, 'b')]);
    expect(padded.thresholds.minSelfDeclared).toBe(10);
    expect(padded.cuts[0]).toMatchObject({ status: 'suppressed', reason: 'below-self-declared-minimum' });
    expect(padded.cuts[1]).toMatchObject({ status: 'shown', n: 12 });
    const mixed = run([...people(4, false, 'a'), ...people(1, true, 'a'), ...people(12, false, 'b')]);
    expect(mixed.cuts[0]?.reason).toBe('below-self-declared-minimum');
    const verified = run([...people(5, false, 'a'), ...people(12, false, 'b')]);
    expect(verified.cuts[0]).toMatchObject({ status: 'shown', n: 5 });
    const enough = run([...people(10, true, 'a'), ...people(12, false, 'b')]);
    expect(enough.cuts[0]).toMatchObject({ status: 'shown', n: 10 });
    // Whole (17) minus b (12) would isolate the 5 padded answers of a: one of the two is withheld.
    const differencing = aggregateCuts({
      matrix: buildResponseMatrix(ESSAIM_IC_PULSE, answers(17)),
      respondents: [...people(5, true, 'a'), ...people(12, false, 'b')],
      requestedCuts: [{}, { collectiveId: 'b' }],
      collectives: tree,
    });
    expect(differencing.cuts.map((c) => c.status).sort()).toEqual(['shown', 'suppressed']);
    expect(differencing.cuts.find((c) => c.status === 'suppressed')?.reason).toBe('differencing-risk');
  });
});
