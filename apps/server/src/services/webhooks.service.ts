import type { WebhookDelivery, WebhookEndpoint, WebhookEndpointBody } from '@essaim/contracts';
import {
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_EVENT_TYPES_EMITTED,
  type WebhookEventType,
} from '@essaim/core/webhooks';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import {
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
  webhooksRepository,
} from '../db/repositories/webhooks.repository.ts';
import { AppError, notFound } from '../lib/app-error.ts';
import { newId, nextSeq, nowIso } from '../lib/tokens.ts';
import { newWebhookSecret } from '../lib/webhook-signature.ts';
import { type Actor, recordAudit } from './audit.service.ts';

/** Endpoints of an organisation (the route requires `org.update`: owners only), their log and replay. */

function present(row: WebhookEndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.event_types,
    enabled: row.enabled === 1,
    consecutiveFailures: row.consecutive_failures,
    disabledAt: row.disabled_at,
    disabledReason: row.disabled_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const MAX_ENDPOINTS = 20;

export async function listEndpoints(db: Db, scope: OrgScope) {
  const rows = await webhooksRepository.listEndpoints(db, scope);
  return {
    endpoints: rows.map(present),
    eventTypes: WEBHOOK_EVENT_TYPES.map((type) => ({
      type,
      isEmitted: (WEBHOOK_EVENT_TYPES_EMITTED as readonly WebhookEventType[]).includes(type),
    })),
  };
}

async function load(db: Db, scope: OrgScope, id: string): Promise<WebhookEndpointRow> {
  const row = await webhooksRepository.findEndpoint(db, scope, id);
  if (!row) {
    throw notFound('webhook endpoint');
  }
  return row;
}

export async function createEndpoint(db: Db, scope: OrgScope, body: WebhookEndpointBody, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    if ((await webhooksRepository.listEndpoints(trx, scope)).length >= MAX_ENDPOINTS) {
      throw new AppError('CONFLICT', `at most ${MAX_ENDPOINTS} endpoints per organisation`, {
        reason: 'too_many_endpoints',
      });
    }
    const now = nowIso();
    const row: WebhookEndpointRow = {
      id: newId(),
      org_id: scope.orgId,
      url: body.url,
      description: body.description,
      secret: newWebhookSecret(),
      event_types: [...new Set(body.eventTypes)],
      enabled: 1,
      consecutive_failures: 0,
      disabled_at: null,
      disabled_reason: null,
      created_by: scope.userId,
      created_at: now,
      updated_at: now,
    };
    await webhooksRepository.insertEndpoint(trx, row);
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'webhook.endpoint_created',
      objectKind: 'webhook_endpoint',
      objectId: row.id,
      details: { url: row.url, eventTypes: body.eventTypes },
    });
    return { ...present(row), secret: row.secret };
  });
}

export async function updateEndpoint(
  db: Db,
  scope: OrgScope,
  id: string,
  patch: {
    url?: string | undefined;
    description?: string | undefined;
    eventTypes?: WebhookEventType[] | undefined;
    enabled?: boolean | undefined;
  },
  actor: Actor,
) {
  return db.transaction().execute(async (trx) => {
    const row = await load(trx, scope, id);
    const next: Partial<WebhookEndpointRow> = { updated_at: nowIso() };
    if (patch.url !== undefined) {
      next.url = patch.url;
    }
    if (patch.description !== undefined) {
      next.description = patch.description;
    }
    if (patch.eventTypes !== undefined) {
      next.event_types = [...new Set(patch.eventTypes)];
    }
    if (patch.enabled === true && row.enabled === 0) {
      Object.assign(next, { enabled: 1, consecutive_failures: 0, disabled_at: null, disabled_reason: null });
    } else if (patch.enabled === false && row.enabled === 1) {
      Object.assign(next, { enabled: 0, disabled_at: nowIso(), disabled_reason: 'disabled by an owner' });
    }
    await webhooksRepository.updateEndpoint(trx, scope, id, next);
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'webhook.endpoint_updated',
      objectKind: 'webhook_endpoint',
      objectId: id,
      details: { ...patch },
    });
    return present({ ...row, ...next });
  });
}

export async function rotateSecret(db: Db, scope: OrgScope, id: string, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const row = await load(trx, scope, id);
    const secret = newWebhookSecret();
    const now = nowIso();
    await webhooksRepository.updateEndpoint(trx, scope, id, { secret, updated_at: now });
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'webhook.secret_rotated',
      objectKind: 'webhook_endpoint',
      objectId: id,
    });
    return { ...present({ ...row, updated_at: now }), secret };
  });
}

export async function deleteEndpoint(db: Db, scope: OrgScope, id: string, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if ((await webhooksRepository.deleteEndpoint(trx, scope, id)) === 0) {
      throw notFound('webhook endpoint');
    }
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'webhook.endpoint_deleted',
      objectKind: 'webhook_endpoint',
      objectId: id,
    });
  });
}

async function presentDeliveries(
  db: Db,
  rows: (WebhookDeliveryRow & { type: string })[],
): Promise<WebhookDelivery[]> {
  const attempts = await webhooksRepository.attemptsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    endpointId: r.endpoint_id,
    eventId: r.event_id,
    eventType: r.type as WebhookEventType,
    resource: r.resource,
    status: r.status as WebhookDelivery['status'],
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastStatusCode: r.last_status_code,
    lastError: r.last_error,
    deliveredAt: r.delivered_at,
    createdAt: r.created_at,
    log: attempts
      .filter((a) => a.delivery_id === r.id)
      .map((a) => ({
        attempt: a.attempt,
        statusCode: a.status_code,
        error: a.error,
        durationMs: a.duration_ms,
        at: a.at,
      })),
  }));
}

export async function listDeliveries(db: Db, scope: OrgScope, endpointId: string) {
  await load(db, scope, endpointId);
  return {
    deliveries: await presentDeliveries(
      db,
      await webhooksRepository.listDeliveries(db, scope, endpointId, 100),
    ),
  };
}

/**
 * Replay: a new delivery of the same event to the same endpoint, queued behind anything pending for
 * that resource (the original delivery and its log are kept).
 */
export async function replayDelivery(db: Db, scope: OrgScope, deliveryId: string, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const original = await webhooksRepository.findDelivery(trx, scope, deliveryId);
    if (!original) {
      throw notFound('webhook delivery');
    }
    if (original.status === 'pending' || original.status === 'sending') {
      throw new AppError('CONFLICT', 'this delivery is still in progress', { reason: original.status });
    }
    const now = nowIso();
    const row: WebhookDeliveryRow = {
      id: newId(),
      org_id: scope.orgId,
      endpoint_id: original.endpoint_id,
      event_id: original.event_id,
      resource: original.resource,
      seq: nextSeq(),
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      last_status_code: null,
      last_error: null,
      delivered_at: null,
      created_at: now,
    };
    await webhooksRepository.insertDeliveries(trx, [row]);
    await recordAudit(trx, actor, {
      orgId: scope.orgId,
      action: 'webhook.delivery_replayed',
      objectKind: 'webhook_delivery',
      objectId: row.id,
      details: { replayOf: deliveryId },
    });
    const [presented] = await presentDeliveries(trx, [{ ...row, type: original.type }]);
    return presented as WebhookDelivery;
  });
}
