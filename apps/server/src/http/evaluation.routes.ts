import {
  EngagementParamsSchema,
  EvaluationViewSchema,
  WorkshopFeedbackBodySchema,
  WorkshopFeedbackParamsSchema,
} from '@essaim/contracts';
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { AppError } from '../lib/app-error.ts';
import { engagementEvaluation, submitWorkshopFeedback } from '../services/evaluation.service.ts';
import { requireOrgScope } from './auth-plugin.ts';

/** Participants' workshop feedback (by their workshop cookie) and the engagement's evaluation. */
export async function evaluationRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['evaluation'];

  app.post(
    '/api/workshops/:workshopId/feedback',
    { schema: { tags, params: WorkshopFeedbackParamsSchema, body: WorkshopFeedbackBodySchema } },
    async (request, reply) => {
      const identity = await app.deps.live.identify(request, request.params.workshopId);
      const actor = identity?.actor;
      if (actor?.role !== 'participant') {
        throw new AppError('FORBIDDEN', 'only the workshop’s participants give feedback');
      }
      await submitWorkshopFeedback(db, request.params.workshopId, actor.participantId, request.body);
      return reply.code(204).send();
    },
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
