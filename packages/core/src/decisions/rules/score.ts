/**
 * @module Score voting and dot voting.
 *
 * Score (range) voting (W. D. Smith, "Range voting", 2000; as in approval/range literature): each voter
 * gives each option a score from 0 to max; an option's result is its mean score over the voters who
 * scored it (so an option nobody scored is not favoured or punished by the count of voters); highest
 * mean wins, ties reported.
 *
 * Dot voting (a facilitation practice also called "dotmocracy", J. Diceman 2010): each voter places a
 * budget of dots on options, several on one option when the group allows it; most dots wins. A ballot
 * over budget or stacking when stacking is not allowed is invalid and refused at input
 * ({@link isValidDotBallot}).
 */

export function scoreVoting(
  optionIds: readonly string[],
  ballots: readonly Readonly<Record<string, number>>[],
): { means: Record<string, number | null>; winners: string[] } {
  const means: Record<string, number | null> = {};
  for (const id of optionIds) {
    let sum = 0;
    let n = 0;
    for (const b of ballots) {
      if (Object.hasOwn(b, id)) {
        sum += b[id]!;
        n++;
      }
    }
    means[id] = n === 0 ? null : sum / n;
  }
  const scored = optionIds.filter((id) => means[id] !== null);
  if (scored.length === 0) {
    return { means, winners: [] };
  }
  const best = Math.max(...scored.map((id) => means[id]!));
  return { means, winners: scored.filter((id) => Math.abs(means[id]! - best) < 1e-12) };
}

export function isValidDotBallot(
  ballot: Readonly<Record<string, number>>,
  optionIds: readonly string[],
  budget: number,
  canStack: boolean,
): boolean {
  let total = 0;
  for (const [id, dots] of Object.entries(ballot)) {
    if (!optionIds.includes(id) || !Number.isInteger(dots) || dots < 0 || (!canStack && dots > 1)) {
      return false;
    }
    total += dots;
  }
  return total <= budget;
}

export function dotVoting(
  optionIds: readonly string[],
  ballots: readonly Readonly<Record<string, number>>[],
): { dots: Record<string, number>; winners: string[] } {
  const dots: Record<string, number> = {};
  for (const id of optionIds) {
    dots[id] = 0;
  }
  for (const b of ballots) {
    for (const id of optionIds) {
      dots[id]! += Object.hasOwn(b, id) ? b[id]! : 0;
    }
  }
  const best = Math.max(0, ...Object.values(dots));
  return { dots, winners: best === 0 ? [] : optionIds.filter((id) => dots[id] === best) };
}
