import { notificationsDueRepository } from '../db/repositories/notifications-due.repository.ts';
import type { Db } from '../db/repositories/users.repository.ts';
import { notifyAll } from './notify.ts';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The reminder sweep of the notifications feature: a campaign closing within a day, an adopted
 * charter whose review date has come. Each reminder carries a dedupe key made of the object and its
 * date, so a sweep run again (or on another instance) writes nothing new, and a date moved later
 * reminds again. Proposals keep their own sweep (`sweepDecisionReminders`). Returns how many
 * notifications were written.
 */
export async function sweepReminders(db: Db, now = new Date()): Promise<number> {
  let written = 0;
  const nowIso = now.toISOString();
  const closing = await notificationsDueRepository.campaignsClosing(
    db,
    nowIso,
    new Date(now.getTime() + DAY_MS).toISOString(),
  );
  for (const c of closing) {
    const closesAt = c.closes_at ?? '';
    const leads = await notificationsDueRepository.engagementLeads(db, c.engagement_id);
    written += await notifyAll(db, c.created_by ? [...leads, c.created_by] : leads, {
      orgId: c.org_id,
      kind: 'campaign.closing_soon',
      objectId: c.id,
      title: c.title,
      params: { closesAt },
      link: `/diagnostics/campaigns/${c.id}`,
      engagementId: c.engagement_id,
      dedupeKey: `campaign.closing_soon:${c.id}:${closesAt}`,
    });
  }
  const due = await notificationsDueRepository.chartersReviewDue(db, nowIso.slice(0, 10));
  for (const c of due) {
    const reviewOn = c.review_on ?? '';
    const leads = await notificationsDueRepository.engagementLeads(db, c.engagement_id);
    written += await notifyAll(db, c.created_by ? [...leads, c.created_by] : leads, {
      orgId: c.org_id,
      kind: 'charter.review_due',
      objectId: c.id,
      title: c.title,
      params: { reviewOn },
      link: `/engagements/${c.engagement_id}/charters/${c.id}`,
      engagementId: c.engagement_id,
      dedupeKey: `charter.review_due:${c.id}:${reviewOn}`,
    });
  }
  return written;
}
