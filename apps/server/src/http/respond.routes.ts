import {
  RespondConsentBodySchema,
  RespondConsentResultSchema,
  RespondOkSchema,
  RespondSaveBodySchema,
  RespondSessionSchema,
  RespondStartBodySchema,
  RespondStartResultSchema,
  RespondSubmitBodySchema,
  RespondSubmitResultSchema,
  RespondTokenParamsSchema,
} from '@essaim/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppInstance } from '../app-instance.ts';
import { AppError } from '../lib/app-error.ts';
import { hashToken } from '../lib/tokens.ts';
import {
  giveConsent,
  respondSession,
  saveDraft,
  startShared,
  submitAnswers,
} from '../services/campaigns-respond.service.ts';
import { Throttle } from '../services/throttle.ts';

/**
 * Limits on starting a response through a shared link (docs/diagnostics.md, "Threat model"):
 * per link and per address, each over a window; beyond the allowance each further start doubles
 * the wait (Throttle). Generous enough for an office behind one address, tight enough that a
 * script cannot pour hundreds of answers in. Exported so tests can lower them.
 */
export const sharedLinkLimits = {
  windowSeconds: 3600,
  perAddress: 20,
  perLink: 500,
  maxDelaySeconds: 15 * 60,
};

/** One response per browser through a shared link: a cookie scoped to the respondent API. */
const startedCookie = (sharedToken: string) => `essaim_shared_${hashToken(sharedToken).slice(0, 16)}`;

/** The respondent's resume key (see campaigns-respond.service.ts), sent as a header. */
function resumeKeyOf(request: FastifyRequest): string | null {
  const key = request.headers['x-resume-key'];
  return typeof key === 'string' && key.length >= 20 && key.length <= 128 ? key : null;
}

/**
 * Public respondent routes, reached by a capability token (personal link or shared link). They
 * never need an account and never reveal anything about other respondents.
 */
export async function respondRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['respond'];
  const base = '/api/respond/:token';
  const noStore = { 'cache-control': 'no-store' };
  const perAddress = new Throttle(sharedLinkLimits.perAddress, sharedLinkLimits.maxDelaySeconds);
  const perLink = new Throttle(sharedLinkLimits.perLink, sharedLinkLimits.maxDelaySeconds);
  const limitKeys = (request: FastifyRequest, token: string) => {
    const window = Math.floor(Date.now() / 1000 / sharedLinkLimits.windowSeconds);
    const link = hashToken(token).slice(0, 24);
    return { address: `${link}:${request.ip}:${window}`, link: `${link}:${window}` };
  };
  const refuseIfLimited = (request: FastifyRequest, reply: FastifyReply, token: string) => {
    const keys = limitKeys(request, token);
    const wait = Math.max(perAddress.retryAfter(keys.address), perLink.retryAfter(keys.link));
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      throw new AppError('RATE_LIMITED', 'too many answers through this link, try again later', {
        retryAfterSeconds: wait,
      });
    }
    if (request.cookies[startedCookie(token)]) {
      throw new AppError('CONFLICT', 'this browser has already answered through this link', {
        reason: 'already-started',
      });
    }
    return keys;
  };

  app.get(
    base,
    { schema: { tags, params: RespondTokenParamsSchema, response: { 200: RespondSessionSchema } } },
    async (request, reply) => {
      reply.headers(noStore);
      return respondSession(db, request.params.token, resumeKeyOf(request));
    },
  );

  app.post(
    `${base}/start`,
    {
      schema: {
        tags,
        params: RespondTokenParamsSchema,
        body: RespondStartBodySchema,
        response: { 200: RespondStartResultSchema },
      },
    },
    async (request, reply) => {
      const keys = refuseIfLimited(request, reply, request.params.token);
      const started = await startShared(db, request.params.token, request.body);
      // Counted once a response is started: each start spends the allowance of link and address.
      perAddress.fail(keys.address);
      perLink.fail(keys.link);
      reply.setCookie(startedCookie(request.params.token), '1', {
        path: '/api/respond',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        maxAge: 180 * 24 * 3600,
      });
      return { token: started.token, resumeKey: started.resumeKey };
    },
  );

  app.post(
    `${base}/consent`,
    {
      schema: {
        tags,
        params: RespondTokenParamsSchema,
        body: RespondConsentBodySchema,
        response: { 200: RespondConsentResultSchema },
      },
    },
    async (request) => {
      const { resumeKey } = await giveConsent(
        db,
        request.params.token,
        request.body.language,
        resumeKeyOf(request),
      );
      return { ok: true as const, resumeKey };
    },
  );

  app.post(
    `${base}/save`,
    {
      schema: {
        tags,
        params: RespondTokenParamsSchema,
        body: RespondSaveBodySchema,
        response: { 200: RespondOkSchema },
      },
    },
    async (request) => {
      await saveDraft(
        db,
        request.params.token,
        request.body.answers,
        request.body.language,
        resumeKeyOf(request),
      );
      return { ok: true as const };
    },
  );

  app.post(
    `${base}/submit`,
    {
      schema: {
        tags,
        params: RespondTokenParamsSchema,
        body: RespondSubmitBodySchema,
        response: { 200: RespondSubmitResultSchema },
      },
    },
    async (request) =>
      submitAnswers(
        db,
        request.params.token,
        request.body.answers,
        request.body.language,
        resumeKeyOf(request),
      ),
  );
}
