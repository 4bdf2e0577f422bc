/**
 * @module Fist to five.
 *
 * Common facilitation practice (e.g. Fletcher, "Fist to Five consensus-building"; Kaner et al. list it
 * among polling techniques): each person shows 0 (a fist: block) to 5 fingers. Anyone at 2 or less
 * explains. The group defines 1 and 2 before voting since their meanings vary.
 *
 * {@link evaluateFistToFive}: passes when at least one person voted and everyone shows 3 or more. Any 0
 * is a block (`BLOCKED`); otherwise a 1 or 2 leaves it pending until the concern is addressed and the
 * person shows again (`LOW_SUPPORT`). The same rule as the live activity (`isFistToFivePassing`).
 */
import { hasReason, type RuleResult, result } from './result';

export const FIST_PASS_AT_LEAST = 3;

export interface FistInput {
  readonly values: readonly { readonly value: number; readonly reason: string | null }[];
}

export function evaluateFistToFive(input: FistInput): RuleResult & { readonly histogram: number[] } {
  const histogram = [0, 0, 0, 0, 0, 0];
  for (const v of input.values) {
    histogram[v.value] = (histogram[v.value] ?? 0) + 1;
  }
  const warnings = input.values.some((v) => v.value < FIST_PASS_AT_LEAST && !hasReason(v.reason))
    ? ['UNEXPLAINED_LOW_VALUE']
    : [];
  if (input.values.length === 0) {
    return { ...result('pending', ['NO_POSITION'], warnings), histogram };
  }
  if (histogram[0]! > 0) {
    return { ...result('rejected', ['BLOCKED'], warnings), histogram };
  }
  if (input.values.some((v) => v.value < FIST_PASS_AT_LEAST)) {
    return { ...result('pending', ['LOW_SUPPORT'], warnings), histogram };
  }
  return { ...result('passed', ['ALL_THREE_OR_MORE'], warnings), histogram };
}
