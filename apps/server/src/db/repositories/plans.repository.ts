import type { PlanDocument, SpecSection } from '@essaim/core/plans';
import type { OrgScope } from '../org-scope.ts';
import { type Decoded, decodeRow, decodeRows, encodeRow, StoredJson } from '../stored-json.ts';
import type { PlanSpecificationsTable, PlansTable } from '../tables/plans.ts';
import type { Db } from './users.repository.ts';

const planJson = { document: StoredJson.planDocument };
const specJson = { sections: StoredJson.specSections };

/** A plan row with its document parsed. */
export type PlanRow = Decoded<PlansTable, typeof planJson>;
/** A specification version with its sections parsed. */
export type SpecRow = Decoded<PlanSpecificationsTable, typeof specJson>;

/**
 * The plan document and specification versions of an engagement, always read inside the organisation,
 * and what the plan reads from the engagement's other records (questions, collectives, decisions,
 * options and methods chosen, stakeholders, workshops). JSON columns are parsed here, once.
 */
export const plansRepository = {
  async plan(db: Db, scope: OrgScope, engagementId: string): Promise<PlanRow | undefined> {
    const row = await db
      .selectFrom('plans')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('engagement_id', '=', engagementId)
      .executeTakeFirst();
    return row ? decodeRow(row, planJson) : undefined;
  },

  async insertPlan(db: Db, row: PlanRow): Promise<void> {
    await db.insertInto('plans').values(encodeRow<PlansTable>(row, planJson)).execute();
  },

  /** Writes only when the stored version is still `expected`; returns whether it did. */
  async updatePlan(
    db: Db,
    scope: OrgScope,
    engagementId: string,
    expected: number,
    patch: Pick<PlanRow, 'version' | 'document' | 'updated_by' | 'updated_at'>,
  ): Promise<boolean> {
    const r = await db
      .updateTable('plans')
      .set(encodeRow<Partial<PlansTable>>(patch, planJson))
      .where('org_id', '=', scope.orgId)
      .where('engagement_id', '=', engagementId)
      .where('version', '=', expected)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** The plan of an engagement regardless of organisation: for the trace-kind resolvers (engagement-scoped). */
  async documentOf(db: Db, engagementId: string): Promise<PlanDocument | null> {
    const row = await db
      .selectFrom('plans')
      .select('document')
      .where('engagement_id', '=', engagementId)
      .executeTakeFirst();
    return row ? decodeRow(row, planJson).document : null;
  },

  async specVersions(
    db: Db,
    scope: OrgScope,
    engagementId: string,
  ): Promise<(Omit<PlanSpecificationsTable, 'sections' | 'lang'> & { by: string | null })[]> {
    return db
      .selectFrom('plan_specifications')
      .leftJoin('users', 'users.id', 'plan_specifications.created_by')
      .select([
        'plan_specifications.id',
        'plan_specifications.org_id',
        'plan_specifications.engagement_id',
        'plan_specifications.version',
        'plan_specifications.created_by',
        'plan_specifications.created_at',
        'users.display_name as by',
      ])
      .where('plan_specifications.org_id', '=', scope.orgId)
      .where('plan_specifications.engagement_id', '=', engagementId)
      .orderBy('plan_specifications.version', 'desc')
      .execute();
  },

  async latestSpec(db: Db, scope: OrgScope, engagementId: string): Promise<SpecRow | undefined> {
    const row = await db
      .selectFrom('plan_specifications')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('engagement_id', '=', engagementId)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? decodeRow(row, specJson) : undefined;
  },

  async insertSpec(db: Db, row: Omit<SpecRow, 'sections'> & { sections: SpecSection[] }): Promise<void> {
    await db
      .insertInto('plan_specifications')
      .values(encodeRow<PlanSpecificationsTable>(row, specJson))
      .execute();
  },

  /** Essential questions of the engagement, with their Cynefin placement parsed. */
  async questionsOf(db: Db, engagementId: string) {
    const rows = await db
      .selectFrom('questions')
      .select(['id', 'text', 'complexity'])
      .where('engagement_id', '=', engagementId)
      .orderBy('position')
      .execute();
    return decodeRows(rows, { complexity: StoredJson.complexity });
  },

  async collectivesOf(db: Db, scope: OrgScope) {
    return db
      .selectFrom('collectives')
      .select(['id', 'name'])
      .where('org_id', '=', scope.orgId)
      .orderBy('name')
      .execute();
  },

  async decisionsOf(db: Db, scope: OrgScope, engagementId: string) {
    return db
      .selectFrom('decision_records')
      .select(['id', 'title', 'source', 'rule', 'status', 'statement', 'decided_at'])
      .where('org_id', '=', scope.orgId)
      .where('engagement_id', '=', engagementId)
      .orderBy('created_at')
      .execute();
  },

  /** When each passed decision of the engagement was taken, oldest first (the `decisions` indicator). */
  async passedDecisionDates(db: Db, scope: OrgScope, engagementId: string): Promise<(string | null)[]> {
    const rows = await db
      .selectFrom('decision_records')
      .select(['decided_at'])
      .where('org_id', '=', scope.orgId)
      .where('engagement_id', '=', engagementId)
      .where('status', '=', 'passed')
      .orderBy('decided_at')
      .execute();
    return rows.map((r) => r.decided_at);
  },

  /** When each workshop of the engagement was created, oldest first (the `workshops` indicator). */
  async workshopDates(db: Db, scope: OrgScope, engagementId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('workshops')
      .select(['created_at'])
      .where('org_id', '=', scope.orgId)
      .where('engagement_id', '=', engagementId)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => r.created_at);
  },

  /** Options chosen on the engagement's boards, in the order they were chosen. */
  async optionChoicesOf(db: Db, engagementId: string) {
    return db
      .selectFrom('option_choices')
      .innerJoin('options_boards', 'options_boards.id', 'option_choices.board_id')
      .select([
        'options_boards.id as boardId',
        'options_boards.title as boardTitle',
        'option_choices.option_title',
        'option_choices.decided_by',
        'option_choices.reason',
        'option_choices.at',
      ])
      .where('options_boards.engagement_id', '=', engagementId)
      .orderBy('option_choices.at')
      .execute();
  },

  /** Methods chosen for the engagement, their localized name parsed. */
  async methodChoicesOf(db: Db, engagementId: string) {
    const rows = await db
      .selectFrom('method_choices')
      .select(['id', 'method_name', 'decided_by', 'reason'])
      .where('engagement_id', '=', engagementId)
      .orderBy('at')
      .execute();
    return decodeRows(rows, { method_name: StoredJson.localized });
  },

  async stakeholdersOf(db: Db, engagementId: string) {
    return db
      .selectFrom('stakeholders')
      .select(['kind', 'name'])
      .where('engagement_id', '=', engagementId)
      .orderBy('created_at')
      .execute();
  },
};
