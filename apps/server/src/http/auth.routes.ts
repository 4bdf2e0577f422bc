import {
  MeSchema,
  OkSchema,
  PasswordResetConfirmBodySchema,
  PasswordResetRequestBodySchema,
  SetupBodySchema,
  SetupStatusSchema,
  SignInBodySchema,
} from '@essaim/contracts';
import type { AppInstance } from '../app-instance.ts';
import { AppError } from '../lib/app-error.ts';
import {
  confirmPasswordReset,
  createPasswordReset,
  needsSetup,
  setupInstance,
  signIn,
  signOut,
} from '../services/auth.service.ts';
import { presentMe } from '../services/presenters.ts';
import { actorOf, clearSessionCookie, requireSession, setSessionCookie } from './auth-plugin.ts';
import { publicOrigin } from './public-origin.ts';

/** Per-IP ceiling on credential endpoints, on top of the per-account growing back-off. */
const AUTH_RATE = { rateLimit: { max: 30, timeWindow: '1 minute' } };

export async function authRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const publicUrl = () => app.deps.config.publicUrl;

  app.get('/api/setup', { schema: { tags: ['auth'], response: { 200: SetupStatusSchema } } }, async () => ({
    needed: await needsSetup(db),
  }));

  app.post(
    '/api/setup',
    { config: AUTH_RATE, schema: { tags: ['auth'], body: SetupBodySchema, response: { 200: MeSchema } } },
    async (request, reply) => {
      const { user, token } = await setupInstance(db, request.body, actorOf(request));
      setSessionCookie(request, reply, token, publicUrl());
      return presentMe(db, user);
    },
  );

  app.post(
    '/api/auth/sign-in',
    { config: AUTH_RATE, schema: { tags: ['auth'], body: SignInBodySchema, response: { 200: MeSchema } } },
    async (request, reply) => {
      const { user, token } = await signIn(db, app.signInGuard, request.body, actorOf(request));
      setSessionCookie(request, reply, token, publicUrl());
      return presentMe(db, user);
    },
  );

  app.post(
    '/api/auth/sign-out',
    { schema: { tags: ['auth'], response: { 200: OkSchema } } },
    async (request, reply) => {
      if (request.session) {
        await signOut(db, requireSession(request), actorOf(request));
        await app.sockets.closeSession(request.session.sessionId);
      }
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      config: AUTH_RATE,
      schema: { tags: ['auth'], body: PasswordResetRequestBodySchema, response: { 202: OkSchema } },
    },
    async (request, reply) => {
      const key = `reset:${request.ip}`;
      const wait = app.signInThrottle.retryAfter(key);
      if (wait > 0) {
        throw new AppError('RATE_LIMITED', 'too many reset requests, try again later', {
          retryAfterSeconds: wait,
        });
      }
      // Counted as a failure every time, so the back-off keeps the endpoint from being a mail cannon.
      app.signInThrottle.fail(key);
      // Same answer whether or not the email exists.
      {
        const reset = await createPasswordReset(db, request.body.email, actorOf(request));
        const base = publicOrigin(request);
        if (reset && app.deps.mailer.enabled) {
          const link = `${base}/reset-password?token=${reset.token}`;
          await app.deps.mailer.send({
            to: reset.user.email,
            subject: 'Essaim: réinitialiser votre mot de passe / reset your password',
            text: `Lien valable une heure / link valid for one hour:\n${link}\n`,
          });
        }
      }
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      config: AUTH_RATE,
      schema: { tags: ['auth'], body: PasswordResetConfirmBodySchema, response: { 200: OkSchema } },
    },
    async (request) => {
      const { userId } = await confirmPasswordReset(
        db,
        request.body.token,
        request.body.newPassword,
        actorOf(request),
      );
      await app.sockets.closeUser(userId);
      return { ok: true as const };
    },
  );
}
