import {
  OkSchema,
  SsoLinkListSchema,
  SsoProviderParamsSchema,
  SsoPublicProviderListSchema,
  SsoSignOutSchema,
  SsoStartBodySchema,
  SsoStartSchema,
} from '@essaim/contracts';
import type { FastifyRequest } from 'fastify';
import type { AppInstance } from '../app-instance.ts';
import { ssoRepository } from '../db/repositories/sso.repository.ts';
import { signOut } from '../services/auth.service.ts';
import {
  finishSso,
  providerSignOutUrl,
  recordSsoFailure,
  SsoFailure,
  startSso,
  unlink,
} from '../services/sso.service.ts';
import { actorOf, clearSessionCookie, requireSession, setSessionCookie } from './auth-plugin.ts';

/** Per-IP ceiling on the sign-in entry points (each start stores a pending request). */
const SSO_RATE = { rateLimit: { max: 30, timeWindow: '1 minute' } };

/** The public origin: configured, or the one the request came to. */
export function siteOrigin(request: FastifyRequest): string {
  return request.server.deps.config.publicUrl ?? `${request.protocol}://${request.host}`;
}

export const ssoCallbackPath = '/api/auth/sso/callback';

/** Sign-in with OpenID Connect providers: the buttons, the start, the callback, sign-out and linking. */
export async function ssoRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['sso'];

  app.get(
    '/api/auth/sso/providers',
    { schema: { tags, response: { 200: SsoPublicProviderListSchema } } },
    async () => ({ providers: await ssoRepository.listEnabledWithOrg(db) }),
  );

  app.post(
    '/api/auth/sso/:providerId/start',
    {
      config: SSO_RATE,
      schema: {
        tags,
        params: SsoProviderParamsSchema,
        body: SsoStartBodySchema,
        response: { 200: SsoStartSchema },
      },
    },
    async (request) => ({
      url: await startSso(db, request.params.providerId, {
        redirectUri: siteOrigin(request) + ssoCallbackPath,
        returnTo: request.body.returnTo ?? '/',
        linkUserId: null,
      }),
    }),
  );

  // The provider sends the browser back here (a top-level GET, so no Origin check applies).
  app.get(ssoCallbackPath, { config: SSO_RATE, schema: { tags, hide: true } }, async (request, reply) => {
    const query = new URLSearchParams(request.url.split('?')[1] ?? '');
    try {
      const outcome = await finishSso(db, query, actorOf(request));
      if (outcome.kind === 'signed-in') {
        setSessionCookie(request, reply, outcome.token, app.deps.config.publicUrl);
        return reply.redirect(outcome.returnTo);
      }
      return reply.redirect(`${outcome.returnTo}${outcome.returnTo.includes('?') ? '&' : '?'}sso=linked`);
    } catch (err) {
      if (!(err instanceof SsoFailure)) {
        throw err;
      }
      request.log.warn({ reason: err.reason, detail: err.message }, 'single sign-on refused');
      await recordSsoFailure(db, actorOf(request), err);
      return reply.redirect(`/sign-in?ssoError=${err.reason}`);
    }
  });

  app.post(
    '/api/auth/sso/sign-out',
    { schema: { tags, response: { 200: SsoSignOutSchema } } },
    async (request, reply) => {
      let url: string | null = null;
      if (request.session) {
        url = await providerSignOutUrl(db, request.session.sessionId, `${siteOrigin(request)}/sign-in`);
        await signOut(db, requireSession(request), actorOf(request));
      }
      clearSessionCookie(reply);
      return { ok: true as const, providerSignOutUrl: url };
    },
  );

  app.get(
    '/api/me/sso-links',
    { schema: { tags, response: { 200: SsoLinkListSchema } } },
    async (request) => ({
      links: await ssoRepository.listUserLinks(db, requireSession(request).user.id),
    }),
  );

  app.post(
    '/api/me/sso-links/:providerId',
    {
      config: SSO_RATE,
      schema: {
        tags,
        params: SsoProviderParamsSchema,
        body: SsoStartBodySchema,
        response: { 200: SsoStartSchema },
      },
    },
    async (request) => ({
      url: await startSso(db, request.params.providerId, {
        redirectUri: siteOrigin(request) + ssoCallbackPath,
        returnTo: request.body.returnTo ?? '/account',
        linkUserId: requireSession(request).user.id,
      }),
    }),
  );

  app.delete(
    '/api/me/sso-links/:providerId',
    { schema: { tags, params: SsoProviderParamsSchema, response: { 200: OkSchema } } },
    async (request) => {
      const session = requireSession(request);
      await unlink(db, session.user, request.params.providerId, actorOf(request));
      return { ok: true as const };
    },
  );
}
