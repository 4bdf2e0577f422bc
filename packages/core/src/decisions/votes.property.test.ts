import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { majorityJudgment } from './rules/majority-judgment';
import { borda, instantRunoff } from './rules/ranked';
import { dotVoting, isValidDotBallot, scoreVoting } from './rules/score';

const OPTIONS = ['a', 'b', 'c', 'd'];

/** Slow majority-judgment reference: sort every grade list, take the lower median, splice it, repeat. */
function slowMajorityJudgmentOrder(options: string[], ballots: Record<string, number>[]): string[][] {
  const value = (id: string) => {
    const grades = ballots.map((b) => b[id] ?? 0).sort((x, y) => x - y);
    const out: number[] = [];
    while (grades.length > 0) {
      const i = Math.floor((grades.length - 1) / 2);
      out.push(grades[i]!);
      grades.splice(i, 1);
    }
    return out;
  };
  const cmp = (x: number[], y: number[]) => {
    for (let i = 0; i < x.length; i++) {
      if (x[i] !== y[i]) {
        return y[i]! - x[i]!;
      }
    }
    return 0;
  };
  const values = options.map((id) => ({ id, v: value(id) }));
  // Group into tiers by brute force: an option's tier is the number of options strictly better.
  const tiers = new Map<number, string[]>();
  for (const x of values) {
    const better = values.filter((y) => cmp(y.v, x.v) < 0).length;
    tiers.set(better, [...(tiers.get(better) ?? []), x.id]);
  }
  return [...tiers.entries()].sort((p, q) => p[0] - q[0]).map(([, ids]) => ids.sort());
}

/** Slow instant-runoff reference written independently: rebuild every count from scratch each round. */
function slowIrv(options: string[], ballots: string[][]): string[] {
  let alive = [...options];
  const history: Record<string, number>[] = [];
  for (;;) {
    const counts: Record<string, number> = Object.fromEntries(alive.map((o) => [o, 0]));
    let total = 0;
    for (const b of ballots) {
      const top = b.find((o) => alive.includes(o));
      if (top !== undefined) {
        counts[top]! += 1;
        total += 1;
      }
    }
    for (const o of alive) {
      if (counts[o]! / total > 0.5) {
        return [o];
      }
    }
    const min = Math.min(...alive.map((o) => counts[o]!));
    if (alive.every((o) => counts[o] === min)) {
      return total === 0 ? [] : alive;
    }
    let losers = alive.filter((o) => counts[o] === min);
    for (let r = history.length - 1; r >= 0 && losers.length > 1; r--) {
      const m = Math.min(...losers.map((o) => history[r]![o] ?? 0));
      losers = losers.filter((o) => (history[r]![o] ?? 0) === m);
    }
    history.push(counts);
    const out = losers[losers.length - 1];
    alive = alive.filter((o) => o !== out);
  }
}

const rankingArb = fc.shuffledSubarray(OPTIONS, { minLength: 0, maxLength: 4 });

describe('majority judgment (Balinski–Laraki)', () => {
  it('equals a brute-force median computation, ties included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(fc.constantFrom(...OPTIONS), fc.integer({ min: 0, max: 5 })), {
          maxLength: 15,
        }),
        (ballots) => {
          const rows = majorityJudgment(OPTIONS, ballots, 6);
          const tiers = new Map<number, string[]>();
          for (const r of rows) {
            tiers.set(r.rank, [...(tiers.get(r.rank) ?? []), r.optionId]);
          }
          const fast = [...tiers.entries()].sort((p, q) => p[0] - q[0]).map(([, ids]) => ids.sort());
          expect(fast).toEqual(slowMajorityJudgmentOrder(OPTIONS, ballots));
        },
      ),
    );
  });

  it('the majority grade is the lower median', () => {
    const rows = majorityJudgment(['x'], [{ x: 1 }, { x: 4 }, { x: 2 }, { x: 5 }], 6);
    expect(rows[0]!.majorityGrade).toBe(2);
  });
});

describe('instant runoff and Borda', () => {
  it('instant runoff equals a slow reference', () => {
    fc.assert(
      fc.property(fc.array(rankingArb, { maxLength: 25 }), (ballots) => {
        expect([...instantRunoff(OPTIONS, ballots).winners]).toEqual(slowIrv(OPTIONS, ballots));
      }),
    );
  });

  it('a candidate ranked first by a majority wins instant runoff in round one', () => {
    fc.assert(
      fc.property(fc.array(rankingArb, { maxLength: 10 }), (others) => {
        const ballots = [...others.map(() => ['b', 'a']), ...others, ['b']];
        const r = instantRunoff(OPTIONS, ballots);
        expect(r.winners).toEqual(['b']);
      }),
    );
  });

  it('Borda equals the sum of (n − 1 − position) over ballots', () => {
    fc.assert(
      fc.property(fc.array(rankingArb, { maxLength: 20 }), (ballots) => {
        const scores = borda(OPTIONS, ballots);
        for (const o of OPTIONS) {
          let expected = 0;
          for (const b of ballots) {
            const i = b.indexOf(o);
            expected += i < 0 ? 0 : OPTIONS.length - 1 - i;
          }
          expect(scores[o]).toBe(expected);
        }
      }),
    );
  });
});

describe('score and dot voting', () => {
  it('score winners have the highest mean over the voters who scored them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(fc.constantFrom(...OPTIONS), fc.integer({ min: 0, max: 10 })), {
          maxLength: 12,
        }),
        (ballots) => {
          const r = scoreVoting(OPTIONS, ballots);
          const means = OPTIONS.map((o) => {
            const xs = ballots.filter((b) => o in b).map((b) => b[o]!);
            return xs.length ? xs.reduce((p, q) => p + q, 0) / xs.length : -Infinity;
          });
          const best = Math.max(...means);
          expect(r.winners).toEqual(
            best === -Infinity ? [] : OPTIONS.filter((_, i) => Math.abs(means[i]! - best) < 1e-12),
          );
        },
      ),
    );
  });

  it('dot ballots over budget or stacked without permission are invalid; dots add up', () => {
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(fc.constantFrom(...OPTIONS), fc.integer({ min: 0, max: 3 })), {
          maxLength: 10,
        }),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        (ballots, budget, canStack) => {
          for (const b of ballots) {
            const total = Object.values(b).reduce((p, q) => p + q, 0);
            const stacked = Object.values(b).some((d) => d > 1);
            expect(isValidDotBallot(b, OPTIONS, budget, canStack)).toBe(
              total <= budget && (canStack || !stacked),
            );
          }
          const r = dotVoting(OPTIONS, ballots);
          const sum = Object.values(r.dots).reduce((p, q) => p + q, 0);
          expect(sum).toBe(ballots.reduce((s, b) => s + Object.values(b).reduce((p, q) => p + q, 0), 0));
        },
      ),
    );
  });
});
