import type { Db } from '../db/db.ts';
import { AppError } from '../lib/app-error.ts';
import { hashToken, newId, newToken, nowIso } from '../lib/tokens.ts';

/**
 * People who take part without an account (survey respondents, workshop participants) hold a
 * participant token: 256 random bits, stored hashed, valid for one scope only (`workshop:<id>`,
 * `campaign:<id>`…). It is never linked to an account unless the person chooses to.
 */
export interface Participant {
  id: string;
  orgId: string;
  scopeKind: string;
  scopeId: string;
  displayName: string | null;
  linkedUserId: string | null;
}

export async function issueParticipant(
  db: Db,
  input: { orgId: string; scopeKind: string; scopeId: string; displayName?: string | null },
): Promise<{ participant: Participant; token: string }> {
  const token = newToken();
  const id = newId();
  await db
    .insertInto('participants')
    .values({
      id,
      org_id: input.orgId,
      scope_kind: input.scopeKind,
      scope_id: input.scopeId,
      token_hash: hashToken(token),
      display_name: input.displayName ?? null,
      linked_user_id: null,
      created_at: nowIso(),
    })
    .execute();
  return {
    participant: {
      id,
      orgId: input.orgId,
      scopeKind: input.scopeKind,
      scopeId: input.scopeId,
      displayName: input.displayName ?? null,
      linkedUserId: null,
    },
    token,
  };
}

/** The participant holding `token` in exactly this scope, or null (a token of another scope is useless here). */
export async function resolveParticipant(
  db: Db,
  token: string,
  scopeKind: string,
  scopeId: string,
): Promise<Participant | null> {
  if (token.length < 20 || token.length > 128) {
    return null;
  }
  const row = await db
    .selectFrom('participants')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('scope_kind', '=', scopeKind)
    .where('scope_id', '=', scopeId)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        orgId: row.org_id,
        scopeKind: row.scope_kind,
        scopeId: row.scope_id,
        displayName: row.display_name,
        linkedUserId: row.linked_user_id,
      }
    : null;
}

/** Link a participation to the signed-in account, only at the person's own request. */
export async function linkParticipant(
  db: Db,
  token: string,
  scopeKind: string,
  scopeId: string,
  userId: string,
): Promise<Participant> {
  const p = await resolveParticipant(db, token, scopeKind, scopeId);
  if (!p) {
    throw new AppError('NOT_FOUND', 'participation not found');
  }
  await db.updateTable('participants').set({ linked_user_id: userId }).where('id', '=', p.id).execute();
  return { ...p, linkedUserId: userId };
}
