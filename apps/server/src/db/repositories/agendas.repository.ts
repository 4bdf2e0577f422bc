import type { Db } from '../db.ts';
import type { OrgScope } from '../org-scope.ts';
import { type Decoded, decodeRow, decodeRows, encodeRow, StoredJson } from '../stored-json.ts';
import type { AgendasTable } from '../tables/methods.ts';

/** The JSON columns and their schemas: rows leave this file parsed (see stored-json.ts). */
const agendaJson = { items: StoredJson.agendaItems };

export type AgendaRow = Decoded<AgendasTable, typeof agendaJson>;

/** Session agendas, always read and written through the scope's organisation. */
export const agendasRepository = {
  async list(db: Db, scope: OrgScope, engagementId?: string): Promise<AgendaRow[]> {
    let q = db.selectFrom('agendas').selectAll().where('org_id', '=', scope.orgId);
    if (engagementId !== undefined) {
      q = q.where('engagement_id', '=', engagementId);
    }
    return decodeRows(await q.orderBy('updated_at', 'desc').execute(), agendaJson);
  },

  async get(db: Db, scope: OrgScope, id: string): Promise<AgendaRow | undefined> {
    const row = await db
      .selectFrom('agendas')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && decodeRow(row, agendaJson);
  },

  async insert(db: Db, scope: OrgScope, row: Omit<AgendaRow, 'org_id'>): Promise<void> {
    await db
      .insertInto('agendas')
      .values({ ...encodeRow<Omit<AgendasTable, 'org_id'>>(row, agendaJson), org_id: scope.orgId })
      .execute();
  },

  async update(
    db: Db,
    scope: OrgScope,
    id: string,
    patch: Partial<Omit<AgendaRow, 'id' | 'org_id'>>,
  ): Promise<void> {
    await db
      .updateTable('agendas')
      .set(encodeRow<Partial<AgendasTable>>(patch, agendaJson))
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .execute();
  },

  async delete(db: Db, scope: OrgScope, id: string): Promise<number> {
    const r = await db
      .deleteFrom('agendas')
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },
};
