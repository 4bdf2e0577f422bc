/**
 * @module Lewis Deep Democracy.
 *
 * Source: M. & G. Lewis, "Inside the No: Five Steps to Decisions That Last" (2008), the Lewis Method:
 * gather all views, make it safe to say no ("spread the no"), vote, then ask the minority what it would
 * take for them to come along, and add that to the decision.
 *
 * {@link evaluateDeepDemocracy}: the vote is a simple majority of votes cast (yes·2 > yes + no). When it
 * passes with a minority (any no), it stays pending until the minority has been asked
 * (`isMinorityAsked`); the passed decision then carries every condition the minority gave that the
 * group added (`conditions` with `isAdded`). A condition not added is reported (`CONDITION_NOT_ADDED`)
 * so the group sees what the minority still carries.
 */
import { type RuleResult, result } from './result';

export interface DeepDemocracyInput {
  readonly votes: readonly ('yes' | 'no' | 'abstain')[];
  readonly isMinorityAsked: boolean;
  readonly conditions: readonly { readonly text: string; readonly isAdded: boolean }[];
}

export function evaluateDeepDemocracy(
  input: DeepDemocracyInput,
): RuleResult & { readonly addedConditions: readonly string[] } {
  const yes = input.votes.filter((v) => v === 'yes').length;
  const no = input.votes.filter((v) => v === 'no').length;
  const addedConditions = input.conditions.filter((c) => c.isAdded).map((c) => c.text);
  if (yes + no === 0) {
    return { ...result('pending', ['NO_POSITION']), addedConditions };
  }
  if (yes * 2 <= yes + no) {
    return { ...result('rejected', ['MAJORITY_NOT_MET']), addedConditions };
  }
  if (no > 0 && !input.isMinorityAsked) {
    return { ...result('pending', ['ASK_THE_MINORITY']), addedConditions };
  }
  const warnings = input.conditions.some((c) => !c.isAdded) ? ['CONDITION_NOT_ADDED'] : [];
  return {
    ...result('passed', [no > 0 ? 'MINORITY_CONDITIONS_ADDED' : 'UNANIMOUS'], warnings),
    addedConditions,
  };
}
