import {
  ConversationImportBodySchema,
  ConversationImportResultSchema,
  ConversationListQuerySchema,
  ConversationListSchema,
  ConversationParamsSchema,
  ConversationResultsSchema,
  ConversationSchema,
  ConversationStatementBodySchema,
  ConversationStatementParamsSchema,
  CreateConversationBodySchema,
  ModerateStatementBodySchema,
  OrgParamsSchema,
  UpdateConversationBodySchema,
} from '@essaim/contracts';
import type { AppInstance } from '../app-instance.ts';
import { conversationsRepository } from '../db/repositories/conversations.repository.ts';
import {
  createConversation,
  listConversations,
  loadConversation,
  moderateStatement,
  presentConversation,
  seedStatements,
  updateConversation,
} from '../services/conversations.service.ts';
import { presentResults } from '../services/conversations-analysis.service.ts';
import {
  exportPolisComments,
  exportPolisVotes,
  importPolis,
} from '../services/conversations-polis.service.ts';
import { qrSvg } from '../services/workshops-qr.ts';
import { actorOf, requireOrgScope } from './auth-plugin.ts';
import type { ConversationsContext } from './conversations-public.routes.ts';
import { publicOrigin } from './public-origin.ts';
import { sendTable, TABLE_FORMATS } from './table-export.ts';

/** Facilitator and member side of opinion-mapping conversations (organisation-scoped). */
export async function conversationRoutes(app: AppInstance, ctx: ConversationsContext): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['conversations'];
  const base = '/api/orgs/:orgId/conversations/:conversationId';

  app.get(
    '/api/orgs/:orgId/conversations',
    {
      schema: {
        tags,
        params: OrgParamsSchema,
        querystring: ConversationListQuerySchema,
        response: { 200: ConversationListSchema },
      },
    },
    async (request) => ({
      conversations: await listConversations(
        db,
        await requireOrgScope(request, 'workshop.read'),
        request.query.engagementId,
      ),
    }),
  );

  app.post(
    '/api/orgs/:orgId/conversations',
    {
      schema: {
        tags,
        params: OrgParamsSchema,
        body: CreateConversationBodySchema,
        response: { 200: ConversationSchema },
      },
    },
    async (request) => {
      const scope = await requireOrgScope(request, 'workshop.run');
      const row = await createConversation(db, scope, request.body, actorOf(request));
      return presentConversation(db, scope, row);
    },
  );

  app.get(
    base,
    { schema: { tags, params: ConversationParamsSchema, response: { 200: ConversationSchema } } },
    async (request) => {
      const scope = await requireOrgScope(request, 'workshop.read');
      return presentConversation(db, scope, await loadConversation(db, scope, request.params.conversationId));
    },
  );

  // The join link's QR code for the projector; like the join code itself, only for those who run it.
  app.get(
    `${base}/qr.svg`,
    { schema: { tags, params: ConversationParamsSchema } },
    async (request, reply) => {
      const scope = await requireOrgScope(request, 'workshop.run');
      const row = await loadConversation(db, scope, request.params.conversationId);
      reply.type('image/svg+xml').header('cache-control', 'private, max-age=3600');
      return qrSvg(`${publicOrigin(request)}/c/${row.join_code}`, `QR ${row.join_code}`);
    },
  );

  app.patch(
    base,
    {
      schema: {
        tags,
        params: ConversationParamsSchema,
        body: UpdateConversationBodySchema,
        response: { 200: ConversationSchema },
      },
    },
    async (request) => {
      const scope = await requireOrgScope(request, 'workshop.run');
      const row = await updateConversation(
        db,
        scope,
        request.params.conversationId,
        request.body,
        actorOf(request),
      );
      await ctx.notify(row);
      return presentConversation(db, scope, row);
    },
  );

  app.post(
    `${base}/statements`,
    {
      schema: {
        tags,
        params: ConversationParamsSchema,
        body: ConversationStatementBodySchema,
        response: { 200: ConversationSchema },
      },
    },
    async (request) => {
      const scope = await requireOrgScope(request, 'workshop.run');
      const row = await seedStatements(
        db,
        scope,
        request.params.conversationId,
        [request.body.text],
        actorOf(request),
      );
      ctx.scheduler.schedule(row.id);
      return presentConversation(db, scope, row);
    },
  );

  app.patch(
    `${base}/statements/:statementId`,
    {
      schema: {
        tags,
        params: ConversationStatementParamsSchema,
        body: ModerateStatementBodySchema,
        response: { 200: ConversationSchema },
      },
    },
    async (request) => {
      const scope = await requireOrgScope(request, 'workshop.run');
      const row = await moderateStatement(
        db,
        scope,
        request.params.conversationId,
        request.params.statementId,
        request.body.status,
        actorOf(request),
      );
      ctx.scheduler.schedule(row.id);
      await ctx.notify(row);
      return presentConversation(db, scope, row);
    },
  );

  app.get(
    `${base}/results`,
    { schema: { tags, params: ConversationParamsSchema, response: { 200: ConversationResultsSchema } } },
    async (request) => {
      const scope = await requireOrgScope(request, 'workshop.read');
      let row = await loadConversation(db, scope, request.params.conversationId);
      if (row.result_version < row.data_version) {
        if (row.result === null) {
          // First view: wait for the first map instead of showing an empty one.
          await ctx.scheduler.runNow(row.id);
          row = await loadConversation(db, scope, row.id);
        } else {
          ctx.scheduler.schedule(row.id);
        }
      }
      const statements = await conversationsRepository.statementsWithTally(db, row.id);
      const counts = (await conversationsRepository.counts(db, [row.id])).get(row.id)!;
      return presentResults(row, statements, counts);
    },
  );

  app.post(
    `${base}/import`,
    {
      schema: {
        tags,
        params: ConversationParamsSchema,
        body: ConversationImportBodySchema,
        response: { 200: ConversationImportResultSchema },
      },
    },
    async (request) => {
      const scope = await requireOrgScope(request, 'workshop.run');
      const result = await importPolis(
        db,
        scope,
        request.params.conversationId,
        request.body,
        actorOf(request),
      );
      ctx.scheduler.schedule(request.params.conversationId);
      return result;
    },
  );

  for (const file of ['votes', 'comments'] as const) {
    for (const format of TABLE_FORMATS) {
      app.get(
        `${base}/export/${file}.${format}`,
        { schema: { tags, params: ConversationParamsSchema } },
        async (request, reply) => {
          const scope = await requireOrgScope(request, 'workshop.run');
          const text =
            file === 'votes'
              ? await exportPolisVotes(db, scope, request.params.conversationId)
              : await exportPolisComments(db, scope, request.params.conversationId);
          return sendTable(reply, text, format, file);
        },
      );
    }
  }
}
