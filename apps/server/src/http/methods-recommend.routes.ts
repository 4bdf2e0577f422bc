import {
  EngagementParamsSchema,
  MethodChoiceListSchema,
  RecommendationBodySchema,
  RecommendationSchema,
  RecordMethodChoiceBodySchema,
} from '@essaim/contracts';
import type { AppInstance } from '../app-instance.ts';
import {
  listMethodChoices,
  recommendForEngagement,
  recordMethodChoice,
} from '../services/methods-recommend.service.ts';
import { actorOf, requireOrgScope } from './auth-plugin.ts';

/** Method recommendations for an engagement's essential question, and the record of the chosen method. */
export async function methodRecommendationRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['methods'];
  const base = '/api/orgs/:orgId/engagements/:engagementId';

  // A POST because the request is a structured description of the moment; nothing is stored.
  app.post(
    `${base}/method-recommendations`,
    {
      schema: {
        tags,
        params: EngagementParamsSchema,
        body: RecommendationBodySchema,
        response: { 200: RecommendationSchema },
      },
    },
    async (request) =>
      recommendForEngagement(
        db,
        await requireOrgScope(request, 'engagement.read'),
        request.params.engagementId,
        request.body,
      ),
  );

  app.get(
    `${base}/method-choices`,
    { schema: { tags, params: EngagementParamsSchema, response: { 200: MethodChoiceListSchema } } },
    async (request) =>
      listMethodChoices(db, await requireOrgScope(request, 'engagement.read'), request.params.engagementId),
  );

  app.post(
    `${base}/method-choices`,
    {
      schema: {
        tags,
        params: EngagementParamsSchema,
        body: RecordMethodChoiceBodySchema,
        response: { 200: MethodChoiceListSchema },
      },
    },
    async (request) => {
      const result = await recordMethodChoice(
        db,
        await requireOrgScope(request, 'options.choose'),
        request.params.engagementId,
        request.body,
        actorOf(request),
      );
      const room = `engagement:${request.params.engagementId}`;
      await app.deps.hub.broadcast(room, {
        type: 'event',
        room,
        event: 'methods.choice_recorded',
        payload: { engagementId: request.params.engagementId },
      });
      return result;
    },
  );
}
