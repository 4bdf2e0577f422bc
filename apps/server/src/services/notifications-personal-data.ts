import { calendarFeedsRepository } from '../db/repositories/calendar-feeds.repository.ts';
import { notificationsRepository } from '../db/repositories/notifications.repository.ts';
import type { PersonalDataContributor } from './personal-data.ts';

/**
 * Notifications and calendar links are about one person: their export lists them (never a feed's
 * token, which is not kept), their erasure deletes them. Notifications are erased per organisation;
 * calendar links belong to the account, so erasure revokes them all (deleted with the account).
 */
export const notificationsPersonalData: PersonalDataContributor = {
  name: 'notifications',
  async export(db, userId) {
    const notifications = await notificationsRepository.allForUser(db, userId);
    const feeds = await calendarFeedsRepository.allForUser(db, userId);
    return {
      notifications: notifications.map((n) => ({
        organisationId: n.org_id,
        kind: `${n.object_kind}.${n.kind}`,
        title: n.title,
        params: n.params,
        link: n.link,
        createdAt: n.created_at,
        readAt: n.read_at,
        emailedAt: n.emailed_at,
      })),
      calendarFeeds: feeds.map((f) => ({
        createdAt: f.created_at,
        lastUsedAt: f.last_used_at,
        revokedAt: f.revoked_at,
      })),
    };
  },
  async erase(db, userId, orgId) {
    await notificationsRepository.deleteForUser(db, userId, orgId);
    await calendarFeedsRepository.deleteForUser(db, userId);
  },
};
