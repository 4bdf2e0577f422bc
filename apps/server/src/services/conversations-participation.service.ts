import type { ConversationMe } from '@essaim/contracts';
import type { Db } from '../db/db.ts';
import {
  type ConversationRow,
  conversationsRepository,
} from '../db/repositories/conversations.repository.ts';
import { engagementsRepository } from '../db/repositories/engagements.repository.ts';
import { AppError, conflict, notFound } from '../lib/app-error.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import type { Actor } from './audit.service.ts';
import { assertConversationAcceptsInput, recordConversationEvent } from './conversations.service.ts';
import { positionOf, presentResults, routeNextStatement } from './conversations-analysis.service.ts';
import { issueParticipant, resolveParticipant } from './participants.service.ts';

/**
 * Participation through the join link (a capability URL): anyone holding it may join without an
 * account and receives a participant token scoped to this conversation; votes and statements are
 * then made with that token. Every input path passes the conversation/engagement guard.
 */

export const PARTICIPANT_SCOPE = 'conversation';

export async function conversationByCode(db: Db, joinCode: string): Promise<ConversationRow> {
  const row = await conversationsRepository.byJoinCode(db, joinCode);
  if (!row) {
    throw notFound('conversation');
  }
  return row;
}

async function isInputClosed(db: Db, row: ConversationRow): Promise<boolean> {
  if (row.status !== 'open') {
    return true;
  }
  if (!row.engagement_id) {
    return false;
  }
  const e = await engagementsRepository.statusOf(db, row.engagement_id);
  return e?.status !== 'active';
}

export async function describeConversation(db: Db, joinCode: string) {
  const row = await conversationByCode(db, joinCode);
  const statements = await conversationsRepository.statements(db, row.id);
  return {
    title: row.title,
    topic: row.topic,
    status: row.status as 'open' | 'closed',
    allowParticipantStatements: row.allow_statements === 1,
    isInputClosed: await isInputClosed(db, row),
    statements: statements.filter((s) => s.status === 'accepted').length,
  };
}

export async function joinConversation(db: Db, joinCode: string): Promise<{ token: string }> {
  return db.transaction().execute(async (trx) => {
    const row = await conversationByCode(trx, joinCode);
    await assertConversationAcceptsInput(trx, row);
    const { participant, token } = await issueParticipant(trx, {
      orgId: row.org_id,
      scopeKind: PARTICIPANT_SCOPE,
      scopeId: row.id,
    });
    const number = await conversationsRepository.nextNumber(trx, row.id, 'next_participant_number');
    await conversationsRepository.insertParticipants(trx, [
      { participant_id: participant.id, conversation_id: row.id, number, created_at: nowIso() },
    ]);
    return { token };
  });
}

async function requireParticipant(db: Db, row: ConversationRow, token: string | undefined) {
  const p = token ? await resolveParticipant(db, token, PARTICIPANT_SCOPE, row.id) : null;
  const member = p ? await conversationsRepository.participant(db, row.id, p.id) : undefined;
  if (!p || !member) {
    throw new AppError('UNAUTHENTICATED', 'join the conversation first');
  }
  return { id: p.id, number: member.number };
}

export async function readMyState(
  db: Db,
  joinCode: string,
  token: string | undefined,
): Promise<ConversationMe> {
  const row = await conversationByCode(db, joinCode);
  const me = await requireParticipant(db, row, token);
  const statements = await conversationsRepository.statementsWithTally(db, row.id);
  const voted = await conversationsRepository.votedStatementIds(db, row.id, me.id);
  const accepted = statements.filter((s) => s.status === 'accepted');
  const next = (await isInputClosed(db, row)) ? null : routeNextStatement(row, statements, voted, me.id);
  const counts = (await conversationsRepository.counts(db, [row.id])).get(row.id)!;
  return {
    next: next ? { id: next.id, text: next.text } : null,
    voted: accepted.filter((s) => voted.has(s.id)).length,
    remaining: accepted.filter((s) => !voted.has(s.id)).length,
    pending: await conversationsRepository.pendingBy(db, row.id, me.number),
    position: positionOf(row, me.number),
    results: row.result ? presentResults(row, statements, counts) : null,
  };
}

/** Idempotent: voting the same way twice changes nothing; voting again overwrites (latest wins, as in Polis). */
export async function castVote(
  db: Db,
  joinCode: string,
  token: string | undefined,
  body: { statementId: string; vote: 1 | -1 | 0 },
): Promise<{ conversationId: string; isChanged: boolean }> {
  return db.transaction().execute(async (trx) => {
    const row = await conversationByCode(trx, joinCode);
    const me = await requireParticipant(trx, row, token);
    await assertConversationAcceptsInput(trx, row);
    const statement = await conversationsRepository.statement(trx, row.id, body.statementId);
    if (statement?.status !== 'accepted') {
      throw notFound('statement');
    }
    const now = nowIso();
    const isChanged = await conversationsRepository.upsertVote(trx, {
      conversation_id: row.id,
      statement_id: statement.id,
      participant_id: me.id,
      vote: body.vote,
      at: now,
    });
    if (isChanged) {
      await conversationsRepository.touch(trx, row.id, now);
    }
    return { conversationId: row.id, isChanged };
  });
}

export async function submitStatement(
  db: Db,
  joinCode: string,
  token: string | undefined,
  text: string,
  actor: Actor,
): Promise<{ conversationId: string }> {
  return db.transaction().execute(async (trx) => {
    const row = await conversationByCode(trx, joinCode);
    const me = await requireParticipant(trx, row, token);
    await assertConversationAcceptsInput(trx, row);
    if (row.allow_statements !== 1) {
      throw conflict('this conversation does not take new statements');
    }
    const existing = await conversationsRepository.statements(trx, row.id);
    if (existing.some((s) => s.text.toLocaleLowerCase() === text.toLocaleLowerCase())) {
      throw conflict('this statement is already in the conversation');
    }
    if ((await conversationsRepository.pendingBy(trx, row.id, me.number)) >= 10) {
      throw new AppError('RATE_LIMITED', 'wait until your statements are moderated');
    }
    const number = await conversationsRepository.nextNumber(trx, row.id, 'next_statement_number');
    await conversationsRepository.insertStatements(trx, [
      {
        id: newId(),
        conversation_id: row.id,
        number,
        text,
        status: 'pending',
        is_seed: 0,
        author_number: me.number,
        created_by: null,
        created_at: nowIso(),
        moderated_at: null,
      },
    ]);
    await recordConversationEvent(trx, { ...actor, userId: null }, row, 'conversation.statement_submitted', {
      statementNumber: number,
    });
    return { conversationId: row.id };
  });
}
