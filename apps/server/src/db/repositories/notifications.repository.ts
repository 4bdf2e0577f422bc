import type { Db } from '../db.ts';
import type { OrgScope } from '../org-scope.ts';
import type { NotificationsTable } from '../tables/decisions.ts';

/** In-app notifications: written in the caller's transaction, read by their recipient in the scope's organisation. */
export const notificationsRepository = {
  async insertMany(db: Db, rows: NotificationsTable[]): Promise<void> {
    if (rows.length > 0) {
      await db.insertInto('notifications').values(rows).execute();
    }
  },

  /** The active accounts among these users, with what an email to them needs. */
  mailRecipients(db: Db, userIds: string[]) {
    return db
      .selectFrom('users')
      .select(['email', 'language'])
      .where('id', 'in', userIds)
      .where('disabled_at', 'is', null)
      .execute();
  },

  listMine(db: Db, scope: OrgScope, limit: number): Promise<NotificationsTable[]> {
    return db
      .selectFrom('notifications')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('user_id', '=', scope.userId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
  },

  async markMineRead(db: Db, scope: OrgScope, ids: string[], at: string): Promise<void> {
    await db
      .updateTable('notifications')
      .set({ read_at: at })
      .where('org_id', '=', scope.orgId)
      .where('user_id', '=', scope.userId)
      .where('id', 'in', ids)
      .execute();
  },
};
