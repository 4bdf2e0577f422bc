import {
  EngagementParamsSchema,
  ProposalAdviceResponseBodySchema,
  ProposalAmendBodySchema,
  ProposalCloseBodySchema,
  ProposalCreateBodySchema,
  ProposalCreatedSchema,
  ProposalInviteBodySchema,
  ProposalInviteTokensSchema,
  ProposalListSchema,
  ProposalObjectionParamsSchema,
  ProposalObjectionUpdateBodySchema,
  ProposalParamsSchema,
  ProposalPositionBodySchema,
  ProposalPositionParamsSchema,
  ProposalReviewBodySchema,
  ProposalToWorkshopBodySchema,
  ProposalToWorkshopResultSchema,
  ProposalViewSchema,
} from '@essaim/contracts';
import type { FastifyRequest } from 'fastify';
import type { AppInstance } from '../app-instance.ts';
import type { OrgScope } from '../db/org-scope.ts';
import {
  amendProposal,
  closeProposal,
  createProposal,
  inviteParticipants,
  listProposals,
  loadProposal,
  memberPosition,
  reopenForReview,
  respondToAdvice,
  updateObjection,
} from '../services/proposals.service.ts';
import { takeProposalToWorkshop } from '../services/proposals-live.service.ts';
import { presentProposal, userKey } from '../services/proposals-view.ts';
import { actorOf, requireOrgScope } from './auth-plugin.ts';

/** Asynchronous proposals of an engagement: open, take positions, amend, integrate objections, close, review. */
export async function proposalRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['decisions'];
  const base = '/api/orgs/:orgId/engagements/:engagementId/proposals';
  const one = `${base}/:proposalId`;

  const notify = async (engagementId: string) => {
    const room = `engagement:${engagementId}`;
    await app.deps.hub.broadcast(room, {
      type: 'event',
      room,
      event: 'decisions.changed',
      payload: { engagementId },
    });
  };
  const view = async (
    request: FastifyRequest<{ Params: { orgId: string; engagementId: string; proposalId: string } }>,
    scope?: OrgScope,
  ) => {
    const s = scope ?? (await requireOrgScope(request, 'decision.read'));
    const p = await loadProposal(db, s, request.params.engagementId, request.params.proposalId);
    return presentProposal(db, p, { key: userKey(s.userId) });
  };

  app.get(
    base,
    { schema: { tags, params: EngagementParamsSchema, response: { 200: ProposalListSchema } } },
    async (request) =>
      listProposals(db, await requireOrgScope(request, 'decision.read'), request.params.engagementId),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        params: EngagementParamsSchema,
        body: ProposalCreateBodySchema,
        response: { 200: ProposalCreatedSchema },
      },
    },
    async (request) => {
      const scope = await requireOrgScope(request, 'decision.record');
      const { proposal, invites } = await createProposal(
        db,
        scope,
        request.params.engagementId,
        request.body,
        actorOf(request),
      );
      await notify(request.params.engagementId);
      return { proposal: await presentProposal(db, proposal, { key: userKey(scope.userId) }), invites };
    },
  );

  app.get(
    one,
    { schema: { tags, params: ProposalParamsSchema, response: { 200: ProposalViewSchema } } },
    async (request) => view(request),
  );

  app.post(
    `${one}/positions`,
    {
      schema: {
        tags,
        params: ProposalParamsSchema,
        body: ProposalPositionBodySchema,
        response: { 200: ProposalViewSchema },
      },
    },
    async (request) => {
      // Any member may take a position when eligible; eligibility is checked by the service.
      const scope = await requireOrgScope(request, 'decision.read');
      await memberPosition(
        db,
        scope,
        request.params.engagementId,
        request.params.proposalId,
        request.body,
        actorOf(request),
      );
      await notify(request.params.engagementId);
      return view(request, scope);
    },
  );

  app.post(
    `${one}/amendments`,
    {
      schema: {
        tags,
        params: ProposalParamsSchema,
        body: ProposalAmendBodySchema,
        response: { 200: ProposalViewSchema },
      },
    },
    async (request) => {
      const scope = await requireOrgScope(request, 'decision.record');
      await amendProposal(
        db,
        scope,
        request.params.engagementId,
        request.params.proposalId,
        request.body,
        actorOf(request),
      );
      await notify(request.params.engagementId);
      return view(request, scope);
    },
  );

  app.post(
    `${one}/objections/:objectionId`,
    {
      schema: {
        tags,
        params: ProposalObjectionParamsSchema,
        body: ProposalObjectionUpdateBodySchema,
        response: { 200: ProposalViewSchema },
      },
    },
    async (request) => {
      const scope = await requireOrgScope(request, 'decision.record');
      await updateObjection(
        db,
        scope,
        request.params.engagementId,
        request.params.proposalId,
        request.params.objectionId,
        request.body,
        actorOf(request),
      );
      await notify(request.params.engagementId);
      return view(request, scope);
    },
  );

  app.post(
    `${one}/positions/:positionId/response`,
    {
      schema: {
        tags,
        params: ProposalPositionParamsSchema,
        body: ProposalAdviceResponseBodySchema,
        response: { 200: ProposalViewSchema },
      },
    },
    async (request) => {
      const scope = await requireOrgScope(request, 'decision.record');
      await respondToAdvice(
        db,
        scope,
        request.params.engagementId,
        request.params.proposalId,
        request.params.positionId,
        request.body,
        actorOf(request),
      );
      return view(request, scope);
    },
  );

  app.post(
    `${one}/close`,
    {
      schema: {
        tags,
        params: ProposalParamsSchema,
        body: ProposalCloseBodySchema,
        response: { 200: ProposalViewSchema },
      },
    },
    async (request) => {
      const scope = await requireOrgScope(request, 'decision.record');
      await closeProposal(
        db,
        scope,
        request.params.engagementId,
        request.params.proposalId,
        request.body,
        actorOf(request),
      );
      await notify(request.params.engagementId);
      return view(request, scope);
    },
  );

  app.post(
    `${one}/review`,
    {
      schema: {
        tags,
        params: ProposalParamsSchema,
        body: ProposalReviewBodySchema,
        response: { 200: ProposalViewSchema },
      },
    },
    async (request) => {
      const scope = await requireOrgScope(request, 'decision.record');
      await reopenForReview(
        db,
        scope,
        request.params.engagementId,
        request.params.proposalId,
        request.body,
        actorOf(request),
      );
      await notify(request.params.engagementId);
      return view(request, scope);
    },
  );

  app.post(
    `${one}/workshop`,
    {
      schema: {
        tags,
        params: ProposalParamsSchema,
        body: ProposalToWorkshopBodySchema,
        response: { 200: ProposalToWorkshopResultSchema },
      },
    },
    async (request) => {
      const scope = await requireOrgScope(request, 'workshop.run');
      const result = await takeProposalToWorkshop(
        db,
        app.deps.live,
        scope,
        request.params.engagementId,
        request.params.proposalId,
        request.body,
        actorOf(request),
      );
      await notify(request.params.engagementId);
      return result;
    },
  );

  app.post(
    `${one}/invitees`,
    {
      schema: {
        tags,
        params: ProposalParamsSchema,
        body: ProposalInviteBodySchema,
        response: { 200: ProposalInviteTokensSchema },
      },
    },
    async (request) =>
      inviteParticipants(
        db,
        await requireOrgScope(request, 'decision.record'),
        request.params.engagementId,
        request.params.proposalId,
        request.body.names,
        actorOf(request),
      ),
  );
}
