import {
  GovernanceAdoptionBodySchema,
  GovernanceMapCreateBodySchema,
  GovernanceMapParamsSchema,
  GovernanceMapUpdateBodySchema,
  GovernanceMapViewSchema,
  GovernanceMeetingBodySchema,
  GovernanceOverviewSchema,
  OrgParamsSchema,
  ProposalCreatedSchema,
} from '@essaim/contracts';
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import {
  createGovernanceMeeting,
  createMap,
  governanceOverview,
  mapSvg,
  proposeAdoption,
  readMap,
  updateMap,
} from '../services/governance.service.ts';
import { presentProposal, userKey } from '../services/proposals-view.ts';
import { actorOf, requireOrgScope } from './auth-plugin.ts';

/** The governance map: current and proposed maps, their difference, adoption through a decision, exports. */
export async function governanceRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['governance'];
  const base = '/api/orgs/:orgId/governance';

  app.get(
    base,
    { schema: { tags, params: OrgParamsSchema, response: { 200: GovernanceOverviewSchema } } },
    async (request) => governanceOverview(db, await requireOrgScope(request, 'decision.read')),
  );

  app.post(
    `${base}/maps`,
    {
      schema: {
        tags,
        params: OrgParamsSchema,
        body: GovernanceMapCreateBodySchema,
        response: { 200: GovernanceMapViewSchema },
      },
    },
    async (request) =>
      createMap(db, await requireOrgScope(request, 'decision.record'), request.body, actorOf(request)),
  );

  app.get(
    `${base}/maps/:mapId`,
    { schema: { tags, params: GovernanceMapParamsSchema, response: { 200: GovernanceMapViewSchema } } },
    async (request) => readMap(db, await requireOrgScope(request, 'decision.read'), request.params.mapId),
  );

  app.put(
    `${base}/maps/:mapId`,
    {
      schema: {
        tags,
        params: GovernanceMapParamsSchema,
        body: GovernanceMapUpdateBodySchema,
        response: { 200: GovernanceMapViewSchema },
      },
    },
    async (request) =>
      updateMap(
        db,
        await requireOrgScope(request, 'decision.record'),
        request.params.mapId,
        request.body,
        actorOf(request),
      ),
  );

  app.post(
    `${base}/maps/:mapId/adoption`,
    {
      schema: {
        tags,
        params: GovernanceMapParamsSchema,
        body: GovernanceAdoptionBodySchema,
        response: { 200: ProposalCreatedSchema },
      },
    },
    async (request) => {
      const scope = await requireOrgScope(request, 'decision.record');
      const { proposal, invites } = await proposeAdoption(
        db,
        scope,
        request.params.mapId,
        request.body,
        actorOf(request),
      );
      return { proposal: await presentProposal(db, proposal, { key: userKey(scope.userId) }), invites };
    },
  );

  app.get(
    `${base}/maps/:mapId/export.svg`,
    { schema: { tags, params: GovernanceMapParamsSchema } },
    async (request, reply) => {
      const svg = await mapSvg(db, await requireOrgScope(request, 'decision.read'), request.params.mapId);
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="governance-${request.params.mapId}.svg"`)
        .send(svg);
    },
  );

  app.post(
    `${base}/meeting-agenda`,
    {
      schema: {
        tags,
        params: OrgParamsSchema,
        body: GovernanceMeetingBodySchema,
        response: { 200: z.object({ id: z.string() }).passthrough() },
      },
    },
    async (request) => {
      const agenda = await createGovernanceMeeting(
        db,
        await requireOrgScope(request, 'methods.manage'),
        request.body,
        actorOf(request),
      );
      return agenda as { id: string };
    },
  );
}
