import { AuditPageSchema, AuditQuerySchema, OrgParamsSchema } from '@essaim/contracts';
import { writeCsv } from '@essaim/core';
import type { AppInstance } from '../app-instance.ts';
import { auditRepository } from '../db/repositories/audit.repository.ts';
import { recordAudit } from '../services/audit.service.ts';
import { actorOf, requireOrgScope } from './auth-plugin.ts';
import { sendTable, TABLE_FORMATS } from './table-export.ts';

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
          details: r.details,
        })),
        nextBefore: rows.length > limit ? String(page.at(-1)?.seq ?? '') : null,
      };
    },
  );

  // The same rows as CSV or XLSX.
  for (const format of TABLE_FORMATS) {
    app.get(
      `/api/orgs/:orgId/audit.${format}`,
      { schema: { tags, params: OrgParamsSchema, querystring: AuditQuerySchema } },
      async (request, reply) => {
        const scope = await requireOrgScope(request, 'audit.read');
        const rows = await auditRepository.list(db, scope, { ...request.query, limit: 100_000 });
        await recordAudit(db, actorOf(request), {
          orgId: scope.orgId,
          action: 'audit.exported',
          details: { rows: rows.length },
        });
        const csv = writeCsv(
          [
            CSV_COLUMNS,
            ...rows.map((r) => [
              r.at,
              r.actor_name ?? null,
              r.actor_user_id,
              r.action,
              r.object_kind,
              r.object_id,
              r.ip,
              // The column's JSON text, as it was stored (parse and stringify give it back unchanged).
              r.details === null ? null : JSON.stringify(r.details),
            ]),
          ],
          { eol: '\r\n', bom: true },
        );
        return sendTable(reply, csv, format, `essaim-audit-${scope.orgId}`);
      },
    );
  }
}
