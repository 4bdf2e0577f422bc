import { z } from 'zod';

/**
 * Stable error codes returned by the API in `{ error: { code, message, details? } }`.
 * Clients translate them (web: `errors.<CODE>` keys); never rename one.
 */
export const ErrorCodeSchema = z.enum([
  'VALIDATION_FAILED',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'CSRF_REJECTED',
  'ENGAGEMENT_STOPPED',
  'ENGAGEMENT_PAUSED',
  'SETUP_DONE',
  'INTERNAL',
  'BUSY',
  'DEPENDENCY_CYCLE',
  'LINK_REVOKED',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ErrorBodySchema = z.object({
  error: z.object({
    /** Stable, machine-readable code. */
    code: ErrorCodeSchema,
    /** Human-readable explanation in English; clients localise from `code`. */
    message: z.string(),
    /** Optional structured details, e.g. the failing fields of a body. */
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** HTTP status that goes with each code. */
export const errorStatus: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ENGAGEMENT_STOPPED: 409,
  ENGAGEMENT_PAUSED: 409,
  SETUP_DONE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  /** The database is locked by another process; retry after the Retry-After header. */
  BUSY: 503,
  /** A plan's milestone dependencies would form a cycle (details.cycle names it). */
  DEPENDENCY_CYCLE: 409,
  /** A private link (a calendar feed) was revoked by its owner: it will not work again. */
  LINK_REVOKED: 410,
};
