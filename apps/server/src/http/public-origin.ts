import type { FastifyRequest } from 'fastify';

/**
 * The origin every emailed or displayed link starts with. PUBLIC_URL when set (it must be when SMTP
 * is configured, so a mailed link never comes from request headers); otherwise, only for links shown
 * to the requester, the origin the request came to (X-Forwarded-Host counts only from TRUST_PROXY).
 */
export function publicOrigin(request: FastifyRequest): string {
  return request.server.deps.config.publicUrl ?? `${request.protocol}://${request.host}`;
}
