/**
 * @module Election by consent ("élection sans candidat").
 *
 * Sources: G. Endenburg (sociocracy, rule 4: elections by consent after open discussion); J. Rau &
 * J. Koch-Gonzalez, "Many Voices One Song" (2018), "Selection process"; Sociocracy 3.0 pattern "Role
 * Selection". Steps: the role is described; each member nominates someone (or no one) with a reason;
 * a change round lets people change their nomination after hearing the reasons; someone proposes a
 * nominee from what was heard; the circle gives consent, asking the nominee last.
 *
 * {@link evaluateElection}, with `steps` in the order they happened:
 * - no proposal yet → pending;
 * - every nomination needs a reason (`UNREASONED_NOMINATION`, refused at input);
 * - the proposal passes when everyone eligible except the nominee has consented, no objection is open,
 *   and then the nominee consents, as the last answer; a nominee who answered before others are done
 *   is asked again (`NOMINEE_MUST_BE_ASKED_LAST`);
 * - an open objection → pending (integrated as in consent, or another proposal is made); the nominee
 *   declining → rejected.
 */
import { hasReason, type RuleResult, result } from './result';

export interface ElectionInput {
  readonly eligible: readonly string[];
  readonly nominations: readonly { readonly by: string; readonly nominee: string; readonly reason: string }[];
  readonly proposedNominee: string | null;
  /** Consent answers on the current proposal, in the order they were given. */
  readonly answers: readonly {
    readonly by: string;
    readonly answer: 'consent' | 'object';
    readonly isOpen: boolean;
  }[];
}

export function nominationCounts(nominations: ElectionInput['nominations']): Record<string, number> {
  const counts: Record<string, number> = {};
  const latest = new Map<string, string>();
  // The change round: only each person's latest nomination counts.
  for (const n of nominations) {
    latest.set(n.by, n.nominee);
  }
  for (const nominee of latest.values()) {
    counts[nominee] = (counts[nominee] ?? 0) + 1;
  }
  return counts;
}

export function evaluateElection(input: ElectionInput): RuleResult {
  const reasons: string[] = [];
  if (input.nominations.some((n) => !hasReason(n.reason))) {
    reasons.push('UNREASONED_NOMINATION');
  }
  const nominee = input.proposedNominee;
  if (nominee === null) {
    return result('pending', [...reasons, 'NO_PROPOSAL']);
  }
  const last = new Map<string, { answer: 'consent' | 'object'; isOpen: boolean; index: number }>();
  input.answers.forEach((a, index) => {
    last.set(a.by, { answer: a.answer, isOpen: a.isOpen, index });
  });
  if ([...last.values()].some((a) => a.answer === 'object' && a.isOpen)) {
    return result('pending', [...reasons, 'OPEN_OBJECTION']);
  }
  const others = input.eligible.filter((p) => p !== nominee);
  const othersDone = others.every(
    (p) => last.get(p)?.answer === 'consent' || (last.get(p)?.answer === 'object' && !last.get(p)?.isOpen),
  );
  if (!othersDone) {
    return result('pending', [...reasons, 'ROUND_NOT_COMPLETE']);
  }
  const mine = last.get(nominee);
  if (!mine) {
    return result('pending', [...reasons, 'ASK_THE_NOMINEE']);
  }
  const latestOther = Math.max(-1, ...others.map((p) => last.get(p)!.index));
  if (mine.index < latestOther) {
    return result('pending', [...reasons, 'NOMINEE_MUST_BE_ASKED_LAST']);
  }
  if (mine.answer === 'object') {
    return result('rejected', [...reasons, 'NOMINEE_DECLINED']);
  }
  return result('passed', [...reasons, 'ELECTED_BY_CONSENT']);
}
