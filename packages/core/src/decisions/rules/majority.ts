/**
 * @module Majority voting on one proposal (yes / no / abstain), with quorum.
 *
 * Definitions (Robert's Rules of Order, 12th ed., §44 "Bases for determining a voting result"; the
 * French "majorité absolue / qualifiée" are the same ideas):
 * - `simple`: more yes than half the votes cast; abstentions are not votes cast (yes·2 > yes + no);
 * - `absolute`: more yes than half of all eligible members (yes·2 > eligible);
 * - `twoThirds`, `threeQuarters` (qualified): yes ≥ 2/3 (resp. 3/4) of votes cast, i.e. yes·3 ≥ 2·cast;
 * - quorum: at least ⌈quorum × eligible⌉ people took part (abstentions count as taking part). Without
 *   quorum nothing is decided (`NO_QUORUM`).
 * Everything is compared in integers so 2/3 of 3 is exactly 2.
 */
import { type RuleResult, result } from './result';

export const MAJORITY_KINDS = ['simple', 'absolute', 'twoThirds', 'threeQuarters'] as const;
export type MajorityKind = (typeof MAJORITY_KINDS)[number];
export type MajorityVote = 'yes' | 'no' | 'abstain';

export interface MajorityInput {
  readonly votes: readonly MajorityVote[];
  readonly kind: MajorityKind;
  readonly eligibleCount: number;
  /** Share of eligible members that must take part, 0..1 (0 = no quorum). */
  readonly quorum: number;
}

export function quorumMet(participants: number, eligible: number, quorum: number): boolean {
  return participants >= Math.ceil(quorum * eligible - 1e-9);
}

export function evaluateMajority(
  input: MajorityInput,
): RuleResult & { readonly yes: number; readonly no: number; readonly abstain: number } {
  let yes = 0;
  let no = 0;
  let abstain = 0;
  for (const v of input.votes) {
    if (v === 'yes') {
      yes++;
    } else if (v === 'no') {
      no++;
    } else {
      abstain++;
    }
  }
  const counts = { yes, no, abstain };
  if (!quorumMet(input.votes.length, input.eligibleCount, input.quorum)) {
    return { ...result('pending', ['NO_QUORUM']), ...counts };
  }
  const cast = yes + no;
  let isPassed: boolean;
  switch (input.kind) {
    case 'simple':
      isPassed = yes * 2 > cast;
      break;
    case 'absolute':
      isPassed = yes * 2 > input.eligibleCount;
      break;
    case 'twoThirds':
      isPassed = cast > 0 && yes * 3 >= 2 * cast;
      break;
    case 'threeQuarters':
      isPassed = cast > 0 && yes * 4 >= 3 * cast;
      break;
  }
  const warnings = cast > 0 && Math.min(yes, no) * 3 >= cast ? ['LARGE_MINORITY'] : [];
  return {
    ...result(isPassed ? 'passed' : 'rejected', [isPassed ? 'MAJORITY_MET' : 'MAJORITY_NOT_MET'], warnings),
    ...counts,
  };
}

/** Plurality among several options: the most votes win; a tie is reported, never broken silently. */
export function plurality(
  optionIds: readonly string[],
  votes: readonly string[],
): { winners: string[]; counts: Record<string, number> } {
  const counts: Record<string, number> = {};
  for (const id of optionIds) {
    counts[id] = 0;
  }
  for (const v of votes) {
    if (Object.hasOwn(counts, v)) {
      counts[v]!++;
    }
  }
  const best = Math.max(0, ...Object.values(counts));
  return { winners: best === 0 ? [] : optionIds.filter((id) => counts[id] === best), counts };
}
