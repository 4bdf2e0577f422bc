import { contentHash } from '@essaim/core/charters';
import * as Y from 'yjs';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import { type CharterMeta, chartersRepository } from '../db/repositories/charters.repository.ts';
import { AppError, notFound } from '../lib/app-error.ts';
import { nowIso } from '../lib/tokens.ts';
import type { Actor } from './audit.service.ts';
import { createVersion, presentCharter } from './charters.service.ts';
import { clausesOf, docFromUpdates, replaceClauses, setClauseText } from './charters-doc.ts';
import type { CharterSockets } from './charters-sync.service.ts';
import { assertEngagementAcceptsInput } from './engagement-guard.ts';
import { createProposal, onProposalClosed } from './proposals.service.ts';
import { recordEngagementEvent } from './timeline.service.ts';
import { emitCharterAdopted } from './webhooks-emitters.ts';

/**
 * Adoption of a charter, or of one amendment, through a proposal round of the decisions capability
 * (consent with objections integrated, amendments of the proposal, deadline, review date), rather than
 * by an editor alone. "Put to decision" freezes what is decided: for an adoption, a named version whose
 * content hash the proposal's text and trace link name; for an amendment, its wording. When the round
 * closes as passed, the close hook (inside the close's transaction) adopts that version — the live text
 * becomes it if it moved meanwhile — or writes the amendment into the text; a rejected amendment is closed.
 */

/**
 * The socket handler of this instance: a close hook is registered once per process, while the
 * broadcasts after it go through the instance's hub (and the Redis bus to the others).
 */
let sockets: CharterSockets | null = null;
export function useCharterSocketsForDecisions(s: CharterSockets): void {
  sockets = s;
}

const excerpt = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

async function refuseTwice(db: Db, kind: 'charter_version' | 'charter_amendment', ids: string[]) {
  if ((await chartersRepository.openProposals(db, kind, ids)).length > 0) {
    throw new AppError('CONFLICT', 'a decision round is already open on this');
  }
}

/** Put the current text to a decision: a named version is frozen and a consent proposal names its hash. */
export async function putAdoptionToDecision(
  db: Db,
  s: CharterSockets,
  charter: CharterMeta,
  scope: OrgScope,
  body: { deadline: string; reviewOn?: string | undefined },
  actor: Actor & { name: string },
) {
  await assertEngagementAcceptsInput(db, charter.engagement_id);
  if (charter.status === 'adopted') {
    throw new AppError('CONFLICT', 'this charter is already adopted: open a new version first');
  }
  if ((await chartersRepository.openAdoptionProposals(db, [charter.id])).length > 0) {
    throw new AppError('CONFLICT', 'a decision round is already open on this');
  }
  if (new Date(body.deadline).getTime() <= Date.now()) {
    throw new AppError('VALIDATION_FAILED', 'the deadline must be in the future', { field: 'deadline' });
  }
  const version = await createVersion(db, s, charter, `Put to decision ${nowIso().slice(0, 10)}`, actor);
  const clauses = (await chartersRepository.version(db, charter.id, version.id))!.clauses;
  const header = `${charter.title} — version ${version.number} — ${version.contentHash}`;
  const text = [header, '', ...clauses.map((c) => (c.kind === 'heading' ? `## ${c.text}` : c.text))].join(
    '\n',
  );
  const reviewOn = body.reviewOn ?? charter.review_on ?? undefined;
  const { proposal } = await createProposal(
    db,
    scope,
    charter.engagement_id,
    {
      title: excerpt(`Adoption of “${charter.title}” (version ${version.number})`, 200),
      text: excerpt(text, 10000),
      rule: 'consent',
      deadline: body.deadline,
      ...(reviewOn ? { reviewOn } : {}),
      ...(charter.collective_id ? { collectiveId: charter.collective_id } : {}),
    },
    actor,
    {
      kind: 'charter_version',
      id: version.id,
      links: [{ kind: 'charter_version', id: version.id, relation: `adopts ${version.contentHash}` }],
    },
  );
  await s.changed(charter.id, 'status');
  return {
    decision: {
      proposalId: proposal.id,
      decisionId: proposal.record_id,
      versionId: version.id,
      contentHash: version.contentHash,
    },
  };
}

