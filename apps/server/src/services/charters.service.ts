import type { CharterDetailSchema, CharterSummarySchema } from '@essaim/contracts';
import {
  type CharterKind,
  type Clause,
  checkCommitment,
  contentHash,
  countCommitments,
  diffClauses,
  diffWords,
  isReviewDue,
  summariseDiff,
  templateClauses,
} from '@essaim/core/charters';
import { evaluateConsent } from '@essaim/core/decisions';
import * as Y from 'yjs';
import type { z } from 'zod';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import {
  type CharterMeta,
  type CharterVersionRow,
  chartersRepository,
} from '../db/repositories/charters.repository.ts';
import { AppError, notFound } from '../lib/app-error.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import type { Actor } from './audit.service.ts';
import { type CharterRights, type CharterViewer, charterRights } from './charters-access.ts';
import { changesSince, clausesOf, ensureClauseIds, replaceClauses, setClauseText } from './charters-doc.ts';
import type { CharterSockets } from './charters-sync.service.ts';
import { writeDecisionRecord } from './decision-records.service.ts';
import { assertEngagementAcceptsInput } from './engagement-guard.ts';
import { loadEngagement } from './engagements.service.ts';
import { issueParticipant, resolveParticipant } from './participants.service.ts';
import { recordEngagementEvent } from './timeline.service.ts';
import { emitCharterAdopted } from './webhooks-emitters.ts';

type Summary = z.infer<typeof CharterSummarySchema>;
type Detail = z.infer<typeof CharterDetailSchema>;

const today = () => nowIso().slice(0, 10);
/** Clause ids made by the server: short, URL-safe, unique enough inside one charter. */
export const newClauseId = () => newId().replace(/-/g, '').slice(0, 16);

export function presentCharter(c: CharterMeta, adoptionProposalId: string | null = null): Summary {
  return {
    id: c.id,
    engagementId: c.engagement_id,
    title: c.title,
    kind: c.kind as CharterKind,
    locale: c.locale as 'fr',
    status: c.status as Summary['status'],
    collectiveId: c.collective_id,
    reviewOn: c.review_on,
    isReviewDue: isReviewDue(c.status as 'adopted', c.review_on, today()),
    adoptedHash: c.adopted_hash,
    adoptedVersionId: c.adopted_version_id,
    adoptionDecisionId: c.adoption_decision_id,
    adoptionProposalId,
    editorsMayDecide: c.editors_may_decide === 1,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

export function userViewer(scope: OrgScope, name: string): CharterViewer {
  return { kind: 'user', userId: scope.userId, role: scope.role, name };
}

/** The charter inside the caller's scope and engagement, or NOT_FOUND (another tenant's id included). */
export async function loadCharter(db: Db, scope: OrgScope, engagementId: string, charterId: string) {
  await loadEngagement(db, scope, engagementId);
  const c = await chartersRepository.get(db, scope, engagementId, charterId);
  if (!c) {
    throw notFound('charter');
  }
  return c;
}

export function requireRight(
  rights: CharterRights,
  right: 'canEdit' | 'canComment' | 'canManage' | 'canCommit',
) {
  if (rights[right]) {
    return;
  }
  if (rights.readOnlyReason === 'stopped') {
    throw new AppError('ENGAGEMENT_STOPPED', 'this engagement was stopped');
  }
  if (rights.readOnlyReason === 'paused') {
    throw new AppError('ENGAGEMENT_PAUSED', 'this engagement is paused');
  }
  if (right === 'canEdit' && rights.readOnlyReason === 'adopted') {
    throw new AppError('CONFLICT', 'the adopted text is read-only: open a new version to change it');
  }
  throw new AppError('FORBIDDEN', 'your role does not allow this on this charter');
}

export async function listCharters(db: Db, scope: OrgScope, engagementId: string) {
  await loadEngagement(db, scope, engagementId);
  const rows = await chartersRepository.list(db, scope, engagementId);
  const rounds = new Map(
    (
      await chartersRepository.openAdoptionProposals(
        db,
        rows.map((r) => r.id),
      )
    ).map((p) => [p.charter_id, p.id]),
  );
  return { charters: rows.map((r) => presentCharter(r, rounds.get(r.id) ?? null)) };
}

export async function createCharter(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  body: {
    title: string;
    kind: CharterKind;
    locale: 'fr' | 'en';
    collectiveId?: string | null | undefined;
    reviewOn?: string | null | undefined;
    editorsMayDecide?: boolean | undefined;
  },
  actor: Actor,
): Promise<Summary> {
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await loadEngagement(trx, scope, engagementId);
    await assertEngagementAcceptsInput(trx, engagementId);
    if (body.collectiveId && !(await chartersRepository.collective(trx, scope.orgId, body.collectiveId))) {
      throw notFound('collective');
    }
    const doc = new Y.Doc();
    replaceClauses(doc, templateClauses(body.kind, body.locale, newClauseId));
    const now = nowIso();
    await chartersRepository.insert(trx, {
      id,
      org_id: scope.orgId,
      engagement_id: engagementId,
      collective_id: body.collectiveId ?? null,
      title: body.title,
      kind: body.kind,
      locale: body.locale,
      status: 'drafting',
      editors_may_decide: body.editorsMayDecide ? 1 : 0,
      review_on: body.reviewOn ?? null,
      last_seq: 0,
      snapshot: Y.encodeStateAsUpdate(doc),
      snapshot_seq: 0,
      pending_updates: 0,
      adopted_version_id: null,
      adopted_hash: null,
      adoption_decision_id: null,
      created_by: scope.userId,
      created_at: now,
      updated_at: now,
    });
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId,
      kind: 'charter.created',
      objectKind: 'charter',
      objectId: id,
      data: { title: body.title, kind: body.kind },
    });
  });
  return presentCharter((await chartersRepository.byId(db, id))!);
}

