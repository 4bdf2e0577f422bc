/**
 * Webhook vocabulary: the event types an organisation may subscribe to, the retry schedule and the
 * rule that decides when an endpoint is switched off. Pure: the server signs, stores and sends.
 *
 * Payloads describe a state change of one resource (ids, titles, counts, dates) and never carry an
 * individual answer, position or free text written by a participant: a receiver is another system,
 * outside the confidentiality thresholds the screens apply.
 */

/** Emitted today by the existing capabilities. */
export const WEBHOOK_EVENT_TYPES_EMITTED = [
  'campaign.closed',
  'workshop.ended',
  'decision.adopted',
  'engagement.stopped',
  'charter.adopted',
  'plan.milestone.changed',
] as const;

/** Declared so endpoints can subscribe before their capability emits them (none at present). */
export const WEBHOOK_EVENT_TYPES_DECLARED = [] as const;

export const WEBHOOK_EVENT_TYPES = [...WEBHOOK_EVENT_TYPES_EMITTED, ...WEBHOOK_EVENT_TYPES_DECLARED] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

export interface WebhookRetryPolicy {
  /** Delay before the first retry; each further retry doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts per delivery (the first one included) before it is given up. */
  maxAttempts: number;
  /** Consecutive failed attempts on one endpoint after which it is disabled. */
  disableAfterFailures: number;
}

/** Production defaults: retries after 30 s, 1 min, 2 min … capped at 1 h; 8 attempts span about 2 hours. */
export const DEFAULT_RETRY_POLICY: WebhookRetryPolicy = {
  baseDelayMs: 30_000,
  maxDelayMs: 3_600_000,
  maxAttempts: 8,
  disableAfterFailures: 20,
};

/**
 * Exponential back-off (delay = base · 2^(attempt−1), capped), the schedule most webhook senders use;
 * `jitter` in [0, 1) spreads retries of many deliveries by up to 10 % so they do not arrive together.
 * Returns null when the delivery is given up.
 */
export function nextRetryDelay(attemptsMade: number, policy: WebhookRetryPolicy, jitter = 0): number | null {
  if (attemptsMade >= policy.maxAttempts) {
    return null;
  }
  const raw = policy.baseDelayMs * 2 ** Math.max(0, attemptsMade - 1);
  const capped = Math.min(raw, policy.maxDelayMs);
  return Math.round(capped * (1 + 0.1 * jitter));
}

/** A 2xx answer is a success; anything else (3xx included: redirects are not followed) is a failure. */
export function isDelivered(statusCode: number | null): boolean {
  return statusCode !== null && statusCode >= 200 && statusCode < 300;
}

/** The string that is signed: `<unix seconds>.<raw body>` (binds the body to its timestamp against replay). */
export function signedContent(timestampSeconds: number, body: string): string {
  return `${timestampSeconds}.${body}`;
}

/**
 * Why a URL is refused as an endpoint, or null. Only http(s) (no file:, gopher:, data: …), no user
 * info (secrets belong in the signature, not the URL), no fragment. Private addresses are not refused
 * here: on-premises installations post to their own network on purpose (see docs/webhooks.md).
 */
export function webhookUrlProblem(value: string): 'invalid' | 'scheme' | 'credentials' | null {
  // Parsed by hand: core has no URL global (no DOM, no node types); the server's fetch parses again.
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^\s]*)$/.exec(value);
  if (!match) {
    return /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(value) && !/^https?:/i.test(value) ? 'scheme' : 'invalid';
  }
  const scheme = (match[1] ?? '').toLowerCase();
  const authority = match[2] ?? '';
  if (scheme !== 'http' && scheme !== 'https') {
    return 'scheme';
  }
  if (authority.includes('@')) {
    return 'credentials';
  }
  if (!/^(\[[0-9a-fA-F:.]+\]|[^\s:@[\]]+)(:\d{1,5})?$/.test(authority)) {
    return 'invalid';
  }
  return null;
}
