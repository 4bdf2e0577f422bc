import {
  CampaignCompareParamsSchema,
  CampaignComparisonSchema,
  CampaignEngagementParamsSchema,
  CampaignInvitationListSchema,
  CampaignInvitationParamsSchema,
  CampaignInvitationSchema,
  CampaignListSchema,
  CampaignParamsSchema,
  CampaignReportQuerySchema,
  CampaignReportSchema,
  CampaignSchema,
  CreateCampaignBodySchema,
  CreateSurveyInstrumentBodySchema,
  EmailLinksResultSchema,
  HandOutLinksBodySchema,
  HandOutLinksResultSchema,
  LaunchCampaignResultSchema,
  RemindResultSchema,
  SurveyInstrumentEntrySchema,
  SurveyInstrumentListSchema,
  SurveyOrgParamsSchema,
  UpdateCampaignBodySchema,
} from '@essaim/contracts';
import type { AppInstance } from '../app-instance.ts';
import {
  closeCampaign,
  createCampaign,
  launchCampaign,
  listCampaigns,
  listInvitations,
  loadCampaign,
  presentCampaign,
  reissueInvitation,
  updateCampaign,
} from '../services/campaigns.service.ts';
import {
  emailPendingLinks,
  handOutLinks,
  remindNonRespondents,
} from '../services/campaigns-links.service.ts';
import {
  campaignReport,
  compareCampaignReports,
  exportCampaignCsv,
} from '../services/campaigns-report.service.ts';
import { createInstrument, listInstruments } from '../services/surveys.service.ts';
import { actorOf, requireOrgScope } from './auth-plugin.ts';
import { sendTable, TABLE_FORMATS } from './table-export.ts';

/**
 * Signed-in routes of diagnostic surveys: instruments, campaigns, invitations, the aggregated
 * report, before/after and the aggregated export. No route returns an individual's answers.
 */
