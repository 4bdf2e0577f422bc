import type { OrgScope } from '../org-scope.ts';
import { decodeRow, decodeRows, StoredJson } from '../stored-json.ts';
import { PollinationJson } from '../stored-json-pollination.ts';
import type { WorkshopFeedbackTable } from '../tables/evaluation.ts';
import type { Db } from './users.repository.ts';

/** Workshop feedback: written by a participant (through their workshop cookie), read only in aggregate. */
export const evaluationRepository = {
  async upsertFeedback(db: Db, row: WorkshopFeedbackTable): Promise<void> {
    await db
      .insertInto('workshop_feedback')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['workshop_id', 'participant_id']).doUpdateSet({
          usefulness: row.usefulness,
          comment: row.comment,
          updated_at: row.updated_at,
        }),
      )
      .execute();
  },

  /** Answers of an engagement's workshops (no participant id leaves this query). */
  async feedbackOfEngagement(db: Db, scope: OrgScope, engagementId: string) {
    return db
      .selectFrom('workshop_feedback as f')
      .innerJoin('workshops as w', 'w.id', 'f.workshop_id')
      .select(['f.usefulness', 'f.comment', 'f.workshop_id'])
      .where('f.org_id', '=', scope.orgId)
      .where('w.engagement_id', '=', engagementId)
      .execute();
  },

  /** Answers about one workshop (no participant id leaves this query). */
  async feedbackOfWorkshop(db: Db, scope: OrgScope, workshopId: string) {
    return db
      .selectFrom('workshop_feedback')
      .select(['usefulness', 'comment'])
      .where('org_id', '=', scope.orgId)
      .where('workshop_id', '=', workshopId)
      .execute();
  },

  /** The participant's own answer, so the form can show what they said. */
  async feedbackOf(db: Db, workshopId: string, participantId: string) {
    return db
      .selectFrom('workshop_feedback')
      .select(['usefulness', 'comment', 'updated_at'])
      .where('workshop_id', '=', workshopId)
      .where('participant_id', '=', participantId)
      .executeTakeFirst();
  },

  /** Feedback given through participations linked to an account (personal-data export). */
  async feedbackOfUser(db: Db, userId: string) {
    return db
      .selectFrom('workshop_feedback as f')
      .innerJoin('participants as p', (j) =>
        j.onRef('p.id', '=', 'f.participant_id').on('p.scope_kind', '=', 'workshop'),
      )
      .innerJoin('workshops as w', 'w.id', 'f.workshop_id')
      .select(['w.title as workshop', 'f.usefulness', 'f.comment', 'f.created_at', 'f.updated_at'])
      .where('p.linked_user_id', '=', userId)
      .execute();
  },

  /**
   * Erasure of an account's feedback in one organisation: `delete` removes the answers; `anonymise`
   * keeps the 1–5 score (it only counts in aggregates) and removes the open answer, which may identify.
   */
  async eraseFeedbackOfUser(db: Db, userId: string, orgId: string, policy: 'anonymise' | 'delete') {
    const participantIds = db
      .selectFrom('participants')
      .select('id')
      .where('scope_kind', '=', 'workshop')
      .where('org_id', '=', orgId)
      .where('linked_user_id', '=', userId);
    if (policy === 'delete') {
      await db
        .deleteFrom('workshop_feedback')
        .where('org_id', '=', orgId)
        .where('participant_id', 'in', participantIds)
        .execute();
    } else {
      await db
        .updateTable('workshop_feedback')
        .set({ comment: null })
        .where('org_id', '=', orgId)
        .where('participant_id', 'in', participantIds)
        .execute();
    }
  },

  /** The engagement's adopted charters with the number and date of the adopted version. */
  async adoptedChartersOf(db: Db, scope: OrgScope, engagementId: string) {
    return db
      .selectFrom('charters as c')
      .innerJoin('charter_versions as v', 'v.id', 'c.adopted_version_id')
      .select(['c.id', 'c.title', 'c.status', 'c.adopted_hash', 'v.number', 'v.created_at as adopted_at'])
      .where('c.org_id', '=', scope.orgId)
      .where('c.engagement_id', '=', engagementId)
      .orderBy('v.created_at')
      .execute();
  },

  /** Commitment records of these charters: person ids stay in the server, only counts leave it. */
  async commitmentsOf(db: Db, charterIds: readonly string[]) {
    if (charterIds.length === 0) {
      return [];
    }
    return db
      .selectFrom('charter_commitments')
      .select(['charter_id', 'person_id', 'state', 'version_hash', 'at'])
      .where('charter_id', 'in', charterIds)
      .execute();
  },

  /** The engagement's plan document (parsed), or null before a plan is started. */
  async planDocumentOf(db: Db, scope: OrgScope, engagementId: string) {
    const row = await db
      .selectFrom('plans')
      .select('document')
      .where('org_id', '=', scope.orgId)
      .where('engagement_id', '=', engagementId)
      .executeTakeFirst();
    return row ? decodeRow(row, { document: StoredJson.planDocument }).document : null;
  },

  /** The engagement's diffusion plans (target collectives parsed) with their adoption reports. */
  async diffusionOf(db: Db, scope: OrgScope, engagementId: string) {
    const plans = decodeRows(
      await db
        .selectFrom('diffusion_plans')
        .select(['id', 'title', 'practice', 'collective_ids'])
        .where('org_id', '=', scope.orgId)
        .where('engagement_id', '=', engagementId)
        .orderBy('created_at')
        .execute(),
      { collective_ids: PollinationJson.strings },
    );
    const reports =
      plans.length === 0
        ? []
        : await db
            .selectFrom('adoption_reports')
            .select(['plan_id', 'collective_id', 'stage', 'date'])
            .where(
              'plan_id',
              'in',
              plans.map((p) => p.id),
            )
            .execute();
    return plans.map((p) => ({ ...p, reports: reports.filter((r) => r.plan_id === p.id) }));
  },
};
