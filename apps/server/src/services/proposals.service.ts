import type {
  ProposalAmendBody,
  ProposalCloseBody,
  ProposalCreateBody,
  ProposalPositionBody,
} from '@essaim/contracts';
import {
  type DecisionRule,
  isValidDotBallot,
  isValidObjection,
  type ObjectionTests,
  positionRules,
  type RuleConfig,
} from '@essaim/core/decisions';
import type { OrgScope } from '../db/org-scope.ts';
import {
  decisionsRepository,
  type ObjectionRow,
  type ProposalRow,
} from '../db/repositories/decisions.repository.ts';
import { engagementsRepository } from '../db/repositories/engagements.repository.ts';
import { peopleRepository } from '../db/repositories/people.repository.ts';
import { type Db, usersRepository } from '../db/repositories/users.repository.ts';
import type { ProposalState } from '../db/stored-json-decisions.ts';
import { AppError, conflict, forbidden, notFound } from '../lib/app-error.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import type { Actor } from './audit.service.ts';
import { notifyProposal } from './decision-notifications.service.ts';
import { writeDecisionRecord } from './decision-records.service.ts';
import { assertEngagementAcceptsInput } from './engagement-guard.ts';
import { loadEngagement } from './engagements.service.ts';
import { notifyDecisionAdopted } from './notifications-triggers.ts';
import { issueParticipant } from './participants.service.ts';
import {
  computeTally,
  configOf,
  DEFAULT_ELIGIBLE_ROLES,
  eligibleVoters,
  objectionStatus,
  orderedPositions,
  stateOf,
  userKey,
} from './proposals-view.ts';
import { recordEngagementEvent } from './timeline.service.ts';
import { emitDecisionAdopted } from './webhooks-emitters.ts';

/**
 * Asynchronous proposals (the Loomio part of issue 15): a text decided by an explicit rule before a
 * deadline, by eligible members and invited participants. Every state change runs in one transaction
 * behind the engagement guard (stop and pause refuse positions and amendments) and keeps the proposal's
 * `DecisionRecord` in step, so the register always shows the current version, tally and objections.
 *
 * Amendments create a new version and open a new round (`round`): earlier positions remain as history
 * but only the new round counts (S3: object → amend → re-test). Objections, blocks and low fists need a
 * reason; the allowed values and which need a reason come from core (`positionRules`).
 */
export const PROPOSAL_SCOPE = 'proposal';
const OPTION_RULES: DecisionRule[] = ['majorityJudgment', 'rankedChoice', 'score'];
/** Values that raise an objection to integrate. */
const OBJECTING: Partial<Record<DecisionRule, string[]>> = {
  consent: ['object'],
  integrative: ['object'],
  consensus: ['block'],
  election: ['object'],
};

function checkConfig(rule: DecisionRule, config: RuleConfig): void {
  const options = config.options ?? [];
  if (OPTION_RULES.includes(rule)) {
    if (options.length < 2) {
      throw new AppError('VALIDATION_FAILED', 'this rule needs at least two options', {
        field: 'config.options',
      });
    }
    if (new Set(options.map((o) => o.id)).size !== options.length) {
      throw new AppError('VALIDATION_FAILED', 'option ids must be distinct', { field: 'config.options' });
    }
  }
}

export async function loadProposal(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  id: string,
): Promise<ProposalRow> {
  await loadEngagement(db, scope, engagementId);
  const p = await decisionsRepository.findProposal(db, scope, engagementId, id);
  if (!p) {
    throw notFound('proposal');
  }
  return p;
}

