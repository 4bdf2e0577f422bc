import {
  ProposalPositionBodySchema,
  ProposalPublicParamsSchema,
  ProposalPublicSchema,
} from '@essaim/contracts';
import type { FastifyRequest } from 'fastify';
import type { AppInstance } from '../app-instance.ts';
import { positionAsParticipant, readAsParticipant } from '../services/proposals-public.service.ts';
import { actorOf } from './auth-plugin.ts';
import { PARTICIPANT_HEADER } from './conversations-public.routes.ts';

const tokenOf = (request: FastifyRequest): string | undefined => {
  const value = request.headers[PARTICIPANT_HEADER];
  return typeof value === 'string' ? value : undefined;
};

/**
 * Invited participants (no account) vote on a proposal from their phone. The participant token, scoped
 * to this proposal, travels in a header (never in the URL, so never in logs or referrers).
 */
export async function proposalPublicRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['decisions'];
  const base = '/api/proposals/:proposalId/ballot';

  app.get(
    base,
    { schema: { tags, params: ProposalPublicParamsSchema, response: { 200: ProposalPublicSchema } } },
    async (request) => readAsParticipant(db, request.params.proposalId, tokenOf(request)),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        params: ProposalPublicParamsSchema,
        body: ProposalPositionBodySchema,
        response: { 200: ProposalPublicSchema },
      },
    },
    async (request) => {
      const result = await positionAsParticipant(
        db,
        request.params.proposalId,
        tokenOf(request),
        request.body,
        actorOf(request),
      );
      const p = await db
        .selectFrom('proposals')
        .select('engagement_id')
        .where('id', '=', result.id)
        .executeTakeFirst();
      if (p) {
        const room = `engagement:${p.engagement_id}`;
        await app.deps.hub.broadcast(room, {
          type: 'event',
          room,
          event: 'decisions.changed',
          payload: { engagementId: p.engagement_id },
        });
      }
      return result;
    },
  );
}
