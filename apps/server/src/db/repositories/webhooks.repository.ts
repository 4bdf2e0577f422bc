import { sql } from 'kysely';
import type { OrgScope } from '../org-scope.ts';
import { type Decoded, decodeRow, decodeRows, encodeRow } from '../stored-json.ts';
import { WebhooksJson } from '../stored-json-webhooks.ts';
import type {
  WebhookAttemptsTable,
  WebhookDeliveriesTable,
  WebhookEndpointsTable,
  WebhookEventsTable,
} from '../tables/webhooks.ts';
import type { Db } from './users.repository.ts';

const ENDPOINT_JSON = { event_types: WebhooksJson.eventTypes };

/** An endpoint with its event types parsed (the column holds a JSON array). */
export type WebhookEndpointRow = Decoded<WebhookEndpointsTable, typeof ENDPOINT_JSON>;
/** An event as written: its payload is an object, stored as JSON text. */
export type NewWebhookEventRow = Omit<WebhookEventsTable, 'payload'> & { payload: Record<string, unknown> };
/** An event as read: the payload stays the stored text, sent byte for byte and signed as such. */
export type WebhookEventRow = WebhookEventsTable;
export type WebhookDeliveryRow = WebhookDeliveriesTable;
export type WebhookAttemptRow = WebhookAttemptsTable;

/**
 * Endpoints, the event outbox, deliveries and their attempts. Reads for the owner's screens take the
 * scope; the dispatcher (no user) works on rows by id, across organisations.
 */