export async function updateCharter(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  charterId: string,
  body: {
    title?: string | undefined;
    reviewOn?: string | null | undefined;
    editorsMayDecide?: boolean | undefined;
  },
) {
  const c = await loadCharter(db, scope, engagementId, charterId);
  await assertEngagementAcceptsInput(db, engagementId);
  await chartersRepository.update(db, c.id, {
    ...(body.title === undefined ? {} : { title: body.title }),
    ...(body.reviewOn === undefined ? {} : { review_on: body.reviewOn }),
    ...(body.editorsMayDecide === undefined ? {} : { editors_may_decide: body.editorsMayDecide ? 1 : 0 }),
    updated_at: nowIso(),
  });
  return presentCharter((await chartersRepository.byId(db, c.id))!);
}

export async function readCharter(
  db: Db,
  sockets: CharterSockets,
  scope: OrgScope,
  engagementId: string,
  charterId: string,
  viewerName: string,
): Promise<Detail> {
  const c = await loadCharter(db, scope, engagementId, charterId);
  const doc = await sockets.store.loadDoc(c.id);
  const clauses = clausesOf(doc);
  doc.destroy();
  const { personId: _p, ...rights } = await charterRights(db, c, userViewer(scope, viewerName));
  const round = (await chartersRepository.openAdoptionProposals(db, [c.id]))[0];
  return { ...presentCharter(c, round?.id ?? null), clauses, contentHash: contentHash(clauses), rights };
}

/**
 * Apply a change made by the server to the document (restore, accepted amendment, clause ids): load,
 * change, store the difference as one more update, and send it to every editor.
 */
export async function serverEdit(
  sockets: CharterSockets,
  charter: CharterMeta,
  actorName: string,
  change: (doc: Y.Doc) => void,
): Promise<Clause[]> {
  const doc = await sockets.store.loadDoc(charter.id);
  const before = Y.encodeStateVector(doc);
  change(doc);
  const update = changesSince(doc, before);
  const clauses = clausesOf(doc);
  doc.destroy();
  // An empty change encodes as two zero bytes: nothing to store.
  if (update.length > 2) {
    const seq = await sockets.store.append(charter, update, actorName);
    await sockets.publish(charter.id, update, seq);
  }
  return clauses;
}

function presentVersion(v: CharterVersionRow) {
  return {
    id: v.id,
    number: v.number,
    name: v.name,
    contentHash: v.content_hash,
    clauseCount: v.clauses.length,
    createdAt: v.created_at,
    createdByName: null,
  };
}

