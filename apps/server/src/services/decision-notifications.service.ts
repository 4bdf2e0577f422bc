import type { OrgScope } from '../db/org-scope.ts';
import { decisionsRepository, type ProposalRow } from '../db/repositories/decisions.repository.ts';
import { notificationsRepository } from '../db/repositories/notifications.repository.ts';
import type { Db } from '../db/repositories/users.repository.ts';
import { nowIso } from '../lib/tokens.ts';
import { notifyAll } from './notify.ts';
import { eligibleVoters } from './proposals-view.ts';

/**
 * Notifications about proposals (opened, closing soon, closed, review due), written through `notify`
 * in the caller's transaction; their emails go out from the notifications outbox when SMTP is
 * configured (a failing SMTP server never undoes a decision).
 */
export type NotificationKind = 'opened' | 'closing_soon' | 'closed' | 'review_due';

/** Notify every eligible account holder (and the proposer) about `p`. */
export async function notifyProposal(db: Db, p: ProposalRow, kind: NotificationKind): Promise<void> {
  const keys = await eligibleVoters(db, p);
  const userIds = new Set([...keys].filter((k) => k.startsWith('u:')).map((k) => k.slice(2)));
  if (p.created_by) {
    userIds.add(p.created_by);
  }
  await notifyAll(db, userIds, {
    orgId: p.org_id,
    kind: `proposal.${kind}`,
    objectId: p.id,
    title: p.title,
    params: { deadline: p.deadline, ...(p.review_on ? { reviewOn: p.review_on } : {}) },
    link: `/engagements/${p.engagement_id}/proposals/${p.id}`,
    engagementId: p.engagement_id,
    // A reminder is written once per round (a proposal re-opened for review reminds again).
    dedupeKey:
      kind === 'closing_soon' || kind === 'review_due' ? `proposal.${kind}:${p.id}:${p.round}` : null,
  });
}

export async function listNotifications(db: Db, scope: OrgScope) {
  const rows = await notificationsRepository.listProposalNotices(db, scope, 200);
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
export async function sweepDecisionReminders(db: Db, now = new Date()): Promise<number> {
  let count = 0;
  const soon = new Date(now.getTime() + DAY_MS).toISOString();
  const closing = await decisionsRepository.closingUnannounced(db, soon);
  for (const p of closing) {
    await db.transaction().execute(async (trx) => {
      await notifyProposal(trx, p, 'closing_soon');
      await decisionsRepository.updateProposal(trx, p.id, { closing_notified_at: now.toISOString() });
    });
    count++;
  }
  const today = now.toISOString().slice(0, 10);
  const due = await decisionsRepository.reviewDueUnannounced(db, today);
  for (const p of due) {
    await db.transaction().execute(async (trx) => {
      await notifyProposal(trx, p, 'review_due');
      await decisionsRepository.updateProposal(trx, p.id, { review_notified_at: now.toISOString() });
    });
    count++;
  }
  return count;
}
