import {
  CalendarFeedCreatedSchema,
  CalendarFeedFileParamsSchema,
  CalendarFeedStatusSchema,
  NotificationListQuerySchema,
  NotificationListSchema,
  NotificationReadBodySchema,
  NotificationReadResultSchema,
  NotificationUnreadSchema,
  OkSchema,
} from '@essaim/contracts';
import type { AppInstance } from '../app-instance.ts';
import {
  calendarFeedStatus,
  createCalendarFeed,
  renderCalendarFeed,
  resolveCalendarFeed,
  revokeCalendarFeed,
} from '../services/calendar-feed.service.ts';
import {
  listMyNotifications,
  markAllMyNotificationsRead,
  markMyNotificationsRead,
  unreadCount,
} from '../services/notifications.service.ts';
import { actorOf, requireSession } from './auth-plugin.ts';
import { publicOrigin } from './public-origin.ts';

const tags = ['notifications'];

/** The signed-in person's notifications (all their organisations) and their private calendar feed. */
export async function notificationRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;

  app.get(
    '/api/me/notifications',
    { schema: { tags, querystring: NotificationListQuerySchema, response: { 200: NotificationListSchema } } },
    async (request) =>
      listMyNotifications(db, requireSession(request).user.id, {
        unreadOnly: request.query.unread === 'true',
        limit: request.query.limit ?? 50,
      }),
  );

  app.get(
    '/api/me/notifications/unread-count',
    { schema: { tags, response: { 200: NotificationUnreadSchema } } },
    async (request) => ({ unread: await unreadCount(db, requireSession(request).user.id) }),
  );

  app.post(
    '/api/me/notifications/read',
    { schema: { tags, body: NotificationReadBodySchema, response: { 200: NotificationReadResultSchema } } },
    async (request) => markMyNotificationsRead(db, requireSession(request).user.id, request.body.ids),
  );

  app.post(
    '/api/me/notifications/read-all',
    { schema: { tags, response: { 200: NotificationReadResultSchema } } },
    async (request) => markAllMyNotificationsRead(db, requireSession(request).user.id),
  );

  app.get(
    '/api/me/calendar-feed',
    { schema: { tags, response: { 200: CalendarFeedStatusSchema } } },
    async (request) => calendarFeedStatus(db, requireSession(request).user.id),
  );

  app.post(
    '/api/me/calendar-feed',
    { schema: { tags, response: { 200: CalendarFeedCreatedSchema } } },
    async (request) =>
      createCalendarFeed(db, requireSession(request).user.id, publicOrigin(request), actorOf(request)),
  );

  app.delete('/api/me/calendar-feed', { schema: { tags, response: { 200: OkSchema } } }, async (request) => {
    await revokeCalendarFeed(db, requireSession(request).user.id, actorOf(request));
    return { ok: true as const };
  });

  // The feed itself: no session (a calendar application fetches it), the secret link is the credential.
  app.get(
    '/api/calendar-feeds/:file',
    { schema: { tags, params: CalendarFeedFileParamsSchema } },
    async (request, reply) => {
      const feed = await resolveCalendarFeed(db, request.params.file.slice(0, -'.ics'.length));
      const body = await renderCalendarFeed(db, feed, publicOrigin(request));
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', 'inline; filename="essaim.ics"')
        .send(body);
    },
  );
}
