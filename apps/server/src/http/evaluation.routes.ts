import {
  EngagementParamsSchema,
  EvaluationViewSchema,
  MyWorkshopFeedbackSchema,
  WorkshopFeedbackBodySchema,
  WorkshopFeedbackOrgParamsSchema,
  WorkshopFeedbackParamsSchema,
  WorkshopFeedbackSummarySchema,
} from '@essaim/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { AppError } from '../lib/app-error.ts';
import {
  engagementEvaluation,
  myWorkshopFeedback,
  submitWorkshopFeedback,
  workshopFeedbackSummary,
} from '../services/evaluation.service.ts';
import { requireOrgScope } from './auth-plugin.ts';

/** Participants' workshop feedback (by their workshop cookie) and the engagement's evaluation. */
export async function evaluationRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['evaluation'];

  const participantOf = async (request: FastifyRequest, workshopId: string) => {
    const actor = (await app.deps.live.identify(request, workshopId))?.actor;
    if (actor?.role !== 'participant') {
      throw new AppError('FORBIDDEN', 'only the workshop’s participants give feedback');
    }
    return actor.participantId;
  };

  app.get(
    '/api/workshops/:workshopId/feedback',
    { schema: { tags, params: WorkshopFeedbackParamsSchema, response: { 200: MyWorkshopFeedbackSchema } } },
    async (request) =>
      myWorkshopFeedback(
        db,
        request.params.workshopId,
        await participantOf(request, request.params.workshopId),
      ),
  );

  app.post(
    '/api/workshops/:workshopId/feedback',
    { schema: { tags, params: WorkshopFeedbackParamsSchema, body: WorkshopFeedbackBodySchema } },
    async (request, reply) => {
      const participantId = await participantOf(request, request.params.workshopId);
      await submitWorkshopFeedback(db, request.params.workshopId, participantId, request.body);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/orgs/:orgId/workshops/:workshopId/feedback',
    {
      schema: {
        tags,
        params: WorkshopFeedbackOrgParamsSchema,
        response: { 200: WorkshopFeedbackSummarySchema },
      },
    },
    async (request) =>
      workshopFeedbackSummary(db, await requireOrgScope(request, 'workshop.run'), request.params.workshopId),
  );

  app.get(
    '/api/orgs/:orgId/engagements/:engagementId/evaluation',
    {
      schema: {
        tags,
        params: EngagementParamsSchema,
        querystring: z.object({ lang: z.enum(['fr', 'en']).optional() }),
        response: { 200: EvaluationViewSchema },
      },
    },
    async (request) =>
      engagementEvaluation(
        db,
        await requireOrgScope(request, 'engagement.read'),
        request.params.engagementId,
        request.query.lang,
      ),
  );
}
