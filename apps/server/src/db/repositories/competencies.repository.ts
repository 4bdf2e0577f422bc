import { type Decoded, decodeRow, decodeRows, encodeRow } from '../stored-json.ts';
import { CompetenciesJson } from '../stored-json-competencies.ts';
import type {
  CompetencyAssessmentsTable,
  CompetencyFeedbackAnswersTable,
  CompetencyFeedbackInvitationsTable,
  CompetencyFeedbackRoundsTable,
  CompetencyGoalsTable,
  CompetencySupervisionsTable,
} from '../tables/competencies.ts';
import type { Db } from './users.repository.ts';

/** The JSON columns and their schemas: rows leave this file parsed (see stored-json.ts). */
const assessmentJson = { ratings: CompetenciesJson.ratings };
const goalJson = { practice_method_ids: CompetenciesJson.strings };
const roundJson = { competency_ids: CompetenciesJson.strings };
const answerJson = { ratings: CompetenciesJson.feedbackRatings };

export type AssessmentRow = Decoded<CompetencyAssessmentsTable, typeof assessmentJson>;
export type GoalRow = Decoded<CompetencyGoalsTable, typeof goalJson>;
export type RoundRow = Decoded<CompetencyFeedbackRoundsTable, typeof roundJson>;

/**
 * Queries of the competencies feature. Every personal resource is read through its owner's user id:
 * another user's id simply finds nothing (a 404), which is how the privacy of a self-assessment holds.
 */