/** Rebuild the proposal's DecisionRecord from its current state (in the caller's transaction). */
export async function syncRecord(db: Db, p: ProposalRow): Promise<void> {
  const [positions, objections, eligible] = await Promise.all([
    decisionsRepository.positions(db, p.id),
    decisionsRepository.objections(db, p.id),
    eligibleVoters(db, p),
  ]);
  const isClosed = p.status !== 'open';
  const t = computeTally(p, positions, objections, eligible.size, isClosed);
  const isAnonymous = p.is_anonymous === 1;
  const current = orderedPositions(p, positions);
  const record = { status: await decisionsRepository.recordStatus(db, p.record_id) };
  const status =
    p.status === 'withdrawn'
      ? 'withdrawn'
      : !isClosed
        ? record?.status === 'review'
          ? 'review'
          : 'open'
        : t.outcome === 'passed'
          ? 'passed'
          : 'rejected';
  if (status === 'passed' && record?.status !== 'passed') {
    await emitDecisionAdopted(db, {
      id: p.record_id,
      orgId: p.org_id,
      engagementId: p.engagement_id,
      title: p.title,
      rule: p.rule,
      source: 'proposal',
    });
    await notifyDecisionAdopted(db, {
      id: p.record_id,
      orgId: p.org_id,
      engagementId: p.engagement_id,
      title: p.title,
    });
  }
  await decisionsRepository.updateRecord(db, p.record_id, {
    title: p.title,
    statement: p.text,
    version: p.version,
    status,
    participant_count: current.length,
    positions: current.map((x) => ({
      participant: isAnonymous ? null : x.display_name,
      value: x.value,
      reason: x.reason,
      version: x.version,
    })),
    objections: objections.map((o) => ({
      id: o.id,
      participant: isAnonymous ? null : o.display_name,
      reason: o.reason,
      version: o.version,
      status: objectionStatus(o),
      integration: o.integration,
      integratedInVersion: o.integrated_in_version,
    })),
    stand_asides: current.filter((x) => x.value === 'standAside').length,
    outcome: p.outcome_statement,
    review_on: p.review_on,
    decided_at: isClosed ? (p.closed_at ?? nowIso()) : null,
    updated_at: nowIso(),
  });
}

export async function createProposal(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  body: ProposalCreateBody,
  actor: Actor,
  subject: {
    kind: string;
    id: string;
    links?: { kind: string; id: string; relation: string }[];
  } | null = null,
): Promise<{ proposal: ProposalRow; invites: { name: string; token: string }[] }> {
  return db.transaction().execute(async (trx) => {
    await loadEngagement(trx, scope, engagementId);
    await assertEngagementAcceptsInput(trx, engagementId);
    const config = body.config ?? {};
    checkConfig(body.rule, config);
    const deadline = new Date(body.deadline);
    if (deadline.getTime() <= Date.now()) {
      throw new AppError('VALIDATION_FAILED', 'the deadline must be in the future', { field: 'deadline' });
    }
    if (body.collectiveId) {
      if (!(await peopleRepository.findCollective(trx, scope, body.collectiveId))) {
        throw notFound('collective');
      }
    }
    const links: { kind: string; id: string; relation: string }[] = [];
    if (body.questionId) {
      if (!(await engagementsRepository.findQuestion(trx, engagementId, body.questionId))) {
        throw notFound('question');
      }
      links.push({ kind: 'question', id: body.questionId, relation: 'answers' });
    }
    // The object under decision (a charter version names its content hash) is traced on the record.
    links.push(...(subject?.links ?? []));
    // Members with these roles take part unless a collective is named; invitees always add to them.
    const roles = body.eligibleRoles ?? (body.collectiveId ? [] : DEFAULT_ELIGIBLE_ROLES);
    const id = newId();
    const now = nowIso();
    const recordId = await writeDecisionRecord(trx, {
      orgId: scope.orgId,
      engagementId,
      source: subject?.kind === 'governance_map' ? 'governance_map' : 'proposal',
      sourceId: id,
      title: body.title,
      statement: body.text,
      rule: body.rule,
      decidedBy: body.rule === 'advice' ? 'decider' : 'group',
      status: 'open',
      isAnonymous: body.isAnonymous ?? false,
      reviewOn: body.reviewOn ?? null,
      links,
      collectiveId: body.collectiveId ?? null,
      recordedBy: scope.userId,
    });
    const row: ProposalRow = {
      id,
      org_id: scope.orgId,
      engagement_id: engagementId,
      record_id: recordId,
      title: body.title,
      text: body.text,
      version: 1,
      rule: body.rule,
      config,
      deadline: deadline.toISOString(),
      is_anonymous: body.isAnonymous ? 1 : 0,
      hide_results: body.hideResults ? 1 : 0,
      collective_id: body.collectiveId ?? null,
      eligible_roles: [...roles],
      status: 'open',
      round: 1,
      outcome_statement: null,
      review_on: body.reviewOn ?? null,
      state: {},
      subject_kind: subject?.kind ?? null,
      subject_id: subject?.id ?? null,
      closing_notified_at: null,
      review_notified_at: null,
      created_by: scope.userId,
      created_at: now,
      updated_at: now,
      closed_at: null,
    };
    await decisionsRepository.insertProposal(trx, row);
    await decisionsRepository.insertVersion(trx, {
      id: newId(),
      proposal_id: id,
      version: 1,
      text: body.text,
      note: '',
      at: now,
    });
    if (body.questionId) {
      // The trace: question → decision, shown on the engagement's chain.
      await engagementsRepository.insertLink(trx, {
        id: newId(),
        engagement_id: engagementId,
        from_kind: 'question',
        from_id: body.questionId,
        to_kind: 'decision',
        to_id: recordId,
        relation: 'answers',
        created_by: scope.userId,
        created_at: now,
      });
    }
    const invites = await inviteInto(trx, row, body.invitees ?? []);
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId,
      kind: 'decisions.proposal_opened',
      objectKind: 'decision',
      objectId: recordId,
      data: { proposalId: id, title: body.title, rule: body.rule, deadline: row.deadline },
    });
    await notifyProposal(trx, row, 'opened');
    return { proposal: row, invites };
  });
}

