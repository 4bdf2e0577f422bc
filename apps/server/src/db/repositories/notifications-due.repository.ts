import type { Db } from './users.repository.ts';

/**
 * What the reminder sweep looks for, across organisations (the sweep has no user): campaigns about to
 * close, adopted charters whose review date has come, and who leads an engagement. Read-only over the
 * surveys, charters and engagements tables, kept here so those features' repositories stay theirs.
 */
export const notificationsDueRepository = {
  /** Open campaigns closing between now and `by` (ISO). */
  campaignsClosing(db: Db, now: string, by: string) {
    return db
      .selectFrom('survey_campaigns')
      .select(['id', 'org_id', 'engagement_id', 'title', 'closes_at', 'created_by'])
      .where('status', '=', 'open')
      .where('closes_at', 'is not', null)
      .where('closes_at', '>', now)
      .where('closes_at', '<=', by)
      .execute();
  },

  /** Adopted charters whose review date (YYYY-MM-DD) is `today` or past. */
  chartersReviewDue(db: Db, today: string) {
    return db
      .selectFrom('charters')
      .select(['id', 'org_id', 'engagement_id', 'title', 'review_on', 'created_by'])
      .where('status', '=', 'adopted')
      .where('review_on', 'is not', null)
      .where('review_on', '<=', today)
      .execute();
  },

  /** Account holders who lead an engagement: its named stakeholders with an account, and its creator. */
  async engagementLeads(db: Db, engagementId: string): Promise<string[]> {
    const stakeholders = await db
      .selectFrom('stakeholders')
      .select('user_id')
      .where('engagement_id', '=', engagementId)
      .where('user_id', 'is not', null)
      .execute();
    const engagement = await db
      .selectFrom('engagements')
      .select('created_by')
      .where('id', '=', engagementId)
      .executeTakeFirst();
    const ids = new Set(stakeholders.map((s) => s.user_id).filter((u): u is string => u !== null));
    if (engagement?.created_by) {
      ids.add(engagement.created_by);
    }
    return [...ids];
  },

  /** Accounts behind the people of a collective (a person without an account is not notified). */
  async collectiveAccounts(db: Db, collectiveId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('person_collectives')
      .innerJoin('people', 'people.id', 'person_collectives.person_id')
      .select('people.user_id')
      .where('person_collectives.collective_id', '=', collectiveId)
      .where('people.user_id', 'is not', null)
      .execute();
    return [...new Set(rows.map((r) => r.user_id).filter((u): u is string => u !== null))];
  },

  async collectiveName(db: Db, collectiveId: string): Promise<string> {
    const r = await db
      .selectFrom('collectives')
      .select('name')
      .where('id', '=', collectiveId)
      .executeTakeFirst();
    return r?.name ?? '';
  },
};
