import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** Application-generated ids (text UUIDs work the same on SQLite and PostgreSQL). */
export const newId = (): string => randomUUID();

/** 256 bits from the CSPRNG, URL-safe: session cookies, invitation and reset links, participant tokens. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Tokens are stored hashed: a database leak must not hand out live sessions or links. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const nowIso = (): string => new Date().toISOString();

export const addSeconds = (iso: string, seconds: number): string =>
  new Date(new Date(iso).getTime() + seconds * 1000).toISOString();

let lastSeq = 0;

/**
 * A monotonic sequence for ordering and paging (audit log, timelines): microseconds since the epoch,
 * bumped on ties so two entries written in the same microsecond by this process keep their order.
 */
export function nextSeq(): number {
  const candidate = Date.now() * 1000;
  lastSeq = candidate > lastSeq ? candidate : lastSeq + 1;
  return lastSeq;
}
