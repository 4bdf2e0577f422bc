/**
 * REST schemas of the webhooks feature: an organisation's endpoints (owner only), their delivery log
 * and manual replay. Names are prefixed `Webhook…`.
 */
import { WEBHOOK_EVENT_TYPES, webhookUrlProblem } from '@essaim/core/webhooks';
import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './identity.ts';

export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);

const UrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => webhookUrlProblem(v) === null, 'an http(s) URL without credentials');

export const WebhookEndpointBodySchema = z.object({
  url: UrlSchema,
  description: z.string().trim().max(200).default(''),
  eventTypes: z.array(WebhookEventTypeSchema).min(1).max(WEBHOOK_EVENT_TYPES.length),
});
export type WebhookEndpointBody = z.infer<typeof WebhookEndpointBodySchema>;

export const WebhookEndpointPatchSchema = z.object({
  url: UrlSchema.optional(),
  description: z.string().trim().max(200).optional(),
  eventTypes: z.array(WebhookEventTypeSchema).min(1).max(WEBHOOK_EVENT_TYPES.length).optional(),
  /** true re-enables an endpoint disabled after failures (its failure count starts again at 0). */
  enabled: z.boolean().optional(),
});

export const WebhookEndpointSchema = z.object({
  id: IdSchema,
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(WebhookEventTypeSchema),
  enabled: z.boolean(),
  consecutiveFailures: z.number().int(),
  disabledAt: IsoDateSchema.nullable(),
  disabledReason: z.string().nullable(),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

/** Returned once, at creation and on rotation: the signing secret is never shown again. */
export const WebhookEndpointWithSecretSchema = WebhookEndpointSchema.extend({ secret: z.string() });

export const WebhookParamsSchema = z.object({ orgId: IdSchema, endpointId: IdSchema });
export const WebhookDeliveryParamsSchema = z.object({ orgId: IdSchema, deliveryId: IdSchema });

export const WebhookDeliveryStatusSchema = z.enum(['pending', 'sending', 'delivered', 'failed']);

export const WebhookDeliverySchema = z.object({
  id: IdSchema,
  endpointId: IdSchema,
  eventId: IdSchema,
  eventType: WebhookEventTypeSchema,
  resource: z.string(),
  status: WebhookDeliveryStatusSchema,
  attempts: z.number().int(),
  nextAttemptAt: IsoDateSchema.nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: IsoDateSchema.nullable(),
  createdAt: IsoDateSchema,
  log: z.array(
    z.object({
      attempt: z.number().int(),
      statusCode: z.number().int().nullable(),
      error: z.string().nullable(),
      durationMs: z.number().int(),
      at: IsoDateSchema,
    }),
  ),
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

export const WebhookDeliveryListSchema = z.object({ deliveries: z.array(WebhookDeliverySchema) });
export const WebhookEndpointListSchema = z.object({
  endpoints: z.array(WebhookEndpointSchema),
  eventTypes: z.array(z.object({ type: WebhookEventTypeSchema, isEmitted: z.boolean() })),
});