async function inviteInto(db: Db, p: ProposalRow, names: string[]) {
  const invites: { name: string; token: string }[] = [];
  for (const name of names) {
    const { participant, token } = await issueParticipant(db, {
      orgId: p.org_id,
      scopeKind: PROPOSAL_SCOPE,
      scopeId: p.id,
      displayName: name,
    });
    await decisionsRepository.insertInvitee(db, {
      id: newId(),
      proposal_id: p.id,
      participant_id: participant.id,
      display_name: name,
      created_at: nowIso(),
    });
    invites.push({ name, token });
  }
  return invites;
}

export async function inviteParticipants(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  proposalId: string,
  names: string[],
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    const p = await loadProposal(trx, scope, engagementId, proposalId);
    await assertEngagementAcceptsInput(trx, engagementId);
    if (p.status !== 'open') {
      throw conflict('the proposal is closed');
    }
    const invites = await inviteInto(trx, p, names);
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId,
      kind: 'decisions.participants_invited',
      objectKind: 'decision',
      objectId: p.record_id,
      data: { proposalId, count: names.length },
    });
    await syncRecord(trx, p);
    return { invites };
  });
}

function checkBallot(p: ProposalRow, body: ProposalPositionBody): string | null {
  const config = configOf(p);
  const ids = (config.options ?? []).map((o) => o.id);
  const ballot = body.ballot;
  if (ballot === undefined) {
    return 'a ballot is required';
  }
  if (p.rule === 'rankedChoice') {
    if (
      !Array.isArray(ballot) ||
      ballot.length === 0 ||
      new Set(ballot).size !== ballot.length ||
      ballot.some((id) => !ids.includes(id))
    ) {
      return 'rank distinct known options';
    }
    return null;
  }
  if (Array.isArray(ballot)) {
    return 'grades or scores by option';
  }
  const max = p.rule === 'majorityJudgment' ? (config.gradeCount ?? 6) - 1 : (config.scoreMax ?? 10);
  if (p.rule === 'score' && config.scoreMethod === 'dots') {
    return isValidDotBallot(ballot, ids, config.dotBudget ?? 3, true)
      ? null
      : 'dots over budget or unknown options';
  }
  for (const [id, v] of Object.entries(ballot)) {
    if (!ids.includes(id) || v > max) {
      return `values 0..${max} on known options`;
    }
  }
  if (p.rule === 'majorityJudgment' && Object.keys(ballot).length !== ids.length) {
    return 'grade every option';
  }
  return null;
}

/**
 * Take (or change) a position in the current round. `voter` is the checked identity: a member (with
 * their display name) or an invited participant.
 */
