import type { AppInstance } from '../app-instance.ts';
import { conversationRoutes } from '../http/conversations.routes.ts';
import { type ConversationsContext, conversationPublicRoutes } from '../http/conversations-public.routes.ts';
import { conversationWorkshopRoutes } from '../http/conversations-workshop.routes.ts';
import { createConversationScheduler } from '../services/conversations-analysis.service.ts';

/**
 * Opinion-mapping conversations: one scheduler (worker thread) per app recomputes the maps; a
 * finished map is announced to the engagement room (members with `engagement.read`), while
 * participants, who have no account, poll their `/me`.
 */
async function conversationsFeature(app: AppInstance): Promise<void> {
  const notify = async (row: { id: string; engagement_id: string | null }) => {
    if (row.engagement_id) {
      const room = `engagement:${row.engagement_id}`;
      await app.deps.hub.broadcast(room, {
        type: 'event',
        room,
        event: 'conversation.updated',
        payload: { conversationId: row.id },
      });
    }
  };
  const scheduler = createConversationScheduler(app.deps.database.db, notify, 400, (error) =>
    app.log.error({ err: error }, 'opinion map recomputation failed'),
  );
  app.addHook('onClose', async () => scheduler.close());
  // A stop or pause closes input at once; tell the screens so participants see it on their next poll.
  app.deps.engagementStatusListeners.on(async (engagementId) => {
    const { conversationsRepository } = await import('../db/repositories/conversations.repository.ts');
    for (const c of await conversationsRepository.listByEngagementUnchecked(
      app.deps.database.db,
      engagementId,
    )) {
      await notify({ id: c.id, engagement_id: engagementId });
    }
  });
  const ctx: ConversationsContext = { scheduler, notify };
  await conversationRoutes(app, ctx);
  await conversationPublicRoutes(app, ctx);
  await conversationWorkshopRoutes(app, ctx);
}

/** Route plugins of the conversations feature, in registration order. */
export const conversationsPlugins: ((app: AppInstance) => Promise<void>)[] = [conversationsFeature];
