import type { Db } from '../db.ts';
import type { SessionsTable } from '../tables.ts';

export type SessionRow = SessionsTable;

export const sessionsRepository = {
  async insert(db: Db, row: SessionRow): Promise<void> {
    await db.insertInto('sessions').values(row).execute();
  },

  /** A live session: not revoked, not expired, owner not disabled. */
  findLive(db: Db, tokenHash: string, now: string) {
    return db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('sessions')
      .select(['users.disabled_at as user_disabled_at'])
      .where('sessions.token_hash', '=', tokenHash)
      .where('sessions.revoked_at', 'is', null)
      .where('sessions.expires_at', '>', now)
      .executeTakeFirst();
  },

  async touch(db: Db, id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
      .where('id', '=', id)
      .execute();
  },

  listLive(db: Db, userId: string, now: string): Promise<SessionRow[]> {
    return db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('last_seen_at', 'desc')
      .execute();
  },

  async revoke(db: Db, userId: string, id: string, now: string): Promise<boolean> {
    const r = await db
      .updateTable('sessions')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  async revokeAll(db: Db, userId: string, now: string, exceptId?: string): Promise<void> {
    let q = db
      .updateTable('sessions')
      .set({ revoked_at: now })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null);
    if (exceptId) {
      q = q.where('id', '!=', exceptId);
    }
    await q.execute();
  },
};