/** Put one open amendment to a decision: a consent proposal whose text is the clause before and after. */
export async function putAmendmentToDecision(
  db: Db,
  s: CharterSockets,
  charter: CharterMeta,
  scope: OrgScope,
  amendmentId: string,
  body: { deadline: string; reviewOn?: string | undefined },
  actor: Actor,
) {
  await assertEngagementAcceptsInput(db, charter.engagement_id);
  const a = await chartersRepository.amendment(db, charter.id, amendmentId);
  if (!a) {
    throw notFound('amendment');
  }
  if (a.status !== 'open') {
    throw new AppError('CONFLICT', 'this amendment is closed');
  }
  await refuseTwice(db, 'charter_amendment', [a.id]);
  const reviewOn = body.reviewOn ?? charter.review_on ?? undefined;
  const text = [
    `Current wording: ${a.original_text}`,
    '',
    `Proposed wording: ${a.text}`,
    ...(a.reason ? ['', `Why: ${a.reason}`] : []),
  ].join('\n');
  const { proposal } = await createProposal(
    db,
    scope,
    charter.engagement_id,
    {
      title: excerpt(`Amendment to “${charter.title}”`, 200),
      text: excerpt(text, 10000),
      rule: 'consent',
      deadline: body.deadline,
      ...(reviewOn ? { reviewOn } : {}),
      ...(charter.collective_id ? { collectiveId: charter.collective_id } : {}),
    },
    actor,
    {
      kind: 'charter_amendment',
      id: a.id,
      links: [{ kind: 'charter_clause', id: `${charter.id}#${a.clause_id}`, relation: 'amends' }],
    },
  );
  await s.changed(charter.id, 'amendments');
  return {
    decision: { proposalId: proposal.id, decisionId: proposal.record_id, versionId: null, contentHash: null },
  };
}

/**
 * Inside the close's transaction: write `change` into the stored document as one more update (refused,
 * undefined, when the charter is adopted). Returns what to broadcast once committed.
 */
async function editInside(trx: Db, charterId: string, actorName: string, change: (doc: Y.Doc) => boolean) {
  const state = await chartersRepository.state(trx, charterId);
  const doc = docFromUpdates(state ? [state.snapshot, ...state.tail] : []);
  const before = Y.encodeStateVector(doc);
  const changed = change(doc);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  if (!changed || update.length <= 2) {
    return undefined;
  }
  const r = await chartersRepository.append(trx, charterId, update, actorName, nowIso());
  return r ? { update, seq: r.seq } : undefined;
}

onProposalClosed('charter_version', async (trx, scope, p, isPassed, actor) => {
  const version = p.subject_id ? await chartersRepository.versionById(trx, p.subject_id) : undefined;
  const charter = version ? await chartersRepository.byId(trx, version.charter_id) : undefined;
  if (!version || !charter || charter.org_id !== scope.orgId) {
    return;
  }
  if (!isPassed || charter.status === 'adopted') {
    return async () => sockets?.changed(charter.id, 'status');
  }
  // What is adopted is the frozen version: the live text becomes it if it moved during the round.
  const edit = await editInside(trx, charter.id, 'decision', (doc) => {
    if (contentHash(clausesOf(doc)) === version.content_hash) {
      return false;
    }
    replaceClauses(doc, version.clauses);
    return true;
  });
  await chartersRepository.update(trx, charter.id, {
    status: 'adopted',
    adopted_version_id: version.id,
    adopted_hash: version.content_hash,
    adoption_decision_id: p.record_id,
    review_on: p.review_on ?? charter.review_on,
    updated_at: nowIso(),
  });
  await recordEngagementEvent(trx, actor, {
    orgId: charter.org_id,
    engagementId: charter.engagement_id,
    kind: 'charter.adopted',
    objectKind: 'charter',
    objectId: charter.id,
    data: {
      versionId: version.id,
      contentHash: version.content_hash,
      decisionId: p.record_id,
      proposalId: p.id,
    },
  });
  await emitCharterAdopted(trx, charter, {
    versionNumber: version.number,
    contentHash: version.content_hash,
    decisionId: p.record_id,
  });
  return async () => {
    if (edit) {
      await sockets?.publish(charter.id, edit.update, edit.seq);
    }
    await sockets?.changed(charter.id, 'status');
  };
});

onProposalClosed('charter_amendment', async (trx, scope, p, isPassed) => {
  const a = p.subject_id ? await chartersRepository.amendmentById(trx, p.subject_id) : undefined;
  const charter = a ? await chartersRepository.byId(trx, a.charter_id) : undefined;
  if (!a || !charter || charter.org_id !== scope.orgId || a.status !== 'open') {
    return;
  }
  const edit = isPassed
    ? await editInside(trx, charter.id, 'decision', (doc) => setClauseText(doc, a.clause_id, a.text))
    : undefined;
  await chartersRepository.updateAmendment(trx, a.id, {
    status: isPassed ? 'accepted' : 'rejected',
    rule: 'consent',
    decision_id: p.record_id,
    decided_at: nowIso(),
  });
  return async () => {
    if (edit) {
      await sockets?.publish(charter.id, edit.update, edit.seq);
    }
    await sockets?.changed(charter.id, 'amendments');
  };
});

/** Adopted charters whose review date has come, every organisation (for the notifications module's reminders). */
export async function listChartersDueForReview(db: Db, now: Date) {
  const rows = await chartersRepository.dueForReview(db, now.toISOString().slice(0, 10));
  return rows.map((c) => ({ ...presentCharter(c), orgId: c.org_id }));
}
