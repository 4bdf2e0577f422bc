import type { CalendarFeedsTable } from '../tables/notifications.ts';
import type { Db } from './users.repository.ts';

export type CalendarFeedRow = CalendarFeedsTable;

/** Private calendar links: at most one live per person (a new one revokes the previous). */
export const calendarFeedsRepository = {
  async active(db: Db, userId: string): Promise<CalendarFeedRow | undefined> {
    return db
      .selectFrom('calendar_feeds')
      .selectAll()
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  },

  async revokeAll(db: Db, userId: string, at: string): Promise<number> {
    const r = await db
      .updateTable('calendar_feeds')
      .set({ revoked_at: at })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  async insert(db: Db, row: CalendarFeedRow): Promise<void> {
    await db.insertInto('calendar_feeds').values(row).execute();
  },

  async findByHash(db: Db, tokenHash: string): Promise<CalendarFeedRow | undefined> {
    return db.selectFrom('calendar_feeds').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  },

  async touch(db: Db, id: string, at: string): Promise<void> {
    await db.updateTable('calendar_feeds').set({ last_used_at: at }).where('id', '=', id).execute();
  },

  async allForUser(db: Db, userId: string): Promise<CalendarFeedRow[]> {
    return db
      .selectFrom('calendar_feeds')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute();
  },

  async deleteForUser(db: Db, userId: string): Promise<void> {
    await db.deleteFrom('calendar_feeds').where('user_id', '=', userId).execute();
  },
};
