import { type NotificationKind, splitKind } from '@essaim/core/notifications';
import { notificationsRepository } from '../db/repositories/notifications.repository.ts';
import type { Db } from '../db/repositories/users.repository.ts';
import { newId, nowIso } from '../lib/tokens.ts';

/**
 * What a feature says when it notifies someone. `title` names the object (a proposal's title, an
 * engagement's); `params` carries the rest the message needs (dates, a collective's name), strings
 * only; `link` is the in-app path the notification opens (`/engagements/…`), never an absolute URL.
 */
export interface NotifyInput {
  userId: string;
  orgId: string;
  kind: NotificationKind;
  /** Id of the object the kind's subject names (the proposal, the campaign…). */
  objectId: string;
  title: string;
  params?: Record<string, string>;
  link?: string | null;
  engagementId?: string | null;
  /** A person gets at most one notification per key: reminders pass one so a sweep writes them once. */
  dedupeKey?: string | null;
  /**
   * The person asked for no email about this (a community whose digest they turned off): the
   * notification is written as already emailed, so the outbox never picks it up.
   */
  noEmail?: boolean;
}

/**
 * Notify one person, in the caller's transaction (the notification exists if and only if the change
 * that caused it does). Its email, when SMTP is configured, goes out from the outbox afterwards
 * (`notifications-mailer.ts`). Returns false when the dedupe key was already used for this person.
 */
export async function notify(db: Db, input: NotifyInput): Promise<boolean> {
  if (input.link && !input.link.startsWith('/')) {
    throw new Error(`a notification link is an in-app path: ${input.link}`);
  }
  const { subject, event } = splitKind(input.kind);
  const now = nowIso();
  return notificationsRepository.insert(db, {
    id: newId(),
    org_id: input.orgId,
    user_id: input.userId,
    kind: event,
    object_kind: subject,
    object_id: input.objectId,
    engagement_id: input.engagementId ?? null,
    title: input.title,
    params: input.params ?? null,
    link: input.link ?? null,
    dedupe_key: input.dedupeKey ?? null,
    created_at: now,
    read_at: null,
    emailed_at: input.noEmail ? now : null,
  });
}

/** The same notification for several people (each deduplicated on its own); returns how many were written. */
export async function notifyAll(
  db: Db,
  userIds: Iterable<string>,
  input: Omit<NotifyInput, 'userId'>,
): Promise<number> {
  let written = 0;
  for (const userId of new Set(userIds)) {
    if (await notify(db, { ...input, userId })) {
      written++;
    }
  }
  return written;
}
