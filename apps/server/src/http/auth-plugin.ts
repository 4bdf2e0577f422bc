import type { Action } from '@essaim/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppInstance } from '../app-instance.ts';
import type { OrgScope } from '../db/org-scope.ts';
import { AppError } from '../lib/app-error.ts';
import { requireScope } from '../services/access.service.ts';
import type { Actor } from '../services/audit.service.ts';
import { resolveSession, SESSION_IDLE_SECONDS, type SessionContext } from '../services/auth.service.ts';
import { SignInGuard, Throttle } from '../services/throttle.ts';

export const SESSION_COOKIE = 'essaim_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionContext | null;
  }
  interface FastifyInstance {
    signInThrottle: Throttle;
    signInGuard: SignInGuard;
  }
}

/** The origins allowed to send unsafe requests: the configured public URL and the one the request came to. */
function isSameOrigin(request: FastifyRequest, origin: string, publicUrl: string | null): boolean {
  const own = `${request.protocol}://${request.host}`;
  return origin === own || (publicUrl !== null && origin === new URL(publicUrl).origin);
}

/**
 * CSRF defence for cookie sessions (OWASP CSRF cheat sheet, "verifying origin with standard headers"
 * and Fetch Metadata): an unsafe request is refused when the browser says it is cross-site or its
 * Origin is not ours. Requests without either header do not come from a browser page.
 */
export function checkCsrf(request: FastifyRequest, publicUrl: string | null): void {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') {
    throw new AppError('CSRF_REJECTED', 'cross-site request refused');
  }
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== 'null' && !isSameOrigin(request, origin, publicUrl)) {
    throw new AppError('CSRF_REJECTED', 'cross-origin request refused');
  }
  if (origin === 'null') {
    throw new AppError('CSRF_REJECTED', 'opaque-origin request refused');
  }
}

export const authPlugin = fp(async (app: AppInstance) => {
  app.decorate('signInThrottle', new Throttle());
  app.decorate('signInGuard', new SignInGuard());
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    const url = request.url;
    if (!url.startsWith('/api/') && !url.startsWith('/ws')) {
      return;
    }
    if (UNSAFE.has(request.method) || url.startsWith('/ws')) {
      checkCsrf(request, app.deps.config.publicUrl);
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token && token.length <= 128) {
      request.session = await resolveSession(app.deps.database.db, token);
    }
  });
});

/** API docs in production (API_DOCS=signed-in): only for a signed-in person. */
export async function requireDocsSession(request: FastifyRequest): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  const session =
    token && token.length <= 128 ? await resolveSession(request.server.deps.database.db, token) : null;
  if (!session) {
    throw new AppError('UNAUTHENTICATED', 'sign in to read the API documentation');
  }
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  publicUrl: string | null,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https' || (publicUrl?.startsWith('https://') ?? false),
    maxAge: SESSION_IDLE_SECONDS,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export function requireSession(request: FastifyRequest): SessionContext {
  if (!request.session) {
    throw new AppError('UNAUTHENTICATED', 'sign in first');
  }
  return request.session;
}

export function actorOf(request: FastifyRequest): Actor {
  const ua = request.headers['user-agent'];
  return {
    userId: request.session?.user.id ?? null,
    ip: request.ip ?? null,
    userAgent: typeof ua === 'string' ? ua : null,
  };
}

/** The caller's scope in the organisation named by the route's `:orgId`, checked for `action`. */
export function requireOrgScope(
  request: FastifyRequest<{ Params: { orgId: string } }>,
  action: Action,
): Promise<OrgScope> {
  return requireScope(
    request.server.deps.database.db,
    requireSession(request).user.id,
    request.params.orgId,
    action,
  );
}
