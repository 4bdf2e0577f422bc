import { hashToken } from '../../lib/tokens.ts';
import type { Db } from '../db.ts';
import type { OrgScope } from '../org-scope.ts';
import { type Decoded, decodeRow, decodeRows, encodeRow, readStored, StoredJson } from '../stored-json.ts';
import type {
  SurveyCampaignsTable,
  SurveyInstrumentsTable,
  SurveyInvitationsTable,
  SurveyResponsesTable,
} from '../tables/surveys.ts';

/** The JSON columns of each table and their schemas: rows leave this file parsed (see stored-json.ts). */
const instrumentJson = { definition: StoredJson.instrumentDefinition };
const campaignJson = {
  instrument: StoredJson.instrument,
  collective_ids: StoredJson.strings,
  attributes: StoredJson.campaignAttributes,
  frozen: StoredJson.campaignSnapshot,
};
/** A respondent's cut signature (invitations and responses). */
const signatureJson = { collective_ids: StoredJson.strings, attributes: StoredJson.stringRecord };
/** For writing only: reads parse `answers` by the response's state (see answersOf). */
const responseJson = { ...signatureJson, answers: StoredJson.rawAnswers };

export type SurveyInstrumentRow = Decoded<SurveyInstrumentsTable, typeof instrumentJson>;
export type CampaignRow = Decoded<SurveyCampaignsTable, typeof campaignJson>;
export type InvitationRow = Decoded<SurveyInvitationsTable, typeof signatureJson>;
export type RawAnswers = NonNullable<ReturnType<typeof readRaw>>;
export type SubmittedAnswers = NonNullable<ReturnType<typeof readSubmitted>>;
type ResponseBase = Decoded<Omit<SurveyResponsesTable, 'answers' | 'submitted_at'>, typeof signatureJson>;
/** A response: a draft holds raw answers; a submitted one, the answers as validated at submission. */
export type ResponseRow =
  | (ResponseBase & { submitted_at: null; answers: RawAnswers })
  | (ResponseBase & { submitted_at: string; answers: SubmittedAnswers });

const readCut = (text: string) => readStored(StoredJson.cutReport, text);
const readRaw = (text: string) => readStored(StoredJson.rawAnswers, text);
const readSubmitted = (text: string) => readStored(StoredJson.submission, text);

/** Answers by the response's state: validated once submitted, as typed while a draft. */
function answersOf<R extends { answers: string; submitted_at: string | null }>(r: R) {
  return r.submitted_at === null
    ? { ...r, submitted_at: null, answers: readRaw(r.answers) ?? {} }
    : { ...r, submitted_at: r.submitted_at, answers: readSubmitted(r.answers) ?? { numeric: {}, text: {} } };
}

const toCampaign = (r: SurveyCampaignsTable): CampaignRow => decodeRow(r, campaignJson);
const toResponse = (r: SurveyResponsesTable): ResponseRow => answersOf(decodeRow(r, signatureJson));

/**
 * Instruments and campaigns are read through the scope's organisation; invitations and responses
 * through a campaign id the caller obtained from `campaign` (already checked), or through a token
 * (respondent paths, which never see another campaign's rows).
 */