export async function surveysRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['surveys'];
  const campaign = '/api/orgs/:orgId/campaigns/:campaignId';
  const canEmail = { canEmail: app.deps.mailer.enabled };
  const linkDeps = () => ({
    mailer: app.deps.mailer,
    publicUrl: app.deps.config.publicUrl ?? 'http://localhost:4000',
  });

  app.get(
    '/api/orgs/:orgId/survey-instruments',
    { schema: { tags, params: SurveyOrgParamsSchema, response: { 200: SurveyInstrumentListSchema } } },
    async (request) => ({
      instruments: await listInstruments(db, await requireOrgScope(request, 'survey.manage')),
    }),
  );

  app.post(
    '/api/orgs/:orgId/survey-instruments',
    {
      schema: {
        tags,
        params: SurveyOrgParamsSchema,
        body: CreateSurveyInstrumentBodySchema,
        response: { 200: SurveyInstrumentEntrySchema },
      },
    },
    async (request) => createInstrument(db, await requireOrgScope(request, 'survey.manage'), request.body),
  );

  app.get(
    '/api/orgs/:orgId/engagements/:engagementId/campaigns',
    { schema: { tags, params: CampaignEngagementParamsSchema, response: { 200: CampaignListSchema } } },
    async (request) => ({
      campaigns: await listCampaigns(
        db,
        await requireOrgScope(request, 'survey.readReport'),
        request.params.engagementId,
        canEmail,
      ),
    }),
  );

  app.post(
    '/api/orgs/:orgId/engagements/:engagementId/campaigns',
    {
      schema: {
        tags,
        params: CampaignEngagementParamsSchema,
        body: CreateCampaignBodySchema,
        response: { 200: CampaignSchema },
      },
    },
    async (request) =>
      createCampaign(
        db,
        await requireOrgScope(request, 'survey.manage'),
        request.params.engagementId,
        request.body,
        actorOf(request),
      ),
  );

  app.get(
    campaign,
    { schema: { tags, params: CampaignParamsSchema, response: { 200: CampaignSchema } } },
    async (request) => {
      const scope = await requireOrgScope(request, 'survey.readReport');
      return presentCampaign(db, scope, await loadCampaign(db, scope, request.params.campaignId), canEmail);
    },
  );

  app.patch(
    campaign,
    {
      schema: {
        tags,
        params: CampaignParamsSchema,
        body: UpdateCampaignBodySchema,
        response: { 200: CampaignSchema },
      },
    },
    async (request) =>
      updateCampaign(
        db,
        await requireOrgScope(request, 'survey.manage'),
        request.params.campaignId,
        request.body,
        actorOf(request),
      ),
  );

  app.post(
    `${campaign}/launch`,
    { schema: { tags, params: CampaignParamsSchema, response: { 200: LaunchCampaignResultSchema } } },
    async (request) =>
      launchCampaign(
        db,
        await requireOrgScope(request, 'survey.manage'),
        request.params.campaignId,
        actorOf(request),
        linkDeps(),
      ),
  );

  app.post(
    `${campaign}/close`,
    { schema: { tags, params: CampaignParamsSchema, response: { 200: CampaignSchema } } },
    async (request) =>
      closeCampaign(
        db,
        await requireOrgScope(request, 'survey.manage'),
        request.params.campaignId,
        actorOf(request),
        canEmail,
      ),
  );

  app.get(
    `${campaign}/invitations`,
    { schema: { tags, params: CampaignParamsSchema, response: { 200: CampaignInvitationListSchema } } },
    async (request) => ({
      invitations: await listInvitations(
        db,
        await requireOrgScope(request, 'survey.manage'),
        request.params.campaignId,
      ),
    }),
  );

  app.post(
    `${campaign}/invitations/hand-out`,
    {
      schema: {
        tags,
        params: CampaignParamsSchema,
        body: HandOutLinksBodySchema,
        response: { 200: HandOutLinksResultSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return handOutLinks(
        db,
        await requireOrgScope(request, 'survey.manage'),
        request.params.campaignId,
        request.body,
        actorOf(request),
        linkDeps().publicUrl,
      );
    },
  );

  app.post(
    `${campaign}/invitations/email`,
    { schema: { tags, params: CampaignParamsSchema, response: { 200: EmailLinksResultSchema } } },
    async (request) =>
      emailPendingLinks(
        db,
        await requireOrgScope(request, 'survey.manage'),
        request.params.campaignId,
        actorOf(request),
        linkDeps(),
      ),
  );

  app.post(
    `${campaign}/remind`,
    { schema: { tags, params: CampaignParamsSchema, response: { 200: RemindResultSchema } } },
    async (request) =>
      remindNonRespondents(
        db,
        await requireOrgScope(request, 'survey.manage'),
        request.params.campaignId,
        actorOf(request),
        linkDeps(),
      ),
  );

  app.post(
    `${campaign}/invitations/:invitationId/reissue`,
    { schema: { tags, params: CampaignInvitationParamsSchema, response: { 200: CampaignInvitationSchema } } },
    async (request) =>
      reissueInvitation(
        db,
        await requireOrgScope(request, 'survey.manage'),
        request.params.campaignId,
        request.params.invitationId,
        actorOf(request),
      ),
  );

  app.get(
    `${campaign}/report`,
    {
      schema: {
        tags,
        params: CampaignParamsSchema,
        querystring: CampaignReportQuerySchema,
        response: { 200: CampaignReportSchema },
      },
    },
    async (request) =>
      campaignReport(
        db,
        await requireOrgScope(request, 'survey.readReport'),
        request.params.campaignId,
        request.query,
      ),
  );

  app.get(
    `${campaign}/compare/:otherCampaignId`,
    { schema: { tags, params: CampaignCompareParamsSchema, response: { 200: CampaignComparisonSchema } } },
    async (request) =>
      compareCampaignReports(
        db,
        await requireOrgScope(request, 'survey.readReport'),
        request.params.otherCampaignId,
        request.params.campaignId,
      ),
  );

  for (const format of TABLE_FORMATS) {
    app.get(
      `${campaign}/export.${format}`,
      { schema: { tags, params: CampaignParamsSchema } },
      async (request, reply) => {
        const csv = await exportCampaignCsv(
          db,
          await requireOrgScope(request, 'survey.readReport'),
          request.params.campaignId,
        );
        return sendTable(reply, csv, format, `campaign-${request.params.campaignId}`);
      },
    );
  }
}
