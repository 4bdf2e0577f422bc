import type { Db } from '../db.ts';
import type { OrgScope } from '../org-scope.ts';
import type { AgendasTable } from '../tables/methods.ts';

export type AgendaRow = AgendasTable;

/** Session agendas, always read and written through the scope's organisation. */
export const agendasRepository = {
  list(db: Db, scope: OrgScope, engagementId?: string): Promise<AgendaRow[]> {
    let q = db.selectFrom('agendas').selectAll().where('org_id', '=', scope.orgId);
    if (engagementId !== undefined) {
      q = q.where('engagement_id', '=', engagementId);
    }
    return q.orderBy('updated_at', 'desc').execute();
  },

  get(db: Db, scope: OrgScope, id: string): Promise<AgendaRow | undefined> {
    return db
      .selectFrom('agendas')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async insert(db: Db, scope: OrgScope, row: Omit<AgendaRow, 'org_id'>): Promise<void> {
    await db
      .insertInto('agendas')
      .values({ ...row, org_id: scope.orgId })
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
      .set(patch)
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
