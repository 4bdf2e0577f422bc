import { randomBytes } from 'node:crypto';
import type { Conversation, ConversationSummary } from '@essaim/contracts';
import { can } from '@essaim/core';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import {
  type ConversationRow,
  conversationsRepository,
  type StatementWithTally,
} from '../db/repositories/conversations.repository.ts';
import { engagementsRepository } from '../db/repositories/engagements.repository.ts';
import { conflict, notFound } from '../lib/app-error.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import { type Actor, recordAudit } from './audit.service.ts';
import { assertEngagementAcceptsInput } from './engagement-guard.ts';
import { registerPersonalData } from './personal-data.ts';
import { recordEngagementEvent } from './timeline.service.ts';
import { registerTableTraceKind } from './trace.service.ts';

/**
 * Opinion-mapping conversations, facilitator side: create, seed statements, moderate, open/close.
 * A conversation belongs to an engagement or stands alone in an organisation, and may name the
 * live workshop that embeds it. Participation (join link, votes) is in conversations-participation.
 */

registerTableTraceKind('conversation', 'conversations', 'title');

registerPersonalData({
  name: 'conversations',
  // Participants are anonymous (tokens); what names a person is the statements a facilitator seeded.
  async export(db, userId) {
    return db
      .selectFrom('conversation_statements')
      .select(['text', 'created_at'])
      .where('created_by', '=', userId)
      .execute();
  },
  async erase(db, userId, orgId) {
    const ids = db.selectFrom('conversations').select('id').where('org_id', '=', orgId);
    await db
      .updateTable('conversation_statements')
      .set({ created_by: null })
      .where('created_by', '=', userId)
      .where('conversation_id', 'in', ids)
      .execute();
    await db
      .updateTable('conversations')
      .set({ created_by: null })
      .where('created_by', '=', userId)
      .where('org_id', '=', orgId)
      .execute();
  },
});

/** A join code long enough to be unguessable (128 bits), short enough for a QR code. */
const newJoinCode = () => randomBytes(16).toString('base64url');

/** Every input path calls this inside its transaction: closed conversation or stopped/paused engagement → 409. */
export async function assertConversationAcceptsInput(db: Db, row: ConversationRow): Promise<void> {
  if (row.engagement_id) {
    await assertEngagementAcceptsInput(db, row.engagement_id);
  }
  if (row.status !== 'open') {
    throw conflict('this conversation is closed');
  }
}

/** Timeline + audit when the conversation belongs to an engagement, audit only otherwise. */
export async function recordConversationEvent(
  db: Db,
  actor: Actor,
  row: ConversationRow,
  kind: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  if (row.engagement_id) {
    await recordEngagementEvent(db, actor, {
      orgId: row.org_id,
      engagementId: row.engagement_id,
      kind,
      objectKind: 'conversation',
      objectId: row.id,
      data,
    });
  } else {
    await recordAudit(db, actor, {
      orgId: row.org_id,
      action: kind,
      objectKind: 'conversation',
      objectId: row.id,
      details: data,
    });
  }
}

export async function loadConversation(db: Db, scope: OrgScope, id: string): Promise<ConversationRow> {
  const row = await conversationsRepository.get(db, scope, id);
  if (!row) {
    throw notFound('conversation');
  }
  return row;
}

function summarise(
  row: ConversationRow,
  counts: { participants: number; votes: number },
): ConversationSummary {
  return {
    id: row.id,
    engagementId: row.engagement_id,
    workshopId: row.workshop_id,
    title: row.title,
    topic: row.topic,
    status: row.status as 'open' | 'closed',
    participants: counts.participants,
    votes: counts.votes,
    createdAt: row.created_at,
  };
}

export function presentStatement(s: StatementWithTally) {
  return {
    id: s.id,
    number: s.number,
    text: s.text,
    status: s.status as 'pending' | 'accepted' | 'rejected',
    isSeed: s.is_seed === 1,
    agree: s.agree,
    disagree: s.disagree,
    pass: s.pass,
    createdAt: s.created_at,
  };
}

export async function presentConversation(
  db: Db,
  scope: OrgScope,
  row: ConversationRow,
): Promise<Conversation> {
  const counts = (await conversationsRepository.counts(db, [row.id])).get(row.id)!;
  const canModerate = can(scope.role, 'workshop.run');
  const statements = (await conversationsRepository.statementsWithTally(db, row.id))
    .filter((s) => canModerate || s.status === 'accepted')
    .map(presentStatement);
  return {
    ...summarise(row, counts),
    allowParticipantStatements: row.allow_statements === 1,
    joinCode: canModerate ? row.join_code : null,
    statements,
    canModerate,
  };
}

export async function listConversations(
  db: Db,
  scope: OrgScope,
  engagementId?: string,
): Promise<ConversationSummary[]> {
  const rows = await conversationsRepository.list(db, scope, engagementId);
  const counts = await conversationsRepository.counts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => summarise(r, counts.get(r.id)!));
}

