import {
  ConversationJoinBodySchema,
  ConversationWorkshopJoinResultSchema,
  ConversationWorkshopLinkSchema,
  ConversationWorkshopOpenBodySchema,
  ConversationWorkshopParamsSchema,
  ConversationWorkshopPublicParamsSchema,
  ConversationWorkshopStatusSchema,
} from '@essaim/contracts';
import type { AppInstance } from '../app-instance.ts';
import { requireScope } from '../services/access.service.ts';
import { presentConversation } from '../services/conversations.service.ts';
import {
  getWorkshopConversation,
  joinWorkshopConversation,
  openWorkshopConversation,
  workshopConversationStatus,
} from '../services/conversations-workshop.service.ts';
import { participantCookie } from '../services/live.service.ts';
import { actorOf, requireSession } from './auth-plugin.ts';
import type { ConversationsContext } from './conversations-public.routes.ts';

/**
 * The opinion map as a workshop activity: the facilitator opens it for the workshop (organisation
 * scope), a workshop participant gets into it with the workshop's participant cookie.
 */
export async function conversationWorkshopRoutes(app: AppInstance, ctx: ConversationsContext): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['conversations'];
  const url = '/api/orgs/:orgId/workshops/:workshopId/conversation';

  app.get(
    url,
    {
      schema: {
        tags,
        params: ConversationWorkshopParamsSchema,
        response: { 200: ConversationWorkshopLinkSchema },
      },
    },
    async (request) => {
      const scope = await requireScope(
        db,
        requireSession(request).user.id,
        request.params.orgId,
        'workshop.read',
      );
      return getWorkshopConversation(db, scope, request.params.workshopId);
    },
  );

  app.post(
    url,
    {
      schema: {
        tags,
        params: ConversationWorkshopParamsSchema,
        body: ConversationWorkshopOpenBodySchema,
        response: { 200: ConversationWorkshopLinkSchema },
      },
    },
    async (request) => {
      const scope = await requireScope(
        db,
        requireSession(request).user.id,
        request.params.orgId,
        'workshop.run',
      );
      const { row, isCreated } = await openWorkshopConversation(
        db,
        scope,
        request.params.workshopId,
        request.body,
        actorOf(request),
      );
      if (isCreated) {
        ctx.scheduler.schedule(row.id);
        await ctx.notify(row);
      }
      return { conversation: await presentConversation(db, scope, row) };
    },
  );

  app.get(
    '/api/workshops/:workshopId/conversation',
    {
      schema: {
        tags,
        params: ConversationWorkshopPublicParamsSchema,
        response: { 200: ConversationWorkshopStatusSchema },
      },
    },
    async (request) =>
      workshopConversationStatus(
        db,
        request.params.workshopId,
        request.cookies[participantCookie(request.params.workshopId)],
      ),
  );

  app.post(
    '/api/workshops/:workshopId/conversation/join',
    {
      schema: {
        tags,
        params: ConversationWorkshopPublicParamsSchema,
        body: ConversationJoinBodySchema,
        response: { 200: ConversationWorkshopJoinResultSchema },
      },
    },
    async (request) =>
      joinWorkshopConversation(
        db,
        request.params.workshopId,
        request.cookies[participantCookie(request.params.workshopId)],
      ),
  );
}
