import {
  CreateWorkshopBodySchema,
  JoinWorkshopBodySchema,
  OrgParamsSchema,
  SendWorkshopOutputsBodySchema,
  WorkshopCodeParamsSchema,
  WorkshopCodeSchema,
  WorkshopExportQuerySchema,
  WorkshopJoinInfoSchema,
  WorkshopListSchema,
  WorkshopOutputsResultSchema,
  WorkshopParamsSchema,
  WorkshopParticipantSchema,
  WorkshopPublicParamsSchema,
  WorkshopSchema,
} from '@essaim/contracts';
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { workshopsRepository } from '../db/repositories/workshops.repository.ts';
import { AppError, notFound } from '../lib/app-error.ts';
import { participantCookie } from '../services/live.service.ts';
import { resolveParticipant } from '../services/participants.service.ts';
import { JoinGuard } from '../services/throttle.ts';
import {
  createWorkshop,
  exportResults,
  getWorkshop,
  joinInfo,
  joinWorkshop,
  listWorkshops,
  loadWorkshop,
  onEngagementStatus,
  resultsCsv,
  sendOutputs,
} from '../services/workshops.service.ts';
import { qrSvg } from '../services/workshops-qr.ts';
import { actorOf, requireOrgScope, requireSession } from './auth-plugin.ts';
import { JOIN_PER_ADDRESS_PER_MINUTE } from './join-limits.ts';
import { publicOrigin } from './public-origin.ts';
import { sendTable } from './table-export.ts';

const PARTICIPANT_COOKIE_SECONDS = 60 * 60 * 24 * 30;

export async function workshopRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['workshops'];
  const { live } = app.deps;
  live.register();
  app.addHook('onClose', async () => live.close());
  const base = '/api/orgs/:orgId/workshops/:workshopId';
  // Wrong codes back off per address and, instance-wide, per minute (code enumeration).
  const joinGuard = new JoinGuard();
  const guardJoin = async <T>(ip: string, run: () => Promise<T>): Promise<T> => {
    const wait = joinGuard.retryAfter(ip);
    if (wait > 0) {
      throw new AppError('RATE_LIMITED', 'too many wrong codes, try again later', {
        retryAfterSeconds: wait,
      });
    }
    try {
      return await run();
    } catch (err) {
      if (err instanceof AppError && err.code === 'NOT_FOUND') {
        joinGuard.fail(ip);
      }
      throw err;
    }
  };

  // Public room of a workshop (presence, reactions; never events): facilitators, members, participants.
  app.deps.roomAuthorizers.set(
    'workshop',
    async (request, id) => (await live.identify(request, id)) !== null,
  );
  app.deps.engagementStatusListeners.on((engagementId, status) =>
    onEngagementStatus(db, live, engagementId, status),
  );

  app.get(
    '/api/orgs/:orgId/workshops',
    {
      schema: {
        tags,
        params: OrgParamsSchema,
        querystring: z.object({ engagementId: z.string().max(64).optional() }),
        response: { 200: WorkshopListSchema },
      },
    },
    async (request) => ({
      workshops: await listWorkshops(
        db,
        await requireOrgScope(request, 'workshop.read'),
        request.query.engagementId,
      ),
    }),
  );

  app.post(
    '/api/orgs/:orgId/workshops',
    {
      schema: {
        tags,
        params: OrgParamsSchema,
        body: CreateWorkshopBodySchema,
        response: { 200: WorkshopSchema },
      },
    },
    async (request) =>
      createWorkshop(db, await requireOrgScope(request, 'workshop.run'), request.body, actorOf(request)),
  );

  app.get(
    base,
    { schema: { tags, params: WorkshopParamsSchema, response: { 200: WorkshopSchema } } },
    async (request) =>
      getWorkshop(db, await requireOrgScope(request, 'workshop.read'), request.params.workshopId),
  );

  app.get(`${base}/qr.svg`, { schema: { tags, params: WorkshopParamsSchema } }, async (request, reply) => {
    const row = await loadWorkshop(
      db,
      await requireOrgScope(request, 'workshop.read'),
      request.params.workshopId,
    );
    const origin = publicOrigin(request);
    reply.type('image/svg+xml').header('cache-control', 'private, max-age=3600');
    return qrSvg(`${origin}/join/${row.code}`, `QR ${row.code}`);
  });

  app.get(
    `${base}/export`,
    { schema: { tags, params: WorkshopParamsSchema, querystring: WorkshopExportQuerySchema } },
    async (request, reply) => {
      const scope = await requireOrgScope(request, 'workshop.run');
      const exported = await exportResults(db, live, scope, request.params.workshopId);
      const name = `workshop-${request.params.workshopId.slice(0, 8)}`;
      if (request.query.format !== 'json') {
        return sendTable(reply, `\uFEFF${resultsCsv(exported)}`, request.query.format, name);
      }
      reply.header('content-disposition', `attachment; filename="${name}.json"`);
      return exported;
    },
  );

  app.post(
    `${base}/outputs`,
    {
      schema: {
        tags,
        params: WorkshopParamsSchema,
        body: SendWorkshopOutputsBodySchema,
        response: { 200: WorkshopOutputsResultSchema },
      },
    },
    async (request) =>
      sendOutputs(
        db,
        live,
        await requireOrgScope(request, 'workshop.run'),
        request.params.workshopId,
        request.body,
        actorOf(request),
        requireSession(request).user.language === 'en' ? 'en' : 'fr',
      ),
  );

  // ---- people without an account (capability: the join code, then the participant cookie) ----

  app.get(
    '/api/workshops/by-code/:code',
    { schema: { tags, params: WorkshopCodeParamsSchema, response: { 200: WorkshopJoinInfoSchema } } },
    async (request) => {
      const code = WorkshopCodeSchema.safeParse(request.params.code);
      if (!code.success) {
        throw notFound('workshop');
      }
      return guardJoin(request.ip, () => joinInfo(db, code.data));
    },
  );

  app.post(
    '/api/workshops/join',
    {
      // A whole room joins at once, often behind one venue NAT address: the limit is per minute and generous.
      config: { rateLimit: { max: JOIN_PER_ADDRESS_PER_MINUTE, timeWindow: '1 minute' } },
      schema: { tags, body: JoinWorkshopBodySchema, response: { 200: WorkshopParticipantSchema } },
    },
    async (request, reply) => {
      const { participant, token, title } = await guardJoin(request.ip, () =>
        joinWorkshop(db, live, request.body),
      );
      reply.setCookie(participantCookie(participant.scopeId), token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https' || (app.deps.config.publicUrl?.startsWith('https://') ?? false),
        maxAge: PARTICIPANT_COOKIE_SECONDS,
      });
      return {
        workshopId: participant.scopeId,
        participantId: participant.id,
        displayName: participant.displayName,
        title,
      };
    },
  );

  app.get(
    '/api/workshops/:workshopId/me',
    { schema: { tags, params: WorkshopPublicParamsSchema, response: { 200: WorkshopParticipantSchema } } },
    async (request) => {
      const { workshopId } = request.params;
      const token = request.cookies[participantCookie(workshopId)];
      const p = token ? await resolveParticipant(db, token, 'workshop', workshopId) : null;
      const row = p ? await workshopsRepository.byId(db, workshopId) : undefined;
      if (!p || !row) {
        throw new AppError('NOT_FOUND', 'not a participant of this workshop');
      }
      return { workshopId, participantId: p.id, displayName: p.displayName, title: row.title };
    },
  );
}
