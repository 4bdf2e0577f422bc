import { decodeRows, StoredJson } from '../stored-json.ts';
import type { Db } from './users.repository.ts';

/** The JSON columns read here and their schemas: rows leave this file parsed (see stored-json.ts). */
const engagementJson = { phases: StoredJson.phases };
const questionJson = { complexity: StoredJson.complexity };
const agendaJson = { items: StoredJson.agendaItems };

/**
 * Read-only queries behind a consultant's platform evidence: the engagements they facilitated (they
 * created it, or they are named as its facilitator) in organisations they still belong to, and what
 * happened in them. Nothing here reads an individual answer: only titles, statuses and counts.
 */
export const competenciesEvidenceRepository = {
  memberships(db: Db, userId: string) {
    return db
      .selectFrom('memberships')
      .innerJoin('organisations', 'organisations.id', 'memberships.org_id')
      .select([
        'organisations.id as orgId',
        'organisations.name as orgName',
        'organisations.min_group_size as minGroup',
        'organisations.min_text_group_size as minText',
      ])
      .where('memberships.user_id', '=', userId)
      .execute();
  },

  async engagementsFacilitated(db: Db, userId: string, orgIds: readonly string[]) {
    if (orgIds.length === 0) {
      return [];
    }
    const rows = await db
      .selectFrom('engagements')
      .select(['id', 'org_id', 'title', 'status', 'phases'])
      .where('org_id', 'in', orgIds)
      .where((eb) =>
        eb.or([
          eb('created_by', '=', userId),
          eb(
            'id',
            'in',
            eb
              .selectFrom('stakeholders')
              .select('engagement_id')
              .where('kind', '=', 'facilitator')
              .where('user_id', '=', userId),
          ),
        ]),
      )
      .orderBy('created_at')
      .execute();
    return decodeRows(rows, engagementJson);
  },

  async assessedQuestions(db: Db, engagementIds: readonly string[]) {
    const rows = await db
      .selectFrom('questions')
      .select(['engagement_id', 'complexity'])
      .where('engagement_id', 'in', engagementIds)
      .where('complexity', 'is not', null)
      .execute();
    return decodeRows(rows, questionJson);
  },

  campaigns(db: Db, engagementIds: readonly string[]) {
    return db
      .selectFrom('survey_campaigns')
      .select((eb) => [
        'survey_campaigns.id',
        'survey_campaigns.org_id',
        'survey_campaigns.engagement_id',
        'survey_campaigns.title',
        'survey_campaigns.status',
        eb
          .selectFrom('survey_responses')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('survey_responses.campaign_id', '=', 'survey_campaigns.id')
          .where('survey_responses.submitted_at', 'is not', null)
          .as('responses'),
      ])
      .where('engagement_id', 'in', engagementIds)
      .execute();
  },

  methodChoices(db: Db, engagementIds: readonly string[]) {
    return db
      .selectFrom('method_choices')
      .select(['engagement_id', 'method_id', 'decided_by', 'at'])
      .where('engagement_id', 'in', engagementIds)
      .execute();
  },

  async agendas(db: Db, userId: string, orgIds: readonly string[], engagementIds: readonly string[]) {
    const rows = await db
      .selectFrom('agendas')
      .select(['engagement_id', 'items', 'created_at'])
      .where('org_id', 'in', orgIds)
      .where((eb) =>
        engagementIds.length === 0
          ? eb('created_by', '=', userId)
          : eb.or([eb('created_by', '=', userId), eb('engagement_id', 'in', engagementIds)]),
      )
      .execute();
    return decodeRows(rows, agendaJson);
  },

  workshops(db: Db, userId: string, orgIds: readonly string[], engagementIds: readonly string[]) {
    return db
      .selectFrom('workshops')
      .select((eb) => [
        'workshops.id',
        'workshops.engagement_id',
        'workshops.title',
        'workshops.status',
        'workshops.created_at',
        eb
          .selectFrom('participants')
          .select((e) => e.fn.countAll<number>().as('n'))
          .where('participants.scope_kind', '=', 'workshop')
          .whereRef('participants.scope_id', '=', 'workshops.id')
          .as('participants'),
      ])
      .where('workshops.org_id', 'in', orgIds)
      .where((eb) =>
        engagementIds.length === 0
          ? eb('workshops.created_by', '=', userId)
          : eb.or([
              eb('workshops.created_by', '=', userId),
              eb('workshops.engagement_id', 'in', engagementIds),
            ]),
      )
      .execute();
  },

  stops(db: Db, userId: string, engagementIds: readonly string[]) {
    return db
      .selectFrom('timeline')
      .select(['engagement_id', 'kind', 'at'])
      .where('engagement_id', 'in', engagementIds)
      .where('actor_user_id', '=', userId)
      .where('kind', 'in', ['engagement.paused', 'engagement.stopped'])
      .orderBy('seq')
      .execute();
  },

  networks(db: Db, engagementIds: readonly string[]) {
    return db
      .selectFrom('networks')
      .select(['id', 'engagement_id', 'source'])
      .where('engagement_id', 'in', engagementIds)
      .execute();
  },
};