/** Name the current text: clause ids are made unique first, so every clause of a version can be pointed at. */
export async function createVersion(
  db: Db,
  sockets: CharterSockets,
  charter: CharterMeta,
  name: string,
  actor: { userId: string | null; name: string },
) {
  const clauses =
    charter.status === 'adopted'
      ? await clausesAt(db, sockets, charter, 'current')
      : await serverEdit(sockets, charter, actor.name, (doc) => ensureClauseIds(doc, newClauseId));
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const number = await chartersRepository.nextVersionNumber(trx, charter.id);
    await chartersRepository.insertVersion(trx, {
      id,
      charter_id: charter.id,
      number,
      name,
      content_hash: contentHash(clauses),
      clauses,
      created_by: actor.userId,
      created_at: nowIso(),
    });
  });
  await sockets.changed(charter.id, 'versions');
  return presentVersion((await chartersRepository.version(db, charter.id, id))!);
}

export async function listVersions(db: Db, charter: CharterMeta) {
  return { versions: (await chartersRepository.versions(db, charter.id)).map(presentVersion) };
}

export async function clausesAt(
  db: Db,
  sockets: CharterSockets,
  charter: CharterMeta,
  ref: string,
): Promise<Clause[]> {
  if (ref === 'current') {
    const doc = await sockets.store.loadDoc(charter.id);
    const out = clausesOf(doc);
    doc.destroy();
    return out;
  }
  const v = await chartersRepository.version(db, charter.id, ref);
  if (!v) {
    throw notFound('version');
  }
  return v.clauses;
}

export async function readVersion(db: Db, charter: CharterMeta, versionId: string) {
  const v = await chartersRepository.version(db, charter.id, versionId);
  if (!v) {
    throw notFound('version');
  }
  return { ...presentVersion(v), clauses: v.clauses };
}

export async function diffVersions(
  db: Db,
  sockets: CharterSockets,
  charter: CharterMeta,
  from: string,
  to: string,
) {
  const before = await clausesAt(db, sockets, charter, from);
  const after = await clausesAt(db, sockets, charter, to);
  const entries = diffClauses(before, after);
  return {
    fromHash: contentHash(before),
    toHash: contentHash(after),
    summary: summariseDiff(entries),
    entries: entries.map((e) => ({
      ...e,
      words: e.change === 'changed' && e.before && e.after ? diffWords(e.before.text, e.after.text) : null,
    })),
  };
}

export async function restoreVersion(
  db: Db,
  sockets: CharterSockets,
  charter: CharterMeta,
  rights: CharterRights,
  versionId: string,
  actorName: string,
) {
  requireRight(rights, 'canEdit');
  const clauses = await clausesAt(db, sockets, charter, versionId);
  const after = await serverEdit(sockets, charter, actorName, (doc) => replaceClauses(doc, clauses));
  return { contentHash: contentHash(after) };
}

// ---- comments ---------------------------------------------------------------------------------

function presentComment(r: Awaited<ReturnType<typeof chartersRepository.comments>>[number]) {
  return {
    id: r.id,
    clauseId: r.clause_id,
    quote: r.quote,
    body: r.body,
    status: r.status as 'open',
    authorName: r.author_name,
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
  };
}

export async function listComments(db: Db, charter: CharterMeta) {
  return { comments: (await chartersRepository.comments(db, charter.id)).map(presentComment) };
}

export async function addComment(
  db: Db,
  sockets: CharterSockets,
  charter: CharterMeta,
  rights: CharterRights,
  viewer: CharterViewer,
  body: { clauseId: string; quote: string; body: string },
) {
  requireRight(rights, 'canComment');
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await assertEngagementAcceptsInput(trx, charter.engagement_id);
    await chartersRepository.insertComment(trx, {
      id,
      charter_id: charter.id,
      clause_id: body.clauseId,
      quote: body.quote,
      body: body.body,
      status: 'open',
      author_user_id: viewer.kind === 'user' ? viewer.userId : null,
      author_participant_id: viewer.kind === 'participant' ? viewer.participantId : null,
      author_name: viewer.name,
      created_at: nowIso(),
      resolved_at: null,
    });
  });
  await sockets.changed(charter.id, 'comments');
  return presentComment((await chartersRepository.comments(db, charter.id)).find((c) => c.id === id)!);
}

