import { describe, expect, it } from 'vitest';
import { findExposedGroup } from './disclosure-oracle';
import { partitionIntoAtoms, planCells } from './disclosure-plan';

const range = (from: number, to: number) => Int32Array.from({ length: to - from }, (_, i) => from + i);
const cell = (key: string, members: Int32Array) => ({ key, members });

describe('planCells', () => {
  it('suppresses empty and small cells with their reason', () => {
    const decisions = planCells([cell('empty', range(0, 0)), cell('small', range(0, 4))], 10, 5);
    expect(decisions).toEqual([
      { status: 'suppressed', reason: 'no-respondents' },
      { status: 'suppressed', reason: 'below-minimum' },
    ]);
  });

  it('blocks parent-minus-child differencing (12 vs 10 leaves 2 people)', () => {
    const decisions = planCells([cell('whole', range(0, 12)), cell('team', range(0, 10))], 12, 5);
    expect(decisions[0]).toEqual({ status: 'shown', reason: 'meets-threshold' });
    expect(decisions[1]).toEqual({ status: 'suppressed', reason: 'differencing-risk' });
  });

  it('shows nested cells whose differences are large enough', () => {
    const decisions = planCells(
      [
        cell('whole', range(0, 30)),
        cell('a', range(0, 10)),
        cell('b', range(10, 20)),
        cell('c', range(20, 30)),
      ],
      30,
      5,
    );
    expect(decisions.every((d) => d.status === 'shown')).toBe(true);
  });

  it('blocks a three-way chain that no pair reveals: C − A − B = one person', () => {
    const a = range(0, 6);
    const b = range(6, 12);
    const c = range(0, 13);
    const decisions = planCells([cell('c', c), cell('a', a), cell('b', b)], 13, 5);
    expect(decisions.filter((d) => d.reason === 'differencing-risk')).toHaveLength(1);
    const shown = [c, a, b].filter((_, i) => decisions[i]!.status === 'shown');
    expect(findExposedGroup(shown, 13, 5)).toBeNull();
  });

  it('lets the oracle catch what a threshold-only plan would leak', () => {
    const naive = [range(0, 13), range(0, 6), range(6, 12)];
    expect(findExposedGroup(naive, 13, 5)).not.toBeNull();
  });

  it('blocks crossing filters that isolate a small intersection', () => {
    // team = 0..9, women = 5..14; team ∩ women = 5..9 (5); complement pieces 5 and 5.
    // Adding "team men" (0..4) is fine; adding "team women minus one" is not.
    const decisions = planCells(
      [cell('team', range(0, 10)), cell('women', range(5, 15)), cell('tw', range(5, 9))],
      15,
      5,
    );
    expect(decisions[2]!.reason).toBe('below-minimum');
  });
});

describe('partitionIntoAtoms', () => {
  it('groups respondents by membership signature and drops those in no cell', () => {
    const { atomOf, atomSize, cellAtoms } = partitionIntoAtoms(
      [cell('x', Int32Array.from([0, 1, 2])), cell('y', Int32Array.from([2, 3]))],
      5,
    );
    expect(atomOf[4]).toBe(-1);
    expect(atomOf[0]).toBe(atomOf[1]);
    expect(new Set([atomOf[0], atomOf[2], atomOf[3]]).size).toBe(3);
    expect([...atomSize].sort()).toEqual([1, 1, 2]);
    expect(cellAtoms[0]).toHaveLength(2);
  });
});
