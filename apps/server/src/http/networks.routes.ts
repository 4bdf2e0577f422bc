import {
  CreateNetworkSurveyBodySchema,
  EngagementParamsSchema,
  NetworkAnalysisParamsSchema,
  NetworkAnalysisSchema,
  NetworkAnalysisSummarySchema,
  NetworkEgoListSchema,
  NetworkImportBodySchema,
  NetworkImportPreviewBodySchema,
  NetworkImportPreviewSchema,
  NetworkInvitationsSchema,
  NetworkListSchema,
  NetworkParamsSchema,
  NetworkProposalParamsSchema,
  NetworkProposalResponseBodySchema,
  NetworkSummarySchema,
  RunNetworkAnalysisBodySchema,
} from '@essaim/contracts';
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { networksRepository } from '../db/repositories/networks.repository.ts';
import { requireScope } from '../services/access.service.ts';
import {
  createNetworkSurvey,
  getNetwork,
  importNetwork,
  inviteRespondents,
  listAnalyses,
  listNetworks,
  myEgoNetworks,
  previewImport,
  queueAnalysis,
  readAnalysis,
  recordProposalResponse,
} from '../services/networks.service.ts';
import { registerNetworkPersonalData, registerNetworkTraceKind } from '../services/networks-data.service.ts';
import { actorOf, requireOrgScope } from './auth-plugin.ts';

/**
 * Organisational network analysis of an engagement. Results identify people, so every route that
 * returns them requires `network.readReport` (facilitators and owners, never sponsors); members only
 * reach their own ego network (`/networks/mine`).
 */
export async function networkRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['networks'];
  const base = '/api/orgs/:orgId/engagements/:engagementId/networks';
  const jobs = app.deps.networkJobs;
  app.addHook('onClose', async () => jobs.idle(5000));
  app.deps.engagementStatusListeners.on(async (engagementId, status) => {
    const s = (status as { status?: string } | null)?.status;
    if (s === 'stopped' || s === 'paused') {
      await jobs.cancelEngagement(engagementId);
    }
  });
  registerNetworkPersonalData();
  registerNetworkTraceKind();

  // Live progress of a network's analyses: only people who may read the results.
  app.deps.roomAuthorizers.set('network', async (request, id) => {
    const session = request.session;
    const n = session ? await networksRepository.findById(db, id) : undefined;
    if (!session || !n) {
      return false;
    }
    try {
      await requireScope(db, session.user.id, n.org_id, 'network.readReport');
      return true;
    } catch {
      return false;
    }
  });

  app.get(
    base,
    { schema: { tags, params: EngagementParamsSchema, response: { 200: NetworkListSchema } } },
    async (request) => ({
      networks: await listNetworks(
        db,
        await requireOrgScope(request, 'network.readReport'),
        request.params.engagementId,
      ),
    }),
  );

  app.get(
    `${base}/mine`,
    { schema: { tags, params: EngagementParamsSchema, response: { 200: NetworkEgoListSchema } } },
    async (request) => ({
      egos: await myEgoNetworks(
        db,
        await requireOrgScope(request, 'engagement.read'),
        request.params.engagementId,
      ),
    }),
  );

  app.post(
    `${base}/import/preview`,
    {
      bodyLimit: 11_000_000,
      schema: {
        tags,
        params: EngagementParamsSchema,
        body: NetworkImportPreviewBodySchema,
        response: { 200: NetworkImportPreviewSchema },
      },
    },
    async (request) =>
      previewImport(
        db,
        await requireOrgScope(request, 'network.manage'),
        request.params.engagementId,
        request.body,
      ),
  );

  app.post(
    `${base}/import`,
    {
      bodyLimit: 11_000_000,
      schema: {
        tags,
        params: EngagementParamsSchema,
        body: NetworkImportBodySchema,
        response: { 200: NetworkSummarySchema },
      },
    },
    async (request) =>
      importNetwork(
        db,
        await requireOrgScope(request, 'network.manage'),
        request.params.engagementId,
        request.body,
        actorOf(request),
      ),
  );

  app.post(
    `${base}/survey`,
    {
      schema: {
        tags,
        params: EngagementParamsSchema,
        body: CreateNetworkSurveyBodySchema,
        response: { 200: NetworkSummarySchema },
      },
    },
    async (request) =>
      createNetworkSurvey(
        db,
        await requireOrgScope(request, 'network.manage'),
        request.params.engagementId,
        request.body,
        actorOf(request),
      ),
  );

  app.get(
    `${base}/:networkId`,
    { schema: { tags, params: NetworkParamsSchema, response: { 200: NetworkSummarySchema } } },
    async (request) =>
      getNetwork(
        db,
        await requireOrgScope(request, 'network.readReport'),
        request.params.engagementId,
        request.params.networkId,
      ),
  );

  app.post(
    `${base}/:networkId/invitations`,
    { schema: { tags, params: NetworkParamsSchema, response: { 200: NetworkInvitationsSchema } } },
    async (request) =>
      inviteRespondents(
        db,
        await requireOrgScope(request, 'network.manage'),
        request.params.engagementId,
        request.params.networkId,
        actorOf(request),
      ),
  );

  app.get(
    `${base}/:networkId/analyses`,
    {
      schema: {
        tags,
        params: NetworkParamsSchema,
        response: { 200: z.object({ analyses: z.array(NetworkAnalysisSummarySchema) }) },
      },
    },
    async (request) => ({
      analyses: await listAnalyses(
        db,
        await requireOrgScope(request, 'network.readReport'),
        request.params.engagementId,
        request.params.networkId,
      ),
    }),
  );

  app.post(
    `${base}/:networkId/analyses`,
    {
      schema: {
        tags,
        params: NetworkParamsSchema,
        body: RunNetworkAnalysisBodySchema,
        response: { 200: NetworkAnalysisSchema },
      },
    },
    async (request) => {
      const { engagementId, networkId } = request.params;
      const { analysis, input } = await queueAnalysis(
        db,
        await requireOrgScope(request, 'network.manage'),
        engagementId,
        networkId,
        request.body,
        actorOf(request),
      );
      jobs.start(analysis.id, engagementId, networkId, input);
      return analysis;
    },
  );

  app.get(
    `${base}/:networkId/analyses/:analysisId`,
    { schema: { tags, params: NetworkAnalysisParamsSchema, response: { 200: NetworkAnalysisSchema } } },
    async (request) =>
      readAnalysis(
        db,
        await requireOrgScope(request, 'network.readReport'),
        request.params.engagementId,
        request.params.networkId,
        request.params.analysisId,
      ),
  );

  app.post(
    `${base}/:networkId/proposals/:proposalId/response`,
    {
      schema: {
        tags,
        params: NetworkProposalParamsSchema,
        body: NetworkProposalResponseBodySchema,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await recordProposalResponse(
        db,
        await requireOrgScope(request, 'network.manage'),
        request.params.engagementId,
        request.params.networkId,
        request.params.proposalId,
        request.body,
        actorOf(request),
      );
      return { ok: true as const };
    },
  );
}
