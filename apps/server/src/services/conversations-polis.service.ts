import {
  formatPolisComments,
  formatPolisVotes,
  type PolisComment,
  PolisCsvError,
  parsePolisComments,
  parsePolisVotes,
  type Vote,
} from '@essaim/core/opinions';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import { conversationsRepository } from '../db/repositories/conversations.repository.ts';
import { AppError, conflict } from '../lib/app-error.ts';
import { hashToken, newId, newToken, nowIso } from '../lib/tokens.ts';
import type { Actor } from './audit.service.ts';
import {
  assertConversationAcceptsInput,
  loadConversation,
  recordConversationEvent,
} from './conversations.service.ts';
import { PARTICIPANT_SCOPE } from './conversations-participation.service.ts';

/**
 * Polis interop: import a Polis export (`votes.csv` + `comments.csv`) into an empty conversation,
 * all or nothing, with line-numbered errors; export in the same format (agree = 1, disagree = -1,
 * pass = 0; moderated 1 accepted, 0 pending, -1 rejected). Polis comment and voter ids become the
 * conversation's statement and participant numbers, so an export of an import gives the same ids.
 */

const MODERATION_FROM_POLIS = { 1: 'accepted', 0: 'pending', '-1': 'rejected' } as const;
const MODERATION_TO_POLIS: Record<string, -1 | 0 | 1> = { accepted: 1, pending: 0, rejected: -1 };

function badCsv(file: string, line: number, reason: string): AppError {
  return new AppError('VALIDATION_FAILED', `${file} line ${line}: ${reason}`, { file, line, reason });
}

function parseOrThrow<T>(file: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof PolisCsvError) {
      throw badCsv(file, error.line, error.reason);
    }
    throw error;
  }
}

const asNumber = (id: string): number | null => (/^\d{1,9}$/.test(id) ? Number(id) : null);

