import type { Db } from '../db.ts';
import type { OrgScope } from '../org-scope.ts';
import { type Decoded, decodeRow, decodeRows, encodeRow, StoredJson } from '../stored-json.ts';
import type { CustomMethodsTable, MethodChoicesTable, MethodNotesTable } from '../tables/methods.ts';

/** The JSON columns and their schemas: rows leave this file parsed (see stored-json.ts). */
const customJson = { data: StoredJson.customMethod };
const choiceJson = {
  method_name: StoredJson.localized,
  proposed: StoredJson.strings,
  request: StoredJson.anything,
};

export type CustomMethodRow = Decoded<CustomMethodsTable, typeof customJson>;
export type MethodNoteRow = MethodNotesTable & { author_name?: string | null };
export type MethodChoiceRow = Decoded<MethodChoicesTable, typeof choiceJson> & {
  recorder_name?: string | null;
};

/**
 * An organisation's own methods and its private notes: every query filtered by the scope's organisation.
 * Method choices hang on an engagement id the caller already checked against the scope.
 */
export const methodsRepository = {
  async listCustom(db: Db, scope: OrgScope): Promise<CustomMethodRow[]> {
    const rows = await db
      .selectFrom('custom_methods')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .orderBy('created_at')
      .execute();
    return decodeRows(rows, customJson);
  },

  async getCustom(db: Db, scope: OrgScope, id: string): Promise<CustomMethodRow | undefined> {
    const row = await db
      .selectFrom('custom_methods')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && decodeRow(row, customJson);
  },

  async insertCustom(db: Db, scope: OrgScope, row: Omit<CustomMethodRow, 'org_id'>): Promise<void> {
    await db
      .insertInto('custom_methods')
      .values({ ...encodeRow<Omit<CustomMethodsTable, 'org_id'>>(row, customJson), org_id: scope.orgId })
      .execute();
  },

  async updateCustom(db: Db, scope: OrgScope, id: string, data: CustomMethodRow['data'], at: string) {
    await db
      .updateTable('custom_methods')
      .set({ data: JSON.stringify(data), updated_at: at })
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
  async choices(db: Db, engagementId: string): Promise<MethodChoiceRow[]> {
    const rows = await db
      .selectFrom('method_choices')
      .leftJoin('users', 'users.id', 'method_choices.recorded_by')
      .selectAll('method_choices')
      .select('users.display_name as recorder_name')
      .where('method_choices.engagement_id', '=', engagementId)
      .orderBy('method_choices.at', 'desc')
      .execute();
    return decodeRows(rows, choiceJson);
  },

  async insertChoice(db: Db, row: MethodChoiceRow): Promise<void> {
    await db.insertInto('method_choices').values(encodeRow<MethodChoicesTable>(row, choiceJson)).execute();
  },

  async findChoice(db: Db, engagementId: string, id: string) {
    const row = await db
      .selectFrom('method_choices')
      .select(['id', 'method_name'])
      .where('engagement_id', '=', engagementId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && decodeRow(row, choiceJson);
  },
};
