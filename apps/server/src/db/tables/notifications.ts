/** Tables of the notifications feature: in-app notifications (also the email outbox) and calendar feeds. */

/**
 * One notification for one person. `object_kind` + `kind` make the core `NotificationKind`
 * (`proposal` + `closing_soon`); `title` is the object's title when written, `params` the rest of what
 * the message says (strings), `link` the in-app path it opens. `dedupe_key` makes a reminder unique per
 * person; `emailed_at` is set once its email went out (or was folded into a digest).
 */
export interface NotificationsTable {
  id: string;
  org_id: string;
  user_id: string;
  kind: string;
  object_kind: string;
  object_id: string;
  engagement_id: string | null;
  title: string;
  created_at: string;
  read_at: string | null;
  params: string | null;
  link: string | null;
  dedupe_key: string | null;
  emailed_at: string | null;
}

/** A private calendar link: the token is shown once and stored hashed; revoked rows answer 410. */
export interface CalendarFeedsTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export type NotificationsTables = {
  notifications: NotificationsTable;
  calendar_feeds: CalendarFeedsTable;
};