export const webhooksRepository = {
  async listEndpoints(db: Db, scope: OrgScope): Promise<WebhookEndpointRow[]> {
    const rows = await db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .orderBy('created_at')
      .execute();
    return decodeRows(rows, ENDPOINT_JSON);
  },

  async findEndpoint(db: Db, scope: OrgScope, id: string): Promise<WebhookEndpointRow | undefined> {
    const row = await db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && decodeRow(row, ENDPOINT_JSON);
  },

  async insertEndpoint(db: Db, row: WebhookEndpointRow): Promise<void> {
    await db
      .insertInto('webhook_endpoints')
      .values(encodeRow<WebhookEndpointsTable>(row, ENDPOINT_JSON))
      .execute();
  },

  async updateEndpoint(
    db: Db,
    scope: OrgScope,
    id: string,
    patch: Partial<WebhookEndpointRow>,
  ): Promise<void> {
    await db
      .updateTable('webhook_endpoints')
      .set(encodeRow<Partial<WebhookEndpointsTable>>(patch, ENDPOINT_JSON))
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .execute();
  },

  async deleteEndpoint(db: Db, scope: OrgScope, id: string): Promise<number> {
    const r = await db
      .deleteFrom('webhook_endpoints')
      .where('org_id', '=', scope.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  /** Enabled endpoints of an organisation (the emitter filters by event type). */
  async enabledEndpoints(db: Db, orgId: string): Promise<Pick<WebhookEndpointRow, 'id' | 'event_types'>[]> {
    const rows = await db
      .selectFrom('webhook_endpoints')
      .select(['id', 'event_types'])
      .where('org_id', '=', orgId)
      .where('enabled', '=', 1)
      .execute();
    return decodeRows(rows, ENDPOINT_JSON);
  },

  async eventByDedupeKey(db: Db, key: string): Promise<{ id: string } | undefined> {
    return db.selectFrom('webhook_events').select('id').where('dedupe_key', '=', key).executeTakeFirst();
  },

  async insertEvent(db: Db, row: NewWebhookEventRow): Promise<void> {
    await db
      .insertInto('webhook_events')
      .values(encodeRow<WebhookEventsTable>(row, { payload: WebhooksJson.payload }))
      .execute();
  },

  async insertDeliveries(db: Db, rows: WebhookDeliveryRow[]): Promise<void> {
    if (rows.length > 0) {
      await db.insertInto('webhook_deliveries').values(rows).execute();
    }
  },

  /**
   * Deliveries due now whose endpoint is enabled and that are first in line for their resource on
   * their endpoint: no earlier delivery (lower seq) of the same resource is still pending or sending.
   */
  async dueDeliveries(db: Db, now: string, limit: number): Promise<WebhookDeliveryRow[]> {
    return db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
      .selectAll('d')
      .where('d.status', '=', 'pending')
      .where('d.next_attempt_at', '<=', now)
      .where('e.enabled', '=', 1)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('webhook_deliveries as p')
              .select(sql<number>`1`.as('one'))
              .whereRef('p.endpoint_id', '=', 'd.endpoint_id')
              .whereRef('p.resource', '=', 'd.resource')
              .whereRef('p.seq', '<', 'd.seq')
              .where('p.status', 'in', ['pending', 'sending']),
          ),
        ),
      )
      .orderBy('d.seq')
      .limit(limit)
      .execute();
  },

  /** Claim a delivery for this worker (another instance may race for it); true when won. */
  async claim(db: Db, id: string): Promise<boolean> {
    const r = await db
      .updateTable('webhook_deliveries')
      .set({ status: 'sending' })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async updateDelivery(db: Db, id: string, patch: Partial<WebhookDeliveryRow>): Promise<void> {
    await db.updateTable('webhook_deliveries').set(patch).where('id', '=', id).execute();
  },

  /** Deliveries left `sending` by a process that stopped go back in line. */
  async releaseSending(db: Db): Promise<void> {
    await db
      .updateTable('webhook_deliveries')
      .set({ status: 'pending' })
      .where('status', '=', 'sending')
      .execute();
  },

  async insertAttempt(db: Db, row: WebhookAttemptRow): Promise<void> {
    await db.insertInto('webhook_attempts').values(row).execute();
  },

  async endpointById(db: Db, id: string): Promise<WebhookEndpointRow | undefined> {
    const row = await db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
    return row && decodeRow(row, ENDPOINT_JSON);
  },

  async eventById(db: Db, id: string): Promise<WebhookEventRow | undefined> {
    return db.selectFrom('webhook_events').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async setEndpointHealth(db: Db, id: string, patch: Partial<WebhookEndpointRow>): Promise<void> {
    await db
      .updateTable('webhook_endpoints')
      .set(encodeRow<Partial<WebhookEndpointsTable>>(patch, ENDPOINT_JSON))
      .where('id', '=', id)
      .execute();
  },

  /** One more consecutive failure (atomic: concurrent deliveries to one endpoint all count). */
  async countFailure(db: Db, id: string): Promise<number> {
    await db
      .updateTable('webhook_endpoints')
      .set((eb) => ({ consecutive_failures: eb('consecutive_failures', '+', 1) }))
      .where('id', '=', id)
      .execute();
    const row = await db
      .selectFrom('webhook_endpoints')
      .select('consecutive_failures')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.consecutive_failures ?? 0;
  },

  /** Only an enabled endpoint is disabled, so the first reason is kept. */
  async disableEndpoint(db: Db, id: string, at: string, reason: string): Promise<void> {
    await db
      .updateTable('webhook_endpoints')
      .set({ enabled: 0, disabled_at: at, disabled_reason: reason })
      .where('id', '=', id)
      .where('enabled', '=', 1)
      .execute();
  },

  async listDeliveries(
    db: Db,
    scope: OrgScope,
    endpointId: string,
    limit: number,
  ): Promise<(WebhookDeliveryRow & { type: string })[]> {
    return db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_events as ev', 'ev.id', 'd.event_id')
      .selectAll('d')
      .select('ev.type')
      .where('d.org_id', '=', scope.orgId)
      .where('d.endpoint_id', '=', endpointId)
      .orderBy('d.seq', 'desc')
      .limit(limit)
      .execute();
  },

  async findDelivery(
    db: Db,
    scope: OrgScope,
    id: string,
  ): Promise<(WebhookDeliveryRow & { type: string }) | undefined> {
    return db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_events as ev', 'ev.id', 'd.event_id')
      .selectAll('d')
      .select('ev.type')
      .where('d.org_id', '=', scope.orgId)
      .where('d.id', '=', id)
      .executeTakeFirst();
  },

  async attemptsOf(db: Db, deliveryIds: string[]): Promise<WebhookAttemptRow[]> {
    if (deliveryIds.length === 0) {
      return [];
    }
    return db
      .selectFrom('webhook_attempts')
      .selectAll()
      .where('delivery_id', 'in', deliveryIds)
      .orderBy('attempt')
      .execute();
  },
};
