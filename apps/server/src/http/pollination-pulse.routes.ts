import {
  DiffusionPlanParamsSchema,
  PulseAnswerBodySchema,
  PulseCreateBodySchema,
  PulseCreatedSchema,
  PulseParamsSchema,
  PulseQuestionSchema,
  PulseTokenParamsSchema,
} from '@essaim/contracts';
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import {
  answerPulse,
  closePulse,
  createPulse,
  listPulses,
  pulseQuestion,
} from '../services/pollination-pulse.service.ts';
import { qrSvg } from '../services/workshops-qr.ts';
import { actorOf, requireOrgScope } from './auth-plugin.ts';
import { publicOrigin } from './public-origin.ts';

const PulseListSchema = z.object({
  pulses: z.array(
    z.object({
      id: z.string(),
      collectiveId: z.string(),
      createdAt: z.string(),
      closedAt: z.string().nullable(),
      answers: z.number().int(),
      threshold: z.number().int(),
      /** Answers per stage, only from the organisation's minimum group size on. */
      distribution: z.record(z.string(), z.number().int()).nullable(),
    }),
  ),
});

/**
 * The adoption pulse: facilitators open a link per target collective; anyone holding the link answers
 * the one question without an account (`/api/pulse/:token`, a capability URL); closing it feeds the
 * plan's adoption tracking when enough people answered.
 */
export async function pollinationPulseRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['pollination'];
  const plan = '/api/orgs/:orgId/pollination/plans/:planId/pulses';

  app.post(
    plan,
    {
      schema: {
        tags,
        params: DiffusionPlanParamsSchema,
        body: PulseCreateBodySchema,
        response: { 200: PulseCreatedSchema },
      },
    },
    async (request) => {
      const { id, token } = await createPulse(
        db,
        await requireOrgScope(request, 'collective.read'),
        request.params.planId,
        request.body.collectiveId,
        actorOf(request),
      );
      const url = `${publicOrigin(request)}/pulse/${encodeURIComponent(token)}`;
      return { id, token, url, qrSvg: qrSvg(url, 'QR') };
    },
  );

  app.get(
    plan,
    { schema: { tags, params: DiffusionPlanParamsSchema, response: { 200: PulseListSchema } } },
    async (request) =>
      listPulses(db, await requireOrgScope(request, 'collective.read'), request.params.planId),
  );

  app.post(
    `${plan}/:pulseId/close`,
    {
      schema: {
        tags,
        params: PulseParamsSchema,
        response: {
          200: z.object({
            answers: z.number().int(),
            threshold: z.number().int(),
            recordedStage: z.string().nullable(),
          }),
        },
      },
    },
    async (request) =>
      closePulse(
        db,
        await requireOrgScope(request, 'collective.read'),
        request.params.planId,
        request.params.pulseId,
        actorOf(request),
      ),
  );

  app.get(
    '/api/pulse/:token',
    { schema: { tags, params: PulseTokenParamsSchema, response: { 200: PulseQuestionSchema } } },
    async (request) => pulseQuestion(db, request.params.token),
  );

  app.post(
    '/api/pulse/:token',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        params: PulseTokenParamsSchema,
        body: PulseAnswerBodySchema,
        response: { 200: z.object({ recorded: z.boolean() }) },
      },
    },
    async (request) => answerPulse(db, request.params.token, request.body.stage),
  );
}