export async function createConversation(
  db: Db,
  scope: OrgScope,
  body: {
    title: string;
    topic: string;
    engagementId?: string;
    workshopId?: string;
    allowParticipantStatements: boolean;
  },
  actor: Actor,
): Promise<ConversationRow> {
  return db.transaction().execute(async (trx) => {
    if (body.engagementId) {
      if (!(await engagementsRepository.get(trx, scope, body.engagementId))) {
        throw notFound('engagement');
      }
      await assertEngagementAcceptsInput(trx, body.engagementId);
    }
    const now = nowIso();
    const row: Omit<ConversationRow, 'org_id'> = {
      id: newId(),
      engagement_id: body.engagementId ?? null,
      workshop_id: body.workshopId ?? null,
      title: body.title,
      topic: body.topic,
      status: 'open',
      allow_statements: body.allowParticipantStatements ? 1 : 0,
      join_code: newJoinCode(),
      next_statement_number: 0,
      next_participant_number: 0,
      data_version: 0,
      result_version: 0,
      result: null,
      result_at: null,
      created_by: scope.userId,
      created_at: now,
      updated_at: now,
    };
    await conversationsRepository.insert(trx, scope, row);
    const full = { ...row, org_id: scope.orgId };
    await recordConversationEvent(trx, actor, full, 'conversation.created', { title: body.title });
    return full;
  });
}

export async function updateConversation(
  db: Db,
  scope: OrgScope,
  id: string,
  body: { title?: string; topic?: string; status?: 'open' | 'closed'; allowParticipantStatements?: boolean },
  actor: Actor,
): Promise<ConversationRow> {
  return db.transaction().execute(async (trx) => {
    const row = await loadConversation(trx, scope, id);
    if (row.engagement_id) {
      await assertEngagementAcceptsInput(trx, row.engagement_id);
    }
    const patch: Partial<ConversationRow> = { updated_at: nowIso() };
    if (body.title !== undefined) {
      patch.title = body.title;
    }
    if (body.topic !== undefined) {
      patch.topic = body.topic;
    }
    if (body.status !== undefined) {
      patch.status = body.status;
    }
    if (body.allowParticipantStatements !== undefined) {
      patch.allow_statements = body.allowParticipantStatements ? 1 : 0;
    }
    await conversationsRepository.update(trx, row.id, patch);
    await recordConversationEvent(trx, actor, row, 'conversation.updated', {
      fields: Object.keys(body),
      ...(body.status ? { status: body.status } : {}),
    });
    return { ...row, ...patch };
  });
}

export async function seedStatements(
  db: Db,
  scope: OrgScope,
  id: string,
  texts: string[],
  actor: Actor,
): Promise<ConversationRow> {
  return db.transaction().execute(async (trx) => {
    const row = await loadConversation(trx, scope, id);
    await assertConversationAcceptsInput(trx, row);
    const existing = new Set(
      (await conversationsRepository.statements(trx, row.id)).map((s) => s.text.toLocaleLowerCase()),
    );
    const now = nowIso();
    for (const text of texts) {
      if (existing.has(text.toLocaleLowerCase())) {
        throw conflict('this statement is already in the conversation');
      }
      const number = await conversationsRepository.nextNumber(trx, row.id, 'next_statement_number');
      await conversationsRepository.insertStatements(trx, [
        {
          id: newId(),
          conversation_id: row.id,
          number,
          text,
          status: 'accepted',
          is_seed: 1,
          author_number: null,
          created_by: scope.userId,
          created_at: now,
          moderated_at: now,
        },
      ]);
    }
    await conversationsRepository.touch(trx, row.id, now);
    await recordConversationEvent(trx, actor, row, 'conversation.statement_seeded', { count: texts.length });
    return row;
  });
}

export async function moderateStatement(
  db: Db,
  scope: OrgScope,
  id: string,
  statementId: string,
  status: 'pending' | 'accepted' | 'rejected',
  actor: Actor,
): Promise<ConversationRow> {
  return db.transaction().execute(async (trx) => {
    const row = await loadConversation(trx, scope, id);
    if (row.engagement_id) {
      await assertEngagementAcceptsInput(trx, row.engagement_id);
    }
    const statement = await conversationsRepository.statement(trx, row.id, statementId);
    if (!statement) {
      throw notFound('statement');
    }
    if (statement.status === status) {
      return row;
    }
    const now = nowIso();
    await conversationsRepository.setStatementStatus(trx, statement.id, status, now);
    await conversationsRepository.touch(trx, row.id, now);
    await recordConversationEvent(trx, actor, row, 'conversation.statement_moderated', {
      statementNumber: statement.number,
      from: statement.status,
      to: status,
    });
    return row;
  });
}
