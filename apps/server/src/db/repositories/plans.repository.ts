import type { OrgScope } from '../org-scope.ts';
import type { PlanSpecificationsTable, PlansTable } from '../tables/plans.ts';
import type { Db } from './users.repository.ts';

export type PlanRow = PlansTable;
export type SpecRow = PlanSpecificationsTable;

/** The plan document and specification versions of an engagement, always read inside the organisation. */
export const plansRepository = {
  async plan(db: Db, scope: OrgScope, engagementId: string): Promise<PlanRow | undefined> {
    return db
      .selectFrom('plans')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('engagement_id', '=', engagementId)
      .executeTakeFirst();
  },

  async insertPlan(db: Db, row: PlanRow): Promise<void> {
    await db.insertInto('plans').values(row).execute();
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
      .set(patch)
      .where('org_id', '=', scope.orgId)
      .where('engagement_id', '=', engagementId)
      .where('version', '=', expected)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Every plan of an engagement regardless of organisation: for the trace-kind resolvers (engagement-scoped). */
  async documentOf(db: Db, engagementId: string): Promise<string | null> {
    const row = await db
      .selectFrom('plans')
      .select('document')
      .where('engagement_id', '=', engagementId)
      .executeTakeFirst();
    return row?.document ?? null;
  },

  async specVersions(
    db: Db,
    scope: OrgScope,
    engagementId: string,
  ): Promise<(Omit<SpecRow, 'sections' | 'lang'> & { by: string | null })[]> {
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
    return db
      .selectFrom('plan_specifications')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('engagement_id', '=', engagementId)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  async insertSpec(db: Db, row: SpecRow): Promise<void> {
    await db.insertInto('plan_specifications').values(row).execute();
  },
};
