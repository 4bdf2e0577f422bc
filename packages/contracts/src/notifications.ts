/**
 * REST schemas of the notifications feature: a person's in-app notifications (every organisation they
 * belong to) and their private calendar feed. Names are prefixed `Notification…` / `CalendarFeed…`.
 */
import { NOTIFICATION_KINDS } from '@essaim/core/notifications';
import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './identity.ts';

export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);

export const NotificationSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  kind: NotificationKindSchema,
  objectId: IdSchema,
  engagementId: IdSchema.nullable(),
  /** The object's title when the notification was written. */
  title: z.string(),
  /** What else the message says (dates as ISO strings, a collective's name). */
  params: z.record(z.string(), z.string()),
  /** In-app path to open (within the notification's organisation), or null. */
  link: z.string().nullable(),
  createdAt: IsoDateSchema,
  readAt: IsoDateSchema.nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListQuerySchema = z.object({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const NotificationListSchema = z.object({
  notifications: z.array(NotificationSchema),
  unread: z.number().int().min(0),
});
export type NotificationList = z.infer<typeof NotificationListSchema>;

export const NotificationUnreadSchema = z.object({ unread: z.number().int().min(0) });

export const NotificationReadBodySchema = z.object({ ids: z.array(IdSchema).min(1).max(500) });

export const NotificationReadResultSchema = z.object({
  marked: z.number().int().min(0),
  unread: z.number().int(),
});

/** The calendar feed's state: never the token, which is shown once when the link is made. */
export const CalendarFeedStatusSchema = z.object({
  active: z.boolean(),
  createdAt: IsoDateSchema.nullable(),
  lastUsedAt: IsoDateSchema.nullable(),
});
export type CalendarFeedStatus = z.infer<typeof CalendarFeedStatusSchema>;

/** A new link (replacing any previous one, which stops working). */
export const CalendarFeedCreatedSchema = z.object({ url: z.string(), createdAt: IsoDateSchema });
export type CalendarFeedCreated = z.infer<typeof CalendarFeedCreatedSchema>;

/** `/api/calendar-feeds/<token>.ics`: the file name is the token plus `.ics`. */
export const CalendarFeedFileParamsSchema = z.object({
  file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/),
});
