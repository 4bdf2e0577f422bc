import type { Db } from '../db.ts';
import type { OrgScope } from '../org-scope.ts';
import type {
  EngagementsTable,
  QuestionsTable,
  StakeholdersTable,
  TimelineTable,
  TraceLinksTable,
} from '../tables.ts';

export type EngagementRow = EngagementsTable;
export type QuestionRow = QuestionsTable;

/**
 * Engagements and their children. Engagements are read through the scope's organisation; children
 * through an engagement id that the caller obtained from `get` (so already checked against the scope).
 */
export const engagementsRepository = {
  async insert(db: Db, scope: OrgScope, row: Omit<EngagementRow, 'org_id'>): Promise<void> {
    await db
      .insertInto('engagements')
      .values({ ...row, org_id: scope.orgId })
      .execute();
  },

  get(db: Db, scope: OrgScope, id: string): Promise<EngagementRow | undefined> {
    return db
      .selectFrom('engagements')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  list(db: Db, scope: OrgScope): Promise<EngagementRow[]> {
    return db
      .selectFrom('engagements')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .orderBy('updated_at', 'desc')
      .execute();
  },

  async update(
    db: Db,
    scope: OrgScope,
    id: string,
    patch: Partial<Omit<EngagementRow, 'id' | 'org_id'>>,
  ): Promise<void> {
    await db
      .updateTable('engagements')
      .set(patch)
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .execute();
  },

  /** Unscoped status read used by input guards that start from a child object (survey, workshop). */
  statusOf(db: Db, engagementId: string) {
    return db
      .selectFrom('engagements')
      .select(['id', 'org_id', 'status', 'status_reason', 'status_at'])
      .where('id', '=', engagementId)
      .executeTakeFirst();
  },

  questions(db: Db, engagementId: string): Promise<QuestionRow[]> {
    return db
      .selectFrom('questions')
      .selectAll()
      .where('engagement_id', '=', engagementId)
      .orderBy('position')
      .execute();
  },

  openQuestionCounts(db: Db, engagementIds: string[]) {
    if (engagementIds.length === 0) {
      return Promise.resolve([]);
    }
    return db
      .selectFrom('questions')
      .select(['engagement_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('engagement_id', 'in', engagementIds)
      .where('status', '!=', 'answered')
      .groupBy('engagement_id')
      .execute();
  },

  async insertQuestion(db: Db, row: QuestionRow): Promise<void> {
    await db.insertInto('questions').values(row).execute();
  },

  findQuestion(db: Db, engagementId: string, id: string): Promise<QuestionRow | undefined> {
    return db
      .selectFrom('questions')
      .selectAll()
      .where('engagement_id', '=', engagementId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async updateQuestion(
    db: Db,
    engagementId: string,
    id: string,
    patch: Partial<Omit<QuestionRow, 'id' | 'engagement_id'>>,
  ): Promise<void> {
    await db
      .updateTable('questions')
      .set(patch)
      .where('engagement_id', '=', engagementId)
      .where('id', '=', id)
      .execute();
  },

  async deleteQuestion(db: Db, engagementId: string, id: string): Promise<void> {
    await db.deleteFrom('questions').where('engagement_id', '=', engagementId).where('id', '=', id).execute();
  },

  stakeholders(db: Db, engagementId: string): Promise<StakeholdersTable[]> {
    return db
      .selectFrom('stakeholders')
      .selectAll()
      .where('engagement_id', '=', engagementId)
      .orderBy('created_at')
      .execute();
  },

  async insertStakeholder(db: Db, row: StakeholdersTable): Promise<void> {
    await db.insertInto('stakeholders').values(row).execute();
  },

  async deleteStakeholder(db: Db, engagementId: string, id: string): Promise<number> {
    const r = await db
      .deleteFrom('stakeholders')
      .where('engagement_id', '=', engagementId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  async appendTimeline(db: Db, row: TimelineTable): Promise<void> {
    await db.insertInto('timeline').values(row).execute();
  },

  timeline(db: Db, engagementId: string) {
    return db
      .selectFrom('timeline')
      .leftJoin('users', 'users.id', 'timeline.actor_user_id')
      .selectAll('timeline')
      .select(['users.display_name as actor_name'])
      .where('timeline.engagement_id', '=', engagementId)
      .orderBy('timeline.seq', 'desc')
      .limit(500)
      .execute();
  },

  links(db: Db, engagementId: string): Promise<TraceLinksTable[]> {
    return db
      .selectFrom('trace_links')
      .selectAll()
      .where('engagement_id', '=', engagementId)
      .orderBy('created_at')
      .execute();
  },

  async insertLink(db: Db, row: TraceLinksTable): Promise<void> {
    await db.insertInto('trace_links').values(row).execute();
  },

  async deleteLink(db: Db, engagementId: string, id: string): Promise<number> {
    const r = await db
      .deleteFrom('trace_links')
      .where('engagement_id', '=', engagementId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },
};
