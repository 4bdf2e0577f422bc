import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * HMAC-SHA256 over `<timestamp>.<body>` (the scheme Stripe and Slack use): the receiver recomputes it
 * with the shared secret, compares in constant time, and refuses a timestamp older than a few minutes,
 * so a captured request cannot be replayed later.
 */
export function signWebhook(secret: string, timestampSeconds: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
}

export function verifyWebhook(
  secret: string,
  timestampSeconds: number,
  body: string,
  signatureHex: string,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = 300,
): boolean {
  if (Math.abs(nowSeconds - timestampSeconds) > toleranceSeconds) {
    return false;
  }
  const expected = Buffer.from(signWebhook(secret, timestampSeconds, body), 'hex');
  const given = Buffer.from(signatureHex, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** `whsec_` + 256 random bits. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;
