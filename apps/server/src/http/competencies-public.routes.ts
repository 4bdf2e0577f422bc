import {
  CompetencyFeedbackAnswerBodySchema,
  CompetencyFeedbackFormSchema,
  CompetencySupervisionReviewBodySchema,
  CompetencySupervisionViewSchema,
  CompetencyTokenParamsSchema,
  OkSchema,
} from '@essaim/contracts';
import type { AppInstance } from '../app-instance.ts';
import * as feedback from '../services/competencies-feedback.service.ts';

/**
 * Capability URLs: a feedback link (one answer, no account) and a supervision link (the peer the
 * consultant chose). Neither reveals anything about other respondents.
 */
export async function competenciesPublicRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['competencies'];
  const noStore = { 'cache-control': 'no-store' };

  app.get(
    '/api/feedback/:token',
    {
      schema: { tags, params: CompetencyTokenParamsSchema, response: { 200: CompetencyFeedbackFormSchema } },
    },
    async (request, reply) => {
      reply.headers(noStore);
      return feedback.feedbackForm(db, request.params.token);
    },
  );

  app.post(
    '/api/feedback/:token',
    {
      schema: {
        tags,
        params: CompetencyTokenParamsSchema,
        body: CompetencyFeedbackAnswerBodySchema,
        response: { 200: OkSchema },
      },
    },
    async (request) => feedback.submitFeedback(db, request.params.token, request.body),
  );

  app.get(
    '/api/supervision/:token',
    {
      schema: {
        tags,
        params: CompetencyTokenParamsSchema,
        response: { 200: CompetencySupervisionViewSchema },
      },
    },
    async (request, reply) => {
      reply.headers(noStore);
      return feedback.supervisionView(db, request.params.token);
    },
  );

  app.post(
    '/api/supervision/:token',
    {
      schema: {
        tags,
        params: CompetencyTokenParamsSchema,
        body: CompetencySupervisionReviewBodySchema,
        response: { 200: OkSchema },
      },
    },
    async (request) => feedback.submitReview(db, request.params.token, request.body.review),
  );
}
