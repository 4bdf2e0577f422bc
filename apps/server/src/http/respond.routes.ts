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
import type { FastifyRequest } from 'fastify';
import {
  giveConsent,
  respondSession,
  saveDraft,
  startShared,
  submitAnswers,
} from '../services/campaigns-respond.service.ts';
import type { AppInstance } from './app-instance.ts';

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
    async (request) => startShared(db, request.params.token, request.body),
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
