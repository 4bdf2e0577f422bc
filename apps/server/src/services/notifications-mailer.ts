import { EMAIL_TIMING, isNotificationKind, type NotificationKind } from '@essaim/core/notifications';
import {
  notificationsRepository,
  type PendingEmailRow,
} from '../db/repositories/notifications.repository.ts';
import type { Db } from '../db/repositories/users.repository.ts';
import type { Mailer } from '../lib/mailer.ts';
import {
  emailLanguage,
  type NotificationEmailInput,
  renderDigestEmail,
  renderNotificationEmail,
} from './notification-emails.ts';

const HOUR_MS = 3600 * 1000;
/** Older notifications are left to the app: a server that gains SMTP does not mail its whole history. */
const MAX_AGE_MS = 72 * HOUR_MS;
/** A digest goes out once its oldest item has waited this long (so at most about one a day). */
const DIGEST_AFTER_MS = 24 * HOUR_MS;

export interface EmailSweepResult {
  sent: number;
  digests: number;
  failed: number;
}

function kindOf(row: PendingEmailRow): NotificationKind | null {
  const kind = `${row.object_kind}.${row.kind}`;
  return isNotificationKind(kind) ? kind : null;
}

function emailInput(row: PendingEmailRow, kind: NotificationKind, publicUrl: string): NotificationEmailInput {
  return {
    kind,
    title: row.title,
    params: row.params ?? {},
    url: `${publicUrl}${row.link ?? '/notifications'}`,
    orgName: row.org_name,
  };
}

/**
 * The notifications outbox: sends the email of each unread notification not emailed yet, in the
 * recipient's language. Reminders and invitations go at once, one email each; other news waits for a
 * daily digest. Nothing is sent (or marked) without SMTP. Each email is claimed before sending and
 * given back if sending fails, so the sweep can run on every instance and retry later.
 */
export async function sendNotificationEmails(
  db: Db,
  mailer: Mailer,
  publicUrl: string,
  now = new Date(),
): Promise<EmailSweepResult> {
  const result: EmailSweepResult = { sent: 0, digests: 0, failed: 0 };
  if (!mailer.enabled) {
    return result;
  }
  const at = now.toISOString();
  const pending = await notificationsRepository.pendingEmails(
    db,
    new Date(now.getTime() - MAX_AGE_MS).toISOString(),
  );
  const digestByUser = new Map<string, { row: PendingEmailRow; kind: NotificationKind }[]>();
  for (const row of pending) {
    const kind = kindOf(row);
    if (!kind) {
      continue;
    }
    if (EMAIL_TIMING[kind] === 'digest') {
      const list = digestByUser.get(row.user_id) ?? [];
      list.push({ row, kind });
      digestByUser.set(row.user_id, list);
      continue;
    }
    const [won] = await notificationsRepository.claimEmails(db, [row.id], at);
    if (!won) {
      continue;
    }
    const mail = renderNotificationEmail(emailInput(row, kind, publicUrl), emailLanguage(row.language));
    try {
      await mailer.send({ to: row.email, ...mail });
      result.sent++;
    } catch {
      await notificationsRepository.releaseEmails(db, [row.id]);
      result.failed++;
    }
  }
  for (const items of digestByUser.values()) {
    const oldest = Math.min(...items.map((i) => new Date(i.row.created_at).getTime()));
    if (now.getTime() - oldest < DIGEST_AFTER_MS) {
      continue;
    }
    const won = new Set(
      await notificationsRepository.claimEmails(
        db,
        items.map((i) => i.row.id),
        at,
      ),
    );
    const mine = items.filter((i) => won.has(i.row.id));
    const first = mine[0];
    if (!first) {
      continue;
    }
    const lang = emailLanguage(first.row.language);
    const mail = renderDigestEmail(
      mine.map((i) => emailInput(i.row, i.kind, publicUrl)),
      lang,
      `${publicUrl}/notifications`,
    );
    try {
      await mailer.send({ to: first.row.email, ...mail });
      result.digests++;
    } catch {
      await notificationsRepository.releaseEmails(db, [...won]);
      result.failed++;
    }
  }
  return result;
}
