import type { OrgScope } from '../org-scope.ts';
import { decodeRow, decodeRows, encodeRow, StoredJson } from '../stored-json.ts';
import type { NotificationsTable } from '../tables/notifications.ts';
import type { Db } from './users.repository.ts';

const notificationJson = { params: StoredJson.stringRecord };

/** A notification with its parameters parsed. */
export type NotificationRow = Omit<NotificationsTable, 'params'> & { params: Record<string, string> | null };

/** A notification waiting for its email, with what the email needs to know about its recipient. */
export type PendingEmailRow = NotificationRow & {
  email: string;
  language: string;
  display_name: string;
  org_name: string;
};

/**
 * A person's notifications. Reads are by user (the bell shows every organisation the person still
 * belongs to), and always joined to a current membership so a person who left an organisation stops
 * seeing its notifications.
 */
export const notificationsRepository = {
  /** Insert unless the person already has one with the same dedupe key; true when written. */
  async insert(db: Db, row: NotificationRow): Promise<boolean> {
    const r = await db
      .insertInto('notifications')
      .values(encodeRow<NotificationsTable>(row, notificationJson))
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  async listForUser(
    db: Db,
    userId: string,
    options: { unreadOnly: boolean; limit: number },
  ): Promise<(NotificationRow & { org_name: string })[]> {
    let q = db
      .selectFrom('notifications')
      .innerJoin('memberships', (j) =>
        j
          .onRef('memberships.org_id', '=', 'notifications.org_id')
          .onRef('memberships.user_id', '=', 'notifications.user_id'),
      )
      .innerJoin('organisations', 'organisations.id', 'notifications.org_id')
      .selectAll('notifications')
      .select('organisations.name as org_name')
      .where('notifications.user_id', '=', userId);
    if (options.unreadOnly) {
      q = q.where('notifications.read_at', 'is', null);
    }
    const rows = await q
      .orderBy('notifications.created_at', 'desc')
      .orderBy('notifications.id')
      .limit(options.limit)
      .execute();
    return decodeRows(rows, notificationJson);
  },

  async unreadCount(db: Db, userId: string): Promise<number> {
    const r = await db
      .selectFrom('notifications')
      .innerJoin('memberships', (j) =>
        j
          .onRef('memberships.org_id', '=', 'notifications.org_id')
          .onRef('memberships.user_id', '=', 'notifications.user_id'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('notifications.user_id', '=', userId)
      .where('notifications.read_at', 'is', null)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  },

  /** Mark the person's own notifications among `ids` read; ids of others are ignored. */
  async markRead(db: Db, userId: string, ids: string[], at: string): Promise<number> {
    if (ids.length === 0) {
      return 0;
    }
    const r = await db
      .updateTable('notifications')
      .set({ read_at: at })
      .where('user_id', '=', userId)
      .where('id', 'in', ids)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  async markAllRead(db: Db, userId: string, at: string): Promise<number> {
    const r = await db
      .updateTable('notifications')
      .set({ read_at: at })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  /** Unread notifications written since `since` whose email has not gone out, to active accounts. */
  async pendingEmails(db: Db, since: string): Promise<PendingEmailRow[]> {
    const rows = await db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .innerJoin('memberships', (j) =>
        j
          .onRef('memberships.org_id', '=', 'notifications.org_id')
          .onRef('memberships.user_id', '=', 'notifications.user_id'),
      )
      .innerJoin('organisations', 'organisations.id', 'notifications.org_id')
      .selectAll('notifications')
      .select(['users.email', 'users.language', 'users.display_name', 'organisations.name as org_name'])
      .where('notifications.emailed_at', 'is', null)
      .where('notifications.read_at', 'is', null)
      .where('notifications.created_at', '>=', since)
      .where('users.disabled_at', 'is', null)
      .orderBy('notifications.created_at')
      .limit(2000)
      .execute();
    return rows.map((r) => decodeRow(r, notificationJson));
  },

  /**
   * Claim notifications for one email (sets `emailed_at` where still null); returns the ids this
   * caller won, so two instances sweeping at once never send the same email twice.
   */
  async claimEmails(db: Db, ids: string[], at: string): Promise<string[]> {
    const won: string[] = [];
    for (const id of ids) {
      const r = await db
        .updateTable('notifications')
        .set({ emailed_at: at })
        .where('id', '=', id)
        .where('emailed_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) {
        won.push(id);
      }
    }
    return won;
  },

  /** Give claimed notifications back when their email could not be sent (the next sweep retries). */
  async releaseEmails(db: Db, ids: string[]): Promise<void> {
    if (ids.length > 0) {
      await db.updateTable('notifications').set({ emailed_at: null }).where('id', 'in', ids).execute();
    }
  },

  async allForUser(db: Db, userId: string): Promise<NotificationRow[]> {
    const rows = await db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute();
    return decodeRows(rows, notificationJson);
  },

  async deleteForUser(db: Db, userId: string, orgId: string): Promise<void> {
    await db.deleteFrom('notifications').where('user_id', '=', userId).where('org_id', '=', orgId).execute();
  },
  /** The person's proposal notifications in the scope's organisation (the decisions panel's list). */
  async listProposalNotices(db: Db, scope: OrgScope, limit: number): Promise<NotificationRow[]> {
    const rows = await db
      .selectFrom('notifications')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('user_id', '=', scope.userId)
      .where('object_kind', '=', 'proposal')
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    return decodeRows(rows, notificationJson);
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
