import type { ProposalPositionBody, ProposalPublic } from '@essaim/contracts';
import { type DecisionRule, positionRules } from '@essaim/core/decisions';
import { decisionsRepository, type ProposalRow } from '../db/repositories/decisions.repository.ts';
import type { Db } from '../db/repositories/users.repository.ts';
import { AppError, notFound } from '../lib/app-error.ts';
import type { Actor } from './audit.service.ts';
import { resolveParticipant } from './participants.service.ts';
import { PROPOSAL_SCOPE, takePosition } from './proposals.service.ts';
import { computeTally, configOf, eligibleVoters, participantKey, presentTally } from './proposals-view.ts';

/**
 * Invited participants without an account vote with a participant token scoped to `proposal:<id>` (sent
 * in a header). They see the proposal, their own position and, once closed (or when results are not
 * hidden), the tally — never anyone else's position.
 */
async function identify(db: Db, proposalId: string, token: string | undefined) {
  const p = await decisionsRepository.findProposalById(db, proposalId);
  const participant = p && token ? await resolveParticipant(db, token, PROPOSAL_SCOPE, p.id) : null;
  if (!p || !participant) {
    // Same answer for an unknown proposal and a wrong token: nothing to probe.
    throw new AppError('UNAUTHENTICATED', 'this invitation link is not valid');
  }
  return { p, participant };
}

async function present(db: Db, p: ProposalRow, key: string, displayName: string): Promise<ProposalPublic> {
  const positions = await decisionsRepository.positions(db, p.id);
  const mine = positions.find((x) => x.round === p.round && x.voter_key === key);
  const isOpen = p.status === 'open';
  const showTally = !isOpen || p.hide_results !== 1;
  const rules = positionRules(p.rule as DecisionRule);
  return {
    id: p.id,
    title: p.title,
    text: p.text,
    version: p.version,
    rule: p.rule as ProposalPublic['rule'],
    config: configOf(p) as Record<string, unknown>,
    deadline: p.deadline,
    status: p.status as ProposalPublic['status'],
    isAnonymous: p.is_anonymous === 1,
    displayName,
    allowedValues: [...rules.values],
    reasonRequiredFor: [...rules.reasonRequired],
    myPosition: mine ? { value: mine.value, reason: mine.reason, ballot: mine.ballot } : null,
    tally: showTally
      ? presentTally(
          computeTally(
            p,
            positions,
            await decisionsRepository.objections(db, p.id),
            (await eligibleVoters(db, p)).size,
            !isOpen,
          ),
        )
      : null,
    outcomeStatement: p.outcome_statement,
  };
}

export async function readAsParticipant(db: Db, proposalId: string, token: string | undefined) {
  const { p, participant } = await identify(db, proposalId, token);
  return present(db, p, participantKey(participant.id), participant.displayName ?? '');
}

export async function positionAsParticipant(
  db: Db,
  proposalId: string,
  token: string | undefined,
  body: ProposalPositionBody,
  actor: Actor,
) {
  const { p, participant } = await identify(db, proposalId, token);
  await takePosition(
    db,
    p,
    { key: participantKey(participant.id), userId: null, displayName: participant.displayName ?? '' },
    body,
    actor,
  );
  const fresh = await decisionsRepository.findProposalById(db, proposalId);
  if (!fresh) {
    throw notFound('proposal');
  }
  return present(db, fresh, participantKey(participant.id), participant.displayName ?? '');
}
