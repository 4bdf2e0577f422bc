import type { Db } from '../db.ts';
import type { OrgScope } from '../org-scope.ts';
import type { CustomMethodsTable, MethodChoicesTable, MethodNotesTable } from '../tables/methods.ts';

export type CustomMethodRow = CustomMethodsTable;
export type MethodNoteRow = MethodNotesTable & { author_name?: string | null };
export type MethodChoiceRow = MethodChoicesTable & { recorder_name?: string | null };

/**
 * An organisation's own methods and its private notes: every query filtered by the scope's organisation.
 * Method choices hang on an engagement id the caller already checked against the scope.
 */
export const methodsRepository = {
  listCustom(db: Db, scope: OrgScope): Promise<CustomMethodRow[]> {
    return db
      .selectFrom('custom_methods')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .orderBy('created_at')
      .execute();
  },

  getCustom(db: Db, scope: OrgScope, id: string): Promise<CustomMethodRow | undefined> {
    return db
      .selectFrom('custom_methods')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async insertCustom(db: Db, scope: OrgScope, row: Omit<CustomMethodRow, 'org_id'>): Promise<void> {
    await db
      .insertInto('custom_methods')
      .values({ ...row, org_id: scope.orgId })
      .execute();
  },

  async updateCustom(db: Db, scope: OrgScope, id: string, data: string, at: string): Promise<void> {
    await db
      .updateTable('custom_methods')
      .set({ data, updated_at: at })
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .execute();
  },

  async deleteCustom(db: Db, scope: OrgScope, id: string): Promise<number> {
    await db
      .deleteFrom('method_notes')
      .where('org_id', '=', scope.orgId)
      .where('method_id', '=', id)
      .execute();
    const r = await db
      .deleteFrom('custom_methods')
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  notes(db: Db, scope: OrgScope, methodId: string): Promise<MethodNoteRow[]> {
    return db
      .selectFrom('method_notes')
      .leftJoin('users', 'users.id', 'method_notes.created_by')
      .selectAll('method_notes')
      .select('users.display_name as author_name')
      .where('method_notes.org_id', '=', scope.orgId)
      .where('method_notes.method_id', '=', methodId)
      .orderBy('method_notes.created_at')
      .execute();
  },

  async noteCounts(db: Db, scope: OrgScope): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('method_notes')
      .select(['method_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('org_id', '=', scope.orgId)
      .groupBy('method_id')
      .execute();
    return new Map(rows.map((r) => [r.method_id, Number(r.n)]));
  },

  getNote(db: Db, scope: OrgScope, methodId: string, id: string): Promise<MethodNoteRow | undefined> {
    return db
      .selectFrom('method_notes')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('method_id', '=', methodId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async insertNote(db: Db, scope: OrgScope, row: Omit<MethodNoteRow, 'org_id'>): Promise<void> {
    await db
      .insertInto('method_notes')
      .values({ ...row, org_id: scope.orgId })
      .execute();
  },

  async updateNote(
    db: Db,
    scope: OrgScope,
    id: string,
    patch: Partial<Pick<MethodNoteRow, 'title' | 'body' | 'updated_at'>>,
  ): Promise<void> {
    await db
      .updateTable('method_notes')
      .set(patch)
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .execute();
  },

  async deleteNote(db: Db, scope: OrgScope, methodId: string, id: string): Promise<number> {
    const r = await db
      .deleteFrom('method_notes')
      .where('org_id', '=', scope.orgId)
      .where('method_id', '=', methodId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  /** Choices of an engagement already checked against the caller's scope. */
  choices(db: Db, engagementId: string): Promise<MethodChoiceRow[]> {
    return db
      .selectFrom('method_choices')
      .leftJoin('users', 'users.id', 'method_choices.recorded_by')
      .selectAll('method_choices')
      .select('users.display_name as recorder_name')
      .where('method_choices.engagement_id', '=', engagementId)
      .orderBy('method_choices.at', 'desc')
      .execute();
  },

  async insertChoice(db: Db, row: MethodChoiceRow): Promise<void> {
    await db.insertInto('method_choices').values(row).execute();
  },

  findChoice(db: Db, engagementId: string, id: string) {
    return db
      .selectFrom('method_choices')
      .select(['id', 'method_name'])
      .where('engagement_id', '=', engagementId)
      .where('id', '=', id)
      .executeTakeFirst();
  },
};