export async function importPolis(
  db: Db,
  scope: OrgScope,
  conversationId: string,
  body: { votesCsv: string; commentsCsv: string },
  actor: Actor,
): Promise<{ statements: number; participants: number; votes: number }> {
  const comments = parseOrThrow('comments.csv', () => parsePolisComments(body.commentsCsv));
  const votes = parseOrThrow('votes.csv', () => parsePolisVotes(body.votesCsv));
  // Polis ids must be integers: they become our numbers. Records are one line each in these files
  // (no quoted line breaks in numeric rows), so record i is on line i + 2.
  const seenComments = new Set<number>();
  comments.forEach((c, i) => {
    const n = asNumber(c.id);
    if (n === null) {
      throw badCsv('comments.csv', i + 2, `comment-id must be a non-negative integer, got "${c.id}"`);
    }
    if (seenComments.has(n)) {
      throw badCsv('comments.csv', i + 2, `duplicate comment-id ${c.id}`);
    }
    if (c.body.trim() === '') {
      throw badCsv('comments.csv', i + 2, 'empty comment-body');
    }
    if (c.authorId !== undefined && asNumber(c.authorId) === null) {
      throw badCsv('comments.csv', i + 2, `author-id must be a non-negative integer, got "${c.authorId}"`);
    }
    seenComments.add(n);
  });
  votes.forEach((v, i) => {
    if (asNumber(v.participant) === null) {
      throw badCsv('votes.csv', i + 2, `voter-id must be a non-negative integer, got "${v.participant}"`);
    }
    const n = asNumber(v.statement);
    if (n === null || !seenComments.has(n)) {
      throw badCsv('votes.csv', i + 2, `comment-id ${v.statement} is not in comments.csv`);
    }
  });
  // Latest vote per (voter, comment) wins, as in Polis.
  const latest = new Map<string, Vote>();
  [...votes]
    .map((v, i) => ({ v, i }))
    .sort((a, b) => (a.v.timestamp ?? 0) - (b.v.timestamp ?? 0) || a.i - b.i)
    .forEach(({ v }) => {
      latest.set(`${v.participant}:${v.statement}`, v);
    });

  return db.transaction().execute(async (trx) => {
    const row = await loadConversation(trx, scope, conversationId);
    await assertConversationAcceptsInput(trx, row);
    if ((await conversationsRepository.statements(trx, row.id)).length > 0) {
      throw conflict('import into an empty conversation (this one already has statements)');
    }
    const now = nowIso();
    const iso = (t: number | undefined) => (t === undefined ? now : new Date(t).toISOString());
    const statementId = new Map<number, string>();
    await conversationsRepository.insertStatements(
      trx,
      comments.map((c) => {
        const id = newId();
        statementId.set(Number(c.id), id);
        return {
          id,
          conversation_id: row.id,
          number: Number(c.id),
          text: c.body.trim(),
          status: MODERATION_FROM_POLIS[c.moderated],
          is_seed: 0,
          author_number: c.authorId === undefined ? null : Number(c.authorId),
          created_by: null,
          created_at: iso(c.timestamp),
          moderated_at: c.moderated === 0 ? null : now,
        };
      }),
    );
    const voterNumbers = [...new Set([...latest.values()].map((v) => Number(v.participant)))].sort(
      (a, b) => a - b,
    );
    const participantId = new Map<number, string>();
    const participantRows = voterNumbers.map((n) => {
      const id = newId();
      participantId.set(n, id);
      return {
        id,
        org_id: row.org_id,
        scope_kind: PARTICIPANT_SCOPE,
        scope_id: row.id,
        // Imported voters cannot sign in: the token is drawn and thrown away.
        token_hash: hashToken(newToken()),
        display_name: null,
        linked_user_id: null,
        created_at: now,
      };
    });
    await conversationsRepository.insertParticipantRows(trx, participantRows);
    await conversationsRepository.insertParticipants(
      trx,
      voterNumbers.map((n) => ({
        participant_id: participantId.get(n)!,
        conversation_id: row.id,
        number: n,
        created_at: now,
      })),
    );
    await conversationsRepository.insertVotes(
      trx,
      [...latest.values()].map((v) => ({
        conversation_id: row.id,
        statement_id: statementId.get(Number(v.statement))!,
        participant_id: participantId.get(Number(v.participant))!,
        vote: v.vote,
        created_at: iso(v.timestamp),
        updated_at: iso(v.timestamp),
      })),
    );
    const authors = comments.flatMap((c) => (c.authorId === undefined ? [] : [Number(c.authorId)]));
    await conversationsRepository.update(trx, row.id, {
      next_statement_number: Math.max(-1, ...seenComments) + 1,
      next_participant_number: Math.max(-1, ...voterNumbers, ...authors) + 1,
      updated_at: now,
    });
    await conversationsRepository.touch(trx, row.id, now);
    const result = { statements: comments.length, participants: voterNumbers.length, votes: latest.size };
    await recordConversationEvent(trx, actor, row, 'conversation.imported', result);
    return result;
  });
}

export async function exportPolisVotes(db: Db, scope: OrgScope, conversationId: string): Promise<string> {
  const row = await loadConversation(db, scope, conversationId);
  const votes = await conversationsRepository.numberedVotes(db, row.id);
  return formatPolisVotes(
    votes.map((v) => ({
      participant: String(v.participantNumber),
      statement: String(v.statementNumber),
      vote: v.vote as -1 | 0 | 1,
      timestamp: Date.parse(v.at),
    })),
  );
}

export async function exportPolisComments(db: Db, scope: OrgScope, conversationId: string): Promise<string> {
  const row = await loadConversation(db, scope, conversationId);
  const statements = await conversationsRepository.statementsWithTally(db, row.id);
  const comments: PolisComment[] = statements.map((s) => ({
    id: String(s.number),
    body: s.text,
    moderated: MODERATION_TO_POLIS[s.status] ?? 0,
    ...(s.author_number === null ? {} : { authorId: String(s.author_number) }),
    timestamp: Date.parse(s.created_at),
    agrees: s.agree,
    disagrees: s.disagree,
  }));
  return formatPolisComments(comments);
}
