import type { Db } from './users.repository.ts';

/**
 * The dated things of every organisation a person belongs to, for their calendar feed: workshop
 * agendas with a date, open proposals' deadlines, decision and charter review dates. Each organisation
 * lets every member read these (`workshop.read`, `decision.read`, charters), so the feed shows nothing
 * the person could not open in the app; stopped engagements are left out.
 */
export const calendarItemsRepository = {
  agendas(db: Db, userId: string) {
    return db
      .selectFrom('agendas')
      .innerJoin('memberships', 'memberships.org_id', 'agendas.org_id')
      .leftJoin('engagements', 'engagements.id', 'agendas.engagement_id')
      .select([
        'agendas.id',
        'agendas.org_id',
        'agendas.engagement_id',
        'agendas.title',
        'agendas.date',
        'agendas.start',
        'agendas.available_minutes',
        'agendas.updated_at',
        'engagements.title as engagement_title',
      ])
      .where('memberships.user_id', '=', userId)
      .where('agendas.date', 'is not', null)
      .where((eb) => eb.or([eb('engagements.status', 'is', null), eb('engagements.status', '!=', 'stopped')]))
      .orderBy('agendas.date')
      .limit(1000)
      .execute();
  },

  openProposals(db: Db, userId: string) {
    return db
      .selectFrom('proposals')
      .innerJoin('memberships', 'memberships.org_id', 'proposals.org_id')
      .innerJoin('engagements', 'engagements.id', 'proposals.engagement_id')
      .select([
        'proposals.id',
        'proposals.engagement_id',
        'proposals.title',
        'proposals.deadline',
        'proposals.updated_at',
        'engagements.title as engagement_title',
      ])
      .where('memberships.user_id', '=', userId)
      .where('proposals.status', '=', 'open')
      .where('engagements.status', '!=', 'stopped')
      .limit(1000)
      .execute();
  },

  decisionReviews(db: Db, userId: string) {
    return db
      .selectFrom('decision_records')
      .innerJoin('memberships', 'memberships.org_id', 'decision_records.org_id')
      .select([
        'decision_records.id',
        'decision_records.engagement_id',
        'decision_records.title',
        'decision_records.review_on',
        'decision_records.updated_at',
      ])
      .where('memberships.user_id', '=', userId)
      .where('decision_records.status', '=', 'passed')
      .where('decision_records.review_on', 'is not', null)
      .limit(1000)
      .execute();
  },

  charterReviews(db: Db, userId: string) {
    return db
      .selectFrom('charters')
      .innerJoin('memberships', 'memberships.org_id', 'charters.org_id')
      .innerJoin('engagements', 'engagements.id', 'charters.engagement_id')
      .select([
        'charters.id',
        'charters.engagement_id',
        'charters.title',
        'charters.review_on',
        'charters.updated_at',
        'engagements.title as engagement_title',
      ])
      .where('memberships.user_id', '=', userId)
      .where('charters.status', '=', 'adopted')
      .where('charters.review_on', 'is not', null)
      .where('engagements.status', '!=', 'stopped')
      .limit(1000)
      .execute();
  },
};
