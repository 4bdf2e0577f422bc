import { notificationsDueRepository } from '../db/repositories/notifications-due.repository.ts';
import type { Db } from '../db/repositories/users.repository.ts';
import { notify, notifyAll } from './notify.ts';

/**
 * The notifications other features write when something happens to people (as opposed to the
 * reminders of the sweep). Each runs in the caller's transaction.
 */

/**
 * A stakeholder was added to an engagement: the named account holder is told they joined the team;
 * for a collective, each of its members with an account is told the collective takes part. The person
 * who added them is not told about their own action.
 */
export async function notifyStakeholderAdded(
  db: Db,
  input: {
    orgId: string;
    engagement: { id: string; title: string };
    userId: string | null;
    collectiveId: string | null;
    actorUserId: string | null;
  },
): Promise<void> {
  const base = {
    orgId: input.orgId,
    objectId: input.engagement.id,
    title: input.engagement.title,
    link: `/engagements/${input.engagement.id}`,
    engagementId: input.engagement.id,
  };
  if (input.userId && input.userId !== input.actorUserId) {
    await notify(db, {
      ...base,
      userId: input.userId,
      kind: 'engagement.invited',
      dedupeKey: `engagement.invited:${input.engagement.id}`,
    });
  }
  if (input.collectiveId) {
    const members = (await notificationsDueRepository.collectiveAccounts(db, input.collectiveId)).filter(
      (u) => u !== input.actorUserId,
    );
    if (members.length > 0) {
      const collective = await notificationsDueRepository.collectiveName(db, input.collectiveId);
      await notifyAll(db, members, {
        ...base,
        kind: 'collective.invited',
        params: { collective },
        dedupeKey: `collective.invited:${input.engagement.id}:${input.collectiveId}`,
      });
    }
  }
}

/** A decision was adopted: the engagement's leads hear of it (an organisation-wide one has none). */
export async function notifyDecisionAdopted(
  db: Db,
  d: { id: string; orgId: string; engagementId: string | null; title: string },
): Promise<void> {
  if (!d.engagementId) {
    return;
  }
  const leads = await notificationsDueRepository.engagementLeads(db, d.engagementId);
  await notifyAll(db, leads, {
    orgId: d.orgId,
    kind: 'decision.adopted',
    objectId: d.id,
    title: d.title,
    link: `/engagements/${d.engagementId}/decisions`,
    engagementId: d.engagementId,
    dedupeKey: `decision.adopted:${d.id}`,
  });
}