export async function setCommentStatus(
  db: Db,
  sockets: CharterSockets,
  charter: CharterMeta,
  rights: CharterRights,
  commentId: string,
  status: 'open' | 'resolved',
) {
  requireRight(rights, 'canComment');
  if (
    !(await chartersRepository.setCommentStatus(
      db,
      charter.id,
      commentId,
      status,
      status === 'resolved' ? nowIso() : null,
    ))
  ) {
    throw notFound('comment');
  }
  await sockets.changed(charter.id, 'comments');
  return presentComment((await chartersRepository.comments(db, charter.id)).find((c) => c.id === commentId)!);
}

// ---- amendments -------------------------------------------------------------------------------

function presentAmendment(
  r: Awaited<ReturnType<typeof chartersRepository.amendments>>[number],
  myKey: string | null,
  proposalId: string | null = null,
) {
  const positions = r.positions;
  return {
    id: r.id,
    clauseId: r.clause_id,
    originalText: r.original_text,
    text: r.text,
    reason: r.reason,
    status: r.status as 'open',
    rule: r.rule as 'consent' | null,
    decisionId: r.decision_id,
    proposalId,
    positions: {
      consent: positions.filter((p) => p.value === 'consent').length,
      object: positions.filter((p) => p.value === 'object').length,
    },
    myPosition: positions.find((p) => p.key === myKey)?.value ?? null,
    authorName: r.author_name,
    createdAt: r.created_at,
    decidedAt: r.decided_at,
  };
}

const positionKey = (viewer: CharterViewer) =>
  viewer.kind === 'user' ? `user:${viewer.userId}` : `person:${viewer.personId}`;

export async function listAmendments(db: Db, charter: CharterMeta, viewer: CharterViewer) {
  const key = positionKey(viewer);
  const rows = await chartersRepository.amendments(db, charter.id);
  const rounds = new Map(
    (
      await chartersRepository.openProposals(
        db,
        'charter_amendment',
        rows.filter((a) => a.status === 'open').map((a) => a.id),
      )
    ).map((p) => [p.subject_id, p.id]),
  );
  return { amendments: rows.map((a) => presentAmendment(a, key, rounds.get(a.id) ?? null)) };
}

export async function proposeAmendment(
  db: Db,
  sockets: CharterSockets,
  charter: CharterMeta,
  rights: CharterRights,
  viewer: CharterViewer,
  body: { clauseId: string; text: string; reason: string },
) {
  requireRight(rights, 'canComment');
  if (charter.status === 'adopted') {
    throw new AppError('CONFLICT', 'amendments open again with a review or a new version');
  }
  const clauses = await clausesAt(db, sockets, charter, 'current');
  const clause = clauses.find((c) => c.id === body.clauseId);
  if (!clause) {
    throw notFound('clause');
  }
  const id = newId();
  await chartersRepository.insertAmendment(db, {
    id,
    charter_id: charter.id,
    clause_id: clause.id,
    original_text: clause.text,
    text: body.text,
    reason: body.reason,
    status: 'open',
    rule: null,
    decision_id: null,
    positions: [],
    author_user_id: viewer.kind === 'user' ? viewer.userId : null,
    author_name: viewer.name,
    created_at: nowIso(),
    decided_at: null,
  });
  await sockets.changed(charter.id, 'amendments');
  return presentAmendment((await chartersRepository.amendment(db, charter.id, id))!, positionKey(viewer));
}

export async function positionOnAmendment(
  db: Db,
  sockets: CharterSockets,
  charter: CharterMeta,
  rights: CharterRights,
  viewer: CharterViewer,
  amendmentId: string,
  body: { value: 'consent' | 'object'; reason?: string | null | undefined },
) {
  if (!rights.canCommit && !rights.canEdit) {
    requireRight(rights, 'canCommit');
  }
  if (body.value === 'object' && !body.reason?.trim()) {
    throw new AppError('VALIDATION_FAILED', 'an objection needs a reason');
  }
  const a = await chartersRepository.amendment(db, charter.id, amendmentId);
  if (!a) {
    throw notFound('amendment');
  }
  if (a.status !== 'open') {
    throw new AppError('CONFLICT', 'this amendment is closed');
  }
  const key = positionKey(viewer);
  const positions = a.positions.filter((p) => p.key !== key);
  positions.push({ key, value: body.value, reason: body.reason ?? null });
  await chartersRepository.updateAmendment(db, a.id, { positions });
  await sockets.changed(charter.id, 'amendments');
  return presentAmendment((await chartersRepository.amendment(db, charter.id, a.id))!, key);
}

