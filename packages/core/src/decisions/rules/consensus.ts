/**
 * @module Formal consensus with stand-asides and blocks.
 *
 * Source: Seeds for Change, "Consensus Decision Making" (short and long guides): each person agrees,
 * agrees with reservations, stands aside (will not block but will not help carry it out) or blocks (a
 * fundamental, values-level objection that should be rare). The proposal passes with no block. Many
 * stand-asides are a warning sign even without a block. Groups often agree a fallback rule in advance
 * (a supermajority) for when consensus cannot be reached.
 *
 * {@link evaluateConsensus}:
 * - a block needs a reason (`UNREASONED_BLOCK` otherwise; input refuses it);
 * - no position yet → pending;
 * - no block → passed, with `MANY_STAND_ASIDES` when stand-asides reach `standAsideWarningShare`
 *   (default 1/4) of the positions;
 * - blocks and no fallback invoked → rejected;
 * - blocks and the agreed fallback invoked: passes when agree + reservations ≥ ratio × positions
 *   (compared in integers: (agree + reservations)·den ≥ num·positions).
 */
import { hasReason, type RuleResult, result } from './result';

export type ConsensusPosition = 'agree' | 'reservations' | 'standAside' | 'block';

export interface ConsensusInput {
  readonly positions: readonly { readonly position: ConsensusPosition; readonly reason: string | null }[];
  /** The fallback supermajority agreed in advance, as a fraction, or null. */
  readonly fallback: { readonly num: number; readonly den: number } | null;
  readonly isFallbackInvoked: boolean;
  readonly standAsideWarningShare?: number;
}

export function countConsensus(positions: ConsensusInput['positions']): Record<ConsensusPosition, number> {
  const counts = { agree: 0, reservations: 0, standAside: 0, block: 0 };
  for (const p of positions) {
    counts[p.position]++;
  }
  return counts;
}

export function evaluateConsensus(
  input: ConsensusInput,
): RuleResult & { readonly counts: Record<ConsensusPosition, number>; readonly isByFallback: boolean } {
  const counts = countConsensus(input.positions);
  const n = input.positions.length;
  const warnings: string[] = [];
  const share = input.standAsideWarningShare ?? 0.25;
  if (n > 0 && counts.standAside > 0 && counts.standAside >= share * n) {
    warnings.push('MANY_STAND_ASIDES');
  }
  const reasons: string[] = [];
  if (input.positions.some((p) => p.position === 'block' && !hasReason(p.reason))) {
    reasons.push('UNREASONED_BLOCK');
  }
  if (n === 0) {
    return { ...result('pending', ['NO_POSITION'], warnings), counts, isByFallback: false };
  }
  if (counts.block === 0) {
    if (counts.agree + counts.reservations === 0) {
      // Everyone stood aside: nobody would carry it out.
      return { ...result('rejected', ['NOBODY_SUPPORTS'], warnings), counts, isByFallback: false };
    }
    return { ...result('passed', [...reasons, 'NO_BLOCK'], warnings), counts, isByFallback: false };
  }
  if (input.fallback && input.isFallbackInvoked) {
    const support = counts.agree + counts.reservations;
    const isPassed = support * input.fallback.den >= input.fallback.num * n;
    warnings.push('DECIDED_BY_FALLBACK');
    return {
      ...result(
        isPassed ? 'passed' : 'rejected',
        [...reasons, isPassed ? 'FALLBACK_MET' : 'FALLBACK_NOT_MET'],
        warnings,
      ),
      counts,
      isByFallback: true,
    };
  }
  return { ...result('rejected', [...reasons, 'BLOCKED'], warnings), counts, isByFallback: false };
}
