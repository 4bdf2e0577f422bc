import type { Db } from '../db.ts';
import type { OrgScope } from '../org-scope.ts';
import { decodeRows, StoredJson } from '../stored-json.ts';
import type { AuditLogTable } from '../tables.ts';

/** The JSON column and its schema: rows leave this file parsed (see stored-json.ts). */
const auditJson = { details: StoredJson.anyRecord };

export type AuditRow = AuditLogTable;

export interface AuditFilter {
  action?: string | undefined;
  actorUserId?: string | undefined;
  objectKind?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Cursor: entries strictly older than this seq. */
  beforeSeq?: number | undefined;
  limit: number;
}

/** Append and read only: the audit log has no update or delete path (the database refuses them too). */
export const auditRepository = {
  async append(db: Db, row: AuditRow): Promise<void> {
    await db.insertInto('audit_log').values(row).execute();
  },

  async list(db: Db, scope: OrgScope, f: AuditFilter) {
    let q = db
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
      .selectAll('audit_log')
      .select(['users.display_name as actor_name'])
      .where('audit_log.org_id', '=', scope.orgId);
    if (f.action) {
      q = q.where('audit_log.action', 'like', `${f.action.replace(/[%_]/g, '')}%`);
    }
    if (f.actorUserId) {
      q = q.where('audit_log.actor_user_id', '=', f.actorUserId);
    }
    if (f.objectKind) {
      q = q.where('audit_log.object_kind', '=', f.objectKind);
    }
    if (f.from) {
      q = q.where('audit_log.at', '>=', f.from);
    }
    if (f.to) {
      q = q.where('audit_log.at', '<=', f.to);
    }
    if (f.beforeSeq !== undefined) {
      q = q.where('audit_log.seq', '<', f.beforeSeq);
    }
    return decodeRows(await q.orderBy('audit_log.seq', 'desc').limit(f.limit).execute(), auditJson);
  },

  /** Security events about one person, across organisations (for their data export). */
  async listForActor(db: Db, userId: string) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor_user_id', '=', userId)
      .orderBy('seq')
      .execute();
    return decodeRows(rows, auditJson);
  },
};