export async function takePosition(
  db: Db,
  p0: ProposalRow,
  voter: { key: string; userId: string | null; displayName: string },
  body: ProposalPositionBody,
  actor: Actor,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await assertEngagementAcceptsInput(trx, p0.engagement_id);
    const p = (await decisionsRepository.findProposalById(trx, p0.id))!;
    if (p.status !== 'open') {
      throw conflict('the proposal is closed');
    }
    if (new Date(p.deadline).getTime() < Date.now()) {
      throw conflict('the deadline has passed');
    }
    if (!(await eligibleVoters(trx, p)).has(voter.key)) {
      throw forbidden('you are not invited to take a position on this proposal');
    }
    const rules = positionRules(p.rule as DecisionRule);
    if (!rules.values.includes(body.value)) {
      throw new AppError('VALIDATION_FAILED', `value must be one of ${rules.values.join(', ')}`, {
        field: 'value',
      });
    }
    const reason = body.reason?.trim() ? body.reason.trim() : null;
    if (rules.reasonRequired.includes(body.value) && !reason) {
      throw new AppError('VALIDATION_FAILED', 'this position needs its reason', { field: 'reason' });
    }
    if (rules.needsBallot) {
      const problem = checkBallot(p, body);
      if (problem) {
        throw new AppError('VALIDATION_FAILED', problem, { field: 'ballot' });
      }
    }
    if (
      p.rule === 'election' &&
      body.value === 'nominate' &&
      !(Array.isArray(body.ballot) && body.ballot.length === 1)
    ) {
      throw new AppError('VALIDATION_FAILED', 'name one nominee', { field: 'ballot' });
    }
    const now = nowIso();
    const existing = await decisionsRepository.positionOfVoter(trx, p.id, p.round, voter.key);
    const values = {
      value: body.value,
      reason,
      ballot: body.ballot ?? null,
      version: p.version,
      display_name: voter.displayName,
      at: now,
    };
    if (existing) {
      await decisionsRepository.updatePosition(trx, p.id, existing.id, values);
    } else {
      await decisionsRepository.insertPosition(trx, {
        id: newId(),
        proposal_id: p.id,
        voter_key: voter.key,
        user_id: voter.userId,
        round: p.round,
        response: null,
        ...values,
      });
    }
    // One open objection per voter and version: a new objection replaces it; moving to consent withdraws it.
    await decisionsRepository.withdrawOpenObjections(trx, p.id, voter.key, p.version);
    if ((OBJECTING[p.rule as DecisionRule] ?? []).includes(body.value)) {
      await decisionsRepository.insertObjection(trx, {
        id: newId(),
        proposal_id: p.id,
        voter_key: voter.key,
        user_id: voter.userId,
        display_name: voter.displayName,
        reason: reason ?? '',
        version: p.version,
        status: 'open',
        integration: null,
        integrated_in_version: null,
        tests: null,
        at: now,
      });
    }
    await recordEngagementEvent(trx, actor, {
      orgId: p.org_id,
      engagementId: p.engagement_id,
      kind: 'decisions.position_taken',
      objectKind: 'decision',
      objectId: p.record_id,
      // Never who took which position: only that one was taken.
      data: { proposalId: p.id, version: p.version },
    });
    await syncRecord(trx, p);
  });
}

export async function memberPosition(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  proposalId: string,
  body: ProposalPositionBody,
  actor: Actor,
) {
  const p = await loadProposal(db, scope, engagementId, proposalId);
  const user = await usersRepository.findById(db, scope.userId);
  if (!user) {
    throw notFound('user');
  }
  await takePosition(
    db,
    p,
    { key: userKey(scope.userId), userId: scope.userId, displayName: user.display_name },
    body,
    actor,
  );
  return p;
}

/** A new version integrating objections; re-opens the round (earlier positions stay as history). */
export async function amendProposal(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  proposalId: string,
  body: ProposalAmendBody,
  actor: Actor,
) {
  await db.transaction().execute(async (trx) => {
    const p = await loadProposal(trx, scope, engagementId, proposalId);
    await assertEngagementAcceptsInput(trx, engagementId);
    if (p.status !== 'open') {
      throw conflict('the proposal is closed; re-open it for review first');
    }
    const objections = await decisionsRepository.objections(trx, p.id);
    const version = p.version + 1;
    for (const i of body.integrates) {
      const o = objections.find((x) => x.id === i.objectionId);
      if (!o) {
        throw notFound('objection');
      }
      if (o.status !== 'open') {
        throw conflict('this objection is no longer open');
      }
      await decisionsRepository.updateObjection(trx, p.id, o.id, {
        status: 'integrated',
        integration: i.integration,
        integrated_in_version: version,
      });
    }
    const now = nowIso();
    await decisionsRepository.insertVersion(trx, {
      id: newId(),
      proposal_id: p.id,
      version,
      text: body.text,
      note: body.note,
      at: now,
    });
    const next = { ...p, text: body.text, version, round: p.round + 1, updated_at: now };
    await decisionsRepository.updateProposal(trx, p.id, {
      text: body.text,
      version,
      round: next.round,
      updated_at: now,
    });
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId,
      kind: 'decisions.proposal_amended',
      objectKind: 'decision',
      objectId: p.record_id,
      data: { proposalId, version, integrated: body.integrates.length },
    });
    await syncRecord(trx, next);
  });
}

