import { sql } from 'kysely';
import type { Db } from '../db.ts';
import type { OrgScope } from '../org-scope.ts';
import { type Decoded, decodeRow, decodeRows, encodeRow, StoredJson } from '../stored-json.ts';
import type {
  ConversationStatementsTable,
  ConversationsTable,
  StoredOpinionMap,
} from '../tables/conversations.ts';
import type { ParticipantsTable } from '../tables/identity.ts';

/** The JSON columns and their schemas: rows leave this file parsed (see stored-json.ts). */
const conversationJson = { result: StoredJson.opinionMap };

export type ConversationRow = Decoded<ConversationsTable, typeof conversationJson>;
export type StatementRow = ConversationStatementsTable;
export type StatementWithTally = StatementRow & { agree: number; disagree: number; pass: number };

/** One stored vote with the per-conversation numbers Polis uses as ids. */
export interface NumberedVote {
  participantNumber: number;
  statementNumber: number;
  vote: number;
  at: string;
}

/**
 * Conversations are read through the scope's organisation, or through their join code (a capability
 * URL); statements, participants and votes through a conversation id obtained that way.
 */
export const conversationsRepository = {
  async insert(db: Db, scope: OrgScope, row: Omit<ConversationRow, 'org_id'>): Promise<void> {
    await db
      .insertInto('conversations')
      .values({
        ...encodeRow<Omit<ConversationsTable, 'org_id'>>(row, conversationJson),
        org_id: scope.orgId,
      })
      .execute();
  },

  async get(db: Db, scope: OrgScope, id: string): Promise<ConversationRow | undefined> {
    const row = await db
      .selectFrom('conversations')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && decodeRow(row, conversationJson);
  },

  /** Capability lookup: the join code alone identifies the conversation. */
  async byJoinCode(db: Db, joinCode: string): Promise<ConversationRow | undefined> {
    const row = await db
      .selectFrom('conversations')
      .selectAll()
      .where('join_code', '=', joinCode)
      .executeTakeFirst();
    return row && decodeRow(row, conversationJson);
  },

  /** Internal lookup for the recomputation scheduler (ids come from already-checked requests). */
  async byIdUnchecked(db: Db, id: string): Promise<ConversationRow | undefined> {
    const row = await db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
    return row && decodeRow(row, conversationJson);
  },

  async list(db: Db, scope: OrgScope, engagementId?: string): Promise<ConversationRow[]> {
    let q = db.selectFrom('conversations').selectAll().where('org_id', '=', scope.orgId);
    if (engagementId) {
      q = q.where('engagement_id', '=', engagementId);
    }
    return decodeRows(await q.orderBy('created_at', 'desc').execute(), conversationJson);
  },

  /** The opinion map a workshop embeds (the latest, should there be several), in the scope's organisation. */
  byWorkshop(db: Db, scope: OrgScope, workshopId: string): Promise<ConversationRow | undefined> {
    return conversationsRepository.byWorkshopInOrg(db, scope.orgId, workshopId);
  },

  /**
   * Same lookup for a workshop participant: `orgId` is the organisation of the participant token
   * that was just resolved for this workshop, never a value from the request.
   */
  async byWorkshopInOrg(db: Db, orgId: string, workshopId: string): Promise<ConversationRow | undefined> {
    const row = await db
      .selectFrom('conversations')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('workshop_id', '=', workshopId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row && decodeRow(row, conversationJson);
  },

  listByEngagementUnchecked(db: Db, engagementId: string): Promise<Pick<ConversationRow, 'id'>[]> {
    return db.selectFrom('conversations').select('id').where('engagement_id', '=', engagementId).execute();
  },

  async update(db: Db, id: string, patch: Partial<ConversationRow>): Promise<void> {
    await db
      .updateTable('conversations')
      .set(encodeRow<Partial<ConversationsTable>>(patch, conversationJson))
      .where('id', '=', id)
      .execute();
  },

  /** Votes or moderation changed: the stored map is stale from now on. */
  async touch(db: Db, id: string, at: string): Promise<void> {
    await db
      .updateTable('conversations')
      .set({ data_version: sql`data_version + 1`, updated_at: at })
      .where('id', '=', id)
      .execute();
  },

  /** Store a result unless a newer one is already there. */
  async writeResult(
    db: Db,
    id: string,
    version: number,
    result: StoredOpinionMap,
    at: string,
  ): Promise<void> {
    await db
      .updateTable('conversations')
      .set({ result: JSON.stringify(result), result_version: version, result_at: at })
      .where('id', '=', id)
      .where('result_version', '<', version)
      .execute();
  },

  /** Atomically reserve the next statement or participant number. */
  async nextNumber(
    db: Db,
    id: string,
    column: 'next_statement_number' | 'next_participant_number',
  ): Promise<number> {
    const row = await db
      .updateTable('conversations')
      .set({ [column]: sql`${sql.ref(column)} + 1` })
      .where('id', '=', id)
      .returning(column)
      .executeTakeFirstOrThrow();
    return Number((row as Record<string, unknown>)[column]) - 1;
  },

  async counts(db: Db, ids: string[]): Promise<Map<string, { participants: number; votes: number }>> {
    const out = new Map<string, { participants: number; votes: number }>();
    if (ids.length === 0) {
      return out;
    }
    const p = await db
      .selectFrom('conversation_participants')
      .select(['conversation_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('conversation_id', 'in', ids)
      .groupBy('conversation_id')
      .execute();
    const v = await db
      .selectFrom('conversation_votes')
      .select(['conversation_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('conversation_id', 'in', ids)
      .groupBy('conversation_id')
      .execute();
    for (const id of ids) {
      out.set(id, { participants: 0, votes: 0 });
    }
    for (const r of p) {
      out.get(r.conversation_id)!.participants = Number(r.n);
    }
    for (const r of v) {
      out.get(r.conversation_id)!.votes = Number(r.n);
    }
    return out;
  },

  // ---- statements --------------------------------------------------------------------------

  async insertStatements(db: Db, rows: StatementRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      await db
        .insertInto('conversation_statements')
        .values(rows.slice(i, i + 500))
        .execute();
    }
  },

  statement(db: Db, conversationId: string, statementId: string): Promise<StatementRow | undefined> {
    return db
      .selectFrom('conversation_statements')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('id', '=', statementId)
      .executeTakeFirst();
  },

  statements(db: Db, conversationId: string): Promise<StatementRow[]> {
    return db
      .selectFrom('conversation_statements')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('number')
      .execute();
  },

  async statementsWithTally(db: Db, conversationId: string): Promise<StatementWithTally[]> {
    const rows = await conversationsRepository.statements(db, conversationId);
    const tallies = await db
      .selectFrom('conversation_votes')
      .select(['statement_id', 'vote', (eb) => eb.fn.countAll<number>().as('n')])
      .where('conversation_id', '=', conversationId)
      .groupBy(['statement_id', 'vote'])
      .execute();
    const by = new Map<string, { agree: number; disagree: number; pass: number }>();
    for (const t of tallies) {
      const entry = by.get(t.statement_id) ?? { agree: 0, disagree: 0, pass: 0 };
      const key = Number(t.vote) === 1 ? 'agree' : Number(t.vote) === -1 ? 'disagree' : 'pass';
      entry[key] += Number(t.n);
      by.set(t.statement_id, entry);
    }
    return rows.map((r) => ({ ...r, ...(by.get(r.id) ?? { agree: 0, disagree: 0, pass: 0 }) }));
  },

  async setStatementStatus(db: Db, statementId: string, status: string, at: string): Promise<void> {
    await db
      .updateTable('conversation_statements')
      .set({ status, moderated_at: at })
      .where('id', '=', statementId)
      .execute();
  },

  // ---- participants and votes ----------------------------------------------------------------

  /** Participant rows (tokens, scope) in batches of 500, under every dialect's parameter limit. */
  async insertParticipantRows(db: Db, rows: ParticipantsTable[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      await db
        .insertInto('participants')
        .values(rows.slice(i, i + 500))
        .execute();
    }
  },

  async insertParticipants(
    db: Db,
    rows: { participant_id: string; conversation_id: string; number: number; created_at: string }[],
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      await db
        .insertInto('conversation_participants')
        .values(rows.slice(i, i + 500))
        .execute();
    }
  },

  /**
   * A conversation participant whose token the caller derived (workshop participants, see
   * conversations-workshop.service.ts); stored hashed like every participant token.
   */
  async insertParticipantWithTokenHash(
    db: Db,
    row: {
      id: string;
      org_id: string;
      conversation_id: string;
      token_hash: string;
      display_name: string | null;
    },
  ): Promise<void> {
    await db
      .insertInto('participants')
      .values({
        id: row.id,
        org_id: row.org_id,
        scope_kind: 'conversation',
        scope_id: row.conversation_id,
        token_hash: row.token_hash,
        display_name: row.display_name,
        linked_user_id: null,
        created_at: new Date().toISOString(),
      })
      .execute();
  },

  participant(db: Db, conversationId: string, participantId: string) {
    return db
      .selectFrom('conversation_participants')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('participant_id', '=', participantId)
      .executeTakeFirst();
  },

  /** Insert or overwrite one vote (a participant has one vote per statement; the latest wins). */
  async upsertVote(
    db: Db,
    row: { conversation_id: string; statement_id: string; participant_id: string; vote: number; at: string },
  ): Promise<boolean> {
    const existing = await db
      .selectFrom('conversation_votes')
      .select('vote')
      .where('statement_id', '=', row.statement_id)
      .where('participant_id', '=', row.participant_id)
      .executeTakeFirst();
    if (existing && Number(existing.vote) === row.vote) {
      return false;
    }
    await db
      .insertInto('conversation_votes')
      .values({
        conversation_id: row.conversation_id,
        statement_id: row.statement_id,
        participant_id: row.participant_id,
        vote: row.vote,
        created_at: row.at,
        updated_at: row.at,
      })
      .onConflict((oc) =>
        oc.columns(['statement_id', 'participant_id']).doUpdateSet({ vote: row.vote, updated_at: row.at }),
      )
      .execute();
    return true;
  },

  async insertVotes(
    db: Db,
    rows: {
      conversation_id: string;
      statement_id: string;
      participant_id: string;
      vote: number;
      created_at: string;
      updated_at: string;
    }[],
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      await db
        .insertInto('conversation_votes')
        .values(rows.slice(i, i + 500))
        .execute();
    }
  },

  async votedStatementIds(db: Db, conversationId: string, participantId: string): Promise<Set<string>> {
    const rows = await db
      .selectFrom('conversation_votes')
      .select('statement_id')
      .where('conversation_id', '=', conversationId)
      .where('participant_id', '=', participantId)
      .execute();
    return new Set(rows.map((r) => r.statement_id));
  },

  async numberedVotes(db: Db, conversationId: string): Promise<NumberedVote[]> {
    const rows = await db
      .selectFrom('conversation_votes as v')
      .innerJoin('conversation_participants as p', 'p.participant_id', 'v.participant_id')
      .innerJoin('conversation_statements as s', 's.id', 'v.statement_id')
      .select(['p.number as pn', 's.number as sn', 'v.vote', 'v.updated_at'])
      .where('v.conversation_id', '=', conversationId)
      .orderBy('v.updated_at')
      .orderBy('p.number')
      .orderBy('s.number')
      .execute();
    return rows.map((r) => ({
      participantNumber: Number(r.pn),
      statementNumber: Number(r.sn),
      vote: Number(r.vote),
      at: r.updated_at,
    }));
  },

  async pendingBy(db: Db, conversationId: string, authorNumber: number): Promise<number> {
    const row = await db
      .selectFrom('conversation_statements')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('conversation_id', '=', conversationId)
      .where('author_number', '=', authorNumber)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },
};
