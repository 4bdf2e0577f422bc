import type { OrgScope } from '../db/org-scope.ts';
import { decisionsRepository, type ProposalRow } from '../db/repositories/decisions.repository.ts';
import { notificationsRepository } from '../db/repositories/notifications.repository.ts';
import type { Db } from '../db/repositories/users.repository.ts';
import type { Mailer } from '../lib/mailer.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import { eligibleVoters } from './proposals-view.ts';

/**
 * In-app notifications about proposals (opened, closing soon, closed, review due), and the same by email
 * when SMTP is configured. Rows are written in the caller's transaction; emails are sent after it,
 * best-effort (a failing SMTP server never undoes a decision).
 */
export type NotificationKind = 'opened' | 'closing_soon' | 'closed' | 'review_due';

export interface PendingMail {
  to: string;
  subject: string;
  text: string;
}

const SUBJECTS: Record<NotificationKind, { fr: string; en: string }> = {
  opened: { fr: 'Nouvelle proposition', en: 'New proposal' },
  closing_soon: { fr: 'Une proposition se termine bientôt', en: 'A proposal closes soon' },
  closed: { fr: 'Proposition close', en: 'Proposal closed' },
  review_due: { fr: 'Décision à revoir', en: 'Decision due for review' },
};

/** Notify every eligible account holder (and the proposer) about `p`; returns the mails to send. */
export async function notifyProposal(db: Db, p: ProposalRow, kind: NotificationKind): Promise<PendingMail[]> {
  const keys = await eligibleVoters(db, p);
  const userIds = new Set([...keys].filter((k) => k.startsWith('u:')).map((k) => k.slice(2)));
  if (p.created_by) {
    userIds.add(p.created_by);
  }
  if (userIds.size === 0) {
    return [];
  }
  const now = nowIso();
  await notificationsRepository.insertMany(
    db,
    [...userIds].map((userId) => ({
      id: newId(),
      org_id: p.org_id,
      user_id: userId,
      kind,
      object_kind: 'proposal',
      object_id: p.id,
      engagement_id: p.engagement_id,
      title: p.title,
      created_at: now,
      read_at: null,
    })),
  );
  const users = await notificationsRepository.mailRecipients(db, [...userIds]);
  return users.map((u) => {
    const lang = u.language === 'en' ? 'en' : 'fr';
    return {
      to: u.email,
      subject: `${SUBJECTS[kind][lang]} : ${p.title}`,
      text: `${SUBJECTS[kind][lang]} — ${p.title}`,
    };
  });
}

export async function sendMails(mailer: Mailer | null, mails: PendingMail[]): Promise<void> {
  if (!mailer?.enabled) {
    return;
  }
  for (const mail of mails) {
    try {
      await mailer.send(mail);
    } catch {
      // Best-effort: the in-app notification is the record.
    }
  }
}

export async function listNotifications(db: Db, scope: OrgScope) {
  const rows = await notificationsRepository.listMine(db, scope, 200);
  return {
    notifications: rows.map((r) => ({
      id: r.id,
      kind: r.kind as NotificationKind,
      objectKind: r.object_kind,
      objectId: r.object_id,
      engagementId: r.engagement_id,
      title: r.title,
      createdAt: r.created_at,
      isRead: r.read_at !== null,
    })),
    unread: rows.filter((r) => r.read_at === null).length,
  };
}

export async function markNotificationsRead(db: Db, scope: OrgScope, ids: string[]) {
  if (ids.length > 0) {
    await notificationsRepository.markMineRead(db, scope, ids, nowIso());
  }
  return listNotifications(db, scope);
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * The reminder sweep: open proposals whose deadline is within a day get one "closing soon"; closed,
 * passed proposals whose review date has come get one "review due". Idempotent (each is stamped).
 */
export async function sweepDecisionReminders(
  db: Db,
  mailer: Mailer | null,
  now = new Date(),
): Promise<number> {
  const mails: PendingMail[] = [];
  let count = 0;
  const soon = new Date(now.getTime() + DAY_MS).toISOString();
  const closing = await decisionsRepository.closingUnannounced(db, soon);
  for (const p of closing) {
    await db.transaction().execute(async (trx) => {
      mails.push(...(await notifyProposal(trx, p, 'closing_soon')));
      await decisionsRepository.updateProposal(trx, p.id, { closing_notified_at: now.toISOString() });
    });
    count++;
  }
  const today = now.toISOString().slice(0, 10);
  const due = await decisionsRepository.reviewDueUnannounced(db, today);
  for (const p of due) {
    await db.transaction().execute(async (trx) => {
      mails.push(...(await notifyProposal(trx, p, 'review_due')));
      await decisionsRepository.updateProposal(trx, p.id, { review_notified_at: now.toISOString() });
    });
    count++;
  }
  await sendMails(mailer, mails);
  return count;
}
