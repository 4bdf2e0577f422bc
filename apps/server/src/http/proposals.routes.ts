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
import type { Action } from '@essaim/core';
import type { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import type { OrgScope } from '../db/org-scope.ts';
import type { Actor } from '../services/audit.service.ts';
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

type ProposalRouteParams = { orgId: string; engagementId: string; proposalId: string };

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
  /** The proposal as this reader sees it: what the detail route and every change route answer. */
  const view = async (scope: OrgScope, p: { engagementId: string; proposalId: string }) =>
    presentProposal(db, await loadProposal(db, scope, p.engagementId, p.proposalId), {
      key: userKey(scope.userId),
    });

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
    async (request) => view(await requireOrgScope(request, 'decision.read'), request.params),
  );

  /**
   * A change to one proposal: the caller's right, the service, then the engagement's room told and the
   * proposal's new view returned (what every change route answers).
   */
  function change<P extends z.ZodType<ProposalRouteParams>, B extends z.ZodType>(
    path: string,
    schemas: { params: P; body: B },
    permission: Action,
    run: (scope: OrgScope, params: z.output<P>, body: z.output<B>, actor: Actor) => Promise<unknown>,
  ): void {
    app.post<{ Params: ProposalRouteParams }>(
      path,
      { schema: { tags, params: schemas.params, body: schemas.body, response: { 200: ProposalViewSchema } } },
      async (request) => {
        const scope = await requireOrgScope(request, permission);
        // The route's own schema validated these: the type provider cannot name them for a generic P, B.
        const params = request.params as z.output<P>;
        await run(scope, params, request.body as z.output<B>, actorOf(request));
        await notify(params.engagementId);
        return view(scope, params);
      },
    );
  }

  // Any member may take a position when eligible; eligibility is checked by the service.
  change(
    `${one}/positions`,
    { params: ProposalParamsSchema, body: ProposalPositionBodySchema },
    'decision.read',
    (scope, p, body, actor) => memberPosition(db, scope, p.engagementId, p.proposalId, body, actor),
  );
  change(
    `${one}/amendments`,
    { params: ProposalParamsSchema, body: ProposalAmendBodySchema },
    'decision.record',
    (scope, p, body, actor) => amendProposal(db, scope, p.engagementId, p.proposalId, body, actor),
  );
  change(
    `${one}/objections/:objectionId`,
    { params: ProposalObjectionParamsSchema, body: ProposalObjectionUpdateBodySchema },
    'decision.record',
    (scope, p, body, actor) =>
      updateObjection(db, scope, p.engagementId, p.proposalId, p.objectionId, body, actor),
  );
  change(
    `${one}/positions/:positionId/response`,
    { params: ProposalPositionParamsSchema, body: ProposalAdviceResponseBodySchema },
    'decision.record',
    (scope, p, body, actor) =>
      respondToAdvice(db, scope, p.engagementId, p.proposalId, p.positionId, body, actor),
  );
  change(
    `${one}/close`,
    { params: ProposalParamsSchema, body: ProposalCloseBodySchema },
    'decision.record',
    (scope, p, body, actor) => closeProposal(db, scope, p.engagementId, p.proposalId, body, actor),
  );
  change(
    `${one}/review`,
    { params: ProposalParamsSchema, body: ProposalReviewBodySchema },
    'decision.record',
    (scope, p, body, actor) => reopenForReview(db, scope, p.engagementId, p.proposalId, body, actor),
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
