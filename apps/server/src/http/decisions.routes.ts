import {
  DecisionDetailSchema,
  DecisionExportQuerySchema,
  DecisionListSchema,
  DecisionNotificationListSchema,
  DecisionNotificationReadBodySchema,
  DecisionParamsSchema,
  DecisionRegisterQuerySchema,
  DecisionRuleChoiceBodySchema,
  DecisionRuleRecommendationSchema,
  DecisionRuleRecommendBodySchema,
  EngagementParamsSchema,
  OrgParamsSchema,
} from '@essaim/contracts';
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { listNotifications, markNotificationsRead } from '../services/decision-notifications.service.ts';
import { decisionsCsv, listDecisions, readDecision } from '../services/decision-records.service.ts';
import { chooseDecisionRule, recommendDecisionRules } from '../services/decision-rules.service.ts';
import { actorOf, requireOrgScope } from './auth-plugin.ts';
import { sendTable } from './table-export.ts';

/** Decision rules (recommend, choose), the decision register (engagement and organisation) and notifications. */
export async function decisionRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['decisions'];
  const eng = '/api/orgs/:orgId/engagements/:engagementId';

  app.post(
    `${eng}/decision-rules/recommendations`,
    {
      schema: {
        tags,
        params: EngagementParamsSchema,
        body: DecisionRuleRecommendBodySchema,
        response: { 200: DecisionRuleRecommendationSchema },
      },
    },
    async (request) =>
      recommendDecisionRules(
        db,
        await requireOrgScope(request, 'decision.read'),
        request.params.engagementId,
        request.body,
      ),
  );

  app.post(
    `${eng}/decision-rules/choice`,
    {
      schema: {
        tags,
        params: EngagementParamsSchema,
        body: DecisionRuleChoiceBodySchema,
        response: { 200: z.object({ id: z.string(), rule: z.string() }) },
      },
    },
    async (request) =>
      chooseDecisionRule(
        db,
        await requireOrgScope(request, 'decision.record'),
        request.params.engagementId,
        request.body,
        actorOf(request),
      ),
  );

  app.get(
    `${eng}/decisions`,
    {
      schema: {
        tags,
        params: EngagementParamsSchema,
        querystring: DecisionRegisterQuerySchema,
        response: { 200: DecisionListSchema },
      },
    },
    async (request) =>
      listDecisions(
        db,
        await requireOrgScope(request, 'decision.read'),
        request.query,
        request.params.engagementId,
      ),
  );

  app.get(
    '/api/orgs/:orgId/decisions',
    {
      schema: {
        tags,
        params: OrgParamsSchema,
        querystring: DecisionRegisterQuerySchema,
        response: { 200: DecisionListSchema },
      },
    },
    async (request) => listDecisions(db, await requireOrgScope(request, 'decision.read'), request.query),
  );

  app.get(
    '/api/orgs/:orgId/decisions/export',
    { schema: { tags, params: OrgParamsSchema, querystring: DecisionExportQuerySchema } },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const { decisions } = await listDecisions(db, await requireOrgScope(request, 'decision.read'), query);
      if (format === 'json') {
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', 'attachment; filename="decisions.json"')
          .send(JSON.stringify({ decisions }, null, 2));
      }
      return sendTable(reply, decisionsCsv(decisions), format ?? 'csv', 'decisions');
    },
  );

  app.get(
    '/api/orgs/:orgId/decisions/:decisionId',
    { schema: { tags, params: DecisionParamsSchema, response: { 200: DecisionDetailSchema } } },
    async (request) =>
      readDecision(db, await requireOrgScope(request, 'decision.read'), request.params.decisionId),
  );

  app.get(
    '/api/orgs/:orgId/notifications',
    { schema: { tags, params: OrgParamsSchema, response: { 200: DecisionNotificationListSchema } } },
    async (request) => listNotifications(db, await requireOrgScope(request, 'org.read')),
  );

  app.post(
    '/api/orgs/:orgId/notifications/read',
    {
      schema: {
        tags,
        params: OrgParamsSchema,
        body: DecisionNotificationReadBodySchema,
        response: { 200: DecisionNotificationListSchema },
      },
    },
    async (request) =>
      markNotificationsRead(db, await requireOrgScope(request, 'org.read'), request.body.ids),
  );
}