/** The facilitator integrates an objection without changing the text, or tests it (Holacracy). */
export async function updateObjection(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  proposalId: string,
  objectionId: string,
  body: {
    status: 'integrated' | 'withdrawn' | 'tested';
    integration?: string | undefined;
    tests?: ObjectionTests | undefined;
  },
  actor: Actor,
) {
  await db.transaction().execute(async (trx) => {
    const p = await loadProposal(trx, scope, engagementId, proposalId);
    await assertEngagementAcceptsInput(trx, engagementId);
    const o = (await decisionsRepository.objections(trx, p.id)).find((x) => x.id === objectionId);
    if (!o) {
      throw notFound('objection');
    }
    if (p.status !== 'open' || o.status !== 'open') {
      throw conflict('this objection is no longer open');
    }
    let patch: Partial<Omit<ObjectionRow, 'id' | 'proposal_id'>>;
    if (body.status === 'tested') {
      if (!body.tests) {
        throw new AppError('VALIDATION_FAILED', 'give the four tests', { field: 'tests' });
      }
      const isValid = isValidObjection(body.tests, o.reason);
      patch = {
        tests: body.tests,
        status: isValid ? 'open' : 'invalid',
        integration: body.integration ?? null,
      };
    } else if (body.status === 'integrated') {
      if (!body.integration?.trim()) {
        throw new AppError('VALIDATION_FAILED', 'say how the objection was integrated', {
          field: 'integration',
        });
      }
      patch = {
        status: 'integrated',
        integration: body.integration.trim(),
        integrated_in_version: p.version,
      };
    } else {
      patch = { status: 'withdrawn' };
    }
    await decisionsRepository.updateObjection(trx, p.id, o.id, patch);
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId,
      kind: 'decisions.objection_updated',
      objectKind: 'decision',
      objectId: p.record_id,
      data: { proposalId, objectionId, status: patch.status },
    });
    await syncRecord(trx, p);
  });
}

/** Advice process: the decider answers one piece of advice (followed or not, and why). */
export async function respondToAdvice(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  proposalId: string,
  positionId: string,
  body: { isFollowed: boolean; why: string },
  actor: Actor,
) {
  await db.transaction().execute(async (trx) => {
    const p = await loadProposal(trx, scope, engagementId, proposalId);
    await assertEngagementAcceptsInput(trx, engagementId);
    if (p.rule !== 'advice') {
      throw conflict('only advice-process proposals take answers to advice');
    }
    const n = await decisionsRepository.updatePosition(trx, p.id, positionId, { response: body });
    if (n === 0) {
      throw notFound('advice');
    }
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId,
      kind: 'decisions.advice_answered',
      objectKind: 'decision',
      objectId: p.record_id,
      data: { proposalId, isFollowed: body.isFollowed },
    });
    await syncRecord(trx, p);
  });
}

/**
 * Runs inside the close's transaction; may return work to do once it is committed (a broadcast to
 * connected editors, which must not announce a change that could still roll back).
 */
export type CloseHook = (
  db: Db,
  scope: OrgScope,
  p: ProposalRow,
  isPassed: boolean,
  actor: Actor,
) => Promise<void | (() => Promise<void>)>;
const closeHooks = new Map<string, CloseHook>();
/** A capability whose object is adopted through a proposal (a governance map) reacts to its close here. */
export function onProposalClosed(subjectKind: string, hook: CloseHook): void {
  closeHooks.set(subjectKind, hook);
}

