/** Tables of the webhooks feature. */

export interface WebhookEndpointsTable {
  id: string;
  org_id: string;
  url: string;
  description: string;
  /** HMAC-SHA256 key; kept in clear because the server must sign with it (shown once to the owner). */
  secret: string;
  /** JSON WebhookEventType[]. */
  event_types: string;
  enabled: number;
  consecutive_failures: number;
  disabled_at: string | null;
  disabled_reason: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookEventsTable {
  id: string;
  org_id: string;
  type: string;
  /** `<kind>:<id>` of the resource whose state changed: deliveries of one resource keep their order. */
  resource: string;
  seq: number;
  dedupe_key: string | null;
  /** JSON payload as sent (without the envelope). */
  payload: string;
  created_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  org_id: string;
  endpoint_id: string;
  event_id: string;
  resource: string;
  seq: number;
  /** pending | sending | delivered | failed */
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
}

export interface WebhookAttemptsTable {
  id: string;
  delivery_id: string;
  attempt: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  at: string;
}

export interface WebhooksTables {
  webhook_endpoints: WebhookEndpointsTable;
  webhook_events: WebhookEventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}