/**
 * Close an amendment. By rule: the consent rule of the decisions capability (core
 * `evaluateConsent`: passes when no reasoned objection is open) on the positions taken, recorded as a
 * `DecisionRecord`. By an editor (accept/reject) only when the group said so (`editorsMayDecide`). An
 * accepted amendment is written into the text as a server edit.
 */
export async function decideAmendment(
  db: Db,
  sockets: CharterSockets,
  charter: CharterMeta,
  rights: CharterRights,
  scope: OrgScope,
  amendmentId: string,
  body: { by: 'rule' | 'accept' | 'reject'; rule: string },
  actorName: string,
) {
  requireRight(rights, 'canEdit');
  const a = await chartersRepository.amendment(db, charter.id, amendmentId);
  if (!a) {
    throw notFound('amendment');
  }
  if (a.status !== 'open') {
    throw new AppError('CONFLICT', 'this amendment is closed');
  }
  let accepted: boolean;
  let rule: 'consent' | null = null;
  const positions = a.positions;
  if (body.by === 'rule') {
    if (body.rule !== 'consent') {
      throw new AppError(
        'VALIDATION_FAILED',
        'amendments are decided by consent (or by an editor when allowed)',
      );
    }
    rule = 'consent';
    const r = evaluateConsent({
      answers: positions.map((p) => ({ answer: p.value, reason: p.reason })),
      objections: positions
        .filter((p) => p.value === 'object')
        .map((p) => ({ status: 'open' as const, reason: p.reason ?? '' })),
      eligibleCount: positions.length,
      isRoundClosed: true,
      // The charter's own review cycle stands for the amendment's review date.
      reviewOn: charter.review_on ?? 'with-the-charter',
    });
    if (positions.length === 0) {
      throw new AppError('CONFLICT', 'nobody has taken a position yet');
    }
    accepted = r.outcome === 'passed';
  } else {
    if (charter.editors_may_decide !== 1) {
      throw new AppError('FORBIDDEN', 'the group did not allow editors to decide amendments alone');
    }
    accepted = body.by === 'accept';
  }
  const decisionId = await writeDecisionRecord(db, {
    orgId: scope.orgId,
    engagementId: charter.engagement_id,
    source: 'charter',
    sourceId: charter.id,
    title: `Amendment to “${charter.title}”`,
    statement: a.text,
    rule,
    decidedBy: body.by === 'rule' ? 'group' : 'decider',
    status: accepted ? 'passed' : 'rejected',
    participantCount: positions.length,
    positions: positions.map((p) => ({ participant: null, value: p.value, reason: p.reason, version: 1 })),
    links: [{ kind: 'charter_clause', id: `${charter.id}#${a.clause_id}`, relation: 'amends' }],
    collectiveId: charter.collective_id,
    recordedBy: scope.userId,
  });
  await chartersRepository.updateAmendment(db, a.id, {
    status: accepted ? 'accepted' : 'rejected',
    rule,
    decision_id: decisionId,
    decided_at: nowIso(),
  });
  if (accepted) {
    await serverEdit(sockets, charter, actorName, (doc) => {
      if (!setClauseText(doc, a.clause_id, a.text)) {
        throw new AppError('CONFLICT', 'the clause was removed from the text');
      }
    });
  }
  await sockets.changed(charter.id, 'amendments');
  return presentAmendment((await chartersRepository.amendment(db, charter.id, a.id))!, null);
}

// ---- adoption, review, commitments ------------------------------------------------------------

