import {
  NetworkAnswersBodySchema,
  NetworkConsentBodySchema,
  NetworkProposalResponseBodySchema,
  NetworkRespondentViewSchema,
  NetworkTokenParamsSchema,
} from '@essaim/contracts';
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import {
  answerProposal,
  grantConsent,
  respondentView,
  saveAnswers,
  withdrawConsent,
} from '../services/networks-survey.service.ts';

const Ok = z.object({ ok: z.literal(true) });

/**
 * The respondent's side of a network survey, reached by a capability link (`/n/<networkId>.<token>`),
 * no account needed. The respondent sees the roster and only their own answers.
 */
export async function networkSurveyRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['network survey'];
  const base = '/api/network-survey/:token';

  app.get(
    base,
    { schema: { tags, params: NetworkTokenParamsSchema, response: { 200: NetworkRespondentViewSchema } } },
    async (request) => respondentView(db, request.params.token),
  );

  app.post(
    `${base}/consent`,
    {
      schema: {
        tags,
        params: NetworkTokenParamsSchema,
        body: NetworkConsentBodySchema,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await grantConsent(db, request.params.token, request.body);
      return { ok: true as const };
    },
  );

  app.delete(
    `${base}/consent`,
    { schema: { tags, params: NetworkTokenParamsSchema, response: { 200: Ok } } },
    async (request) => {
      await withdrawConsent(db, request.params.token);
      return { ok: true as const };
    },
  );

  app.put(
    `${base}/answers`,
    {
      schema: {
        tags,
        params: NetworkTokenParamsSchema,
        body: NetworkAnswersBodySchema,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await saveAnswers(db, request.params.token, request.body);
      return { ok: true as const };
    },
  );

  app.post(
    `${base}/proposal`,
    {
      schema: {
        tags,
        params: NetworkTokenParamsSchema,
        body: NetworkProposalResponseBodySchema,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await answerProposal(db, request.params.token, request.body);
      return { ok: true as const };
    },
  );
}
