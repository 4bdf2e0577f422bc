/**
 * @module Ranked ballots: instant-runoff voting and the Borda count.
 *
 * Instant runoff (T. Hare, 1859, and W. R. Ware's single-winner form, 1871; as used in Australian House
 * of Representatives elections): each ballot counts for its highest-ranked option still in the race. An
 * option with more than half of the continuing ballots wins. Otherwise the option with the fewest votes
 * is eliminated and its ballots move on; a ballot with no remaining option is exhausted. Ties for
 * elimination are broken by the previous rounds' counts (fewest in the latest earlier round where they
 * differ, as in the Australian "backwards" rule), then by the order the options were listed (the later
 * one goes). If all remaining options tie, they are reported as a tie.
 *
 * Borda (J.-C. de Borda, 1781): with n options a ballot gives n−1 points to its first choice, n−2 to
 * the second…; options a ballot leaves unranked get 0 (a truncated ballot gives nothing to what it did
 * not rank).
 */

export interface IrvRound {
  readonly counts: Readonly<Record<string, number>>;
  readonly exhausted: number;
  readonly eliminated: string | null;
}

export interface IrvResult {
  readonly winners: readonly string[];
  readonly rounds: readonly IrvRound[];
}

export function instantRunoff(
  optionIds: readonly string[],
  ballots: readonly (readonly string[])[],
): IrvResult {
  const remaining = new Set(optionIds);
  const rounds: IrvRound[] = [];
  // Each ballot keeps a cursor on its current preference (amortised O(total ballot length)).
  const cursors = new Array<number>(ballots.length).fill(0);
  while (remaining.size > 0) {
    const counts: Record<string, number> = {};
    for (const id of optionIds) {
      if (remaining.has(id)) {
        counts[id] = 0;
      }
    }
    let exhausted = 0;
    let continuing = 0;
    ballots.forEach((ballot, b) => {
      let c = cursors[b]!;
      while (c < ballot.length && !remaining.has(ballot[c]!)) {
        c++;
      }
      cursors[b] = c;
      if (c < ballot.length) {
        counts[ballot[c]!]!++;
        continuing++;
      } else {
        exhausted++;
      }
    });
    const alive = optionIds.filter((id) => remaining.has(id));
    const leader = alive.find((id) => counts[id]! * 2 > continuing);
    if (leader !== undefined) {
      rounds.push({ counts, exhausted, eliminated: null });
      return { winners: [leader], rounds };
    }
    const fewest = Math.min(...alive.map((id) => counts[id]!));
    if (alive.every((id) => counts[id] === fewest)) {
      rounds.push({ counts, exhausted, eliminated: null });
      return { winners: continuing === 0 ? [] : alive, rounds };
    }
    let tied = alive.filter((id) => counts[id] === fewest);
    for (let r = rounds.length - 1; r >= 0 && tied.length > 1; r--) {
      const earlier = rounds[r]!.counts;
      const min = Math.min(...tied.map((id) => earlier[id] ?? 0));
      tied = tied.filter((id) => (earlier[id] ?? 0) === min);
    }
    const eliminated = tied[tied.length - 1]!;
    rounds.push({ counts, exhausted, eliminated });
    remaining.delete(eliminated);
  }
  return { winners: [], rounds };
}

export function borda(
  optionIds: readonly string[],
  ballots: readonly (readonly string[])[],
): Record<string, number> {
  const n = optionIds.length;
  const scores: Record<string, number> = {};
  for (const id of optionIds) {
    scores[id] = 0;
  }
  for (const ballot of ballots) {
    const seen = new Set<string>();
    let position = 0;
    for (const id of ballot) {
      if (Object.hasOwn(scores, id) && !seen.has(id)) {
        seen.add(id);
        scores[id]! += n - 1 - position;
        position++;
      }
    }
  }
  return scores;
}

/** Options with the highest score (several on a tie). */
export function topScorers(scores: Readonly<Record<string, number>>, optionIds: readonly string[]): string[] {
  const best = Math.max(...optionIds.map((id) => scores[id] ?? 0));
  return optionIds.filter((id) => (scores[id] ?? 0) === best);
}
