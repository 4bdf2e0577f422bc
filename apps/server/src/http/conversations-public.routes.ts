import {
  ConversationJoinBodySchema,
  ConversationJoinParamsSchema,
  ConversationJoinResultSchema,
  ConversationMeSchema,
  ConversationPublicSchema,
  ConversationStatementBodySchema,
  ConversationVoteBodySchema,
} from '@essaim/contracts';
import type { FastifyRequest } from 'fastify';
import type { OpinionsScheduler } from '../analysis/opinions-scheduler.ts';
import type { AppInstance } from '../app-instance.ts';
import type { ConversationRow } from '../db/repositories/conversations.repository.ts';
import {
  castVote,
  describeConversation,
  joinConversation,
  readMyState,
  submitStatement,
} from '../services/conversations-participation.service.ts';
import { actorOf } from './auth-plugin.ts';

/** What both route files of the feature share: the recomputation scheduler and the change notice. */
export interface ConversationsContext {
  scheduler: OpinionsScheduler;
  /** Tell connected facilitators (engagement room) that a conversation changed. */
  notify(row: ConversationRow): Promise<void>;
}

/** The participant token travels in a header, never in the URL (no logs, no referrers). */
export const PARTICIPANT_HEADER = 'x-participant-token';

const tokenOf = (request: FastifyRequest): string | undefined => {
  const value = request.headers[PARTICIPANT_HEADER];
  return typeof value === 'string' ? value : undefined;
};

/**
 * Participant side, reached through the join link (a capability URL: `/api/conversations/join/:joinCode`).
 * No account: joining issues a participant token scoped to this one conversation.
 */
export async function conversationPublicRoutes(app: AppInstance, ctx: ConversationsContext): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['conversations'];
  const base = '/api/conversations/join/:joinCode';

  app.get(
    base,
    { schema: { tags, params: ConversationJoinParamsSchema, response: { 200: ConversationPublicSchema } } },
    async (request) => describeConversation(db, request.params.joinCode),
  );

  app.post(
    `${base}/participants`,
    {
      schema: {
        tags,
        params: ConversationJoinParamsSchema,
        body: ConversationJoinBodySchema,
        response: { 200: ConversationJoinResultSchema },
      },
    },
    async (request) => joinConversation(db, request.params.joinCode),
  );

  app.get(
    `${base}/me`,
    { schema: { tags, params: ConversationJoinParamsSchema, response: { 200: ConversationMeSchema } } },
    async (request) => readMyState(db, request.params.joinCode, tokenOf(request)),
  );

  app.post(
    `${base}/votes`,
    {
      schema: {
        tags,
        params: ConversationJoinParamsSchema,
        body: ConversationVoteBodySchema,
        response: { 200: ConversationMeSchema },
      },
    },
    async (request) => {
      const { conversationId, isChanged } = await castVote(
        db,
        request.params.joinCode,
        tokenOf(request),
        request.body,
      );
      if (isChanged) {
        ctx.scheduler.schedule(conversationId);
      }
      return readMyState(db, request.params.joinCode, tokenOf(request));
    },
  );

  app.post(
    `${base}/statements`,
    {
      schema: {
        tags,
        params: ConversationJoinParamsSchema,
        body: ConversationStatementBodySchema,
        response: { 200: ConversationMeSchema },
      },
    },
    async (request) => {
      await submitStatement(
        db,
        request.params.joinCode,
        tokenOf(request),
        request.body.text,
        actorOf(request),
      );
      return readMyState(db, request.params.joinCode, tokenOf(request));
    },
  );
}