export async function closeProposal(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  proposalId: string,
  body: ProposalCloseBody,
  actor: Actor,
): Promise<{ passed: boolean }> {
  const { after, ...result } = await db.transaction().execute(async (trx) => {
    const p = await loadProposal(trx, scope, engagementId, proposalId);
    await assertEngagementAcceptsInput(trx, engagementId);
    if (p.status !== 'open') {
      throw conflict('the proposal is already closed');
    }
    const reviewOn = body.reviewOn ?? p.review_on;
    if ((p.rule === 'consent' || p.rule === 'integrative') && !reviewOn) {
      // S3: every agreement gets a review date.
      throw new AppError('VALIDATION_FAILED', 'a consent decision needs a review date', {
        field: 'reviewOn',
      });
    }
    const state: ProposalState = {
      ...stateOf(p),
      ...(body.fallbackInvoked !== undefined ? { fallbackInvoked: body.fallbackInvoked } : {}),
      ...(body.minorityAsked !== undefined ? { minorityAsked: body.minorityAsked } : {}),
      ...(body.conditions ? { conditions: body.conditions } : {}),
      ...(body.nominee !== undefined ? { nominee: body.nominee || null } : {}),
    };
    const now = nowIso();
    const closed: ProposalRow = {
      ...p,
      status: 'closed',
      outcome_statement: body.outcomeStatement,
      review_on: reviewOn ?? null,
      review_notified_at: null,
      state,
      closed_at: now,
      updated_at: now,
    };
    await decisionsRepository.updateProposal(trx, p.id, {
      status: closed.status,
      outcome_statement: closed.outcome_statement,
      review_on: closed.review_on,
      review_notified_at: null,
      state: closed.state,
      closed_at: now,
      updated_at: now,
    });
    await syncRecord(trx, closed);
    const passed = (await decisionsRepository.recordStatus(trx, p.record_id)) === 'passed';
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId,
      kind: 'decisions.proposal_closed',
      objectKind: 'decision',
      objectId: p.record_id,
      data: { proposalId, passed, outcome: body.outcomeStatement, reviewOn: closed.review_on },
    });
    const hook = p.subject_kind ? closeHooks.get(p.subject_kind) : undefined;
    const after = hook ? await hook(trx, scope, closed, passed, actor) : undefined;
    await notifyProposal(trx, closed, 'closed');
    return { passed, after };
  });
  if (after) {
    await after();
  }
  return result;
}

/** Re-open a passed decision for its review: a new round on the same version, with a new deadline. */
export async function reopenForReview(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  proposalId: string,
  body: { note: string; deadline: string },
  actor: Actor,
): Promise<void> {
  return db.transaction().execute(async (trx) => {
    const p = await loadProposal(trx, scope, engagementId, proposalId);
    await assertEngagementAcceptsInput(trx, engagementId);
    if (p.status !== 'closed') {
      throw conflict('only a closed proposal can be re-opened for review');
    }
    const deadline = new Date(body.deadline);
    if (deadline.getTime() <= Date.now()) {
      throw new AppError('VALIDATION_FAILED', 'the deadline must be in the future', { field: 'deadline' });
    }
    const now = nowIso();
    const next: ProposalRow = {
      ...p,
      status: 'open',
      round: p.round + 1,
      deadline: deadline.toISOString(),
      closed_at: null,
      closing_notified_at: null,
      outcome_statement: null,
      updated_at: now,
    };
    await decisionsRepository.updateProposal(trx, p.id, {
      status: 'open',
      round: next.round,
      deadline: next.deadline,
      closed_at: null,
      closing_notified_at: null,
      outcome_statement: null,
      updated_at: now,
    });
    await decisionsRepository.updateRecord(trx, p.record_id, { status: 'review' });
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId,
      kind: 'decisions.review_opened',
      objectKind: 'decision',
      objectId: p.record_id,
      data: { proposalId, note: body.note },
    });
    await syncRecord(trx, next);
    await notifyProposal(trx, next, 'opened');
  });
}

export async function listProposals(db: Db, scope: OrgScope, engagementId: string) {
  await loadEngagement(db, scope, engagementId);
  const rows = await decisionsRepository.listProposals(db, scope, engagementId);
  const proposals = [];
  for (const p of rows) {
    const positions = await decisionsRepository.positions(db, p.id, p.round);
    proposals.push({
      id: p.id,
      title: p.title,
      rule: p.rule as DecisionRule,
      status: p.status as 'open',
      deadline: p.deadline,
      version: p.version,
      answeredCount: positions.length,
      eligibleCount: (await eligibleVoters(db, p)).size,
    });
  }
  const choice = await decisionsRepository.latestRuleChoice(db, engagementId);
  return { proposals, currentRule: (choice?.rule ?? null) as DecisionRule | null };
}
