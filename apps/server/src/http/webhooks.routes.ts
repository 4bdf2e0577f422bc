import {
  OrgParamsSchema,
  WebhookDeliveryListSchema,
  WebhookDeliveryParamsSchema,
  WebhookDeliverySchema,
  WebhookEndpointBodySchema,
  WebhookEndpointListSchema,
  WebhookEndpointPatchSchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
  WebhookParamsSchema,
} from '@essaim/contracts';
import type { AppInstance } from '../app-instance.ts';
import {
  createEndpoint,
  deleteEndpoint,
  listDeliveries,
  listEndpoints,
  replayDelivery,
  rotateSecret,
  updateEndpoint,
} from '../services/webhooks.service.ts';
import { actorOf, requireOrgScope } from './auth-plugin.ts';

/** Webhook endpoints of an organisation: owners only (`org.update`), like the organisation's settings. */
export async function webhookRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['webhooks'];
  const base = '/api/orgs/:orgId/webhooks';

  app.get(
    base,
    { schema: { tags, params: OrgParamsSchema, response: { 200: WebhookEndpointListSchema } } },
    async (request) => listEndpoints(db, await requireOrgScope(request, 'org.update')),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        params: OrgParamsSchema,
        body: WebhookEndpointBodySchema,
        response: { 201: WebhookEndpointWithSecretSchema },
      },
    },
    async (request, reply) => {
      const created = await createEndpoint(
        db,
        await requireOrgScope(request, 'org.update'),
        request.body,
        actorOf(request),
      );
      return reply.code(201).send(created);
    },
  );

  app.patch(
    `${base}/:endpointId`,
    {
      schema: {
        tags,
        params: WebhookParamsSchema,
        body: WebhookEndpointPatchSchema,
        response: { 200: WebhookEndpointSchema },
      },
    },
    async (request) => {
      const result = await updateEndpoint(
        db,
        await requireOrgScope(request, 'org.update'),
        request.params.endpointId,
        request.body,
        actorOf(request),
      );
      app.deps.webhooks.kick();
      return result;
    },
  );

  app.post(
    `${base}/:endpointId/secret`,
    { schema: { tags, params: WebhookParamsSchema, response: { 200: WebhookEndpointWithSecretSchema } } },
    async (request) =>
      rotateSecret(
        db,
        await requireOrgScope(request, 'org.update'),
        request.params.endpointId,
        actorOf(request),
      ),
  );

  app.delete(
    `${base}/:endpointId`,
    { schema: { tags, params: WebhookParamsSchema } },
    async (request, reply) => {
      await deleteEndpoint(
        db,
        await requireOrgScope(request, 'org.update'),
        request.params.endpointId,
        actorOf(request),
      );
      return reply.code(204).send();
    },
  );

  app.get(
    `${base}/:endpointId/deliveries`,
    { schema: { tags, params: WebhookParamsSchema, response: { 200: WebhookDeliveryListSchema } } },
    async (request) =>
      listDeliveries(db, await requireOrgScope(request, 'org.update'), request.params.endpointId),
  );

  app.post(
    `/api/orgs/:orgId/webhook-deliveries/:deliveryId/replay`,
    { schema: { tags, params: WebhookDeliveryParamsSchema, response: { 201: WebhookDeliverySchema } } },
    async (request, reply) => {
      const delivery = await replayDelivery(
        db,
        await requireOrgScope(request, 'org.update'),
        request.params.deliveryId,
        actorOf(request),
      );
      app.deps.webhooks.kick();
      return reply.code(201).send(delivery);
    },
  );
}
