import {
  DEFAULT_RETRY_POLICY,
  isDelivered,
  nextRetryDelay,
  type WebhookRetryPolicy,
} from '@essaim/core/webhooks';
import type { Db } from '../db/db.ts';
import { type WebhookDeliveryRow, webhooksRepository } from '../db/repositories/webhooks.repository.ts';
import { newId, nowIso } from '../lib/tokens.ts';
import { signWebhook } from '../lib/webhook-signature.ts';

export interface DispatcherOptions {
  policy: WebhookRetryPolicy;
  /** How often the outbox is polled for due deliveries. */
  pollMs: number;
  /** Per request; a slow receiver counts as a failure. */
  timeoutMs: number;
  /** Deliveries sent at once (each to a different endpoint or resource). */
  batch: number;
}

export const DEFAULT_DISPATCHER_OPTIONS: DispatcherOptions = {
  policy: DEFAULT_RETRY_POLICY,
  pollMs: 2000,
  timeoutMs: 10_000,
  batch: 20,
};

export const WEBHOOK_HEADERS = {
  event: 'essaim-event',
  delivery: 'essaim-delivery',
  timestamp: 'essaim-timestamp',
  signature: 'essaim-signature',
} as const;

/**
 * Sends the outbox. Each tick takes the due deliveries that are first in line for their endpoint and
 * resource (so two events about one campaign arrive in the order they happened, retries included),
 * claims each (another instance may be polling the same database), posts it signed, logs the attempt
 * and schedules a retry with exponential back-off or gives up. An endpoint whose consecutive failures
 * reach the policy's limit is disabled with the reason; its pending deliveries wait for re-enabling.
 *
 * SSRF care: redirects are not followed (a 3xx is a failure), the response body is never read or
 * stored (only its status code), requests time out; URLs are http(s) only (checked at registration).
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  private options: DispatcherOptions;

  constructor(
    private readonly db: Db,
    options: Partial<DispatcherOptions> = {},
    private readonly onError: (error: unknown) => void = () => {},
  ) {
    this.options = { ...DEFAULT_DISPATCHER_OPTIONS, ...options };
  }

  /** Change the schedule of a running dispatcher (tests shorten the back-off to milliseconds). */
  configure(options: Partial<DispatcherOptions>): void {
    this.options = { ...this.options, ...options };
  }

  /** Look at the outbox now rather than at the next poll (after an emit, a replay or a re-enable). */
  kick(): void {
    if (this.timer && !this.stopped) {
      clearTimeout(this.timer);
      this.timer = null;
      this.schedule(0);
    }
  }

  start(): void {
    this.stopped = false;
    void webhooksRepository.releaseSending(this.db).catch(this.onError);
    this.schedule(this.options.pollMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await this.running;
  }

  /** Send everything due now, repeatedly, until nothing is due (tests and the poller). */
  async drain(): Promise<number> {
    let sent = 0;
    for (;;) {
      const due = await webhooksRepository.dueDeliveries(this.db, nowIso(), this.options.batch);
      if (due.length === 0 || this.stopped) {
        return sent;
      }
      await Promise.all(due.map((d) => this.attempt(d)));
      sent += due.length;
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) {
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.drain()
        .then(() => undefined)
        .catch(this.onError)
        .finally(() => {
          this.running = null;
          this.schedule(this.options.pollMs);
        });
    }, ms);
    this.timer.unref();
  }

  private async attempt(delivery: WebhookDeliveryRow): Promise<void> {
    if (!(await webhooksRepository.claim(this.db, delivery.id))) {
      return;
    }
    const [endpoint, event] = await Promise.all([
      webhooksRepository.endpointById(this.db, delivery.endpoint_id),
      webhooksRepository.eventById(this.db, delivery.event_id),
    ]);
    if (!endpoint || !event) {
      return;
    }
    const attempt = delivery.attempts + 1;
    const body = event.payload;
    const timestamp = Math.floor(Date.now() / 1000);
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Essaim-Webhooks/1',
          [WEBHOOK_HEADERS.event]: event.type,
          [WEBHOOK_HEADERS.delivery]: delivery.id,
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.signature]: `v1=${signWebhook(endpoint.secret, timestamp, body)}`,
        },
        body,
      });
      statusCode = response.status;
      await response.body?.cancel().catch(() => {});
      if (!isDelivered(statusCode)) {
        error = `HTTP ${statusCode}`;
      }
    } catch (caught) {
      error =
        caught instanceof Error
          ? caught.cause instanceof Error
            ? caught.cause.message
            : caught.message
          : 'failed';
    }
    const at = nowIso();
    const durationMs = Math.round(performance.now() - started);
    await webhooksRepository.insertAttempt(this.db, {
      id: newId(),
      delivery_id: delivery.id,
      attempt,
      status_code: statusCode,
      error: error?.slice(0, 300) ?? null,
      duration_ms: durationMs,
      at,
    });
    if (error === null) {
      await webhooksRepository.updateDelivery(this.db, delivery.id, {
        status: 'delivered',
        attempts: attempt,
        next_attempt_at: null,
        last_status_code: statusCode,
        last_error: null,
        delivered_at: at,
      });
      await webhooksRepository.setEndpointHealth(this.db, endpoint.id, { consecutive_failures: 0 });
      return;
    }
    const delay = nextRetryDelay(attempt, this.options.policy, Math.random());
    await webhooksRepository.updateDelivery(this.db, delivery.id, {
      status: delay === null ? 'failed' : 'pending',
      attempts: attempt,
      next_attempt_at: delay === null ? null : new Date(Date.now() + delay).toISOString(),
      last_status_code: statusCode,
      last_error: error.slice(0, 300),
    });
    const failures = await webhooksRepository.countFailure(this.db, endpoint.id);
    if (failures >= this.options.policy.disableAfterFailures) {
      await webhooksRepository.disableEndpoint(
        this.db,
        endpoint.id,
        at,
        `disabled after ${failures} consecutive failed attempts (last: ${error.slice(0, 120)})`,
      );
    }
  }
}
