import { hashToken } from '../../lib/tokens.ts';
import type { Db } from '../db.ts';
import type { OrgScope } from '../org-scope.ts';
import type {
  SurveyCampaignsTable,
  SurveyInstrumentsTable,
  SurveyInvitationsTable,
  SurveyResponsesTable,
} from '../tables/surveys.ts';

export type SurveyInstrumentRow = SurveyInstrumentsTable;
export type CampaignRow = SurveyCampaignsTable;
export type InvitationRow = SurveyInvitationsTable;
export type ResponseRow = SurveyResponsesTable;

/**
 * Instruments and campaigns are read through the scope's organisation; invitations and responses
 * through a campaign id the caller obtained from `campaign` (already checked), or through a token
 * (respondent paths, which never see another campaign's rows).
 */
export const surveysRepository = {
  async insertInstrument(db: Db, scope: OrgScope, row: Omit<SurveyInstrumentRow, 'org_id'>): Promise<void> {
    await db
      .insertInto('survey_instruments')
      .values({ ...row, org_id: scope.orgId })
      .execute();
  },

  instruments(db: Db, scope: OrgScope): Promise<SurveyInstrumentRow[]> {
    return db
      .selectFrom('survey_instruments')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .orderBy('created_at')
      .execute();
  },

  instrument(db: Db, scope: OrgScope, id: string): Promise<SurveyInstrumentRow | undefined> {
    return db
      .selectFrom('survey_instruments')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async insertCampaign(db: Db, scope: OrgScope, row: Omit<CampaignRow, 'org_id'>): Promise<void> {
    await db
      .insertInto('survey_campaigns')
      .values({ ...row, org_id: scope.orgId })
      .execute();
  },

  campaign(db: Db, scope: OrgScope, id: string): Promise<CampaignRow | undefined> {
    return db
      .selectFrom('survey_campaigns')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  campaignsOf(db: Db, scope: OrgScope, engagementId: string): Promise<CampaignRow[]> {
    return db
      .selectFrom('survey_campaigns')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('engagement_id', '=', engagementId)
      .orderBy('created_at', 'desc')
      .execute();
  },

  async updateCampaign(
    db: Db,
    scope: OrgScope,
    id: string,
    patch: Partial<Omit<CampaignRow, 'id' | 'org_id'>>,
  ): Promise<void> {
    await db
      .updateTable('survey_campaigns')
      .set(patch)
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .execute();
  },

  /** Campaign by its shared-link token (respondent path). */
  campaignBySharedToken(db: Db, token: string): Promise<CampaignRow | undefined> {
    return db.selectFrom('survey_campaigns').selectAll().where('shared_token', '=', token).executeTakeFirst();
  },

  /** Unscoped read by id for respondent paths that hold a participant token of this campaign. */
  campaignForParticipant(db: Db, campaignId: string): Promise<CampaignRow | undefined> {
    return db.selectFrom('survey_campaigns').selectAll().where('id', '=', campaignId).executeTakeFirst();
  },

  /** The participant of a `campaign` scope holding this token. */
  participantByToken(db: Db, token: string) {
    return db
      .selectFrom('participants')
      .select(['id', 'org_id', 'scope_id'])
      .where('token_hash', '=', hashToken(token))
      .where('scope_kind', '=', 'campaign')
      .executeTakeFirst();
  },

  async replaceParticipantToken(db: Db, participantId: string, token: string): Promise<void> {
    await db
      .updateTable('participants')
      .set({ token_hash: hashToken(token) })
      .where('id', '=', participantId)
      .where('scope_kind', '=', 'campaign')
      .execute();
  },

  async insertInvitation(db: Db, row: InvitationRow): Promise<void> {
    await db.insertInto('survey_invitations').values(row).execute();
  },

  invitations(db: Db, campaignId: string): Promise<InvitationRow[]> {
    return db
      .selectFrom('survey_invitations')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .orderBy('person_name')
      .execute();
  },

  invitation(db: Db, campaignId: string, id: string): Promise<InvitationRow | undefined> {
    return db
      .selectFrom('survey_invitations')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  invitationOfParticipant(db: Db, participantId: string): Promise<InvitationRow | undefined> {
    return db
      .selectFrom('survey_invitations')
      .selectAll()
      .where('participant_id', '=', participantId)
      .executeTakeFirst();
  },

  responseOf(db: Db, participantId: string): Promise<ResponseRow | undefined> {
    return db
      .selectFrom('survey_responses')
      .selectAll()
      .where('participant_id', '=', participantId)
      .executeTakeFirst();
  },

  async insertResponse(db: Db, row: ResponseRow): Promise<void> {
    await db.insertInto('survey_responses').values(row).execute();
  },

  async updateResponse(
    db: Db,
    participantId: string,
    patch: Partial<Omit<ResponseRow, 'id' | 'participant_id' | 'campaign_id'>>,
  ): Promise<void> {
    await db.updateTable('survey_responses').set(patch).where('participant_id', '=', participantId).execute();
  },

  /** Submitted responses of a checked campaign: for aggregation only, never returned as such. */
  submitted(db: Db, campaignId: string) {
    return db
      .selectFrom('survey_responses')
      .select(['collective_ids', 'attributes', 'answers', 'channel'])
      .where('campaign_id', '=', campaignId)
      .where('submitted_at', 'is not', null)
      .orderBy('id')
      .execute();
  },

  /** Responses started through the shared link (drafts included), for the facilitator's cap. */
  async sharedStarts(db: Db, campaignId: string): Promise<number> {
    const row = await db
      .selectFrom('survey_responses')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('campaign_id', '=', campaignId)
      .where('channel', '=', 'shared')
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },

  /** The released report's stored cuts (all, or those with the given keys), in release order. */
  releasedCuts(db: Db, campaignId: string, keys?: readonly string[]) {
    let q = db
      .selectFrom('survey_released_cuts')
      .select(['cut_key', 'body'])
      .where('campaign_id', '=', campaignId);
    if (keys !== undefined) {
      if (keys.length === 0) {
        return Promise.resolve([]);
      }
      q = q.where('cut_key', 'in', [...keys]);
    }
    return q.orderBy('position').execute();
  },

  async hasRelease(db: Db, campaignId: string): Promise<boolean> {
    const row = await db
      .selectFrom('survey_released_cuts')
      .select('cut_key')
      .where('campaign_id', '=', campaignId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },

  async insertReleasedCuts(
    db: Db,
    campaignId: string,
    cuts: readonly { key: string; body: string }[],
  ): Promise<void> {
    // Chunked: PostgreSQL caps bound parameters per statement.
    for (let i = 0; i < cuts.length; i += 500) {
      await db
        .insertInto('survey_released_cuts')
        .values(
          cuts.slice(i, i + 500).map((c, j) => ({
            campaign_id: campaignId,
            cut_key: c.key,
            position: i + j,
            body: c.body,
          })),
        )
        .execute();
    }
  },

  async setInvitationChannel(db: Db, campaignId: string, ids: readonly string[], channel: string) {
    if (ids.length > 0) {
      await db
        .updateTable('survey_invitations')
        .set({ channel })
        .where('campaign_id', '=', campaignId)
        .where('id', 'in', [...ids])
        .execute();
    }
  },

  /** Invitations with the invitee's current e-mail address (none once the person was deleted). */
  invitationsWithEmail(db: Db, campaignId: string) {
    return db
      .selectFrom('survey_invitations')
      .leftJoin('people', 'people.id', 'survey_invitations.person_id')
      .select([
        'survey_invitations.id',
        'survey_invitations.participant_id',
        'survey_invitations.person_name',
        'survey_invitations.channel',
        'survey_invitations.issued_at',
        'people.email',
      ])
      .where('survey_invitations.campaign_id', '=', campaignId)
      .orderBy('survey_invitations.person_name')
      .execute();
  },

  /** Participants of a campaign whose answers were submitted (for reminders; never returned). */
  async submittedParticipants(db: Db, campaignId: string): Promise<Set<string>> {
    const rows = await db
      .selectFrom('survey_responses')
      .select('participant_id')
      .where('campaign_id', '=', campaignId)
      .where('submitted_at', 'is not', null)
      .execute();
    return new Set(rows.map((r) => r.participant_id));
  },

  /** Participants of a campaign who consented on some browser (their link must not be replaced). */
  async claimedParticipants(db: Db, campaignId: string): Promise<Set<string>> {
    const rows = await db
      .selectFrom('survey_responses')
      .select('participant_id')
      .where('campaign_id', '=', campaignId)
      .where('resume_hash', 'is not', null)
      .execute();
    return new Set(rows.map((r) => r.participant_id));
  },

  /** Cut signatures of submitted responses (no answers), for counts. */
  submittedSignatures(db: Db, campaignId: string) {
    return db
      .selectFrom('survey_responses')
      .select(['id', 'collective_ids', 'attributes'])
      .where('campaign_id', '=', campaignId)
      .where('submitted_at', 'is not', null)
      .execute();
  },

  /** Responses (drafts or submitted) of the participants linked to a user account, for GDPR export. */
  async responsesOfUser(db: Db, userId: string) {
    return db
      .selectFrom('survey_responses')
      .innerJoin('participants', 'participants.id', 'survey_responses.participant_id')
      .select([
        'survey_responses.campaign_id',
        'survey_responses.answers',
        'survey_responses.submitted_at',
        'survey_responses.updated_at',
      ])
      .where('participants.linked_user_id', '=', userId)
      .execute();
  },

  async deleteResponsesOfUser(db: Db, userId: string, orgId: string): Promise<void> {
    const ids = (
      await db
        .selectFrom('participants')
        .select('id')
        .where('linked_user_id', '=', userId)
        .where('org_id', '=', orgId)
        .where('scope_kind', '=', 'campaign')
        .execute()
    ).map((r) => r.id);
    if (ids.length > 0) {
      await db.deleteFrom('survey_responses').where('participant_id', 'in', ids).execute();
    }
  },

  /** Roster of collectives (and their descendants) for invitations: people with their direct collectives. */
  async rosterOf(db: Db, scope: OrgScope, collectiveIds: readonly string[]) {
    if (collectiveIds.length === 0) {
      return [];
    }
    const rows = await db
      .selectFrom('people')
      .innerJoin('person_collectives', 'person_collectives.person_id', 'people.id')
      .select(['people.id', 'people.display_name', 'people.attributes', 'person_collectives.collective_id'])
      .where('people.org_id', '=', scope.orgId)
      .where('person_collectives.collective_id', 'in', [...collectiveIds])
      .orderBy('people.display_name')
      .execute();
    const byPerson = new Map<
      string,
      { id: string; name: string; attributes: string; collectiveIds: string[] }
    >();
    for (const r of rows) {
      const p = byPerson.get(r.id) ?? {
        id: r.id,
        name: r.display_name,
        attributes: r.attributes,
        collectiveIds: [],
      };
      p.collectiveIds.push(r.collective_id);
      byPerson.set(r.id, p);
    }
    return [...byPerson.values()];
  },

  collectives(db: Db, scope: OrgScope) {
    return db
      .selectFrom('collectives')
      .select(['id', 'name', 'parent_id'])
      .where('org_id', '=', scope.orgId)
      .orderBy('name')
      .execute();
  },

  /** Collectives of an organisation by id (respondent paths know the org from the campaign row). */
  collectivesOfOrg(db: Db, orgId: string) {
    return db
      .selectFrom('collectives')
      .select(['id', 'name', 'parent_id'])
      .where('org_id', '=', orgId)
      .orderBy('name')
      .execute();
  },

  thresholdsOf(db: Db, orgId: string) {
    return db
      .selectFrom('organisations')
      .select(['min_group_size', 'min_text_group_size'])
      .where('id', '=', orgId)
      .executeTakeFirst();
  },

  engagementOf(db: Db, engagementId: string) {
    return db
      .selectFrom('engagements')
      .select(['id', 'title', 'confidentiality_text', 'confidentiality_version'])
      .where('id', '=', engagementId)
      .executeTakeFirst();
  },
};
