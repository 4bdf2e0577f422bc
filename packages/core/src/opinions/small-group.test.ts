import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { analyzeOpinions } from './analyze';
import type { Vote } from './vote-matrix';

function team(n: number, nStatements: number, isSplit: boolean, seed: number): Vote[] {
  const rng = createRng(seed);
  const votes: Vote[] = [];
  for (let p = 0; p < n; p++) {
    for (let s = 0; s < nStatements; s++) {
      const stance = isSplit ? (p < n / 2 ? 1 : -1) * (s % 2 === 0 ? 1 : -1) : rng() < 0.5 ? 1 : -1;
      const v = rng() < 0.1 ? -stance : stance;
      votes.push({ participant: `p${p}`, statement: `s${s}`, vote: v as -1 | 1 });
    }
  }
  return votes;
}

describe('small-group mode', () => {
  it('is chosen automatically below 15 participants and finds two camps', () => {
    const a = analyzeOpinions(team(8, 12, true, 1), { seed: 1 });
    expect(a.mode).toBe('small-group');
    expect(a.explanation.key).toBe('opinions.smallGroup.groups');
    expect(a.groups.map((g) => g.members.length).sort()).toEqual([4, 4]);
    const first = a.participants.filter((p) => Number(p.id.slice(1)) < 4).map((p) => p.group);
    expect(new Set(first).size).toBe(1);
  });

  it('reports "no clear groups" on random votes', () => {
    const a = analyzeOpinions(team(6, 12, false, 3), { seed: 1 });
    expect(a.mode).toBe('small-group');
    expect(a.explanation.key).toBe('opinions.smallGroup.noClearGroups');
    expect(a.groups).toEqual([]);
    expect(a.participants.every((p) => p.group === null)).toBe(true);
  });
});
