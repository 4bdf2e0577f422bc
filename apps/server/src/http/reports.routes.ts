import {
  EngagementParamsSchema,
  ReportJobListSchema,
  ReportJobSchema,
  ReportParamsSchema,
  ReportRequestSchema,
} from '@essaim/contracts';
import type { AppInstance } from '../app-instance.ts';
import { exportEngagementZip } from '../services/engagement-export.service.ts';
import { listMyReports, readMyReport, readMyReportFile } from '../services/reports.service.ts';
import { actorOf, requireOrgScope } from './auth-plugin.ts';

/** PDF reports: request (202, a job), follow its progress, download the file. */
export async function reportRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['reports'];

  app.post(
    '/api/orgs/:orgId/engagements/:engagementId/reports',
    {
      schema: {
        tags,
        params: EngagementParamsSchema,
        body: ReportRequestSchema,
        response: { 202: ReportJobSchema },
      },
    },
    async (request, reply) => {
      const scope = await requireOrgScope(request, 'engagement.read');
      const job = await app.deps.reports.request(
        scope,
        request.params.engagementId,
        request.body,
        actorOf(request),
      );
      return reply.code(202).send(job);
    },
  );

  app.get(
    '/api/orgs/:orgId/engagements/:engagementId/reports',
    { schema: { tags, params: EngagementParamsSchema, response: { 200: ReportJobListSchema } } },
    async (request) =>
      listMyReports(db, await requireOrgScope(request, 'engagement.read'), request.params.engagementId),
  );

  app.get(
    '/api/orgs/:orgId/reports/:reportId',
    { schema: { tags, params: ReportParamsSchema, response: { 200: ReportJobSchema } } },
    async (request) =>
      readMyReport(db, await requireOrgScope(request, 'engagement.read'), request.params.reportId),
  );

  app.get(
    '/api/orgs/:orgId/reports/:reportId/file',
    { schema: { tags, params: ReportParamsSchema } },
    async (request, reply) => {
      const scope = await requireOrgScope(request, 'engagement.read');
      const { file, kind, lang } = await readMyReportFile(db, scope, request.params.reportId);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="essaim-${kind}-${lang}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(file);
    },
  );

  app.get(
    '/api/orgs/:orgId/engagements/:engagementId/export.zip',
    { schema: { tags, params: EngagementParamsSchema } },
    async (request, reply) => {
      const scope = await requireOrgScope(request, 'engagement.read');
      const zip = await exportEngagementZip(db, app.deps.live, scope, request.params.engagementId);
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', 'attachment; filename="essaim-engagement.zip"')
        .header('cache-control', 'private, no-store')
        .send(zip);
    },
  );
}