export const competenciesRepository = {
  async listAssessments(db: Db, userId: string) {
    const rows = await db
      .selectFrom('competency_assessments')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    return decodeRows(rows, assessmentJson);
  },

  async findAssessment(db: Db, userId: string, id: string) {
    const row = await db
      .selectFrom('competency_assessments')
      .selectAll()
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && decodeRow(row, assessmentJson);
  },

  async insertAssessment(db: Db, row: AssessmentRow): Promise<void> {
    await db
      .insertInto('competency_assessments')
      .values(encodeRow<CompetencyAssessmentsTable>(row, assessmentJson))
      .execute();
  },

  async updateAssessment(db: Db, userId: string, id: string, patch: Partial<AssessmentRow>) {
    await db
      .updateTable('competency_assessments')
      .set(encodeRow<Partial<CompetencyAssessmentsTable>>(patch, assessmentJson))
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .execute();
  },

  async deleteAssessment(db: Db, userId: string, id: string): Promise<void> {
    await db
      .deleteFrom('competency_assessments')
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .execute();
  },

  shares(db: Db, assessmentIds: readonly string[]) {
    if (assessmentIds.length === 0) {
      return Promise.resolve([]);
    }
    return db
      .selectFrom('competency_shares')
      .innerJoin('organisations', 'organisations.id', 'competency_shares.org_id')
      .select([
        'competency_shares.assessment_id',
        'competency_shares.org_id',
        'organisations.name as org_name',
        'competency_shares.shared_at',
      ])
      .where('assessment_id', 'in', assessmentIds)
      .orderBy('shared_at')
      .execute();
  },

  async share(db: Db, row: { assessment_id: string; org_id: string; user_id: string; shared_at: string }) {
    const existing = await db
      .selectFrom('competency_shares')
      .select('org_id')
      .where('assessment_id', '=', row.assessment_id)
      .where('org_id', '=', row.org_id)
      .executeTakeFirst();
    if (!existing) {
      await db.insertInto('competency_shares').values(row).execute();
    }
  },

  async unshare(db: Db, userId: string, assessmentId: string, orgId: string): Promise<number> {
    const r = await db
      .deleteFrom('competency_shares')
      .where('user_id', '=', userId)
      .where('assessment_id', '=', assessmentId)
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  /** Shared assessments of an organisation's current members, newest first. */
  async sharedWithOrg(db: Db, orgId: string) {
    const rows = await db
      .selectFrom('competency_shares')
      .innerJoin('competency_assessments', 'competency_assessments.id', 'competency_shares.assessment_id')
      .innerJoin('users', 'users.id', 'competency_shares.user_id')
      .innerJoin('memberships', (j) =>
        j
          .onRef('memberships.user_id', '=', 'competency_shares.user_id')
          .onRef('memberships.org_id', '=', 'competency_shares.org_id'),
      )
      .select([
        'competency_shares.user_id',
        'users.display_name',
        'competency_assessments.ratings',
        'competency_assessments.created_at',
      ])
      .where('competency_shares.org_id', '=', orgId)
      .orderBy('competency_assessments.created_at', 'desc')
      .execute();
    return decodeRows(rows, assessmentJson);
  },

  async getSettings(db: Db, userId: string) {
    return db.selectFrom('competency_settings').selectAll().where('user_id', '=', userId).executeTakeFirst();
  },

  async putSettings(db: Db, userId: string, useLevel: boolean, now: string): Promise<void> {
    const existing = await this.getSettings(db, userId);
    if (existing) {
      await db
        .updateTable('competency_settings')
        .set({ use_level_in_recommender: useLevel ? 1 : 0, updated_at: now })
        .where('user_id', '=', userId)
        .execute();
    } else {
      await db
        .insertInto('competency_settings')
        .values({ user_id: userId, use_level_in_recommender: useLevel ? 1 : 0, updated_at: now })
        .execute();
    }
  },

  async listGoals(db: Db, userId: string) {
    const rows = await db
      .selectFrom('competency_goals')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return decodeRows(rows, goalJson);
  },

  async findGoal(db: Db, userId: string, id: string) {
    const row = await db
      .selectFrom('competency_goals')
      .selectAll()
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && decodeRow(row, goalJson);
  },

  async insertGoal(db: Db, row: GoalRow): Promise<void> {
    await db.insertInto('competency_goals').values(encodeRow<CompetencyGoalsTable>(row, goalJson)).execute();
  },

  async updateGoal(db: Db, userId: string, id: string, patch: Partial<GoalRow>): Promise<void> {
    await db
      .updateTable('competency_goals')
      .set(encodeRow<Partial<CompetencyGoalsTable>>(patch, goalJson))
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .execute();
  },

  async deleteGoal(db: Db, userId: string, id: string): Promise<void> {
    await db.deleteFrom('competency_goals').where('user_id', '=', userId).where('id', '=', id).execute();
  },

  async listRounds(db: Db, userId: string) {
    const rows = await db
      .selectFrom('competency_feedback_rounds')
      .select((eb) => [
        'competency_feedback_rounds.id',
        'competency_feedback_rounds.user_id',
        'competency_feedback_rounds.title',
        'competency_feedback_rounds.message',
        'competency_feedback_rounds.competency_ids',
        'competency_feedback_rounds.status',
        'competency_feedback_rounds.created_at',
        'competency_feedback_rounds.closed_at',
        eb
          .selectFrom('competency_feedback_invitations')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('competency_feedback_invitations.round_id', '=', 'competency_feedback_rounds.id')
          .as('invited'),
        eb
          .selectFrom('competency_feedback_answers')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('competency_feedback_answers.round_id', '=', 'competency_feedback_rounds.id')
          .as('answered'),
      ])
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    return decodeRows(rows, roundJson);
  },

  async findRound(db: Db, userId: string, id: string) {
    const row = await db
      .selectFrom('competency_feedback_rounds')
      .selectAll()
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && decodeRow(row, roundJson);
  },

  async answers(db: Db, roundIds: readonly string[]) {
    if (roundIds.length === 0) {
      return [];
    }
    const rows = await db
      .selectFrom('competency_feedback_answers')
      .select(['round_id', 'relation', 'ratings', 'comment'])
      .where('round_id', 'in', roundIds)
      .execute();
    return decodeRows(rows, answerJson);
  },

  async invitationByToken(db: Db, tokenHash: string) {
    const row = await db
      .selectFrom('competency_feedback_invitations')
      .innerJoin(
        'competency_feedback_rounds',
        'competency_feedback_rounds.id',
        'competency_feedback_invitations.round_id',
      )
      .innerJoin('users', 'users.id', 'competency_feedback_rounds.user_id')
      .select([
        'competency_feedback_invitations.id',
        'competency_feedback_invitations.round_id',
        'competency_feedback_invitations.relation',
        'competency_feedback_invitations.is_answered',
        'competency_feedback_rounds.title',
        'competency_feedback_rounds.message',
        'competency_feedback_rounds.competency_ids',
        'competency_feedback_rounds.status',
        'users.display_name',
      ])
      .where('competency_feedback_invitations.token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row && decodeRow(row, roundJson);
  },

  supervisionByToken(db: Db, tokenHash: string) {
    return db
      .selectFrom('competency_supervisions')
      .innerJoin('users', 'users.id', 'competency_supervisions.user_id')
      .selectAll('competency_supervisions')
      .select('users.display_name')
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
  },

  supervisions(db: Db, assessmentId: string) {
    return db
      .selectFrom('competency_supervisions')
      .selectAll()
      .where('assessment_id', '=', assessmentId)
      .orderBy('created_at')
      .execute();
  },

  async insertRound(db: Db, row: RoundRow): Promise<void> {
    await db
      .insertInto('competency_feedback_rounds')
      .values(encodeRow<CompetencyFeedbackRoundsTable>(row, roundJson))
      .execute();
  },

  async closeRound(db: Db, userId: string, id: string, at: string): Promise<void> {
    await db
      .updateTable('competency_feedback_rounds')
      .set({ status: 'closed', closed_at: at })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .execute();
  },

  async insertInvitation(db: Db, row: CompetencyFeedbackInvitationsTable): Promise<void> {
    await db.insertInto('competency_feedback_invitations').values(row).execute();
  },

  /** Claim an invitation for its one answer: false when it was already answered (a concurrent submission). */
  async claimInvitation(db: Db, id: string): Promise<boolean> {
    const r = await db
      .updateTable('competency_feedback_invitations')
      .set({ is_answered: 1 })
      .where('id', '=', id)
      .where('is_answered', '=', 0)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  async insertAnswer(db: Db, row: Decoded<CompetencyFeedbackAnswersTable, typeof answerJson>): Promise<void> {
    await db
      .insertInto('competency_feedback_answers')
      .values(encodeRow<CompetencyFeedbackAnswersTable>(row, answerJson))
      .execute();
  },

  async insertSupervision(db: Db, row: CompetencySupervisionsTable): Promise<void> {
    await db.insertInto('competency_supervisions').values(row).execute();
  },

  async reviewSupervision(db: Db, id: string, review: string, at: string): Promise<void> {
    await db
      .updateTable('competency_supervisions')
      .set({ review, reviewed_at: at })
      .where('id', '=', id)
      .execute();
  },

  /** Everything personal to the author (GDPR erasure): removed whatever the organisation's policy. */
  async eraseUser(db: Db, userId: string): Promise<void> {
    await db.deleteFrom('competency_assessments').where('user_id', '=', userId).execute();
    await db.deleteFrom('competency_goals').where('user_id', '=', userId).execute();
    await db.deleteFrom('competency_feedback_rounds').where('user_id', '=', userId).execute();
    await db.deleteFrom('competency_settings').where('user_id', '=', userId).execute();
  },
};