/** Adoption is a `DecisionRecord` naming the exact version by its content hash; the text becomes read-only. */
export async function adoptCharter(
  db: Db,
  sockets: CharterSockets,
  charter: CharterMeta,
  scope: OrgScope,
  body: {
    versionId?: string | undefined;
    name?: string | undefined;
    rule: string;
    decidedBy: 'group' | 'sponsor';
    participantCount: number;
    outcome?: string | null | undefined;
    reviewOn?: string | null | undefined;
  },
  actor: Actor & { name: string },
) {
  await assertEngagementAcceptsInput(db, charter.engagement_id);
  if (charter.status === 'adopted') {
    throw new AppError('CONFLICT', 'this charter is already adopted: open a new version first');
  }
  const version: { id: string; number: number; name: string; contentHash: string; clauses?: Clause[] } =
    body.versionId
      ? await readVersion(db, charter, body.versionId)
      : await createVersion(db, sockets, charter, body.name ?? `Adopted ${today()}`, {
          userId: actor.userId,
          name: actor.name,
        });
  if (
    body.versionId &&
    version.contentHash !== contentHash(await clausesAt(db, sockets, charter, 'current'))
  ) {
    // Adopting an earlier version: the live text becomes that version, so what is read is what was adopted.
    await serverEdit(sockets, charter, actor.name, (doc) => replaceClauses(doc, version.clauses ?? []));
  }
  const reviewOn = body.reviewOn === undefined ? charter.review_on : body.reviewOn;
  const decisionId = newId();
  await db.transaction().execute(async (trx) => {
    await writeDecisionRecord(
      trx,
      {
        orgId: scope.orgId,
        engagementId: charter.engagement_id,
        source: 'charter',
        sourceId: charter.id,
        title: `Adoption of “${charter.title}” (version ${version.number})`,
        statement: `${charter.title} — version ${version.number} “${version.name}” — ${version.contentHash}`,
        rule: body.rule as 'consent',
        decidedBy: body.decidedBy,
        status: 'passed',
        participantCount: body.participantCount,
        outcome: body.outcome ?? null,
        reviewOn: reviewOn ?? null,
        links: [{ kind: 'charter_version', id: version.id, relation: `adopts ${version.contentHash}` }],
        collectiveId: charter.collective_id,
        recordedBy: scope.userId,
      },
      decisionId,
    );
    await chartersRepository.update(trx, charter.id, {
      status: 'adopted',
      adopted_version_id: version.id,
      adopted_hash: version.contentHash,
      adoption_decision_id: decisionId,
      review_on: reviewOn ?? null,
      updated_at: nowIso(),
    });
    await recordEngagementEvent(trx, actor, {
      orgId: scope.orgId,
      engagementId: charter.engagement_id,
      kind: 'charter.adopted',
      objectKind: 'charter',
      objectId: charter.id,
      data: { versionId: version.id, contentHash: version.contentHash, decisionId },
    });
    await emitCharterAdopted(trx, charter, {
      versionNumber: version.number,
      contentHash: version.contentHash,
      decisionId,
    });
  });
  await sockets.changed(charter.id, 'status');
  return { decisionId, versionId: version.id, contentHash: version.contentHash };
}

/** Editing an adopted charter opens a new version (status `review`); the adopted version and its commitments stay. */
export async function reopenCharter(db: Db, sockets: CharterSockets, charter: CharterMeta) {
  await assertEngagementAcceptsInput(db, charter.engagement_id);
  if (charter.status !== 'adopted') {
    throw new AppError('CONFLICT', 'only an adopted charter can be re-opened');
  }
  await chartersRepository.update(db, charter.id, { status: 'review', updated_at: nowIso() });
  await sockets.changed(charter.id, 'status');
  return presentCharter((await chartersRepository.byId(db, charter.id))!);
}

async function memberCount(db: Db, charter: CharterMeta, committers: number): Promise<number> {
  return charter.collective_id ? chartersRepository.collectiveSize(db, charter.collective_id) : committers;
}

/** Names for the collective and the facilitator; the sponsor (and observers) see the counts only. */
export async function listCommitments(
  db: Db,
  charter: CharterMeta,
  rights: CharterRights,
  mayNames: boolean,
) {
  const rows = await chartersRepository.commitments(db, charter.id);
  const records = rows.map((r) => ({
    memberId: r.person_id,
    state: r.state as 'committed',
    versionHash: r.version_hash,
    at: r.at,
  }));
  const onAdopted = new Set(
    rows.filter((r) => r.version_hash === charter.adopted_hash).map((r) => r.person_id),
  );
  const counts = countCommitments(
    records,
    charter.adopted_hash,
    await memberCount(db, charter, onAdopted.size),
  );
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    if (r.version_hash === charter.adopted_hash) {
      latest.set(r.person_id, r);
    }
  }
  const showNames = mayNames && (rights.canManage || rights.personId !== null);
  return {
    adoptedHash: charter.adopted_hash,
    counts,
    people: showNames
      ? [...latest.values()].map((r) => ({
          personId: r.person_id,
          name: r.name,
          state: r.state as 'committed',
          versionHash: r.version_hash,
          at: r.at,
        }))
      : null,
  };
}

