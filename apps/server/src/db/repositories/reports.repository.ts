import type { OrgScope } from '../org-scope.ts';
import type { ReportJobsTable } from '../tables/reports.ts';
import type { Db } from './users.repository.ts';

export type ReportJobRow = ReportJobsTable;
export type ReportJobSummaryRow = Omit<ReportJobRow, 'file'>;

const SUMMARY = [
  'id',
  'org_id',
  'engagement_id',
  'kind',
  'lang',
  'params',
  'status',
  'stage',
  'progress',
  'error',
  'size_bytes',
  'render_ms',
  'created_by',
  'created_at',
  'finished_at',
] as const;

/** Report jobs; a reader only ever sees the jobs they asked for (the file depends on their rights). */
export const reportsRepository = {
  async insert(db: Db, row: ReportJobRow): Promise<void> {
    await db.insertInto('report_jobs').values(row).execute();
  },

  async update(db: Db, id: string, patch: Partial<ReportJobRow>): Promise<void> {
    await db.updateTable('report_jobs').set(patch).where('id', '=', id).execute();
  },

  async mine(db: Db, scope: OrgScope, engagementId: string): Promise<ReportJobSummaryRow[]> {
    return db
      .selectFrom('report_jobs')
      .select(SUMMARY)
      .where('org_id', '=', scope.orgId)
      .where('engagement_id', '=', engagementId)
      .where('created_by', '=', scope.userId)
      .orderBy('created_at', 'desc')
      .limit(50)
      .execute();
  },

  async findMine(db: Db, scope: OrgScope, id: string): Promise<ReportJobSummaryRow | undefined> {
    return db
      .selectFrom('report_jobs')
      .select(SUMMARY)
      .where('org_id', '=', scope.orgId)
      .where('created_by', '=', scope.userId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async fileOfMine(db: Db, scope: OrgScope, id: string) {
    return db
      .selectFrom('report_jobs')
      .select(['file', 'status', 'kind', 'lang', 'engagement_id'])
      .where('org_id', '=', scope.orgId)
      .where('created_by', '=', scope.userId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** Jobs a stopped process left unfinished. */
  async failUnfinished(db: Db, at: string): Promise<void> {
    await db
      .updateTable('report_jobs')
      .set({ status: 'failed', stage: 'interrupted', error: 'interrupted by a restart', finished_at: at })
      .where('status', 'in', ['queued', 'running'])
      .execute();
  },
};
