import type { OrgScope } from '../org-scope.ts';
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
};
