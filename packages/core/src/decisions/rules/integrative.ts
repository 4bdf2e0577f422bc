/**
 * @module Integrative decision-making (Holacracy).
 *
 * Source: Holacracy Constitution v5.0 (HolacracyOne, CC BY-SA 4.0), art. 3.3 "Integrative
 * Decision-Making" and its criteria for a valid objection. An objection is valid when it meets all four
 * tests: (a) adopting the proposal would reduce the circle's capacity to express its purpose or
 * accountabilities (a better idea is not enough); (b) the harm is created by the proposal, not already
 * there; (c) the harm is immediate or the circle could not adapt in time once it appears; (d) it limits
 * one of the objector's roles. Exception (e): a proposal that breaks the constitution's rules is always
 * validly objected to. The facilitator tests the reasoning, not its accuracy.
 *
 * {@link evaluateIntegrative}: passes when no objection is both valid and still open. Invalid objections
 * are kept on the record (status `invalid`) and never block.
 */
import { hasReason, type RuleResult, result } from './result';

export interface ObjectionTests {
  readonly reducesCapacity: boolean;
  readonly createdByProposal: boolean;
  readonly cannotAdaptInTime: boolean;
  readonly limitsObjectorRole: boolean;
  readonly breachesRules: boolean;
}

/** Valid when (a)∧(b)∧(c)∧(d), or (e) alone; always needs a stated reason. */
export function isValidObjection(tests: ObjectionTests, reason: string | null): boolean {
  if (!hasReason(reason)) {
    return false;
  }
  if (tests.breachesRules) {
    return true;
  }
  return (
    tests.reducesCapacity && tests.createdByProposal && tests.cannotAdaptInTime && tests.limitsObjectorRole
  );
}

export interface IntegrativeInput {
  readonly objections: readonly {
    readonly reason: string;
    /** Null until the facilitator has tested it: an untested open objection still holds the proposal. */
    readonly tests: ObjectionTests | null;
    readonly status: 'open' | 'integrated' | 'withdrawn';
  }[];
  readonly isObjectionRoundDone: boolean;
}

export function evaluateIntegrative(
  input: IntegrativeInput,
): RuleResult & { readonly validOpen: number; readonly invalid: number } {
  let validOpen = 0;
  let invalid = 0;
  for (const o of input.objections) {
    if (o.tests === null) {
      if (o.status === 'open') {
        validOpen++;
      }
    } else if (!isValidObjection(o.tests, o.reason)) {
      invalid++;
    } else if (o.status === 'open') {
      validOpen++;
    }
  }
  const warnings = invalid > 0 ? ['INVALID_OBJECTIONS_DISMISSED'] : [];
  if (validOpen > 0) {
    return { ...result('pending', ['VALID_OBJECTION_OPEN'], warnings), validOpen, invalid };
  }
  if (!input.isObjectionRoundDone) {
    return { ...result('pending', ['ROUND_NOT_COMPLETE'], warnings), validOpen, invalid };
  }
  return { ...result('passed', ['NO_VALID_OBJECTION'], warnings), validOpen, invalid };
}
