import { sql } from 'kysely';
import type { Db } from '../db.ts';
import type { OrgScope } from '../org-scope.ts';
import { type Decoded, decodeRow, decodeRows, encodeRow, StoredJson } from '../stored-json.ts';
import type {
  EngagementsTable,
  QuestionsTable,
  StakeholdersTable,
  TimelineTable,
  TraceLinksTable,
} from '../tables.ts';

/** The JSON columns and their schemas: rows leave this file parsed (see stored-json.ts). */
const engagementJson = { phases: StoredJson.phases };
const questionJson = { complexity: StoredJson.complexity };

export type EngagementRow = Decoded<EngagementsTable, typeof engagementJson>;
export type QuestionRow = Decoded<QuestionsTable, typeof questionJson>;

/**
 * Engagements and their children. Engagements are read through the scope's organisation; children
 * through an engagement id that the caller obtained from `get` (so already checked against the scope).
 */
/** Tables whose rows belong to an engagement (`engagement_id`) and are named by a text column. */
export type EngagementOwnedTable =
  | 'questions'
  | 'options_boards'
  | 'workshops'
  | 'survey_campaigns'
  | 'conversations'
  | 'networks';

export const engagementsRepository = {
  async insert(db: Db, scope: OrgScope, row: Omit<EngagementRow, 'org_id'>): Promise<void> {
    await db
      .insertInto('engagements')
      .values({ ...encodeRow<Omit<EngagementsTable, 'org_id'>>(row, engagementJson), org_id: scope.orgId })
      .execute();
  },

  async get(db: Db, scope: OrgScope, id: string): Promise<EngagementRow | undefined> {
    const row = await db
      .selectFrom('engagements')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && decodeRow(row, engagementJson);
  },

  async list(db: Db, scope: OrgScope): Promise<EngagementRow[]> {
    const rows = await db
      .selectFrom('engagements')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .orderBy('updated_at', 'desc')
      .execute();
    return decodeRows(rows, engagementJson);
  },

  async update(
    db: Db,
    scope: OrgScope,
    id: string,
    patch: Partial<Omit<EngagementRow, 'id' | 'org_id'>>,
  ): Promise<void> {
    await db
      .updateTable('engagements')
      .set(encodeRow<Partial<EngagementsTable>>(patch, engagementJson))
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

  async questions(db: Db, engagementId: string): Promise<QuestionRow[]> {
    const rows = await db
      .selectFrom('questions')
      .selectAll()
      .where('engagement_id', '=', engagementId)
      .orderBy('position')
      .execute();
    return decodeRows(rows, questionJson);
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
    await db.insertInto('questions').values(encodeRow<QuestionsTable>(row, questionJson)).execute();
  },

  async findQuestion(db: Db, engagementId: string, id: string): Promise<QuestionRow | undefined> {
    const row = await db
      .selectFrom('questions')
      .selectAll()
      .where('engagement_id', '=', engagementId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && decodeRow(row, questionJson);
  },

  async updateQuestion(
    db: Db,
    engagementId: string,
    id: string,
    patch: Partial<Omit<QuestionRow, 'id' | 'engagement_id'>>,
  ): Promise<void> {
    await db
      .updateTable('questions')
      .set(encodeRow<Partial<QuestionsTable>>(patch, questionJson))
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

  async timeline(db: Db, engagementId: string) {
    const rows = await db
      .selectFrom('timeline')
      .leftJoin('users', 'users.id', 'timeline.actor_user_id')
      .selectAll('timeline')
      .select(['users.display_name as actor_name'])
      .where('timeline.engagement_id', '=', engagementId)
      .orderBy('timeline.seq', 'desc')
      .limit(500)
      .execute();
    return decodeRows(rows, { data: StoredJson.anyRecord });
  },

  /** A trace-link end's label: the row `id` of `table` in this engagement, named by `column`. */
  async labelInEngagement(
    db: Db,
    table: EngagementOwnedTable,
    column: 'title' | 'text',
    engagementId: string,
    id: string,
  ): Promise<string | null> {
    const row = await db
      .selectFrom(table)
      .select(sql<string>`${sql.ref(column)}`.as('label'))
      .where('engagement_id', '=', engagementId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.label ?? null;
  },

  /** An option's title, when its board belongs to this engagement. */
  async optionTitleInEngagement(db: Db, engagementId: string, id: string): Promise<string | null> {
    const row = await db
      .selectFrom('options')
      .innerJoin('options_boards', 'options_boards.id', 'options.board_id')
      .select('options.title')
      .where('options_boards.engagement_id', '=', engagementId)
      .where('options.id', '=', id)
      .executeTakeFirst();
    return row?.title ?? null;
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