export const surveysRepository = {
  async insertInstrument(db: Db, scope: OrgScope, row: Omit<SurveyInstrumentRow, 'org_id'>): Promise<void> {
    await db
      .insertInto('survey_instruments')
      .values({
        ...encodeRow<Omit<SurveyInstrumentsTable, 'org_id'>>(row, instrumentJson),
        org_id: scope.orgId,
      })
      .execute();
  },

  async instruments(db: Db, scope: OrgScope): Promise<SurveyInstrumentRow[]> {
    const rows = await db
      .selectFrom('survey_instruments')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .orderBy('created_at')
      .execute();
    return decodeRows(rows, instrumentJson);
  },

  async instrument(db: Db, scope: OrgScope, id: string): Promise<SurveyInstrumentRow | undefined> {
    const row = await db
      .selectFrom('survey_instruments')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && decodeRow(row, instrumentJson);
  },

  async insertCampaign(db: Db, scope: OrgScope, row: Omit<CampaignRow, 'org_id'>): Promise<void> {
    await db
      .insertInto('survey_campaigns')
      .values({
        ...encodeRow<Omit<SurveyCampaignsTable, 'org_id'>>(row, campaignJson),
        org_id: scope.orgId,
      })
      .execute();
  },

  async campaign(db: Db, scope: OrgScope, id: string): Promise<CampaignRow | undefined> {
    const row = await db
      .selectFrom('survey_campaigns')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toCampaign(row);
  },

  async campaignsOf(db: Db, scope: OrgScope, engagementId: string): Promise<CampaignRow[]> {
    const rows = await db
      .selectFrom('survey_campaigns')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('engagement_id', '=', engagementId)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toCampaign);
  },

  async updateCampaign(
    db: Db,
    scope: OrgScope,
    id: string,
    patch: Partial<Omit<CampaignRow, 'id' | 'org_id'>>,
  ): Promise<void> {
    await db
      .updateTable('survey_campaigns')
      .set(encodeRow<Partial<SurveyCampaignsTable>>(patch, campaignJson))
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .execute();
  },

  /** Campaign by its shared-link token (respondent path). */
  async campaignBySharedToken(db: Db, token: string): Promise<CampaignRow | undefined> {
    const row = await db
      .selectFrom('survey_campaigns')
      .selectAll()
      .where('shared_token', '=', token)
      .executeTakeFirst();
    return row && toCampaign(row);
  },

  /** Unscoped read by id for respondent paths that hold a participant token of this campaign. */
  async campaignForParticipant(db: Db, campaignId: string): Promise<CampaignRow | undefined> {
    const row = await db
      .selectFrom('survey_campaigns')
      .selectAll()
      .where('id', '=', campaignId)
      .executeTakeFirst();
    return row && toCampaign(row);
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
    await db
      .insertInto('survey_invitations')
      .values(encodeRow<SurveyInvitationsTable>(row, signatureJson))
      .execute();
  },

  async invitations(db: Db, campaignId: string): Promise<InvitationRow[]> {
    const rows = await db
      .selectFrom('survey_invitations')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .orderBy('person_name')
      .execute();
    return decodeRows(rows, signatureJson);
  },

  async invitation(db: Db, campaignId: string, id: string): Promise<InvitationRow | undefined> {
    const row = await db
      .selectFrom('survey_invitations')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && decodeRow(row, signatureJson);
  },

  async invitationOfParticipant(db: Db, participantId: string): Promise<InvitationRow | undefined> {
    const row = await db
      .selectFrom('survey_invitations')
      .selectAll()
      .where('participant_id', '=', participantId)
      .executeTakeFirst();
    return row && decodeRow(row, signatureJson);
  },

  async responseOf(db: Db, participantId: string): Promise<ResponseRow | undefined> {
    const row = await db
      .selectFrom('survey_responses')
      .selectAll()
      .where('participant_id', '=', participantId)
      .executeTakeFirst();
    return row && toResponse(row);
  },

  async insertResponse(db: Db, row: ResponseRow): Promise<void> {
    await db
      .insertInto('survey_responses')
      .values(encodeRow<SurveyResponsesTable>(row, responseJson))
      .execute();
  },

  async updateResponse(
    db: Db,
    participantId: string,
    patch: Partial<Omit<ResponseBase, 'id' | 'participant_id' | 'campaign_id'>> & {
      answers?: RawAnswers | SubmittedAnswers;
      submitted_at?: string | null;
    },
  ): Promise<void> {
    await db
      .updateTable('survey_responses')
      .set(encodeRow<Partial<SurveyResponsesTable>>(patch, responseJson))
      .where('participant_id', '=', participantId)
      .execute();
  },

  /** Submitted responses of a checked campaign: for aggregation only, never returned as such. */
  async submitted(db: Db, campaignId: string) {
    const rows = await db
      .selectFrom('survey_responses')
      .select(['collective_ids', 'attributes', 'answers', 'channel'])
      .where('campaign_id', '=', campaignId)
      .where('submitted_at', 'is not', null)
      .orderBy('id')
      .execute();
    return decodeRows(rows, { ...signatureJson, answers: StoredJson.submission });
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
  async releasedCuts(db: Db, campaignId: string, keys?: readonly string[]) {
    let q = db
      .selectFrom('survey_released_cuts')
      .select(['cut_key', 'body'])
      .where('campaign_id', '=', campaignId);
    if (keys !== undefined) {
      if (keys.length === 0) {
        return [];
      }
      q = q.where('cut_key', 'in', [...keys]);
    }
    return decodeRows(await q.orderBy('position').execute(), { body: StoredJson.cutReport });
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
    cuts: readonly { key: string; body: NonNullable<ReturnType<typeof readCut>> }[],
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
            body: JSON.stringify(c.body),
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
  async submittedSignatures(db: Db, campaignId: string) {
    const rows = await db
      .selectFrom('survey_responses')
      .select(['id', 'collective_ids', 'attributes'])
      .where('campaign_id', '=', campaignId)
      .where('submitted_at', 'is not', null)
      .execute();
    return decodeRows(rows, signatureJson);
  },

  /** Responses (drafts or submitted) of the participants linked to a user account, for GDPR export. */
  async responsesOfUser(db: Db, userId: string) {
    const rows = await db
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
    return rows.map(answersOf);
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
      { id: string; name: string; attributes: Record<string, string>; collectiveIds: string[] }
    >();
    for (const r of rows) {
      const p = byPerson.get(r.id) ?? {
        id: r.id,
        name: r.display_name,
        attributes: readStored(StoredJson.stringRecord, r.attributes) ?? {},
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
