import {
  BoardParamsSchema,
  CreateBoardBodySchema,
  CreateOptionBodySchema,
  EngagementParamsSchema,
  OptionParamsSchema,
  OptionsBoardListSchema,
  OptionsBoardSchema,
  RecordChoiceBodySchema,
  UpdateBoardBodySchema,
  UpdateOptionBodySchema,
} from '@essaim/contracts';
import type { AppInstance } from '../app-instance.ts';
import {
  addOption,
  createBoard,
  listBoards,
  recordChoice,
  removeOption,
  updateBoard,
  updateOption,
} from '../services/options-boards.service.ts';
import { actorOf, requireOrgScope, requireSession } from './auth-plugin.ts';

export async function optionsBoardRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const tags = ['options boards'];
  const base = '/api/orgs/:orgId/engagements/:engagementId/options-boards';

  app.get(
    base,
    { schema: { tags, params: EngagementParamsSchema, response: { 200: OptionsBoardListSchema } } },
    async (request) => ({
      boards: await listBoards(
        db,
        await requireOrgScope(request, 'engagement.read'),
        request.params.engagementId,
      ),
    }),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        params: EngagementParamsSchema,
        body: CreateBoardBodySchema,
        response: { 200: OptionsBoardSchema },
      },
    },
    async (request) =>
      createBoard(
        db,
        await requireOrgScope(request, 'options.prepare'),
        request.params.engagementId,
        request.body,
        actorOf(request),
        requireSession(request).user.language === 'en' ? 'en' : 'fr',
      ),
  );

  app.patch(
    `${base}/:boardId`,
    {
      schema: {
        tags,
        params: BoardParamsSchema,
        body: UpdateBoardBodySchema,
        response: { 200: OptionsBoardSchema },
      },
    },
    async (request) =>
      updateBoard(
        db,
        await requireOrgScope(request, 'options.prepare'),
        request.params.engagementId,
        request.params.boardId,
        request.body,
        actorOf(request),
      ),
  );

  app.post(
    `${base}/:boardId/options`,
    {
      schema: {
        tags,
        params: BoardParamsSchema,
        body: CreateOptionBodySchema,
        response: { 200: OptionsBoardSchema },
      },
    },
    async (request) =>
      addOption(
        db,
        await requireOrgScope(request, 'options.prepare'),
        request.params.engagementId,
        request.params.boardId,
        request.body,
        actorOf(request),
      ),
  );

  app.patch(
    `${base}/:boardId/options/:optionId`,
    {
      schema: {
        tags,
        params: OptionParamsSchema,
        body: UpdateOptionBodySchema,
        response: { 200: OptionsBoardSchema },
      },
    },
    async (request) =>
      updateOption(
        db,
        await requireOrgScope(request, 'options.prepare'),
        request.params.engagementId,
        request.params.boardId,
        request.params.optionId,
        request.body,
        actorOf(request),
      ),
  );

  app.delete(
    `${base}/:boardId/options/:optionId`,
    { schema: { tags, params: OptionParamsSchema, response: { 200: OptionsBoardSchema } } },
    async (request) =>
      removeOption(
        db,
        await requireOrgScope(request, 'options.prepare'),
        request.params.engagementId,
        request.params.boardId,
        request.params.optionId,
        actorOf(request),
      ),
  );

  app.post(
    `${base}/:boardId/choice`,
    {
      schema: {
        tags,
        params: BoardParamsSchema,
        body: RecordChoiceBodySchema,
        response: { 200: OptionsBoardSchema },
      },
    },
    async (request) =>
      recordChoice(
        db,
        await requireOrgScope(request, 'options.choose'),
        request.params.engagementId,
        request.params.boardId,
        request.body,
        actorOf(request),
      ),
  );
}
