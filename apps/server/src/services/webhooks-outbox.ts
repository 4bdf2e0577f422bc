import type { WebhookEventType } from '@essaim/core/webhooks';
import type { Db } from '../db/db.ts';
import { webhooksRepository } from '../db/repositories/webhooks.repository.ts';
import { newId, nextSeq, nowIso } from '../lib/tokens.ts';

/**
 * The webhook outbox. A capability calls {@link emitWebhook} with the transaction that changes its
 * state, so the event exists exactly when the change is committed (the transactional outbox pattern);
 * the dispatcher sends it later, retrying, and a crash between commit and send loses nothing.
 *
 * `data` holds scalars only (ids, titles, counts, dates): never an individual answer, position or free
 * text written by a participant. Any feature (charters, plans …) plugs in by calling this function.
 */
export interface WebhookEmission {
  orgId: string;
  type: WebhookEventType;
  engagementId: string | null;
  resource: { kind: string; id: string };
  data: Record<string, string | number | boolean | null>;
  /** When the source may observe the same change twice (live batches), one event per key. */
  dedupeKey?: string;
}

export async function emitWebhook(db: Db, e: WebhookEmission): Promise<string | null> {
  const endpoints = (await webhooksRepository.enabledEndpoints(db, e.orgId)).filter((row) =>
    row.event_types.includes(e.type),
  );
  if (endpoints.length === 0) {
    return null;
  }
  if (e.dedupeKey && (await webhooksRepository.eventByDedupeKey(db, e.dedupeKey))) {
    return null;
  }
  const id = newId();
  const seq = nextSeq();
  const now = nowIso();
  const resource = `${e.resource.kind}:${e.resource.id}`;
  const payload = {
    id,
    type: e.type,
    createdAt: now,
    organisationId: e.orgId,
    engagementId: e.engagementId,
    resource: e.resource,
    data: e.data,
  };
  await webhooksRepository.insertEvent(db, {
    id,
    org_id: e.orgId,
    type: e.type,
    resource,
    seq,
    dedupe_key: e.dedupeKey ?? null,
    payload,
    created_at: now,
  });
  await webhooksRepository.insertDeliveries(
    db,
    endpoints.map((endpoint) => ({
      id: newId(),
      org_id: e.orgId,
      endpoint_id: endpoint.id,
      event_id: id,
      resource,
      seq,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      last_status_code: null,
      last_error: null,
      delivered_at: null,
      created_at: now,
    })),
  );
  return id;
}
