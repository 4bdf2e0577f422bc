/**
 * @module The opinion map inside a live workshop. A facilitator opens (creates or finds) the
 * conversation linked to the workshop, in the workshop's engagement; a workshop participant, already
 * identified by the workshop's participant cookie, gets into it without joining again.
 *
 * The conversation token of a workshop participant is derived from their workshop token
 * (HMAC-SHA256 keyed by the workshop token, RFC 2104), so asking again — another tab, a reload —
 * returns the same participation instead of a new anonymous voter, and the server still stores only
 * hashes. Knowing the derived token reveals nothing of the workshop token.
 */
import { createHmac } from 'node:crypto';
import type { ConversationWorkshopJoinResult, ConversationWorkshopLink } from '@essaim/contracts';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import {
  type ConversationRow,
  conversationsRepository,
} from '../db/repositories/conversations.repository.ts';
import { type WorkshopRow, workshopsRepository } from '../db/repositories/workshops.repository.ts';
import { AppError, conflict, notFound } from '../lib/app-error.ts';
import { hashToken, newId, nowIso } from '../lib/tokens.ts';
import type { Actor } from './audit.service.ts';
import {
  assertConversationAcceptsInput,
  createConversation,
  presentConversation,
  seedStatements,
} from './conversations.service.ts';
import { describeConversation, PARTICIPANT_SCOPE } from './conversations-participation.service.ts';
import { resolveParticipant } from './participants.service.ts';

async function loadScopedWorkshop(db: Db, scope: OrgScope, workshopId: string): Promise<WorkshopRow> {
  const row = await workshopsRepository.get(db, scope, workshopId);
  if (!row) {
    throw notFound('workshop');
  }
  return row;
}

/** The workshop's opinion map, or null while none is open. */
export async function getWorkshopConversation(
  db: Db,
  scope: OrgScope,
  workshopId: string,
): Promise<ConversationWorkshopLink> {
  await loadScopedWorkshop(db, scope, workshopId);
  const row = await conversationsRepository.byWorkshop(db, scope, workshopId);
  return { conversation: row ? await presentConversation(db, scope, row) : null };
}

/**
 * Create the workshop's opinion map in the workshop's engagement, or return the one already open
 * (idempotent: a second click, or a second facilitator, lands on the same map).
 */
export async function openWorkshopConversation(
  db: Db,
  scope: OrgScope,
  workshopId: string,
  body: {
    title?: string | undefined;
    topic: string;
    allowParticipantStatements: boolean;
    statements: string[];
  },
  actor: Actor,
): Promise<{ row: ConversationRow; isCreated: boolean }> {
  const workshop = await loadScopedWorkshop(db, scope, workshopId);
  const existing = await conversationsRepository.byWorkshop(db, scope, workshopId);
  if (existing) {
    return { row: existing, isCreated: false };
  }
  if (workshop.status === 'stopped') {
    throw conflict('this workshop has ended');
  }
  const row = await createConversation(
    db,
    scope,
    {
      title: body.title ?? workshop.title,
      topic: body.topic,
      ...(workshop.engagement_id ? { engagementId: workshop.engagement_id } : {}),
      workshopId: workshop.id,
      allowParticipantStatements: body.allowParticipantStatements,
    },
    actor,
  );
  const seen = new Set<string>();
  const texts = body.statements.filter((t) => {
    const key = t.toLocaleLowerCase();
    return !seen.has(key) && seen.add(key);
  });
  if (texts.length > 0) {
    await seedStatements(db, scope, row.id, texts, actor);
  }
  return { row, isCreated: true };
}

const deriveToken = (workshopToken: string, conversationId: string): string =>
  createHmac('sha256', workshopToken).update(`essaim:conversation:${conversationId}`).digest('base64url');

/**
 * Whether the workshop's opinion map is open, for one of its participants: lets the phone wait
 * without a failing request (404 only for someone who is not a participant).
 */
export async function workshopConversationStatus(
  db: Db,
  workshopId: string,
  workshopToken: string | undefined,
): Promise<{ isOpen: boolean }> {
  const member = workshopToken ? await resolveParticipant(db, workshopToken, 'workshop', workshopId) : null;
  if (!member) {
    throw new AppError('NOT_FOUND', 'not a participant of this workshop');
  }
  const row = await conversationsRepository.byWorkshopInOrg(db, member.orgId, workshopId);
  return { isOpen: row !== undefined };
}

/**
 * A workshop participant's way into the workshop's opinion map: the same conversation participant on
 * every call. The display name chosen in the workshop (or anonymity) is returned for the screen, and
 * not copied to the conversation, whose votes stay anonymous. A new participation
 * passes the input guard (stopped/paused engagement, closed conversation → 409); an existing one is
 * handed back even then, so the person can still see where they stand.
 */
export async function joinWorkshopConversation(
  db: Db,
  workshopId: string,
  workshopToken: string | undefined,
): Promise<ConversationWorkshopJoinResult> {
  const member = workshopToken ? await resolveParticipant(db, workshopToken, 'workshop', workshopId) : null;
  if (!member || !workshopToken) {
    throw new AppError('NOT_FOUND', 'not a participant of this workshop');
  }
  const workshop = await workshopsRepository.byId(db, workshopId);
  if (workshop?.org_id !== member.orgId) {
    throw notFound('workshop');
  }
  const row = await conversationsRepository.byWorkshopInOrg(db, member.orgId, workshopId);
  if (!row) {
    // Told apart from "not a participant" so the phone can wait for the facilitator to open the map.
    throw new AppError('NOT_FOUND', 'no opinion map in this workshop yet', { reason: 'not_opened' });
  }
  const token = deriveToken(workshopToken, row.id);
  await db.transaction().execute(async (trx) => {
    const existing = await resolveParticipant(trx, token, PARTICIPANT_SCOPE, row.id);
    if (existing && (await conversationsRepository.participant(trx, row.id, existing.id))) {
      return;
    }
    await assertConversationAcceptsInput(trx, row);
    if (workshop.status === 'stopped') {
      throw conflict('this workshop has ended');
    }
    const participantId = existing?.id ?? newId();
    if (!existing) {
      await conversationsRepository.insertParticipantWithTokenHash(trx, {
        id: participantId,
        org_id: row.org_id,
        conversation_id: row.id,
        token_hash: hashToken(token),
        // Votes stay anonymous (numbered dots): the workshop name is shown back, never stored here.
        display_name: null,
      });
    }
    const number = await conversationsRepository.nextNumber(trx, row.id, 'next_participant_number');
    await conversationsRepository.insertParticipants(trx, [
      { participant_id: participantId, conversation_id: row.id, number, created_at: nowIso() },
    ]);
  });
  return {
    joinCode: row.join_code,
    token,
    displayName: member.displayName,
    conversation: await describeConversation(db, row.join_code),
  };
}
