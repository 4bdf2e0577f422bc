import { AuditPageSchema, AuditQuerySchema, OrgParamsSchema } from '@essaim/contracts';
import { auditRepository } from '../db/repositories/audit.repository.ts';
import { readStored, StoredJson } from '../db/stored-json.ts';
import { recordAudit } from '../services/audit.service.ts';
import type { AppInstance } from './app-instance.ts';
import { actorOf, requireOrgScope } from './auth-plugin.ts';

const CSV_COLUMNS = [
  'at',
  'actor',
  'actor_id',
  'action',
  'object_kind',
  'object_id',
  'ip',
  'details',
] as const;

/** RFC 4180 quoting, plus a leading quote on cells a spreadsheet would run as a formula (OWASP CSV injection). */
export function csvCell(value: string | null): string {
  let v = value ?? '';
  if (/^[=+\-@\t\r]/.test(v)) {
    v = `'${v}`;
  }
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export async function auditRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['audit'];

  app.get(
    '/api/orgs/:orgId/audit',
    {
      schema: {
        tags,
        params: OrgParamsSchema,
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema },
      },
    },
    async (request) => {
      const scope = await requireOrgScope(request, 'audit.read');
      const q = request.query;
      const limit = q.limit ?? 50;
      const rows = await auditRepository.list(db, scope, {
        ...q,
        beforeSeq: q.before !== undefined && /^\d+$/.test(q.before) ? Number(q.before) : undefined,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      return {
        entries: page.map((r) => ({
          id: r.id,
          at: r.at,
          actorUserId: r.actor_user_id,
          actorName: r.actor_name ?? null,
          action: r.action,
          objectKind: r.object_kind,
          objectId: r.object_id,
          ip: r.ip,
          details: readStored(StoredJson.anyRecord, r.details),
        })),
        nextBefore: rows.length > limit ? String(page.at(-1)?.seq ?? '') : null,
      };
    },
  );

  app.get(
    '/api/orgs/:orgId/audit.csv',
    { schema: { tags, params: OrgParamsSchema, querystring: AuditQuerySchema } },
    async (request, reply) => {
      const scope = await requireOrgScope(request, 'audit.read');
      const rows = await auditRepository.list(db, scope, { ...request.query, limit: 100_000 });
      await recordAudit(db, actorOf(request), {
        orgId: scope.orgId,
        action: 'audit.exported',
        details: { rows: rows.length },
      });
      const lines = [CSV_COLUMNS.join(',')];
      for (const r of rows) {
        lines.push(
          [r.at, r.actor_name ?? null, r.actor_user_id, r.action, r.object_kind, r.object_id, r.ip, r.details]
            .map(csvCell)
            .join(','),
        );
      }
      return reply
        .header('content-disposition', `attachment; filename="essaim-audit-${scope.orgId}.csv"`)
        .type('text/csv; charset=utf-8')
        .send(`\uFEFF${lines.join('\r\n')}\r\n`);
    },
  );
}
