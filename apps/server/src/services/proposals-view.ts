import type { ProposalView } from '@essaim/contracts';
import {
  type DecisionRule,
  positionRules,
  type RuleConfig,
  type StoredPosition,
  type Tally,
  tally,
} from '@essaim/core/decisions';
import {
  decisionsRepository,
  type ObjectionRow,
  type PositionRow,
  type ProposalRow,
} from '../db/repositories/decisions.repository.ts';
import type { Db } from '../db/repositories/users.repository.ts';
import type { ProposalState } from '../db/stored-json-decisions.ts';

/**
 * Who may take a position on a proposal, and what each viewer may see of it. Anonymity is enforced here,
 * on the server: for an anonymous proposal no view carries who took which position or raised which
 * objection, and positions are listed in a fixed order (by value, then reason) rather than by time, so
 * their order cannot be matched with who was seen answering when.
 */
export const DEFAULT_ELIGIBLE_ROLES = ['owner', 'facilitator', 'sponsor', 'member'];

export const userKey = (userId: string) => `u:${userId}`;
export const participantKey = (participantId: string) => `p:${participantId}`;

/** Eligible voters: members with an eligible role, account holders of the collective, invitees. */
export async function eligibleVoters(db: Db, p: ProposalRow): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const userId of await decisionsRepository.memberIdsWithRoles(db, p.org_id, p.eligible_roles)) {
    keys.add(userKey(userId));
  }
  if (p.collective_id) {
    for (const userId of await decisionsRepository.collectiveMemberIds(db, p.org_id, p.collective_id)) {
      keys.add(userKey(userId));
    }
  }
  for (const i of await decisionsRepository.invitees(db, p.id)) {
    keys.add(participantKey(i.participant_id));
  }
  return keys;
}

export function configOf(p: ProposalRow): RuleConfig {
  return p.config;
}

export function stateOf(p: ProposalRow): ProposalState {
  return p.state;
}

function storedPosition(r: PositionRow): StoredPosition {
  return {
    key: r.voter_key,
    value: r.value,
    reason: r.reason,
    ballot: r.ballot,
    version: r.version,
    response: r.response,
  };
}

export function objectionStatus(o: ObjectionRow): 'open' | 'integrated' | 'withdrawn' | 'invalid' {
  return o.status as 'open';
}

export function computeTally(
  p: ProposalRow,
  positions: PositionRow[],
  objections: ObjectionRow[],
  eligibleCount: number,
  isClosed: boolean,
): Tally {
  const state = stateOf(p);
  return tally({
    rule: p.rule as DecisionRule,
    config: configOf(p),
    eligibleCount,
    version: p.version,
    positions: positions.filter((x) => x.round === p.round).map(storedPosition),
    objections: objections.map((o) => ({
      status: objectionStatus(o),
      reason: o.reason,
      tests: o.tests,
    })),
    isClosed,
    reviewOn: p.review_on,
    outcomeStatement: p.outcome_statement,
    fallbackInvoked: state.fallbackInvoked ?? false,
    minorityAsked: state.minorityAsked ?? false,
    conditions: state.conditions ?? [],
    nominee: state.nominee ?? null,
  });
}

/** Positions of the current round, in an order that reveals nothing when the proposal is anonymous. */
export function orderedPositions(p: ProposalRow, positions: PositionRow[]): PositionRow[] {
  const current = positions.filter((x) => x.round === p.round);
  if (p.is_anonymous !== 1) {
    return current;
  }
  return [...current].sort(
    (a, b) =>
      a.value.localeCompare(b.value) ||
      (a.reason ?? '').localeCompare(b.reason ?? '') ||
      a.id.localeCompare(b.id),
  );
}

function liveOf(p: ProposalRow): ProposalView['live'] {
  const live = p.state.live;
  return live
    ? {
        workshopId: live.workshopId,
        activityId: live.activityId,
        isReturned: Boolean(live.returnedAt),
        recordId: live.recordId ?? null,
      }
    : null;
}

export function presentTally(t: Tally) {
  return {
    outcome: t.outcome,
    reasons: [...t.reasons],
    warnings: [...t.warnings],
    counts: { ...t.counts },
    winners: [...t.winners],
    participantCount: t.participantCount,
  };
}

export interface Viewer {
  /** `u:<id>` or `p:<id>`, or null for a reader who cannot vote. */
  key: string | null;
}

export async function presentProposal(db: Db, p: ProposalRow, viewer: Viewer): Promise<ProposalView> {
  const [positions, objections, versions, invitees, eligible] = await Promise.all([
    decisionsRepository.positions(db, p.id),
    decisionsRepository.objections(db, p.id),
    decisionsRepository.versions(db, p.id),
    decisionsRepository.invitees(db, p.id),
    eligibleVoters(db, p),
  ]);
  const isAnonymous = p.is_anonymous === 1;
  const isOpen = p.status === 'open';
  const isHidden = p.hide_results === 1 && isOpen;
  const current = orderedPositions(p, positions);
  const mine = viewer.key ? current.find((x) => x.voter_key === viewer.key) : undefined;
  const rules = positionRules(p.rule as DecisionRule);
  return {
    id: p.id,
    engagementId: p.engagement_id,
    recordId: p.record_id,
    title: p.title,
    text: p.text,
    version: p.version,
    rule: p.rule as ProposalView['rule'],
    config: configOf(p) as Record<string, unknown>,
    deadline: p.deadline,
    isAnonymous,
    hideResults: p.hide_results === 1,
    collectiveId: p.collective_id,
    eligibleRoles: p.eligible_roles as ProposalView['eligibleRoles'],
    status: p.status as ProposalView['status'],
    outcomeStatement: p.outcome_statement,
    reviewOn: p.review_on,
    eligibleCount: eligible.size,
    answeredCount: current.length,
    versions,
    tally: isHidden ? null : presentTally(computeTally(p, positions, objections, eligible.size, !isOpen)),
    positions: isHidden
      ? []
      : current.map((x) => ({
          id: x.id,
          participant: isAnonymous ? null : x.display_name,
          value: x.value,
          reason: x.reason,
          version: x.version,
          response: x.response,
        })),
    // Objections and their integration are the heart of consent: visible even when tallies are hidden,
    // but never with the objector's name on an anonymous proposal.
    objections: objections.map((o) => ({
      id: o.id,
      objector: isAnonymous ? null : o.display_name,
      isMine: viewer.key !== null && o.voter_key === viewer.key,
      reason: o.reason,
      version: o.version,
      status: objectionStatus(o),
      integration: o.integration,
      integratedInVersion: o.integrated_in_version,
      tests: o.tests,
    })),
    invitees: invitees.map((i) => ({ id: i.id, name: i.display_name })),
    me: {
      canTakePosition: isOpen && viewer.key !== null && eligible.has(viewer.key),
      position: mine ? { value: mine.value, reason: mine.reason, ballot: mine.ballot } : null,
    },
    allowedValues: [...rules.values],
    reasonRequiredFor: [...rules.reasonRequired],
    subject: p.subject_kind && p.subject_id ? { kind: p.subject_kind, id: p.subject_id } : null,
    live: liveOf(p),
    createdAt: p.created_at,
    closedAt: p.closed_at,
  };
}
