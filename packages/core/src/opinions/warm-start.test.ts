import { describe, expect, it } from 'vitest';
import { analyzeOpinions } from './analyze';
import type { Vote } from './vote-matrix';

/** Two planted camps over 12 statements, 60 people, with some missing votes (deterministic). */
function plantedVotes(extraStatement = false): Vote[] {
  const votes: Vote[] = [];
  let t = 0;
  for (let p = 0; p < 60; p++) {
    const camp = p % 2 === 0 ? 1 : -1;
    for (let s = 0; s < (extraStatement ? 13 : 12); s++) {
      if ((p * 7 + s * 3) % 5 === 0) {
        continue;
      }
      const lean = s < 6 ? camp : s < 10 ? -camp : 1;
      const vote = ((p + s) % 9 === 0 ? -lean : lean) as -1 | 1;
      votes.push({ participant: `p${p}`, statement: `s${s}`, vote, timestamp: t++ });
    }
  }
  return votes;
}

describe('warm start from the previous axes', () => {
  it('reaches the same map in no more iterations, and the same groups', () => {
    const cold = analyzeOpinions(plantedVotes(), { seed: 3 });
    const warm = analyzeOpinions(plantedVotes(), { seed: 3, previousAxes: cold.axes });
    expect(warm.pca.iterations).toBeLessThanOrEqual(cold.pca.iterations);
    for (const axis of [0, 1] as const) {
      const a = cold.axes.components[axis];
      const b = warm.axes.components[axis];
      const cos = Math.abs(a.reduce((sum, x, i) => sum + x * b[i]!, 0));
      expect(cos).toBeGreaterThan(0.99999);
    }
    expect(warm.groups.map((g) => g.members.sort())).toEqual(cold.groups.map((g) => g.members.sort()));
  });

  it('survives a new statement (aligned by id) and stays deterministic', () => {
    const first = analyzeOpinions(plantedVotes(), { seed: 3 });
    const next = plantedVotes(true);
    const a = analyzeOpinions(next, { seed: 3, previousAxes: first.axes });
    const b = analyzeOpinions(next, { seed: 3, previousAxes: first.axes });
    expect(a).toEqual(b);
    expect(a.axes.statements).toContain('s12');
    const cold = analyzeOpinions(next, { seed: 3 });
    expect(a.groups.length).toBe(cold.groups.length);
  });
});
