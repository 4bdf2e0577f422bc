/** Shapes of the webhooks feature's JSON columns (see stored-json.ts for why they are checked). */
import { WEBHOOK_EVENT_TYPES } from '@essaim/core/webhooks';
import { z } from 'zod';

export const WebhooksJson = {
  /** webhook_endpoints.event_types */
  eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  /** webhook_events.payload: written once, sent as stored (its bytes are what the signature covers). */
  payload: z.record(z.string(), z.unknown()),
} as const;