export async function commitToCharter(
  db: Db,
  sockets: CharterSockets,
  charter: CharterMeta,
  rights: CharterRights,
  viewer: CharterViewer,
  body: { state: 'committed' | 'declined' | 'withdrawn'; versionHash: string },
) {
  const via = viewer.kind === 'user' ? 'account' : 'token';
  requireRight(rights, 'canCommit');
  const personId = rights.personId!;
  await db.transaction().execute(async (trx) => {
    await assertEngagementAcceptsInput(trx, charter.engagement_id);
    const fresh = (await chartersRepository.byId(trx, charter.id))!;
    const mine = (await chartersRepository.commitments(trx, charter.id)).filter(
      (r) => r.person_id === personId,
    );
    const current = mine[mine.length - 1];
    const refusal = checkCommitment({
      status: fresh.status as 'adopted',
      adoptedHash: fresh.adopted_hash,
      versionHash: body.versionHash,
      current: current
        ? {
            memberId: personId,
            state: current.state as 'committed',
            versionHash: current.version_hash,
            at: current.at,
          }
        : null,
      next: body.state,
    });
    if (refusal) {
      throw new AppError('CONFLICT', `cannot ${body.state}: ${refusal}`, { reason: refusal });
    }
    const person = await chartersRepository.person(trx, fresh.org_id, personId);
    await chartersRepository.insertCommitment(trx, {
      id: newId(),
      charter_id: charter.id,
      person_id: personId,
      name: person?.display_name ?? viewer.name,
      state: body.state,
      version_hash: body.versionHash,
      via,
      at: nowIso(),
    });
  });
  await sockets.changed(charter.id, 'commitments');
  return { state: body.state, versionHash: body.versionHash };
}

/** A link for a member of the collective without an account: comment and commit on this charter only. */
export async function issueCharterParticipant(db: Db, charter: CharterMeta, personId: string) {
  const person = await chartersRepository.person(db, charter.org_id, personId);
  if (!person) {
    throw notFound('person');
  }
  if (
    charter.collective_id &&
    !(await chartersRepository.isInCollective(db, personId, charter.collective_id))
  ) {
    throw new AppError('CONFLICT', 'this person is not a member of the charter’s collective');
  }
  return db.transaction().execute(async (trx) => {
    const { participant, token } = await issueParticipant(trx, {
      orgId: charter.org_id,
      scopeKind: 'charter',
      scopeId: charter.id,
      displayName: person.display_name,
    });
    await chartersRepository.insertParticipant(trx, participant.id, charter.id, person.id, nowIso());
    return { token, personId: person.id };
  });
}

/** The participant behind a charter token (no account), or UNAUTHENTICATED. */
export async function participantViewer(db: Db, charterId: string, token: string | undefined) {
  const charter = await chartersRepository.byId(db, charterId);
  if (!charter || !token) {
    throw new AppError('UNAUTHENTICATED', 'a valid charter link is needed');
  }
  const p = await resolveParticipant(db, token, 'charter', charterId);
  const person = p ? await chartersRepository.participantPerson(db, p.id, charterId) : undefined;
  if (!p || !person) {
    throw new AppError('UNAUTHENTICATED', 'a valid charter link is needed');
  }
  const viewer: CharterViewer = {
    kind: 'participant',
    participantId: p.id,
    personId: person.id,
    name: person.display_name,
  };
  return { charter, viewer, rights: await charterRights(db, charter, viewer) };
}

export async function readPublicCharter(
  db: Db,
  sockets: CharterSockets,
  charterId: string,
  token: string | undefined,
) {
  const { charter, viewer } = await participantViewer(db, charterId, token);
  const clauses = await clausesAt(db, sockets, charter, 'current');
  const mine = (await chartersRepository.commitments(db, charter.id)).filter(
    (r) =>
      viewer.kind === 'participant' &&
      r.person_id === viewer.personId &&
      r.version_hash === charter.adopted_hash,
  );
  return {
    title: charter.title,
    status: charter.status as 'drafting',
    clauses,
    contentHash: contentHash(clauses),
    adoptedHash: charter.adopted_hash,
    personName: viewer.name,
    myCommitment: (mine[mine.length - 1]?.state as 'committed' | undefined) ?? null,
  };
}
