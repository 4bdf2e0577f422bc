import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { adjustedRandIndex } from './metrics';
import { computePriority, pickNextStatement, rankNextStatements } from './priority';
import { proportionTest, twoProportionTest } from './repness';

describe('routing priority (Polis priority-metric)', () => {
  it('matches hand-computed values', () => {
    // importance = (1 - 1/3)·1·(2/3) = 4/9; boost = 1 + 8·2^(-1/5)
    const expected = ((4 / 9) * (1 + 8 * 2 ** (-1 / 5))) ** 2;
    expect(computePriority(1, 0, 1, 0)).toBeCloseTo(expected, 12);
    expect(computePriority(0, 0, 0, 0, true)).toBe(49);
  });

  it('favours under-voted and divisive statements', () => {
    expect(computePriority(2, 0, 3, 0)).toBeGreaterThan(computePriority(20, 0, 30, 0));
    expect(computePriority(10, 0, 20, 2)).toBeGreaterThan(computePriority(10, 0, 20, 0));
  });

  it('never routes a statement already voted on', () => {
    const stats = [
      { statement: 'a', priority: 5 },
      { statement: 'b', priority: 1 },
    ];
    expect(rankNextStatements(stats, new Set(['a'])).map((s) => s.statement)).toEqual(['b']);
    expect(pickNextStatement(stats, new Set(['a', 'b']), createRng(1))).toBeNull();
    expect(pickNextStatement(stats, new Set(['b']), createRng(1))).toBe('a');
  });
});

describe('statistics', () => {
  it('proportion tests follow Polis stats.clj', () => {
    expect(proportionTest(3, 3)).toBeCloseTo(2, 12);
    expect(twoProportionTest(5, 5, 10, 10)).toBeCloseTo(0, 12);
    expect(twoProportionTest(9, 1, 10, 10)).toBeGreaterThan(1.2816);
  });

  it('adjusted Rand index is 1 for relabelled partitions and ≈0 for unrelated ones', () => {
    expect(adjustedRandIndex([0, 0, 1, 1], ['b', 'b', 'a', 'a'])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeLessThan(0);
  });
});
