import type { Notification, NotificationList } from '@essaim/contracts';
import { isNotificationKind } from '@essaim/core/notifications';
import {
  type NotificationRow,
  notificationsRepository,
} from '../db/repositories/notifications.repository.ts';
import type { Db } from '../db/repositories/users.repository.ts';
import { nowIso } from '../lib/tokens.ts';

/** A person's notifications: list, unread count, mark read. Only ever their own (the session's user). */

function present(row: NotificationRow & { org_name: string }): Notification | null {
  const kind = `${row.object_kind}.${row.kind}`;
  if (!isNotificationKind(kind)) {
    return null;
  }
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    kind,
    objectId: row.object_id,
    engagementId: row.engagement_id,
    title: row.title,
    params: row.params ?? {},
    link: row.link,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

export async function listMyNotifications(
  db: Db,
  userId: string,
  options: { unreadOnly: boolean; limit: number },
): Promise<NotificationList> {
  const rows = await notificationsRepository.listForUser(db, userId, options);
  return {
    notifications: rows.map(present).filter((n): n is Notification => n !== null),
    unread: await notificationsRepository.unreadCount(db, userId),
  };
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  return notificationsRepository.unreadCount(db, userId);
}

export async function markMyNotificationsRead(db: Db, userId: string, ids: string[]) {
  const marked = await notificationsRepository.markRead(db, userId, ids, nowIso());
  return { marked, unread: await notificationsRepository.unreadCount(db, userId) };
}

export async function markAllMyNotificationsRead(db: Db, userId: string) {
  const marked = await notificationsRepository.markAllRead(db, userId, nowIso());
  return { marked, unread: 0 };
}
